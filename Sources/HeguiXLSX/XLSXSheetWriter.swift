import CLibXLSXWriter
import Foundation
import HeguiBase

/// One sheet of a workbook being written. Rows and columns are 0-based, as in libxlsxwriter; a cell
/// outside Excel's grid is a recorded failure, never a trap.
///
/// Text is always written as a text cell, never as a formula, so a value beginning with `=`, `+`,
/// `-` or `@` (a record, a description typed by a patrol) is shown as typed and never run by Excel.
public final class XLSXSheetWriter {
    /// The sheet, owned and freed by the workbook; nil when libxlsxwriter could not add it.
    private let sheet: UnsafeMutablePointer<lxw_worksheet>?
    /// The workbook, kept alive while this sheet is written to.
    private let book: XLSXWorkbookWriter

    /// Excel's longest text cell, in characters.
    static let maximumText = 32_767

    init(sheet: UnsafeMutablePointer<lxw_worksheet>?, book: XLSXWorkbookWriter) {
        self.sheet = sheet
        self.book = book
    }

    /// `B12` for a 0-based row and column.
    static func reference(_ row: Int, _ column: Int) -> String {
        SourceLocation.columnLetters(column + 1) + String(row + 1)
    }

    /// The sheet and the cell as libxlsxwriter numbers them; nil (and a recorded failure) outside the grid.
    private func cell(_ row: Int, _ column: Int) -> (UnsafeMutablePointer<lxw_worksheet>, lxw_row_t, lxw_col_t)? {
        guard let sheet else { return nil }
        guard (0..<1_048_576).contains(row), (0..<16_384).contains(column), let r = lxw_row_t(exactly: row),
            let c = lxw_col_t(exactly: column)
        else {
            book.record(.workbookWriterFailed(detail: "row \(row + 1), column \(column + 1) is outside the sheet"))
            return nil
        }
        return (sheet, r, c)
    }

    /// A text cell; empty text writes only the style. Text past Excel's 32,767 characters is cut, marked `…`.
    public func text(_ row: Int, _ column: Int, _ value: String, _ style: XLSXStyle? = nil) {
        if value.isEmpty {
            if style != nil { blank(row, column, style) }
            return
        }
        guard let (sheet, r, c) = cell(row, column) else { return }
        let fitted = value.count > Self.maximumText ? String(value.prefix(Self.maximumText - 1)) + "…" : value
        let result = fitted.withCString { worksheet_write_string(sheet, r, c, $0, book.format(style)) }
        book.record(result, Self.reference(row, column))
    }

    /// A number cell; a value that is not finite is left blank.
    public func number(_ row: Int, _ column: Int, _ value: Double, _ style: XLSXStyle? = nil) {
        guard value.isFinite else { return blank(row, column, style) }
        guard let (sheet, r, c) = cell(row, column) else { return }
        book.record(worksheet_write_number(sheet, r, c, value, book.format(style)), Self.reference(row, column))
    }

    /// A date cell (give the style a date number format).
    public func date(_ row: Int, _ column: Int, year: Int, month: Int, day: Int, _ style: XLSXStyle? = nil) {
        guard let (sheet, r, c) = cell(row, column) else { return }
        var value = lxw_datetime(
            year: Int32(clamping: year), month: Int32(clamping: month), day: Int32(clamping: day), hour: 0, min: 0, sec: 0)
        book.record(worksheet_write_datetime(sheet, r, c, &value, book.format(style)), Self.reference(row, column))
    }

    /// A TRUE/FALSE cell.
    public func boolean(_ row: Int, _ column: Int, _ value: Bool, _ style: XLSXStyle? = nil) {
        guard let (sheet, r, c) = cell(row, column) else { return }
        book.record(worksheet_write_boolean(sheet, r, c, value ? 1 : 0, book.format(style)), Self.reference(row, column))
    }

    /// An empty cell carrying a style (borders, fill); without a style nothing is written.
    public func blank(_ row: Int, _ column: Int, _ style: XLSXStyle?) {
        guard style != nil, let (sheet, r, c) = cell(row, column) else { return }
        book.record(worksheet_write_blank(sheet, r, c, book.format(style)), Self.reference(row, column))
    }

    /// Text across merged cells.
    public func merge(_ firstRow: Int, _ firstColumn: Int, _ lastRow: Int, _ lastColumn: Int, _ value: String, _ style: XLSXStyle? = nil) {
        guard let (sheet, r1, c1) = cell(firstRow, firstColumn), let (_, r2, c2) = cell(lastRow, lastColumn) else { return }
        let result = value.withCString { worksheet_merge_range(sheet, r1, c1, r2, c2, $0, book.format(style)) }
        book.record(result, Self.reference(firstRow, firstColumn) + ":" + Self.reference(lastRow, lastColumn))
    }

    /// A cell comment: the note Excel shows when the pointer rests on the cell.
    public func comment(_ row: Int, _ column: Int, _ text: String) {
        guard !text.isEmpty, let (sheet, r, c) = cell(row, column) else { return }
        var options = lxw_comment_options()
        options.width = 320
        options.height = 110
        let result = text.withCString { worksheet_write_comment_opt(sheet, r, c, $0, &options) }
        book.record(result, "comment " + Self.reference(row, column))
    }

    /// A drop-down of allowed values over a column's rows; anything else typed is refused by Excel.
    /// (Excel caps the joined list at 255 characters; libxlsxwriter reports a longer one.)
    public func dropDown(column: Int, rows: ClosedRange<Int>, values: [String], prompt: String? = nil) {
        guard !values.isEmpty, let (sheet, r1, c) = cell(rows.lowerBound, column), let (_, r2, _) = cell(rows.upperBound, column)
        else { return }
        let copies = values.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        var list: [UnsafeMutablePointer<CChar>?] = copies + [nil]
        let message = prompt.flatMap { strdup($0) }
        defer { free(message) }
        var validation = lxw_data_validation()
        validation.validate = UInt8(LXW_VALIDATION_TYPE_LIST.rawValue)
        validation.error_type = UInt8(LXW_VALIDATION_ERROR_TYPE_STOP.rawValue)
        validation.input_message = message
        let result = list.withUnsafeMutableBufferPointer { buffer in
            validation.value_list = buffer.baseAddress
            return worksheet_data_validation_range(sheet, r1, c, r2, c, &validation)
        }
        book.record(result, "drop-down " + Self.reference(rows.lowerBound, column))
    }

    /// Only dates from 1900-01-01 over a column's rows.
    public func dateValidation(column: Int, rows: ClosedRange<Int>) {
        guard let (sheet, r1, c) = cell(rows.lowerBound, column), let (_, r2, _) = cell(rows.upperBound, column) else { return }
        var validation = lxw_data_validation()
        validation.validate = UInt8(LXW_VALIDATION_TYPE_DATE.rawValue)
        validation.criteria = UInt8(LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO.rawValue)
        validation.value_datetime = lxw_datetime(year: 1900, month: 1, day: 1, hour: 0, min: 0, sec: 0)
        validation.error_type = UInt8(LXW_VALIDATION_ERROR_TYPE_STOP.rawValue)
        book.record(
            worksheet_data_validation_range(sheet, r1, c, r2, c, &validation), "date validation " + Self.reference(rows.lowerBound, column))
    }

    /// Only numbers (whole or not, at least `minimum` when given) over a column's rows.
    public func numberValidation(column: Int, rows: ClosedRange<Int>, whole: Bool, minimum: Double?) {
        guard let (sheet, r1, c) = cell(rows.lowerBound, column), let (_, r2, _) = cell(rows.upperBound, column) else { return }
        var validation = lxw_data_validation()
        validation.validate = UInt8((whole ? LXW_VALIDATION_TYPE_INTEGER : LXW_VALIDATION_TYPE_DECIMAL).rawValue)
        if let minimum {
            validation.criteria = UInt8(LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO.rawValue)
            validation.value_number = minimum
        } else {
            validation.criteria = UInt8(LXW_VALIDATION_CRITERIA_BETWEEN.rawValue)
            validation.minimum_number = -1e15
            validation.maximum_number = 1e15
        }
        validation.error_type = UInt8(LXW_VALIDATION_ERROR_TYPE_STOP.rawValue)
        book.record(
            worksheet_data_validation_range(sheet, r1, c, r2, c, &validation), "number validation " + Self.reference(rows.lowerBound, column))
    }

    /// A column's width in characters, with a default style for its empty cells.
    public func columnWidth(_ column: Int, _ width: Double, _ style: XLSXStyle? = nil) {
        guard let (sheet, _, c) = cell(0, column) else { return }
        book.record(worksheet_set_column(sheet, c, c, width, book.format(style)), "column " + SourceLocation.columnLetters(column + 1))
    }

    /// A row's height in points.
    public func rowHeight(_ row: Int, _ height: Double) {
        guard let (sheet, r, _) = cell(row, 0) else { return }
        book.record(worksheet_set_row(sheet, r, height, nil), "row \(row + 1)")
    }

    /// Keeps the first `rows` rows and `columns` columns in view while scrolling.
    public func freeze(rows: Int, columns: Int = 0) {
        guard let (sheet, r, c) = cell(rows, columns) else { return }
        worksheet_freeze_panes(sheet, r, c)
    }

    /// Filter buttons on a header row over a range.
    public func autofilter(_ firstRow: Int, _ firstColumn: Int, _ lastRow: Int, _ lastColumn: Int) {
        guard let (sheet, r1, c1) = cell(firstRow, firstColumn), let (_, r2, c2) = cell(lastRow, lastColumn) else { return }
        book.record(worksheet_autofilter(sheet, r1, c1, r2, c2), "autofilter")
    }

    /// The printed page: A4, fitted to the paper's width, the orientation, header rows and footer.
    public func page(_ setup: XLSXPage) {
        guard let sheet else { return }
        worksheet_set_paper(sheet, 9)  // A4
        if setup.landscape { worksheet_set_landscape(sheet) } else { worksheet_set_portrait(sheet) }
        worksheet_fit_to_pages(sheet, 1, 0)
        if let rows = setup.repeatRows, let (_, r1, _) = cell(rows.lowerBound, 0), let (_, r2, _) = cell(rows.upperBound, 0) {
            book.record(worksheet_repeat_rows(sheet, r1, r2), "repeated rows")
        }
        if let footer = setup.footer { book.record(footer.withCString { worksheet_set_footer(sheet, $0) }, "footer") }
    }
}
