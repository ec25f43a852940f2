import CLibXLSXWriter

#if canImport(Glibc)
    import Glibc
#endif

/// Writing an `.xlsx` workbook failed (the folder is not writable, a sheet name is refused, …).
public struct XLSXWriteError: Error, Sendable, CustomStringConvertible {
    /// The workbook's path.
    public var path: String
    /// What went wrong, in libxlsxwriter's words.
    public var reason: String

    public var description: String { "\(path): error: cannot write the workbook: \(reason)" }
}

/// How a cell looks. Equal styles share one libxlsxwriter format.
public struct XLSXStyle: Hashable, Sendable {
    public var bold = false
    public var wrap = false
    public var centered = false
    public var border = false
    /// An Excel number format (`yyyy-mm-dd`, `0.0`).
    public var numberFormat: String?
    /// Background colour, 0xRRGGBB.
    public var fill: UInt32?
    /// Font colour, 0xRRGGBB.
    public var fontColor: UInt32?
    public var fontSize: Double?

    /// Creates a style.
    public init(
        bold: Bool = false, wrap: Bool = false, centered: Bool = false, border: Bool = false, numberFormat: String? = nil,
        fill: UInt32? = nil, fontColor: UInt32? = nil, fontSize: Double? = nil
    ) {
        self.bold = bold
        self.wrap = wrap
        self.centered = centered
        self.border = border
        self.numberFormat = numberFormat
        self.fill = fill
        self.fontColor = fontColor
        self.fontSize = fontSize
    }
}

/// One workbook being written with libxlsxwriter. It owns every C resource: the workbook (freed by
/// `close()`, or discarded unwritten in `deinit`), its formats and sheets (freed with it). No C pointer
/// leaves this module. Calls after a failure are ignored; `close()` reports the first failure.
public final class XLSXWorkbookWriter {
    /// Where the workbook is written.
    public let path: String
    private var workbook: UnsafeMutablePointer<lxw_workbook>?
    private var formats: [XLSXStyle: UnsafeMutablePointer<lxw_format>] = [:]
    private var sheetNames: Set<String> = []
    fileprivate var failure: String?

    /// Starts a workbook at `path` (written on `close()`).
    public init(path: String) throws(XLSXWriteError) {
        self.path = path
        guard let workbook = path.withCString({ workbook_new($0) }) else {
            throw XLSXWriteError(path: path, reason: "libxlsxwriter could not start the workbook")
        }
        self.workbook = workbook
    }

    deinit {
        // Never closed: free everything without writing a file.
        if let workbook { lxw_workbook_free(workbook) }
    }

    /// Adds a sheet; its name is cut to Excel's 31 characters and made unique.
    public func addSheet(_ name: String) -> XLSXSheetWriter {
        var base = String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
        if base.isEmpty { base = "Sheet" }
        var unique = base
        var counter = 2
        while sheetNames.contains(unique.lowercased()) {
            let suffix = " (\(counter))"
            unique = String(base.prefix(31 - suffix.count)) + suffix
            counter += 1
        }
        sheetNames.insert(unique.lowercased())
        let sheet = workbook.flatMap { book in unique.withCString { workbook_add_worksheet(book, $0) } }
        if sheet == nil { record("sheet '\(unique)' could not be added") }
        return XLSXSheetWriter(sheet: sheet, book: self)
    }

    /// Writes the workbook to `path` and frees it.
    public func close() throws(XLSXWriteError) {
        guard let workbook else { return }
        self.workbook = nil
        formats = [:]
        if let failure {
            lxw_workbook_free(workbook)
            throw XLSXWriteError(path: path, reason: failure)
        }
        let result = workbook_close(workbook)
        guard result == LXW_NO_ERROR else { throw XLSXWriteError(path: path, reason: Self.text(result)) }
    }

    /// The libxlsxwriter format for a style, made once.
    fileprivate func format(_ style: XLSXStyle?) -> UnsafeMutablePointer<lxw_format>? {
        guard let style, let workbook else { return nil }
        if let format = formats[style] { return format }
        guard let format = workbook_add_format(workbook) else { return nil }
        if style.bold { format_set_bold(format) }
        if style.wrap { format_set_text_wrap(format) }
        if style.centered {
            format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue))
            format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
        } else {
            format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        }
        if style.border { format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue)) }
        if let code = style.numberFormat { code.withCString { format_set_num_format(format, $0) } }
        if let fill = style.fill {
            format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(format, fill)
        }
        if let color = style.fontColor { format_set_font_color(format, color) }
        if let size = style.fontSize { format_set_font_size(format, size) }
        formats[style] = format
        return format
    }

    fileprivate func record(_ result: lxw_error, _ what: @autoclosure () -> String) {
        guard result != LXW_NO_ERROR else { return }
        record("\(what()): \(Self.text(result))")
    }

    fileprivate func record(_ problem: String) {
        if failure == nil { failure = problem }
    }

    private static func text(_ error: lxw_error) -> String {
        lxw_strerror(error).map { String(cString: $0) } ?? "libxlsxwriter error \(error.rawValue)"
    }
}

/// One sheet of a workbook being written. Rows and columns are 0-based, as in libxlsxwriter.
public final class XLSXSheetWriter {
    private let sheet: UnsafeMutablePointer<lxw_worksheet>?
    private unowned let book: XLSXWorkbookWriter

    fileprivate init(sheet: UnsafeMutablePointer<lxw_worksheet>?, book: XLSXWorkbookWriter) {
        self.sheet = sheet
        self.book = book
    }

    /// Text as Excel will show it; text that Excel would run as a formula (`=`, `+`, `-`, `@`, tab,
    /// carriage return first) gets a leading `'`, as in hegui's CSV exports.
    public static func formulaSafe(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return text }
        return "'" + text
    }

    /// A text cell (formula-safe); empty text writes nothing.
    public func text(_ row: Int, _ column: Int, _ value: String, _ style: XLSXStyle? = nil) {
        guard let sheet else { return }
        if value.isEmpty {
            if style != nil { blank(row, column, style) }
            return
        }
        let result = Self.formulaSafe(value).withCString {
            worksheet_write_string(sheet, lxw_row_t(row), lxw_col_t(column), $0, book.format(style))
        }
        book.record(result, "cell \(row + 1):\(column + 1)")
    }

    /// A number cell.
    public func number(_ row: Int, _ column: Int, _ value: Double, _ style: XLSXStyle? = nil) {
        guard let sheet, value.isFinite else { return }
        book.record(
            worksheet_write_number(sheet, lxw_row_t(row), lxw_col_t(column), value, book.format(style)),
            "cell \(row + 1):\(column + 1)")
    }

    /// A date cell (give the style a date number format).
    public func date(_ row: Int, _ column: Int, year: Int, month: Int, day: Int, _ style: XLSXStyle? = nil) {
        guard let sheet else { return }
        var value = lxw_datetime(year: Int32(year), month: Int32(month), day: Int32(day), hour: 0, min: 0, sec: 0)
        book.record(
            worksheet_write_datetime(sheet, lxw_row_t(row), lxw_col_t(column), &value, book.format(style)),
            "cell \(row + 1):\(column + 1)")
    }

    /// A TRUE/FALSE cell.
    public func boolean(_ row: Int, _ column: Int, _ value: Bool, _ style: XLSXStyle? = nil) {
        guard let sheet else { return }
        book.record(
            worksheet_write_boolean(sheet, lxw_row_t(row), lxw_col_t(column), value ? 1 : 0, book.format(style)),
            "cell \(row + 1):\(column + 1)")
    }

    /// An empty cell carrying a style (borders, fill).
    public func blank(_ row: Int, _ column: Int, _ style: XLSXStyle?) {
        guard let sheet else { return }
        book.record(worksheet_write_blank(sheet, lxw_row_t(row), lxw_col_t(column), book.format(style)), "cell")
    }

    /// Text across merged cells.
    public func merge(_ firstRow: Int, _ firstColumn: Int, _ lastRow: Int, _ lastColumn: Int, _ value: String, _ style: XLSXStyle? = nil) {
        guard let sheet else { return }
        let result = Self.formulaSafe(value).withCString {
            worksheet_merge_range(
                sheet, lxw_row_t(firstRow), lxw_col_t(firstColumn), lxw_row_t(lastRow), lxw_col_t(lastColumn), $0,
                book.format(style))
        }
        book.record(result, "merged cells")
    }

    /// A cell comment (the note Excel shows on hover).
    public func comment(_ row: Int, _ column: Int, _ text: String) {
        guard let sheet else { return }
        var options = lxw_comment_options()
        options.width = 300
        options.height = 90
        let result = text.withCString { worksheet_write_comment_opt(sheet, lxw_row_t(row), lxw_col_t(column), $0, &options) }
        book.record(result, "comment")
    }

    /// A drop-down of allowed values over a column's rows (Excel caps the list at 255 characters).
    public func dropDown(column: Int, firstRow: Int, lastRow: Int, values: [String], prompt: String? = nil) {
        guard let sheet, !values.isEmpty else { return }
        let copies = values.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        var list: [UnsafeMutablePointer<CChar>?] = copies + [nil]
        var validation = lxw_data_validation()
        validation.validate = UInt8(LXW_VALIDATION_TYPE_LIST.rawValue)
        validation.error_type = UInt8(LXW_VALIDATION_ERROR_TYPE_STOP.rawValue)
        let promptCopy = prompt.map { strdup($0) } ?? nil
        defer { free(promptCopy) }
        validation.input_message = promptCopy
        let result = list.withUnsafeMutableBufferPointer { buffer in
            validation.value_list = buffer.baseAddress
            return worksheet_data_validation_range(
                sheet, lxw_row_t(firstRow), lxw_col_t(column), lxw_row_t(lastRow), lxw_col_t(column), &validation)
        }
        book.record(result, "drop-down")
    }

    /// Only dates (from 1900-01-01) over a column's rows.
    public func dateValidation(column: Int, firstRow: Int, lastRow: Int) {
        guard let sheet else { return }
        var validation = lxw_data_validation()
        validation.validate = UInt8(LXW_VALIDATION_TYPE_DATE.rawValue)
        validation.criteria = UInt8(LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO.rawValue)
        validation.value_datetime = lxw_datetime(year: 1900, month: 1, day: 1, hour: 0, min: 0, sec: 0)
        validation.error_type = UInt8(LXW_VALIDATION_ERROR_TYPE_STOP.rawValue)
        book.record(
            worksheet_data_validation_range(
                sheet, lxw_row_t(firstRow), lxw_col_t(column), lxw_row_t(lastRow), lxw_col_t(column), &validation),
            "date validation")
    }

    /// A column's width in characters, with a default style for its cells.
    public func columnWidth(_ column: Int, _ width: Double, _ style: XLSXStyle? = nil) {
        guard let sheet else { return }
        book.record(worksheet_set_column(sheet, lxw_col_t(column), lxw_col_t(column), width, book.format(style)), "column")
    }

    /// A row's height in points.
    public func rowHeight(_ row: Int, _ height: Double) {
        guard let sheet else { return }
        book.record(worksheet_set_row(sheet, lxw_row_t(row), height, nil), "row")
    }

    /// Keeps the first `rows` rows and `columns` columns in view while scrolling.
    public func freeze(rows: Int, columns: Int = 0) {
        guard let sheet else { return }
        worksheet_freeze_panes(sheet, lxw_row_t(rows), lxw_col_t(columns))
    }

    /// Filter buttons on a header row over a range.
    public func autofilter(_ firstRow: Int, _ firstColumn: Int, _ lastRow: Int, _ lastColumn: Int) {
        guard let sheet else { return }
        book.record(
            worksheet_autofilter(sheet, lxw_row_t(firstRow), lxw_col_t(firstColumn), lxw_row_t(lastRow), lxw_col_t(lastColumn)),
            "autofilter")
    }

    /// The printed page: A4, landscape or not, header rows repeated, and a footer (`&P` page, `&N`
    /// pages; a literal `&` in `footer` must be written `&&`).
    public func printSetup(landscape: Bool, repeatRows: ClosedRange<Int>? = nil, footer: String? = nil) {
        guard let sheet else { return }
        worksheet_set_paper(sheet, 9)  // A4
        if landscape { worksheet_set_landscape(sheet) }
        worksheet_fit_to_pages(sheet, 1, 0)
        if let rows = repeatRows {
            book.record(worksheet_repeat_rows(sheet, lxw_row_t(rows.lowerBound), lxw_row_t(rows.upperBound)), "repeat rows")
        }
        if let footer { book.record(footer.withCString { worksheet_set_footer(sheet, $0) }, "footer") }
    }
}
