import HeguiXML
import Testing

@testable import HeguiCore

extension Reporting {
    @Suite("DiagnosticText") struct DiagnosticTextTests {
        @Test("a bad cell reads in Chinese, at the same place, with the keyword kept for tools")
        func badDateInChinese() {
            let diagnostic = Diagnostic(
                at: SourceLocation(file: "records/timesheet.csv", line: 2, column: 4),
                .records(.notADate(field: "date", value: "2019-02-30")))
            #expect(DiagnosticText.line(diagnostic, .zhCN) == "records/timesheet.csv:2:4: error: 字段“date”：“2019-02-30”不是有效日期")
            #expect(
                DiagnosticText.line(diagnostic, .en)
                    == "records/timesheet.csv:2:4: error: field 'date': '2019-02-30' is not a valid date")
        }

        @Test("gaps are filled in the Chinese order, and messages outside the catalogue stay as they are")
        func reorderingAndFallback() {
            #expect(DiagnosticText.message("no indicator or veto 'L9' in a, b", .zhCN) == "a, b 中没有编号为“L9”的指标或否决项")
            #expect(DiagnosticText.message("something new", .zhCN) == "something new")
            #expect(DiagnosticText.message("give --period or --from/--to, not both", .zhCN) == "--period 与 --from/--to 只能二选一")
            #expect(DiagnosticText.message("give --period or --from/--to, not both!", .zhCN) == "give --period or --from/--to, not both!")
        }

        @Test("command failures are translated line by line; other lines and English pass unchanged")
        func failureLines() {
            let text = "hegui: error: unknown pack 'nope' (have: a, b)\nplain line\nx.csv:2:3: warning: '2019-13-01' is not a date (YYYY-MM-DD)"
            #expect(
                DiagnosticText.lines(text, .zhCN)
                    == "hegui: error: 未知规则包 'nope'（现有：a, b）\nplain line\nx.csv:2:3: warning: “2019-13-01”不是日期（格式 YYYY-MM-DD）")
            #expect(DiagnosticText.lines(text, .en) == text)
        }

        @Test("every catalogue entry matches its own template and leaves no gap unfilled")
        func catalogueIsComplete() {
            for entry in DiagnosticText.catalogue {
                let example = entry.en.replacingOccurrences(of: "{}", with: "甲")
                let text = DiagnosticText.message(example, .zhCN)
                #expect(text != example, "\(entry.en) did not match itself")
                #expect(!text.contains("{"), "\(entry.zh) has an unfilled gap")
                let gaps = entry.en.components(separatedBy: "{}").count - 1
                #expect(gaps == 0 || text.contains("甲"), "\(entry.zh) drops every gap")
            }
        }
    }
}
