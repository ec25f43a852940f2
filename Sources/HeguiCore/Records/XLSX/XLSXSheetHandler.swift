import HeguiBase
import HeguiXML

/// Turns a sheet part's parse events into rows: `<row>` by `<row>`, each cell typed as the sheet XML
/// types it. One row's buffers are reused from row to row, so a million rows allocate like one.
final class XLSXSheetHandler: XMLPushHandler {
    private let sheet: XLSXSheetReader
    private let hidden: (Set<Int>) -> Void
    private let body: (XLSXRow) throws(DiagnosticsError) -> Void
    private var row = XLSXRow()
    private var hiddenColumns = Set<Int>()
    private var reportedHidden = false
    private var rowNumber = 0
    private var inRow = false
    // The cell being read.
    private var column = 0
    /// The first letter of `t`: s(hared), i(nlineStr), b(oolean), e(rror), n, d, (st)r.
    private var kindAttribute: UInt8 = 0
    private var isStr = false
    private var style = 0
    private var inValue = false
    /// Whether the cell has a `<v>` or `<is>`: `<c r="B2" t="s"/>` is an empty cell, not a bad index.
    private var hasValue = false
    private var inInlineText = false
    private var value: [UInt8] = []
    private var phoneticDepth = 0
    /// Inside a formula's text or an extension list: nothing there is a value.
    private var skipDepth = 0

    init(sheet: XLSXSheetReader, hidden: @escaping (Set<Int>) -> Void, body: @escaping (XLSXRow) throws(DiagnosticsError) -> Void) {
        self.sheet = sheet
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
        if skipDepth > 0 {
            skipDepth += 1
            return
        }
        if name.is("c") {
            try startCell(attributes)
        } else if name.is("v") {
            inValue = true
            hasValue = true
        } else if name.is("is") {
            hasValue = true
        } else if name.is("t") {
            inInlineText = phoneticDepth == 0
        } else if name.is("rPh") {
            phoneticDepth += 1
        } else if name.is("row") {
            reportHidden()
            if let declared = attributes.value("r") {
                guard let number = Int(declared), number > rowNumber, number <= XLSXSheetReader.lastRow else {
                    throw sheet.located(sheet.location(row: rowNumber), .rowOutOfOrder(row: declared))
                }
                rowNumber = number
            } else {
                rowNumber += 1
            }
            column = 0
            row.reset(rowNumber)
            inRow = true
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
            skipDepth = 1
        }
    }

    /// A `<c>`: its reference, type and style.
    private func startCell(_ attributes: XMLAttributes) throws(DiagnosticsError) {
        column += 1
        kindAttribute = 0
        isStr = false
        style = 0
        hasValue = false
        value.removeAll(keepingCapacity: true)
        var reference: (row: Int, column: Int)?
        var badReference: String?
        try attributes.forEach { name, text throws(DiagnosticsError) in
            guard name.count == 1 else { return }
            switch name[0] {
            case UInt8(ascii: "r"):
                reference = XLSXSheetReader.parseReference(text)
                if reference == nil { badReference = String(decoding: text, as: UTF8.self) }
            case UInt8(ascii: "t"):
                kindAttribute = text.first ?? 0
                isStr = text.count == 3 && text[0] == UInt8(ascii: "s")  // "str"
            case UInt8(ascii: "s"):
                style = XLSXSheetReader.parseInt(text) ?? 0
            default: break
            }
        }
        if let badReference {
            throw sheet.located(sheet.location(row: rowNumber), .badReference(reference: badReference))
        }
        if let reference {
            guard reference.row == rowNumber else {
                throw sheet.located(
                    sheet.location(row: rowNumber, column: reference.column),
                    .cellInOtherRow(cell: "\(SourceLocation.columnLetters(reference.column))\(reference.row)", row: rowNumber))
            }
            column = reference.column
        }
    }

    func endElement(_ name: XMLName) throws(DiagnosticsError) {
        if skipDepth > 0 {
            skipDepth -= 1
            return
        }
        if name.is("c") {
            guard hasValue else { return }
            try sheet.finishCell(&row, column: column, kind: kindAttribute, isStr: isStr, style: style, value: value)
            value.removeAll(keepingCapacity: true)
        } else if name.is("v") {
            inValue = false
        } else if name.is("t") {
            inInlineText = false
        } else if name.is("rPh") {
            phoneticDepth = max(0, phoneticDepth - 1)
        } else if name.is("row"), inRow {
            inRow = false
            if row.count > 0 { try body(row) }
        }
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>) throws(DiagnosticsError) {
        if skipDepth == 0, inValue || inInlineText { value.append(contentsOf: text) }
    }
}
