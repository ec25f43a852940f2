import HeguiBase
import HeguiXML

/// A workbook's catalogue: its sheets, date system, which styles are dates, and its shared strings.
struct XLSXWorkbook {
    /// One sheet as the workbook lists it.
    struct Sheet {
        /// The tab name (`花名册`).
        var name: String
        /// The part holding its cells (`xl/worksheets/sheet1.xml`).
        var part: String
        /// Hidden or very hidden tabs are still read; the flag is for notes.
        var hidden: Bool
    }

    var sheets: [Sheet] = []
    /// The 1904 date system (old Mac Excel): serial 0 is 1904-01-01.
    var date1904 = false
    /// Per cell-format index (`s` attribute), whether its number format shows a date.
    var dateStyles: [Bool] = []
    var sharedStrings = SharedStrings()

    /// Reads the catalogue parts of an opened archive.
    init(_ archive: XLSXArchive) throws(DiagnosticsError) {
        let relationships = try Self.relationships(archive)
        let workbook = try archive.reader(for: "xl/workbook.xml")
        while try workbook.read() {
            guard workbook.kind == .start else { continue }
            if workbook.isNamed("workbookPr") {
                let flag = workbook.attribute("date1904")
                date1904 = flag == "1" || flag == "true"
            } else if workbook.isNamed("sheet") {
                let name = workbook.attribute("name") ?? ""
                var id: String?
                // The relationship id is `r:id`; its prefix varies, its local name is `id`.
                workbook.forEachAttribute { local, value in
                    if local.elementsEqual("id".utf8) { id = String(decoding: value, as: UTF8.self) }
                }
                guard let id, let target = relationships[id] else {
                    throw DiagnosticsError([
                        Diagnostic(at: workbook.location, .spreadsheets(.sheetWithoutPart(sheet: name)))
                    ])
                }
                let state = workbook.attribute("state") ?? "visible"
                sheets.append(Sheet(name: name, part: target, hidden: state != "visible"))
            }
        }
        if archive.has("xl/styles.xml") { dateStyles = try Self.dateStyles(archive.reader(for: "xl/styles.xml")) }
        if archive.has("xl/sharedStrings.xml") {
            sharedStrings = try SharedStrings(archive.reader(for: "xl/sharedStrings.xml"))
        }
    }

    /// `rId1` → `xl/worksheets/sheet1.xml`, from the workbook's relationships.
    private static func relationships(_ archive: XLSXArchive) throws(DiagnosticsError) -> [String: String] {
        let part = "xl/_rels/workbook.xml.rels"
        guard archive.has(part) else { return [:] }
        let reader = try archive.reader(for: part)
        var targets: [String: String] = [:]
        while try reader.read() {
            guard reader.kind == .start, reader.isNamed("Relationship"),
                let id = reader.attribute("Id"), let target = reader.attribute("Target")
            else { continue }
            // Targets are relative to xl/ unless absolute (`/xl/worksheets/sheet1.xml`).
            targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        }
        return targets
    }

    /// Which cell formats (`cellXfs`, in order) display dates.
    private static func dateStyles(_ reader: XMLStreamReader) throws(DiagnosticsError) -> [Bool] {
        var customDate: [Int: Bool] = [:]
        var styles: [Bool] = []
        var inCellFormats = false
        while try reader.read() {
            if reader.kind == .end, reader.isNamed("cellXfs") { inCellFormats = false }
            guard reader.kind == .start else { continue }
            if reader.isNamed("numFmt"), let id = reader.attribute("numFmtId").flatMap({ Int($0) }) {
                customDate[id] = isDateFormat(reader.attribute("formatCode") ?? "")
            } else if reader.isNamed("cellXfs") {
                inCellFormats = !reader.isEmptyElement
            } else if inCellFormats, reader.isNamed("xf") {
                let id = reader.attribute("numFmtId").flatMap { Int($0) } ?? 0
                styles.append(customDate[id] ?? isBuiltInDate(id))
            }
        }
        return styles
    }

    /// Excel's built-in date and time formats, including the Chinese locale's (27–36, 50–58).
    static func isBuiltInDate(_ id: Int) -> Bool {
        (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id)
    }

    /// Whether a format code shows a date: it has a y, m, d (or 年月日) outside quotes, escapes and
    /// brackets (`[Red]`, `[$-804]`), in its first section.
    static func isDateFormat(_ code: String) -> Bool {
        var inQuotes = false
        var inBracket = false
        var escaped = false
        for character in code {
            if escaped {
                escaped = false
                continue
            }
            switch character {
            case "\\": escaped = true
            case "\"": inQuotes.toggle()
            case "[" where !inQuotes: inBracket = true
            case "]" where !inQuotes: inBracket = false
            case ";" where !inQuotes && !inBracket: return false
            case "y", "Y", "d", "D", "m", "M", "年", "月", "日":
                if !inQuotes && !inBracket { return true }
            default: break
            }
        }
        return false
    }
}

/// The shared-string table, held as one byte arena: the cells of a big sheet point into it.
struct SharedStrings {
    private var arena: [UInt8] = []
    private var ends: [Int] = []

    init() {}

    /// Reads `<sst>`: each `<si>` is plain `<t>` or rich-text runs `<r><t>`; phonetic guides (`<rPh>`)
    /// are not part of the text.
    init(_ reader: XMLStreamReader) throws(DiagnosticsError) {
        var inItem = false
        var inText = false
        var phoneticDepth = 0
        while try reader.read() {
            switch reader.kind {
            case .start:
                if reader.isNamed("si") {
                    inItem = !reader.isEmptyElement
                    if reader.isEmptyElement { ends.append(arena.count) }
                } else if reader.isNamed("rPh") || reader.isNamed("phoneticPr") {
                    if !reader.isEmptyElement { phoneticDepth += 1 }
                } else if reader.isNamed("t") {
                    inText = inItem && phoneticDepth == 0 && !reader.isEmptyElement
                }
            case .end:
                if reader.isNamed("si") {
                    inItem = false
                    ends.append(arena.count)
                } else if reader.isNamed("rPh") || reader.isNamed("phoneticPr") {
                    phoneticDepth = max(0, phoneticDepth - 1)
                } else if reader.isNamed("t") {
                    inText = false
                }
            case .text:
                if inText { reader.withText { arena.append(contentsOf: $0) } }
            case .other:
                // Significant whitespace inside `<t xml:space="preserve">` is text too.
                if inText { reader.withText { arena.append(contentsOf: $0) } }
            }
        }
    }

    /// Adds a string at the end.
    mutating func append(_ bytes: [UInt8]) {
        arena.append(contentsOf: bytes)
        ends.append(arena.count)
    }

    /// How many strings the table holds.
    var count: Int { ends.count }

    /// Calls `body` with the bytes of string `index` (valid only inside the call).
    func withString<T>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        let start = index == 0 ? 0 : ends[index - 1]
        return arena.withUnsafeBufferPointer { whole in body(UnsafeBufferPointer(rebasing: whole[start..<ends[index]])) }
    }

    /// String `index`.
    func string(_ index: Int) -> String { withString(index) { String(decoding: $0, as: UTF8.self) } }
}
