import HeguiBase
import HeguiXML

/// One worksheet's XML read by the fast path and by libxml2 alone, compared: what the differential
/// tests and the `xlsx-sheet` fuzz target check. Whenever the fast path reads a sheet without
/// declining, its rows and hidden columns must be exactly libxml2's, and libxml2 must find no error.
public enum XLSXSheetDifferential {
    /// The workbook the fuzz target reads sheets against: three shared strings (one holding an `&`),
    /// cell format 1 showing dates, the 1900 date system.
    static let fuzzWorkbook = XLSXWorkbook(sharedStrings: ["甲", "E0001", "a&b"], dateStyles: [false, true], date1904: false)

    /// Reads `xml` fed in chunks of `chunk` bytes both ways; nil when they agree (or when the fast
    /// path declined, so libxml2's reading is the only one), else a report of both readings.
    public static func mismatch(_ xml: [UInt8], chunk: Int) -> String? {
        mismatch(xml, chunk: chunk, workbook: fuzzWorkbook)
    }

    static func mismatch(_ xml: [UInt8], chunk: Int, workbook: XLSXWorkbook) -> String? {
        guard let fast = outcome(xml, chunk: chunk, parsing: .fastOnly, workbook: workbook) else { return nil }
        let reference = outcome(xml, chunk: chunk, parsing: .reference, workbook: workbook) ?? "(no reading)"
        return fast == reference ? nil : "--- fast path (\(chunk)-byte chunks)\n\(fast)\n--- libxml2\n\(reference)"
    }

    /// The rows, hidden columns and errors of one reading as text; nil when `.fastOnly` declined.
    static func outcome(_ xml: [UInt8], chunk: Int, parsing: XLSXSheetReader.Parsing, workbook: XLSXWorkbook) -> String? {
        let reader = XLSXSheetReader(workbookPath: "book.xlsx", sheetName: "Sheet1", workbook: workbook)
        var lines: [String] = []
        let step = max(chunk, 1)
        let source = { (parser: XMLChunkParser) throws(DiagnosticsError) in
            var offset = 0
            while offset < xml.count {
                let end = min(offset + step, xml.count)
                try xml[offset..<end].withUnsafeBufferPointer { (bytes) throws(DiagnosticsError) in try parser.feed(bytes) }
                offset = end
            }
            try parser.finish()
        }
        do throws(DiagnosticsError) {
            try reader.readRows(
                source, path: "book.xlsx!xl/worksheets/sheet1.xml", parsing: parsing, reset: { lines = [] },
                hidden: { lines.append("hidden \($0.sorted())") }
            ) { row throws(DiagnosticsError) in
                lines.append("row \(row.number): " + (0..<row.count).map { "\(row.columns[$0])/\(row.kinds[$0]) \(escaped(row, $0))" }.joined(separator: " | "))
            }
        } catch {
            if parsing == .fastOnly { return nil }
            lines.append(contentsOf: error.diagnostics.map { "error: \($0.description)" })
        }
        return lines.joined(separator: "\n")
    }

    /// A cell's bytes with everything but printable ASCII escaped, so no byte difference hides.
    private static func escaped(_ row: XLSXRow, _ index: Int) -> String {
        row.withBytes(index) { bytes in
            bytes.map { $0 >= 0x20 && $0 < 0x7F && $0 != 0x5C ? String(UnicodeScalar($0)) : "\\x" + String($0, radix: 16) }.joined()
        }
    }
}

extension XLSXWorkbook {
    /// A workbook catalogue given directly (no archive): for reading sheet XML on its own.
    init(sharedStrings: [String], dateStyles: [Bool], date1904: Bool) {
        self.sharedStrings = SharedStrings(sharedStrings)
        self.dateStyles = dateStyles
        self.date1904 = date1904
    }
}

extension SharedStrings {
    /// A table of these strings.
    init(_ strings: [String]) {
        self.init()
        for string in strings { append(Array(string.utf8)) }
    }
}
