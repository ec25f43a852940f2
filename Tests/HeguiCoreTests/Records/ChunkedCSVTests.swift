import HeguiXML
import Testing

@testable import HeguiCore

/// Parsing a CSV in chunks (on every core) must give exactly the sequential result: rows, lines,
/// text dictionaries, and every diagnostic with its location.
@Suite struct ChunkedCSVTests {
    /// A canonical dump of a table: every row's line, file and cell values, and each text dictionary.
    static func dump(_ table: RecordTable) -> String {
        var lines = ["files \(table.files.map { "\($0.path) \($0.sha256)" })"]
        for row in 0..<table.count {
            let cells = table.columns.indices.map { table.value(column: $0, at: row)?.description ?? "∅" }
            lines.append("\(table.lines[row]) \(table.fileNumber(at: row)) \(cells.joined(separator: "|"))")
        }
        for column in table.columns {
            if case .text(let text) = column { lines.append("values \(text.values)") }
        }
        return lines.joined(separator: "\n")
    }

    /// The sequential and chunked results (dump or diagnostics) for every chunk size down to 1 byte.
    static func compare(_ text: String, errorLimit: Int = 100) {
        let bytes = Array(text.utf8)
        func run(_ chunkBytes: Int) -> String {
            let importer = RecordImporter(kinds: [employeeKind], errorLimit: errorLimit, chunkBytes: chunkBytes)
            var result = ""
            let errors = diagnosticLines {
                result = dump(try importer.importCSV(bytes: bytes, path: "e.csv", kind: employeeKind))
            }
            return errors.isEmpty ? result : errors.joined(separator: "\n")
        }
        let sequential = run(Int.max)
        for chunkBytes in [1, 2, 3, 5, 8, 13, 21, 34, 64] {
            #expect(run(chunkBytes) == sequential, "chunks of \(chunkBytes) bytes")
        }
    }

    @Test func cleanFileSplitsAnywhere() {
        var text = "工号,姓名,性别,入职日期,月工资,是否会员,年龄\n"
        for k in 1...40 {
            text +=
                "E\(k),名\(k % 7),\(k % 2 == 0 ? "男" : "女"),2019-0\(k % 9 + 1)-1\(k % 10),\(1000 + k).5,\(k % 3 == 0 ? "是" : "否"),\(20 + k)\n"
        }
        Self.compare(text)
        Self.compare(text.replacingOccurrences(of: "\n", with: "\r\n"))
    }

    @Test func quotedNewlinesStraddleSplitPoints() {
        var text = "工号,姓名,年龄\r\n"
        for k in 1...30 {
            text += "E\(k),\"第\(k)行\n续\r\n\"\"引号\"\", 逗号\",\(k)\r\n"
            if k % 4 == 0 { text += "\n\n" }  // blank lines, counted but not rows
        }
        Self.compare(text)
    }

    @Test func errorsInEveryChunkKeepTheirLocations() {
        var text = "工号,姓名,性别,年龄\n"
        for k in 1...40 {
            switch k % 8 {
            case 1: text += "E\(k),甲,未知,30\n"  // not an allowed value
            case 2: text += "E\(k),乙,男,三十\n"  // not a number
            case 3: text += "E\(k),a\"b,男,30\n"  // bare quote
            case 4: text += "E\(k),\"丙\"x,男,30\n"  // text after a closing quote
            case 5: text += "E\(k),丁,男,30,多余\n"  // too many cells
            case 6: text += "E\(k - 5),戊,女,31\n"  // duplicate key across chunks
            default: text += "E\(k),\"多\n行\",女,\(k)\n"
            }
        }
        Self.compare(text)
        Self.compare(text, errorLimit: 7)  // the limit keeps the same first errors and counts the rest
    }

    @Test func unterminatedQuoteAtTheEnd() {
        Self.compare("工号,姓名\nE1,a\nE2,\"b\nE3,c\nE4,d\n")
        // A quote that opens early makes every later split fall inside it: the file is re-read whole.
        Self.compare("工号,姓名\nE1,\"a\nE2,b\nE3,c\"\nE4,d\nE5,e\n")
    }
}
