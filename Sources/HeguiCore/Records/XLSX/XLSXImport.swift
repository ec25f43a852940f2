import HeguiBase
import Foundation
import HeguiXML

/// One sheet's records.
struct XLSXSheetTable {
    var kind: String
    var sheet: String
    var parsed: ParsedTable
}

extension RecordImporter {
    /// Reads a workbook: a workbook named after a kind (`employee.xlsx`) gives that kind from its sheet;
    /// any other workbook gives one kind per sheet named by a kind's id or Chinese title. Sheets and
    /// workbooks that name no kind are warnings. Hostile workbooks are located errors in `sink`.
    func importWorkbook(
        _ path: String, stem: String, layouts: [String: KindLayout], sink: inout DiagnosticCollector
    ) throws -> (tables: [XLSXSheetTable], sha256: String) {
        let bytes = try FileReader.contents(of: path, limit: FileReader.recordsFileLimit)
        let sha = sha256Hex(bytes)
        do {
            let archive = try XLSXArchive(path: path, bytes: bytes)
            let workbook = try XLSXWorkbook(archive)
            var tables: [XLSXSheetTable] = []
            for (sheet, kind) in try assignSheets(workbook, archive: archive, stem: stem, layouts: layouts, sink: &sink) {
                let reader = XLSXSheetReader(workbookPath: path, sheetName: sheet.name, workbook: workbook)
                var file = RecordFile(path: path, sha256: sha)
                file.sheet = sheet.name
                var loader = SheetLoader(layout: kind, sheet: reader, file: file, errorLimit: errorLimit)
                try reader.readRows(
                    archive, part: sheet.part, parsing: sheetParsing,
                    reset: { loader = SheetLoader(layout: kind, sheet: reader, file: file, errorLimit: errorLimit) },
                    hidden: { loader.hidden = $0 }
                ) { row throws(DiagnosticsError) in
                    loader.take(row)
                }
                if let parsed = loader.finish() {
                    sink.merge(loader.sink)
                    tables.append(XLSXSheetTable(kind: kind.kind.id, sheet: sheet.name, parsed: parsed))
                } else {
                    sink.merge(loader.sink)
                }
            }
            return (tables, sha)
        } catch {
            sink.add(error.diagnostics)
            return ([], sha)
        }
    }

    /// Which sheet feeds which kind.
    private func assignSheets(
        _ workbook: XLSXWorkbook, archive: XLSXArchive, stem: String, layouts: [String: KindLayout],
        sink: inout DiagnosticCollector
    ) throws(DiagnosticsError) -> [(XLSXWorkbook.Sheet, KindLayout)] {
        func kindNamed(_ name: String) -> KindLayout? {
            let trimmed = TableLayout.normalized(name)
            if let layout = layouts[trimmed] { return layout }
            return layouts.values.sorted { $0.kind.id < $1.kind.id }.first {
                TableLayout.normalized($0.kind.title.zhCN) == trimmed || $0.kind.title.en == name
            }
        }
        func hasRows(_ sheet: XLSXWorkbook.Sheet) throws(DiagnosticsError) -> Bool {
            struct Found: Error {}
            var found = false
            let reader = XLSXSheetReader(workbookPath: archive.path, sheetName: sheet.name, workbook: workbook)
            do {
                try reader.readRows(archive, part: sheet.part, parsing: sheetParsing, reset: { found = false }, hidden: { _ in }) {
                    _ throws(DiagnosticsError) in
                    found = true
                    // Stop at the first row: an early end, not an error.
                    throw DiagnosticsError([])
                }
            } catch {
                if !found { throw error }
            }
            return found
        }
        let knownKinds = layouts.keys.sorted().joined(separator: ", ")
        let name = archive.path.split(separator: "/").last.map(String.init) ?? archive.path
        if let layout = layouts[stem] {
            // A workbook per kind: the sheet named after the kind, else the first with rows.
            var chosen = workbook.sheets.first { kindNamed($0.name)?.kind.id == stem }
            if chosen == nil {
                for sheet in workbook.sheets where try hasRows(sheet) {
                    chosen = sheet
                    break
                }
            }
            guard let chosen = chosen ?? workbook.sheets.first else { return [] }
            for sheet in workbook.sheets where sheet.name != chosen.name {
                if try hasRows(sheet) {
                    sink.warning(
                        SourceLocation(file: archive.path, sheet: sheet.name),
                        .spreadsheets(.sheetNotRead(sheet: sheet.name, workbook: name, kind: stem, chosen: chosen.name)))
                }
            }
            return [(chosen, layout)]
        }
        var assigned: [(XLSXWorkbook.Sheet, KindLayout)] = []
        var seen: [String: String] = [:]
        for sheet in workbook.sheets {
            if let layout = kindNamed(sheet.name) {
                if let earlier = seen[layout.kind.id] {
                    throw DiagnosticsError([
                        Diagnostic(
                            at: SourceLocation(file: archive.path, sheet: sheet.name),
                            .spreadsheets(.sheetsShareKind(first: earlier, second: sheet.name, kind: layout.kind.id)))
                    ])
                }
                seen[layout.kind.id] = sheet.name
                assigned.append((sheet, layout))
            } else if try hasRows(sheet) {
                sink.warning(
                    SourceLocation(file: archive.path, sheet: sheet.name),
                    .spreadsheets(.sheetNamedAfterNoKind(sheet: sheet.name, known: knownKinds)))
            }
        }
        if assigned.isEmpty {
            sink.warning(
                SourceLocation(file: archive.path),
                .spreadsheets(.workbookNamedAfterNoKind(name: name, known: knownKinds)))
        }
        return assigned
    }
}

/// Turns one sheet's rows into a kind's table: finds the header, reads past titles, totals and notes.
struct SheetLoader {
    let layout: KindLayout
    let sheet: XLSXSheetReader
    let file: RecordFile
    var sink: DiagnosticCollector
    var hidden = Set<Int>()
    private var builder: TableBuilder
    private var pending: [XLSXRow] = []
    private var header: [Int: Int]?  // column → field
    private var headerColumns = Set<Int>()
    private var headerTexts: [Int: String] = [:]
    private var skipped = SkippedRows()
    private var firstTotal: Int?
    private var failed = false
    private var cellOfColumn: [Int] = []
    /// Per field, its sheet column (-1 when the header has none); set with the header.
    private var fieldColumn: [Int] = []
    /// Per sheet column, its field (-1 for none) and whether the header labels it.
    private var fieldOfColumn: [Int] = []
    private var labelled: [Bool] = []
    /// Per sheet column, the header's label bytes, for spotting a repeated header.
    private var labelBytes: [[UInt8]?] = []

    init(layout: KindLayout, sheet: XLSXSheetReader, file: RecordFile, errorLimit: Int) {
        self.layout = layout
        self.sheet = sheet
        self.file = file
        sink = DiagnosticCollector(limit: errorLimit)
        builder = TableBuilder(layout: layout, file: file)
    }

    /// Takes the next row with content.
    mutating func take(_ row: XLSXRow) {
        guard header != nil else {
            pending.append(row)
            if pending.count >= TableLayout.headerSearchRows { settleHeader() }
            return
        }
        read(row)
    }

    /// The finished table; nil when the sheet had no usable header.
    mutating func finish() -> ParsedTable? {
        if header == nil { settleHeader() }
        if failed { return nil }
        if let row = sheetLastRow, row >= XLSXSheetReader.lastRow {
            sink.error(
                sheet.location(row: row),
                .spreadsheets(.tableReachesLastRow))
        }
        if let summary = skipped.summary(sheetRows: true) {
            sink.note(sheet.location(row: 0), summary)
        }
        var parsed = builder.finish()
        let columnOfField = Dictionary((header ?? [:]).map { ($0.value, $0.key) }, uniquingKeysWith: min)
        let keyColumn = layout.keyField.flatMap { columnOfField[$0] }
        parsed.table.files[0].evidenceColumn = keyColumn ?? columnOfField.values.min() ?? 1
        // A field with no column is not the same as empty cells: rules reading it cannot be judged.
        let named = Set(header?.values.map { $0 } ?? [])
        for (index, field) in layout.kind.fields.enumerated() where !named.contains(index) {
            parsed.table.absentColumns[field.name] = sheet.location(row: headerRow)
        }
        return parsed
    }

    private var sheetLastRow: Int?
    private var headerRow = 0

    /// Decides the header from the rows seen so far and reads the rows below it.
    private mutating func settleHeader() {
        let rows = pending.map { row in
            TableLayout.Row(
                line: row.number,
                cells: (0..<row.count).compactMap { index in
                    let text = row.text(index).trimmingCharacters(in: .whitespacesAndNewlines)
                    return text.isEmpty ? nil : (row.columns[index], text)
                })
        }
        guard !rows.isEmpty else {
            failed = true
            sink.error(
                sheet.location(row: 0),
                .spreadsheets(.emptySheet(kind: layout.kind.id)))
            return
        }
        let found = TableLayout.findHeader(rows, layout: layout)
        let chosen = found ?? TableLayout.Header(lastRow: 0, firstRow: 0, labels: rows[0].cells)
        var mapping: [Int: Int] = [:]
        var columnOfField: [Int: Int] = [:]
        for cell in chosen.labels {
            let text = cell.text
            let location = sheet.location(row: rows[chosen.lastRow].line, column: cell.column)
            headerColumns.insert(cell.column)
            headerTexts[cell.column] = text
            if TableLayout.ignoredColumns.contains(text) {
                skipped.ignoredColumns.append("\(text) (\(SourceLocation.columnLetters(cell.column)))")
                continue
            }
            guard let field = layout.fieldIndex[text] ?? layout.fieldIndex[TableLayout.normalized(text)] else {
                if hidden.contains(cell.column) {
                    skipped.ignoredColumns.append("\(text) (\(SourceLocation.columnLetters(cell.column)), hidden)")
                    continue
                }
                sink.error(
                    location,
                    .records(.unknownColumn(name: truncatedForMessage(text), kind: layout.kind.id, expected: layout.expectedNames)))
                continue
            }
            if let earlier = columnOfField[field] {
                sink.error(
                    location,
                    .records(.repeatedColumn(name: truncatedForMessage(text), field: layout.describe(field), firstColumn: earlier)))
                continue
            }
            columnOfField[field] = cell.column
            mapping[cell.column] = field
        }
        for field in layout.kind.fields.indices where layout.required[field] && columnOfField[field] == nil {
            sink.error(sheet.location(row: rows[chosen.lastRow].line), .records(.missingColumn(field: layout.describe(field))))
        }
        skipped.titles = rows[..<chosen.firstRow].map(\.line)
        headerRow = rows[chosen.lastRow].line
        header = mapping
        fieldColumn = [Int](repeating: -1, count: layout.kind.fields.count)
        for (column, field) in mapping { fieldColumn[field] = column }
        let width = (headerColumns.max() ?? 0) + 1
        fieldOfColumn = [Int](repeating: -1, count: width)
        labelled = [Bool](repeating: false, count: width)
        labelBytes = [[UInt8]?](repeating: nil, count: width)
        for (column, field) in mapping { fieldOfColumn[column] = field }
        for column in headerColumns { labelled[column] = true }
        for (column, text) in headerTexts { labelBytes[column] = Array(text.utf8) }
        let below = pending[(chosen.lastRow + 1)...]
        pending = []
        for row in below { read(row) }
    }

    /// Reads one row below the header: a record, a total, a note or a repeated header.
    private mutating func read(_ row: XLSXRow) {
        guard let header else { return }
        sheetLastRow = row.number
        let firstIndex = (0..<row.count).first { index in row.withBytes(index) { !CellParser.trim($0).isEmpty } }
        guard let firstIndex else {
            skipped.blanks.append(row.number)
            return
        }
        let nonEmpty = (0..<row.count).reduce(0) { count, index in
            count + (row.withBytes(index) { CellParser.trim($0).isEmpty } ? 0 : 1)
        }
        switch row.withBytes(firstIndex, { TableLayout.role(firstCell: CellParser.trim($0), nonEmptyCells: nonEmpty) }) {
        case .total:
            skipped.totals.append(row.number)
            if firstTotal == nil { firstTotal = row.number }
            return
        case .subtotal:
            skipped.totals.append(row.number)
            return
        case .note:
            skipped.notes.append(row.number)
            return
        case .record:
            break
        }
        if isRepeatedHeader(row) {
            skipped.headers.append(row.number)
            return
        }
        if let firstTotal {
            sink.error(
                sheet.location(row: row.number, column: row.columns[firstIndex]),
                .spreadsheets(.recordBelowTotal(row: firstTotal)))
        }
        let maxColumn = row.columns.last ?? 0
        if cellOfColumn.count <= maxColumn { cellOfColumn = [Int](repeating: -1, count: maxColumn + 1) }
        for index in 0..<row.count { cellOfColumn[row.columns[index]] = index }
        defer { for index in 0..<row.count { cellOfColumn[row.columns[index]] = -1 } }
        let place = sheet
        for field in 0..<fieldColumn.count {
            let column = fieldColumn[field]
            let cell = column >= 0 && column < cellOfColumn.count ? cellOfColumn[column] : -1
            guard cell >= 0 else {
                if column < 0 {
                    builder.appendEmpty(field)
                } else {
                    builder.append(UnsafeBufferPointer(start: nil, count: 0), field: field, sink: &sink) {
                        place.location(row: row.number, column: column)
                    }
                }
                continue
            }
            appendCell(row, cell, field: field, column: column)
        }
        for index in 0..<row.count {
            let column = row.columns[index]
            if column < labelled.count, labelled[column] || hidden.contains(column) { continue }
            if column >= labelled.count, hidden.contains(column) { continue }
            guard row.withBytes(index, { !CellParser.trim($0).isEmpty }) else { continue }
            sink.error(
                sheet.location(row: row.number, column: column),
                .spreadsheets(.valueWithoutHeader(column: SourceLocation.columnLetters(column))))
        }
        builder.endRow(line: row.number)
    }

    /// A row that repeats the header's labels (a printed 台账 repeats it on every page).
    private func isRepeatedHeader(_ row: XLSXRow) -> Bool {
        guard row.count >= 2 else { return false }
        var matches = 0
        for index in 0..<row.count where row.kinds[index] == .text {
            let column = row.columns[index]
            guard column < labelBytes.count, let label = labelBytes[column] else { continue }
            let same = row.withBytes(index) { bytes in
                let trimmed = CellParser.trim(bytes)
                if trimmed.elementsEqual(label) { return true }
                // Padding other than ASCII spaces (an ideographic space): compare as text.
                guard let first = trimmed.first, let last = trimmed.last, first >= 0x80 || last >= 0x80 else { return false }
                return String(decoding: trimmed, as: UTF8.self).trimmingCharacters(in: .whitespaces).utf8.elementsEqual(label)
            }
            if same { matches += 1 }
        }
        return matches * 2 >= max(headerTexts.count, 2)
    }

    /// Converts a typed cell to what the field reads and appends it.
    private mutating func appendCell(_ row: XLSXRow, _ index: Int, field: Int, column: Int) {
        let type = layout.types[field]
        let name = layout.kind.fields[field].name
        let number = row.number
        let place = sheet
        switch row.kinds[index] {
        case .text:
            row.withBytes(index) { builder.append($0, field: field, sink: &sink) { place.location(row: number, column: column) } }
        case .error:
            sink.error(
                place.location(row: number, column: column),
                .spreadsheets(.excelError(field: name, value: truncatedForMessage(row.text(index)))))
            builder.appendEmpty(field)
        case .boolean:
            let isTrue = row.withBytes(index) { $0.first == UInt8(ascii: "1") }
            let text = type == .string || type == .enumeration ? (isTrue ? Self.trueText : Self.falseText) : (isTrue ? Self.one : Self.zero)
            text.withUnsafeBufferPointer { builder.append($0, field: field, sink: &sink) { place.location(row: number, column: column) } }
        case .dateSerial where type == .date || type == .string || type == .enumeration:
            let serial = row.withBytes(index) { ExcelDate.serial($0) } ?? Double(row.text(index))
            guard let serial, let day = ExcelDate.day(serial: serial, date1904: sheet.workbook.date1904) else {
                sink.error(place.location(row: number, column: column), ExcelDate.problem(row.text(index), date1904: sheet.workbook.date1904, field: name))
                builder.appendEmpty(field)
                return
            }
            if type == .date {
                builder.append(day, field: field, column: column)
                return
            }
            let text = Array(day.description.utf8)
            text.withUnsafeBufferPointer { builder.append($0, field: field, sink: &sink) { place.location(row: number, column: column) } }
        case .number where type == .date:
            sink.error(
                place.location(row: number, column: column),
                .spreadsheets(.plainNumberNotDate(field: name, value: row.text(index))))
            builder.appendEmpty(field)
        case .number, .dateSerial:
            let hasExponent = row.withBytes(index) { $0.contains(UInt8(ascii: "E")) || $0.contains(UInt8(ascii: "e")) }
            if hasExponent, let value = Double(row.text(index)) {
                let text = Array(ExcelDate.plain(value).utf8)
                text.withUnsafeBufferPointer { builder.append($0, field: field, sink: &sink) { place.location(row: number, column: column) } }
            } else {
                row.withBytes(index) { builder.append($0, field: field, sink: &sink) { place.location(row: number, column: column) } }
            }
        }
    }

    private static let trueText = Array("TRUE".utf8)
    private static let falseText = Array("FALSE".utf8)
    private static let one = Array("1".utf8)
    private static let zero = Array("0".utf8)
}

/// Excel's serial dates.
enum ExcelDate {
    /// The day of a serial in the 1900 system (1 = 1900-01-01, with the phantom 1900-02-29 = 60) or the
    /// 1904 system (0 = 1904-01-01); the time of day is dropped. Nil for serial 60 in 1900, negative or
    /// past 9999-12-31.
    static func day(serial: Double, date1904: Bool) -> Day? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        let whole = Int(serial.rounded(.down))
        if date1904 { return Day(year: 1904, month: 1, day: 1)!.adding(days: whole) }
        if whole == 60 || whole == 0 { return nil }
        // Serials before the phantom leap day count from 1899-12-31; after it, one day less.
        return whole < 60
            ? Day(year: 1899, month: 12, day: 31)!.adding(days: whole) : Day(year: 1899, month: 12, day: 30)!.adding(days: whole)
    }

    /// A serial written as plain digits with an optional fraction (`43467`, `43467.5`), read without
    /// building a string; nil for anything else (which is then read as text).
    static func serial(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var whole = 0
        var index = 0
        while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
            guard index < 9 else { return nil }
            whole = whole * 10 + Int(bytes[index] - 48)
            index += 1
        }
        guard index > 0 else { return nil }
        if index < bytes.count {
            guard bytes[index] == UInt8(ascii: "."), index + 1 < bytes.count else { return nil }
            for byte in bytes[(index + 1)...] where byte < 48 || byte > 57 { return nil }
        }
        return Double(whole)
    }

    /// Why a serial is no date, for the message.
    static func problem(_ raw: String, date1904: Bool, field: String) -> Message {
        if !date1904, let serial = Double(raw), serial.isFinite, Int(serial.rounded(.down)) == 60 {
            return .spreadsheets(.phantomLeapDay(field: field))
        }
        return .records(.notADate(field: field, value: truncatedForMessage(raw)))
    }

    /// A number without an exponent (`1.5E-3` → `0.0015`).
    static func plain(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var text = String(format: "%.15f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
