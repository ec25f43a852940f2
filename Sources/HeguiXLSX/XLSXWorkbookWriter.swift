import CLibXLSXWriter
import Foundation
import HeguiBase

/// One workbook being written with libxlsxwriter. It is the one owner of the C workbook: `close()`
/// writes and frees it, `deinit` frees one never closed without writing anything. Sheets and formats
/// belong to the workbook and go with it; no C pointer leaves this module. The file appears only when
/// complete: libxlsxwriter writes a temporary file beside it, renamed over `path` on success. Calls
/// after a failure are ignored; `close()` reports the first failure.
public final class XLSXWorkbookWriter {
    /// Where the workbook is written.
    public let path: String
    private let partialPath: String
    private var workbook: UnsafeMutablePointer<lxw_workbook>?
    private var formats: [XLSXStyle: UnsafeMutablePointer<lxw_format>] = [:]
    private var sheetNames: Set<String> = []
    private var failure: Message?

    /// Starts a workbook to be written to `path` by `close()`.
    public init(path: String) throws(XLSXWriteError) {
        self.path = path
        let url = URL(fileURLWithPath: path)
        partialPath = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).partial").path
        guard let workbook = partialPath.withCString({ workbook_new($0) }) else {
            throw XLSXWriteError(path: path, message: .spreadsheets(.workbookWriterFailed(detail: "workbook_new")))
        }
        self.workbook = workbook
    }

    deinit {
        // Never closed (an error on the way): free it; nothing was written.
        if let workbook { lxw_workbook_free(workbook) }
    }

    /// Whether `name` can be a sheet name as given: 1–31 characters, none of `[]:*?/\`, no leading or
    /// trailing `'`, and not yet used in this workbook (compared without case, as Excel does).
    public func acceptsSheetName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 31 && !name.contains(where: { "[]:*?/\\".contains($0) })
            && !name.hasPrefix("'") && !name.hasSuffix("'") && !sheetNames.contains(name.lowercased())
    }

    /// Adds a sheet. A name Excel would refuse is cut to 31 characters, its forbidden characters
    /// replaced by `_`, and made unique with ` (2)`; check `acceptsSheetName` first to keep it exact.
    public func addSheet(_ name: String) -> XLSXSheetWriter {
        var base = String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
        while base.hasPrefix("'") { base.removeFirst() }
        while base.hasSuffix("'") { base.removeLast() }
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
        if sheet == nil { record(.workbookWriterFailed(detail: "sheet '\(unique)'")) }
        return XLSXSheetWriter(sheet: sheet, book: self)
    }

    /// Writes the workbook to `path` and frees it.
    public func close() throws(XLSXWriteError) {
        guard let workbook else { return }
        self.workbook = nil
        formats = [:]
        if let failure {
            lxw_workbook_free(workbook)
            throw XLSXWriteError(path: path, message: failure)
        }
        let result = workbook_close(workbook)
        guard result == LXW_NO_ERROR else {
            try? FileManager.default.removeItem(atPath: partialPath)
            let message: SpreadsheetMessage =
                result == LXW_ERROR_CREATING_XLSX_FILE
                ? .workbookNotCreated : .workbookWriterFailed(detail: Self.text(result))
            throw XLSXWriteError(path: path, message: .spreadsheets(message))
        }
        guard rename(partialPath, path) == 0 else {
            let reason = OSReason(errno: errno)
            try? FileManager.default.removeItem(atPath: partialPath)
            throw XLSXWriteError(path: path, message: .files(.os(reason)))
        }
    }

    /// The libxlsxwriter format for a style, made once per workbook.
    func format(_ style: XLSXStyle?) -> UnsafeMutablePointer<lxw_format>? {
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
        if let colour = style.fontColor { format_set_font_color(format, colour) }
        if let size = style.fontSize { format_set_font_size(format, size) }
        formats[style] = format
        return format
    }

    /// Keeps the first failure of a libxlsxwriter call, naming what was being written.
    func record(_ result: lxw_error, _ what: @autoclosure () -> String) {
        guard result != LXW_NO_ERROR else { return }
        record(.workbookWriterFailed(detail: "\(what()): \(Self.text(result))"))
    }

    /// Keeps the first failure.
    func record(_ problem: SpreadsheetMessage) {
        if failure == nil { failure = .spreadsheets(problem) }
    }

    /// libxlsxwriter's description of an error.
    private static func text(_ error: lxw_error) -> String {
        lxw_strerror(error).map { String(cString: $0) } ?? "libxlsxwriter error \(error.rawValue)"
    }
}
