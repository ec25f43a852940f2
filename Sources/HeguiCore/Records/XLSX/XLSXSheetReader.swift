import HeguiBase
import HeguiXML

/// What a cell holds, as the sheet XML types it.
enum XLSXCellKind: UInt8 {
    /// Text: a shared, inline or formula string.
    case text
    /// A plain number (its text as written, `1234.5`).
    case number
    /// A number whose format shows a date: a serial day in the workbook's date system.
    case dateSerial
    /// `1` or `0`.
    case boolean
    /// An Excel error value (`#N/A`, `#DIV/0!`).
    case error
}

/// One row's non-empty cells, reused from row to row: columns (1-based), kinds and text bytes.
struct XLSXRow {
    /// The 1-based row number.
    var number = 0
    var columns: [Int] = []
    var kinds: [XLSXCellKind] = []
    var ends: [Int] = []
    var bytes: [UInt8] = []

    mutating func reset(_ row: Int) {
        number = row
        columns.removeAll(keepingCapacity: true)
        kinds.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
    }

    var count: Int { columns.count }

    /// Calls `body` with cell `index`'s bytes.
    func withBytes<T>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        let start = index == 0 ? 0 : ends[index - 1]
        return bytes.withUnsafeBufferPointer { whole in body(UnsafeBufferPointer(rebasing: whole[start..<ends[index]])) }
    }

    /// Cell `index`'s text.
    func text(_ index: Int) -> String { withBytes(index) { String(decoding: $0, as: UTF8.self) } }
}

/// Streams one sheet's rows: `<row>` by `<row>`, never the whole sheet in memory as a tree. A class,
/// so the cells that name it (for their locations) share it instead of copying the workbook's tables.
final class XLSXSheetReader: Sendable {
    /// Excel's last row; a sheet whose data reaches it was cut off when it was saved.
    static let lastRow = 1_048_576
    /// Excel's last column (XFD).
    static let lastColumn = 16_384

    let workbookPath: String
    let sheetName: String
    let workbook: XLSXWorkbook

    init(workbookPath: String, sheetName: String, workbook: XLSXWorkbook) {
        self.workbookPath = workbookPath
        self.sheetName = sheetName
        self.workbook = workbook
    }

    /// The location of a cell of this sheet.
    func location(row: Int, column: Int = 0) -> SourceLocation {
        SourceLocation(file: workbookPath, sheet: sheetName, row: row, column: column)
    }

    /// How a sheet's XML is read.
    enum Parsing: Sendable {
        /// `<sheetData>` by the fast scanner, the rest by libxml2; when the scanner declines (or
        /// anything fails), libxml2 reads the sheet again from its start and gives the errors.
        case fast
        /// libxml2 alone: the reference the fast path must agree with.
        case reference
        /// The fast path or nothing (a decline is thrown): for the differential tests and fuzzer.
        case fastOnly
    }

    /// Calls `body` for each row with at least one non-empty cell, in order, while the sheet's part
    /// is unpacked and parsed (never held whole); `hidden` receives the hidden columns before the
    /// first row. Throws located errors (bad references, shared-string indexes out of range, a sheet
    /// reaching Excel's last row), the XML's own and the archive's. When the fast path gives up
    /// part-way, `reset` is called before the sheet is read again: forget the rows seen so far.
    func readRows(
        _ archive: XLSXArchive, part: String, parsing: Parsing = .fast, reset: () -> Void,
        hidden: @escaping (Set<Int>) -> Void, _ body: @escaping (XLSXRow) throws(DiagnosticsError) -> Void
    ) throws(DiagnosticsError) {
        try readRows(
            { (parser) throws(DiagnosticsError) in try archive.parse(part, with: parser) }, path: archive.partPath(part),
            parsing: parsing, reset: reset, hidden: hidden, body)
    }

    /// Reads rows as above from the sheet XML that `source` feeds a parser; true when the fast path
    /// read it (false when libxml2 did).
    @discardableResult
    func readRows(
        _ source: (XMLChunkParser) throws(DiagnosticsError) -> Void, path: String, parsing: Parsing, reset: () -> Void,
        hidden: @escaping (Set<Int>) -> Void, _ body: @escaping (XLSXRow) throws(DiagnosticsError) -> Void
    ) throws(DiagnosticsError) -> Bool {
        if parsing != .reference {
            let handler = XLSXSheetHandler(sheet: self, hidden: hidden, body: body)
            do {
                try source(
                    XMLFastContentParser(path: path, handler: handler, element: "sheetData", scanner: XLSXSheetDataScanner(handler: handler)))
                handler.reportHidden()
                return true
            } catch {
                // Whatever the fast path met, the reference decides, from the sheet's start.
                if parsing == .fastOnly { throw error }
            }
            reset()
        }
        let handler = XLSXSheetHandler(sheet: self, hidden: hidden, body: body)
        try source(XMLPushParser(path: path, handler: handler))
        handler.reportHidden()
        return false
    }

    func located(_ location: SourceLocation, _ message: SpreadsheetMessage) -> DiagnosticsError {
        DiagnosticsError([Diagnostic(at: location, .spreadsheets(message))])
    }

    /// `B12` → (row 12, column 2); nil when it is not a reference inside Excel's grid.
    static func parseReference(_ text: UnsafeBufferPointer<UInt8>) -> (row: Int, column: Int)? {
        var column = 0
        var index = 0
        while index < text.count, text[index] >= 65, text[index] <= 90 {
            column = column * 26 + Int(text[index] - 64)
            index += 1
            guard column <= lastColumn else { return nil }
        }
        guard column > 0, let row = parseInt(UnsafeBufferPointer(rebasing: text[index...])), row >= 1, row <= lastRow
        else { return nil }
        return (row, column)
    }

    /// A non-negative decimal integer of at most 9 digits.
    static func parseInt(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !text.isEmpty, text.count <= 9 else { return nil }
        var number = 0
        for byte in text {
            guard byte >= 48, byte <= 57 else { return nil }
            number = number * 10 + Int(byte - 48)
        }
        return number
    }
}
