import Foundation
import HeguiCore
import Testing

extension Reporting {
    @Suite("TextReporter")
    struct TextReporterTests {
        @Test("CJK text takes two columns, ASCII one")
        func widths() {
            #expect(displayWidth("张三") == 4)
            #expect(displayWidth("abc") == 3)
            #expect(displayWidth("") == 0)
            #expect(displayWidth("ａｂ，。") == 8)
            #expect(displayWidth("한국") == 4)
            #expect(displayWidth("e\u{301}") == 1)
        }

        @Test("canned zh-CN output, aligned by display width")
        func cannedChinese() {
            let output = TextReporter(useColour: false).render(ReportFixture.input(.zhCN))
            #expect(output == Self.expectedChinese)
        }

        @Test("English labels and no colour codes without colour")
        func english() {
            let output = TextReporter(useColour: false).render(ReportFixture.input(.en))
            #expect(output.contains("  score 8/20, pass line 12, grade: fail, FAILED\n"))
            #expect(output.contains("  L01  fail            0/4     12 offending  each = 0   Labour contracts signed\n"))
            #expect(output.contains("      … and 2 more\n"))
            #expect(output.contains("  fix first: S01 (+5) (4 points short)\n"))
            #expect(!output.contains("\u{1B}"))
        }

        @Test("colour only wraps words, never changes the text")
        func colour() {
            let coloured = TextReporter(useColour: true).render(ReportFixture.input(.en))
            #expect(coloured.contains("\u{1B}[32mPASSED\u{1B}[0m"))
            #expect(coloured.contains("\u{1B}[31mFAILED\u{1B}[0m"))
            #expect(coloured.contains("\u{1B}[33merror "))
            let stripped = coloured.replacingOccurrences(of: "\u{1B}[31m", with: "")
                .replacingOccurrences(of: "\u{1B}[32m", with: "").replacingOccurrences(of: "\u{1B}[33m", with: "")
                .replacingOccurrences(of: "\u{1B}[0m", with: "")
            #expect(stripped == TextReporter(useColour: false).render(ReportFixture.input(.en)))
        }

        @Test("no line carries trailing spaces")
        func noTrailingSpaces() {
            let output = TextReporter(useColour: false).render(ReportFixture.input(.zhCN))
            #expect(!output.split(separator: "\n").contains { $0.hasSuffix(" ") })
        }

        @Test("control characters from records cannot break lines or drive the terminal")
        func controlCharacters() {
            var input = ReportFixture.input(.en)
            input.assessment.packs[1].findings[0].checks[0].evidence[1].key = "E002\n\u{1B}[2Jx"
            let output = TextReporter(useColour: false).render(input)
            #expect(!output.contains("\u{1B}"))
            #expect(output.contains("E002 \u{FFFD}[2Jx"))
        }

        static let expectedChinese = """
            hegui · 2024 · 宁波示例制造有限公司

            工会经费规范 (union-finance 2023.2)
              得分 20/20，合格线 16，等级：优秀，通过
              编号  结果    得分   实测   阈值   指标
              F01   达标    10/10  98.5%  ≥ 95%  经费拨缴率
              F02   不适用  5/5    —      —      大额支出集体决策
              F03   达标    5/5    4      ≥ 4    经审会议次数

            宁波市和谐企业评价 (ningbo-hexie 2024.1)
              得分 8/20，合格线 12，等级：不合格，未通过
              类别 S 安全生产 得分 5 低于最低分 6
              否决项触发：V01 发生重大安全事故
                records/accidents.xml:7  A-2024-003  死亡 1 人
              编号  结果      得分  实测       阈值      指标
              L01   未达标    0/4   12 项不符  每项 = 0  劳动合同签订率
                  records/employees.xml:5   <script>alert(1)</script>  未签劳动合同
                  records/employees.xml:8   E002                       未签劳动合同
                  records/employees.xml:11  E003                       未签劳动合同
                  records/employees.xml:14  E004                       未签劳动合同
                  records/employees.xml:17  E005                       未签劳动合同
                  records/employees.xml:20  E006                       未签劳动合同
                  records/employees.xml:23  E007                       未签劳动合同
                  records/employees.xml:26  E008                       未签劳动合同
                  records/employees.xml:29  E009                       未签劳动合同
                  records/employees.xml:32  E010                       未签劳动合同
                  … 另有 2 条
              L02   数据错误  0/3   —          每项 = 0  工资按时足额支付
                  工资表缺少字段 paid_on
              L03   达标      3/3   92.35%     ≥ 90%     集体合同覆盖率
              S01   未佐证    0/5   —          —         全员安全培训
                  缺少培训签到表
              S02   不适用    5/5   —          —         特种作业持证
              优先整改：S01 (+5)（差 4 分）
              否决项阻止通过：V01

            整改台账：未销号 3 项，逾期 2 项

            总体：未通过

            """
    }
}
