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

/// Streams one sheet's rows: `<row>` by `<row>`, never the whole sheet in memory as a tree.
struct XLSXSheetReader {
    /// Excel's last row; a sheet whose data reaches it was cut off when it was saved.
    static let lastRow = 1_048_576
    /// Excel's last column (XFD).
    static let lastColumn = 16_384

    let workbookPath: String
    let sheetName: String
    let workbook: XLSXWorkbook

    /// The location of a cell of this sheet.
    func location(row: Int, column: Int = 0) -> SourceLocation {
        SourceLocation(file: workbookPath, sheet: sheetName, row: row, column: column)
    }

    /// Calls `body` for each row with at least one non-empty cell, in order; `hidden` receives the
    /// hidden columns before the first row. Throws located errors (bad references, shared-string
    /// indexes out of range, a sheet reaching Excel's last row) and the XML's own.
    func readRows(
        _ reader: XMLStreamReader, hidden: (Set<Int>) -> Void, _ body: (XLSXRow) throws(DiagnosticsError) -> Void
    ) throws(DiagnosticsError) {
        var row = XLSXRow()
        var hiddenColumns = Set<Int>()
        var reportedHidden = false
        var rowNumber = 0
        var inRow = false
        // The cell being read.
        var column = 0
        var kindAttribute: UInt8 = 0  // first letter of `t`: s(hared), i(nlineStr), b(oolean), e(rror), n, d, (st)r
        var isStr = false
        var style = 0
        var inValue = false
        var inInlineText = false
        var value: [UInt8] = []
        var phoneticDepth = 0
        while try reader.read() {
            switch reader.kind {
            case .start:
                if reader.isNamed("c") {
                    column += 1
                    kindAttribute = 0
                    isStr = false
                    style = 0
                    value.removeAll(keepingCapacity: true)
                    var reference: (row: Int, column: Int)?
                    var badReference: String?
                    reader.forEachAttribute { name, text in
                        guard name.count == 1 else { return }
                        switch name[0] {
                        case UInt8(ascii: "r"):
                            reference = Self.parseReference(text)
                            if reference == nil { badReference = String(decoding: text, as: UTF8.self) }
                        case UInt8(ascii: "t"):
                            kindAttribute = text.first ?? 0
                            isStr = text.count == 3 && text[0] == UInt8(ascii: "s")  // "str"
                        case UInt8(ascii: "s"):
                            style = Self.parseInt(text) ?? 0
                        default: break
                        }
                    }
                    if let badReference {
                        throw located(location(row: rowNumber), .badReference(reference: badReference))
                    }
                    if let reference {
                        guard reference.row == rowNumber else {
                            throw located(
                                location(row: rowNumber, column: reference.column),
                                .cellInOtherRow(
                                    cell: "\(SourceLocation.columnLetters(reference.column))\(reference.row)", row: rowNumber))
                        }
                        column = reference.column
                    }
                    if reader.isEmptyElement { continue }
                } else if reader.isNamed("v") {
                    inValue = !reader.isEmptyElement
                } else if reader.isNamed("t") {
                    inInlineText = phoneticDepth == 0 && !reader.isEmptyElement
                } else if reader.isNamed("rPh") {
                    if !reader.isEmptyElement { phoneticDepth += 1 }
                } else if reader.isNamed("row") {
                    if !reportedHidden {
                        hidden(hiddenColumns)
                        reportedHidden = true
                    }
                    let declared = reader.attribute("r")
                    if let declared {
                        guard let number = Int(declared), number > rowNumber, number <= Self.lastRow else {
                            throw located(location(row: rowNumber), .rowOutOfOrder(row: declared))
                        }
                        rowNumber = number
                    } else {
                        rowNumber += 1
                    }
                    column = 0
                    row.reset(rowNumber)
                    inRow = !reader.isEmptyElement
                } else if reader.isNamed("dimension"), let used = reader.attribute("ref") {
                    // Excel's own statement of the used range: a sheet used to its last row is refused
                    // before a million rows are streamed.
                    let last = used.split(separator: ":").last.map { Array($0.utf8) } ?? []
                    if let end = last.withUnsafeBufferPointer({ Self.parseReference($0) }), end.row >= Self.lastRow {
                        throw located(
                            location(row: end.row, column: end.column),
                            .usedToLastRow)
                    }
                } else if reader.isNamed("col") {
                    if reader.attribute("hidden") == "1" || reader.attribute("hidden") == "true",
                        let low = reader.attribute("min").flatMap({ Int($0) }),
                        let high = reader.attribute("max").flatMap({ Int($0) }), low >= 1, low <= high
                    {
                        for index in low...min(high, Self.lastColumn) { hiddenColumns.insert(index) }
                    }
                } else if reader.isNamed("f") || reader.isNamed("extLst") {
                    // Formula text: the cached result in <v> is what the cell shows.
                    try reader.skipElement()
                }
            case .end:
                if reader.isNamed("c") {
                    try finishCell(&row, column: column, kind: kindAttribute, isStr: isStr, style: style, value: value)
                    value.removeAll(keepingCapacity: true)
                } else if reader.isNamed("v") {
                    inValue = false
                } else if reader.isNamed("t") {
                    inInlineText = false
                } else if reader.isNamed("rPh") {
                    phoneticDepth = max(0, phoneticDepth - 1)
                } else if reader.isNamed("row"), inRow {
                    inRow = false
                    if row.count > 0 { try body(row) }
                }
            case .text, .other:
                if inValue || inInlineText { reader.withText { value.append(contentsOf: $0) } }
            }
        }
        if !reportedHidden { hidden(hiddenColumns) }
    }

    /// Stores a finished cell in the row, typed; empty cells are left out.
    private func finishCell(
        _ row: inout XLSXRow, column: Int, kind: UInt8, isStr: Bool, style: Int, value: [UInt8]
    ) throws(DiagnosticsError) {
        guard column <= Self.lastColumn else {
            throw located(location(row: row.number), .pastLastColumn)
        }
        let cellKind: XLSXCellKind
        switch kind {
        case UInt8(ascii: "s") where !isStr:
            guard let index = value.withUnsafeBufferPointer({ Self.parseInt($0) }) else {
                throw located(location(row: row.number, column: column), .sharedStringWithoutIndex)
            }
            guard index < workbook.sharedStrings.count else {
                throw located(
                    location(row: row.number, column: column),
                    .sharedStringOutOfRange(index: index, count: workbook.sharedStrings.count))
            }
            workbook.sharedStrings.withString(index) { row.bytes.append(contentsOf: $0) }
            cellKind = .text
        case UInt8(ascii: "b"):
            cellKind = .boolean
            row.bytes.append(contentsOf: value)
        case UInt8(ascii: "e"):
            cellKind = .error
            row.bytes.append(contentsOf: value)
        case UInt8(ascii: "i"), UInt8(ascii: "d"):
            // Inline strings, and ISO 8601 date cells (`t="d"`, read as text dates).
            cellKind = .text
            row.bytes.append(contentsOf: value)
        default:
            if isStr {
                cellKind = .text
            } else {
                cellKind = style < workbook.dateStyles.count && workbook.dateStyles[style] ? .dateSerial : .number
            }
            row.bytes.append(contentsOf: value)
        }
        guard row.bytes.count > (row.ends.last ?? 0) else { return }
        row.columns.append(column)
        row.kinds.append(cellKind)
        row.ends.append(row.bytes.count)
    }

    private func located(_ location: SourceLocation, _ message: SpreadsheetMessage) -> DiagnosticsError {
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
