import HeguiBase
import HeguiXLSX

/// `hegui ledger export --format xlsx`: the 整改台账 with the columns of every export
/// (`Ledger.exportColumns`: every 六定 field, where the item came from, status, verification, overdue
/// history, 公示), cells typed as Excel types them, overdue rows highlighted, filter buttons on the
/// header, and the audit chain's head in a `注：` row under the table and in the printed footer.
///
/// Read back, it is a records workbook of the `rectification` kind: the sheet is named by the kind (its
/// Chinese title, or its id in English), each header is the field's label or, in English, its name; the
/// title and note rows are read past and reported.
public enum LedgerWorkbook {
    /// Fields written as numbers and as dates; the rest are text.
    static let numbers: Set<String> = ["id", "patrol", "funds", "evidenceCount"]
    static let dates: Set<String> = ["foundOn", "deadline", "verifiedOn", "missedDeadline", "publishedOn"]
    /// Wider columns for the free text.
    static let widths: [String: Double] = ["description": 36, "measure": 28, "location": 14, "status": 14, "groupKey": 14]

    static let title = XLSXStyle(bold: true, centered: true, fontSize: 16)
    static let header = XLSXStyle(bold: true, wrap: true, centered: true, border: true, fill: 0xDDEBF7)
    static let plain = XLSXStyle(wrap: true, border: true)
    /// Excel's own "bad" colours: light red fill, dark red text.
    static let overdue = XLSXStyle(wrap: true, border: true, fill: 0xFFC7CE, fontColor: 0x9C0006)

    /// Writes the snapshot's items (in id order), overdue as of `today`, to `path`.
    public static func write(_ snapshot: LedgerExportSnapshot, today: Day, language: Language, to path: String) throws(XLSXWriteError) {
        let book = try XLSXWorkbookWriter(path: path)
        let sheet = book.addSheet(language.label(.sheetRectification))
        let columns = Ledger.exportColumns
        let lastColumn = columns.count - 1
        sheet.merge(0, 0, 0, lastColumn, language.report(.ledgerSheetTitle(today: "\(today)")), title)
        sheet.rowHeight(0, 28)
        for (index, column) in columns.enumerated() {
            sheet.text(1, index, column.header(language), header)
            sheet.columnWidth(index, widths[column.field] ?? (dates.contains(column.field) ? 11 : 9))
        }
        var row = 2
        for item in snapshot.items.sorted(by: { $0.id < $1.id }) {
            let style = item.isOverdue(on: today) ? overdue : plain
            for (index, (column, cell)) in zip(columns, Ledger.exportCells(item, today: today, language: language)).enumerated() {
                if cell.isEmpty {
                    sheet.blank(row, index, style)
                } else if numbers.contains(column.field), let value = Double(cell) {
                    sheet.number(row, index, value, style)
                } else if dates.contains(column.field), let day = Day(iso: cell) {
                    let parts = day.components
                    sheet.date(row, index, year: parts.year, month: parts.month, day: parts.day, style.formatted("yyyy-mm-dd"))
                } else {
                    sheet.text(row, index, cell, style)
                }
            }
            row += 1
        }
        sheet.autofilter(1, 0, max(row - 1, 1), lastColumn)
        sheet.freeze(rows: 2)
        let anchor = snapshot.anchor
        sheet.text(
            row + 1, 0,
            language.report(.ledgerAnchorNote(anchor: anchor)))
        let footer = "&L" + language.report(.chainHead(anchor: anchor)) + "&R" + language.report(.pageOfPages(page: "&P", pages: "&N"))
        sheet.page(XLSXPage(landscape: true, repeatRows: 1...1, footer: footer))
        try book.close()
    }
}
