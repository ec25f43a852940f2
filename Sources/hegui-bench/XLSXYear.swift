import Foundation
import HeguiCore
import HeguiXLSX

/// `hegui-bench xlsx`: a CSV records folder as Excel keeps it, one workbook per kind (its sheet named by
/// the kind's Chinese title, the header by the fields' labels), cells typed as Excel types them (dates
/// as serial dates with a date format, numbers, TRUE/FALSE, text as shared strings), written with
/// libxlsxwriter like hegui's own workbooks. hegui refuses a sheet used to Excel's last row (rows past it were cut off on saving), so a kind with more than 1,048,574 records
/// is cut there, and `csvOut` receives the CSV folder cut the same way, so the two
/// folders hold exactly the same records and their import times compare like with like.
struct XLSXYear {
    /// Records a sheet holds below its header row.
    static let sheetRecords = 1_048_574

    let kinds: [RecordKind]

    /// Converts `source` into `xlsxOut` (workbooks) and `csvOut` (the same records as CSV); returns the
    /// records written and the kinds that were cut.
    func convert(_ source: String, xlsxOut: String, csvOut: String) throws -> (records: Int, cut: [String]) {
        let records = try RecordImporter(kinds: kinds).importDirectory(source)
        for folder in [xlsxOut, csvOut] { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        var written = 0
        var cut: [String] = []
        for (id, table) in records.tables.sorted(by: { $0.key < $1.key }) {
            let count = min(table.lines.count, Self.sheetRecords)
            if count < table.lines.count { cut.append("\(id) (\(table.lines.count) → \(count))") }
            try write(table, rows: count, to: xlsxOut + "/" + id + ".xlsx")
            try copyLines(source + "/" + id + ".csv", lines: count + 1, to: csvOut + "/" + id + ".csv")
            written += count
        }
        return (written, cut)
    }

    /// One kind's workbook: the columns the CSV had, the first `rows` records.
    private func write(_ table: RecordTable, rows: Int, to path: String) throws {
        let book = try XLSXWorkbookWriter(path: path)
        let sheet = book.addSheet(table.kind.title.zhCN)
        let date = XLSXStyle(numberFormat: "yyyy-mm-dd")
        var column = 0
        for (index, field) in table.kind.fields.enumerated() where table.absentColumns[field.name] == nil {
            sheet.text(0, column, field.labels.first ?? field.name)
            for row in 0..<rows {
                switch table.columns[index] {
                case .number(let values):
                    if !values[row].isNaN { sheet.number(row + 1, column, values[row]) }
                case .date(let values):
                    if values[row] != Column.emptyDate {
                        let day = Day(ordinal: values[row]).components
                        sheet.date(row + 1, column, year: day.year, month: day.month, day: day.day, date)
                    }
                case .boolean(let values):
                    if values[row] != Column.emptyBoolean { sheet.boolean(row + 1, column, values[row] == 1) }
                case .text(let values):
                    if let text = values.value(at: row) { sheet.text(row + 1, column, text) }
                }
            }
            column += 1
        }
        try book.close()
    }

    /// The first `lines` lines of a CSV file (the generator writes one record per line).
    private func copyLines(_ source: String, lines: Int, to target: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: source))
        var end = data.startIndex
        var seen = 0
        while end < data.endIndex, seen < lines {
            if data[end] == UInt8(ascii: "\n") { seen += 1 }
            end += 1
        }
        try data[data.startIndex..<end].write(to: URL(fileURLWithPath: target))
    }
}
