import HeguiBase
import HeguiXML

/// Where a sheet's reading stands: the row and the cell being read. A value, so the fast scanner
/// works on its own copy (no shared-state checks per byte) and hands it back.
struct SheetCursor {
    var row = XLSXRow()
    var rowNumber = 0
    var inRow = false
    // The cell being read.
    var column = 0
    /// The first letter of `t`: s(hared), i(nlineStr), b(oolean), e(rror), n, d, (st)r.
    var kindAttribute: UInt8 = 0
    var isStr = false
    var style = 0
    var inValue = false
    /// Whether the cell has a `<v>` or `<is>`: `<c r="B2" t="s"/>` is an empty cell, not a bad index.
    var hasValue = false
    var inInlineText = false
    var value: [UInt8] = []
    var phoneticDepth = 0
    /// Inside a formula's text or an extension list: nothing there is a value.
    var skipDepth = 0

    /// Whether text here is part of the cell's value.
    var capturesText: Bool { skipDepth == 0 && (inValue || inInlineText) }
}

/// Turns a sheet part's parse events into rows: `<row>` by `<row>`, each cell typed as the sheet XML
/// types it. One row's buffers are reused from row to row, so a million rows allocate like one. The
/// fast `<sheetData>` scanner (`XLSXSheetDataScanner`) drives the same row and cell steps.
final class XLSXSheetHandler: XMLPushHandler {
    let sheet: XLSXSheetReader
    /// The workbook's tables, held here so a cell does not copy the whole sheet context.
    private let sharedStrings: SharedStrings
    private let dateStyles: [Bool]
    private let hidden: (Set<Int>) -> Void
    let body: (XLSXRow) throws(DiagnosticsError) -> Void
    var cursor = SheetCursor()
    private var hiddenColumns = Set<Int>()
    private var reportedHidden = false

    init(sheet: XLSXSheetReader, hidden: @escaping (Set<Int>) -> Void, body: @escaping (XLSXRow) throws(DiagnosticsError) -> Void) {
        self.sheet = sheet
        sharedStrings = sheet.workbook.sharedStrings
        dateStyles = sheet.workbook.dateStyles
        self.hidden = hidden
        self.body = body
    }

    /// Hands over the hidden columns once: at the first row, or at the end of a sheet without rows.
    func reportHidden() {
        guard !reportedHidden else { return }
        reportedHidden = true
        hidden(hiddenColumns)
    }

    func startElement(_ name: XMLName, _ attributes: XMLAttributes) throws(DiagnosticsError) {
        if cursor.skipDepth > 0 {
            cursor.skipDepth += 1
            return
        }
        if name.is("c") {
            var reference: UnsafeBufferPointer<UInt8>?
            var type: UnsafeBufferPointer<UInt8>?
            var style: UnsafeBufferPointer<UInt8>?
            try attributes.forEach { name, text throws(DiagnosticsError) in
                guard name.count == 1 else { return }
                switch name[0] {
                case UInt8(ascii: "r"): reference = text
                case UInt8(ascii: "t"): type = text
                case UInt8(ascii: "s"): style = text
                default: break
                }
            }
            try startCell(&cursor, reference: reference, type: type, style: style)
        } else if name.is("v") {
            cursor.inValue = true
            cursor.hasValue = true
        } else if name.is("is") {
            cursor.hasValue = true
        } else if name.is("t") {
            cursor.inInlineText = cursor.phoneticDepth == 0
        } else if name.is("rPh") {
            cursor.phoneticDepth += 1
        } else if name.is("row") {
            reportHidden()
            if let declared = attributes.value("r") {
                guard let number = Int(declared), number > cursor.rowNumber, number <= XLSXSheetReader.lastRow else {
                    throw sheet.located(sheet.location(row: cursor.rowNumber), .rowOutOfOrder(row: declared))
                }
                startRow(&cursor, number)
            } else {
                startRow(&cursor, cursor.rowNumber + 1)
            }
        } else if name.is("dimension"), let used = attributes.value("ref") {
            // Excel's own statement of the used range: a sheet used to its last row is refused
            // before a million rows are streamed.
            let last = used.split(separator: ":").last.map { Array($0.utf8) } ?? []
            if let end = last.withUnsafeBufferPointer({ XLSXSheetReader.parseReference($0) }), end.row >= XLSXSheetReader.lastRow {
                throw sheet.located(sheet.location(row: end.row, column: end.column), .usedToLastRow)
            }
        } else if name.is("col") {
            let flag = attributes.value("hidden")
            if flag == "1" || flag == "true", let low = attributes.value("min").flatMap({ Int($0) }),
                let high = attributes.value("max").flatMap({ Int($0) }), low >= 1, low <= high
            {
                for index in low...min(high, XLSXSheetReader.lastColumn) { hiddenColumns.insert(index) }
            }
        } else if name.is("f") || name.is("extLst") {
            // Formula text: the cached result in <v> is what the cell shows.
            cursor.skipDepth = 1
        }
    }

    /// A `<row>` numbered `number` (already checked to follow the last).
    func startRow(_ cursor: inout SheetCursor, _ number: Int) {
        cursor.rowNumber = number
        cursor.column = 0
        cursor.row.reset(number)
        cursor.inRow = true
    }

    /// A `<c>`: its reference, type and style (the last of each attribute given).
    func startCell(
        _ cursor: inout SheetCursor, reference: UnsafeBufferPointer<UInt8>?, type: UnsafeBufferPointer<UInt8>?,
        style: UnsafeBufferPointer<UInt8>?
    ) throws(DiagnosticsError) {
        cursor.column += 1
        cursor.kindAttribute = type?.first ?? 0
        cursor.isStr = type.map { $0.count == 3 && $0[0] == UInt8(ascii: "s") } ?? false  // "str"
        cursor.style = style.flatMap { XLSXSheetReader.parseInt($0) } ?? 0
        cursor.hasValue = false
        cursor.value.removeAll(keepingCapacity: true)
        guard let reference else { return }
        guard let cell = XLSXSheetReader.parseReference(reference) else {
            throw sheet.located(
                sheet.location(row: cursor.rowNumber), .badReference(reference: String(decoding: reference, as: UTF8.self)))
        }
        guard cell.row == cursor.rowNumber else {
            throw sheet.located(
                sheet.location(row: cursor.rowNumber, column: cell.column),
                .cellInOtherRow(cell: "\(SourceLocation.columnLetters(cell.column))\(cell.row)", row: cursor.rowNumber))
        }
        cursor.column = cell.column
    }

    func endElement(_ name: XMLName) throws(DiagnosticsError) {
        if cursor.skipDepth > 0 {
            cursor.skipDepth -= 1
            return
        }
        if name.is("c") {
            try endCell(&cursor)
        } else if name.is("v") {
            cursor.inValue = false
        } else if name.is("t") {
            cursor.inInlineText = false
        } else if name.is("rPh") {
            cursor.phoneticDepth = max(0, cursor.phoneticDepth - 1)
        } else if name.is("row") {
            try endRow(&cursor)
        }
    }

    /// `</c>`: the cell, if it has a value, joins the row.
    func endCell(_ cursor: inout SheetCursor) throws(DiagnosticsError) {
        guard cursor.hasValue else { return }
        try finishCell(&cursor)
        cursor.value.removeAll(keepingCapacity: true)
    }

    /// `</row>`: a row with at least one non-empty cell goes to the reader.
    func endRow(_ cursor: inout SheetCursor) throws(DiagnosticsError) {
        guard cursor.inRow else { return }
        cursor.inRow = false
        if cursor.row.count > 0 { try body(cursor.row) }
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>) throws(DiagnosticsError) {
        if cursor.capturesText { cursor.value.append(contentsOf: text) }
    }

    /// Stores a finished cell in the row, typed; empty cells are left out.
    func finishCell(_ cursor: inout SheetCursor) throws(DiagnosticsError) {
        let column = cursor.column
        let kind = cursor.kindAttribute
        let isStr = cursor.isStr
        let style = cursor.style
        guard column <= XLSXSheetReader.lastColumn else {
            throw sheet.located(sheet.location(row: cursor.row.number), .pastLastColumn)
        }
        let cellKind: XLSXCellKind
        switch kind {
        case UInt8(ascii: "s") where !isStr:
            guard let index = cursor.value.withUnsafeBufferPointer({ XLSXSheetReader.parseInt($0) }) else {
                throw sheet.located(sheet.location(row: cursor.row.number, column: column), .sharedStringWithoutIndex)
            }
            guard index < sharedStrings.count else {
                throw sheet.located(
                    sheet.location(row: cursor.row.number, column: column),
                    .sharedStringOutOfRange(index: index, count: sharedStrings.count))
            }
            sharedStrings.withString(index) { cursor.row.bytes.append(contentsOf: $0) }
            cellKind = .text
        case UInt8(ascii: "b"):
            cellKind = .boolean
            cursor.row.bytes.append(contentsOf: cursor.value)
        case UInt8(ascii: "e"):
            cellKind = .error
            cursor.row.bytes.append(contentsOf: cursor.value)
        case UInt8(ascii: "i"), UInt8(ascii: "d"):
            // Inline strings, and ISO 8601 date cells (`t="d"`, read as text dates).
            cellKind = .text
            cursor.row.bytes.append(contentsOf: cursor.value)
        default:
            if isStr {
                cellKind = .text
            } else {
                cellKind = style < dateStyles.count && dateStyles[style] ? .dateSerial : .number
            }
            cursor.row.bytes.append(contentsOf: cursor.value)
        }
        guard cursor.row.bytes.count > (cursor.row.ends.last ?? 0) else { return }
        cursor.row.columns.append(column)
        cursor.row.kinds.append(cellKind)
        cursor.row.ends.append(cursor.row.bytes.count)
    }
}
