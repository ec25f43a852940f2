import Testing

@testable import HeguiCore

@Suite struct CSVReaderTests {
    /// Each record as (line, [(text, column)]), or the syntax errors, read through the public reader.
    private func read(_ text: String) -> (records: [(Int, [(String, Int)])], errors: [CSVSyntaxError]) {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            var reader = CSVReader(bytes: buffer)
            var records: [(Int, [(String, Int)])] = []
            var errors: [CSVSyntaxError] = []
            var scratch: [UInt8] = []
            while true {
                do {
                    guard try reader.next() else { break }
                } catch {
                    errors.append(error as! CSVSyntaxError)
                    continue
                }
                let cells = reader.cells.map { cell in
                    (
                        reader.withContent(of: cell, scratch: &scratch) { String(decoding: $0, as: UTF8.self) },
                        reader.column(of: cell)
                    )
                }
                records.append((reader.line, cells))
            }
            return (records, errors)
        }
    }

    @Test func quotedCellsWithCommasQuotesAndNewlines() {
        let (records, errors) = read("a,b,c\r\n\"x,1\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nlast,,\"\"\n")
        #expect(errors.isEmpty)
        #expect(records.count == 3)
        #expect(records[1].0 == 2)
        #expect(records[1].1.map(\.0) == ["x,1", "say \"hi\"", "two\nlines"])
        #expect(records[1].1.map(\.1) == [1, 7, 20])
        #expect(records[2].0 == 4)  // the row after a two-line cell
        #expect(records[2].1.map(\.0) == ["last", "", ""])
    }

    @Test func columnsCountCharactersNotBytes() {
        let (records, _) = read("工号,姓名,x\n")
        #expect(records[0].1.map(\.1) == [1, 4, 7])
    }

    @Test func blankLinesAndLoneCRAreLineEnds() {
        let (records, errors) = read("h\r\r\n\n1\r2\n\n\n")
        #expect(errors.isEmpty)
        #expect(records.map(\.0) == [1, 4, 5])
        #expect(records.map { $0.1.map(\.0) } == [["h"], ["1"], ["2"]])
    }

    @Test func trailingCommaMakesAnEmptyLastCell() {
        let (records, _) = read("a,")
        #expect(records[0].1.map(\.0) == ["a", ""])
    }

    @Test func unterminatedQuoteIsLocatedAtTheOpeningQuote() {
        let (records, errors) = read("a,b\n1,\"open\n2,3\n")
        #expect(records.count == 1)
        #expect(errors == [CSVSyntaxError(line: 2, column: 3, message: .unterminatedQuote)])
        #expect(errors.map { Message.records($0.message).text(.en) } == ["unterminated quoted field"])
    }

    @Test func textAfterAClosingQuoteIsAnErrorAndReadingResumes() {
        let (records, errors) = read("a,b\n\"ab\"c,1\n2,3\n")
        #expect(errors == [CSVSyntaxError(line: 2, column: 5, message: .characterAfterQuote)])
        #expect(errors.map { Message.records($0.message).text(.en) } == ["unexpected character after closing quote"])
        #expect(records.map(\.0) == [1, 3])
    }

    @Test func bareQuoteInsideAnUnquotedFieldIsRefused() {
        let (_, errors) = read("a\n5\" screen\n")
        #expect(errors.map(\.line) == [2])
        #expect(errors.map(\.column) == [2])
    }
}
