import HeguiBase

// MARK: - Building tables

/// A kind's lookups, computed once per importer.
struct KindLayout: Sendable {
    let kind: RecordKind
    /// Field index by name and by each label.
    let fieldIndex: [String: Int]
    /// `employeeId (工号), name (姓名)`, for unknown-column errors.
    let expectedNames: String
    /// The key field's index, if any.
    let keyField: Int?
    /// The allowed values of each enum field (empty for other types).
    let allowed: [Set<String>]
    /// Each field's type and whether it is required, apart so the per-cell path copies no field.
    let types: [FieldType]
    let required: [Bool]
    let nonNegative: [Bool]

    /// A copy whose arrays share no storage with this one's (for another core).
    func unshared() -> KindLayout { KindLayout(kind.unshared()) }

    init(_ kind: RecordKind) {
        self.kind = kind
        var index: [String: Int] = [:]
        for (position, field) in kind.fields.enumerated() {
            if index[field.name] == nil { index[field.name] = position }
            for label in field.labels where index[label] == nil { index[label] = position }
        }
        fieldIndex = index
        expectedNames = kind.fields.map { field in
            field.labels.isEmpty ? field.name : "\(field.name) (\(field.labels.joined(separator: ", ")))"
        }.joined(separator: ", ")
        keyField = kind.keyField.flatMap { key in kind.fields.firstIndex { $0.name == key } }
        allowed = kind.fields.map { Set($0.allowedValues) }
        types = kind.fields.map(\.type)
        required = kind.fields.map(\.required)
        nonNegative = kind.fields.map(\.nonNegative)
    }

    /// `'employeeId' (工号)`: the field as the user may know it.
    func describe(_ field: Int) -> String {
        let definition = kind.fields[field]
        guard let label = definition.labels.first else { return "'\(definition.name)'" }
        return "'\(definition.name)' (\(label))"
    }
}

/// A parsed file's table plus where each row's key cell stands, for duplicate-key errors.
struct ParsedTable {
    var table: RecordTable
    /// The character column of each row's key cell (0 when there is no key field or cell).
    var keyColumns: ContiguousArray<Int32>

    init(table: RecordTable, keyColumns: ContiguousArray<Int32>) {
        self.table = table
        self.keyColumns = keyColumns
    }

    /// The pieces of one kind in path order, as one table.
    init(concatenating pieces: [ParsedTable]) {
        if pieces.count == 1 {
            self = pieces[0]
            return
        }
        table = RecordTable(concatenating: pieces.map(\.table))
        keyColumns = []
        for piece in pieces { keyColumns.append(contentsOf: piece.keyColumns) }
    }

    /// Reports each repeated key at its later row.
    func checkKeys(sink: inout DiagnosticCollector) {
        guard let keyName = table.kind.keyField, let key = table.columnIndex(keyName) else { return }
        func report(_ row: Int, first: Int) {
            let path = table.path(at: row)
            let firstPath = table.path(at: first)
            let column = keyColumns.isEmpty ? 0 : Int(keyColumns[row])
            let keyText = truncatedForMessage(table.value(column: key, at: row)?.description ?? "")
            let duplicate: Message =
                firstPath == path
                ? .records(.duplicateKeyOnLine(key: keyText, line: Int(table.lines[first])))
                : .records(.duplicateKeyInFile(key: keyText, place: table.location(at: first).description))
            sink.error(
                table.location(at: row, column: column),
                duplicate)
        }
        if case .text(let column) = table.columns[key] {
            // Codes are dense, so an array beats hashing the strings again.
            var firstRow = [Int32](repeating: -1, count: column.values.count)
            for row in 0..<table.count {
                let code = Int(column.codes[row])
                guard code >= 0 else { continue }
                if firstRow[code] >= 0 {
                    report(row, first: Int(firstRow[code]))
                } else {
                    firstRow[code] = Int32(row)
                }
            }
        } else {
            var firstRow: [Value: Int] = [:]
            for row in 0..<table.count {
                guard let value = table.value(column: key, at: row) else { continue }
                if let first = firstRow[value] {
                    report(row, first: first)
                } else {
                    firstRow[value] = row
                }
            }
        }
    }
}

/// Builds one file's table column by column, parsing each cell from bytes as it arrives.
struct TableBuilder {
    let layout: KindLayout
    let file: RecordFile
    private var numbers: [ContiguousArray<Double>]
    private var dates: [ContiguousArray<Int32>]
    private var booleans: [ContiguousArray<UInt8>]
    private var texts: [TextColumn]
    private var interners: [ByteInterner]
    /// Per enum field, whether each text code is an allowed value.
    private var codeAllowed: [[Bool]]
    private var lines: ContiguousArray<Int32> = []
    private var keyColumns: ContiguousArray<Int32> = []
    private var pendingKeyColumn: Int32 = 0

    init(layout: KindLayout, file: RecordFile) {
        self.layout = layout
        self.file = file
        let count = layout.kind.fields.count
        numbers = Array(repeating: [], count: count)
        dates = Array(repeating: [], count: count)
        booleans = Array(repeating: [], count: count)
        texts = Array(repeating: TextColumn(), count: count)
        interners = Array(repeating: ByteInterner(), count: count)
        codeAllowed = Array(repeating: [], count: count)
    }

    /// Sizes every column for about this many rows, so they are written in place, never regrown and copied.
    mutating func reserve(rows: Int) {
        for field in layout.types.indices {
            switch layout.types[field] {
            case .integer, .decimal: numbers[field].reserveCapacity(rows)
            case .date: dates[field].reserveCapacity(rows)
            case .boolean: booleans[field].reserveCapacity(rows)
            case .string, .enumeration: texts[field].codes.reserveCapacity(rows)
            }
        }
        lines.reserveCapacity(rows)
        if layout.keyField != nil { keyColumns.reserveCapacity(rows) }
    }

    /// Appends the empty sentinel for a field with no cell.
    mutating func appendEmpty(_ field: Int) {
        switch layout.types[field] {
        case .integer, .decimal: numbers[field].append(.nan)
        case .date: dates[field].append(Column.emptyDate)
        case .boolean: booleans[field].append(Column.emptyBoolean)
        case .string, .enumeration: texts[field].codes.append(-1)
        }
    }

    /// Parses a cell's bytes into a field's column; a bad cell is reported and stored as empty.
    mutating func append(
        _ bytes: UnsafeBufferPointer<UInt8>, field: Int, sink: inout DiagnosticCollector,
        location: () -> SourceLocation
    ) {
        if field == layout.keyField { pendingKeyColumn = Int32(location().column) }
        let text = CellParser.trim(bytes)
        if text.isEmpty {
            if layout.required[field] {
                sink.error(location(), .records(.requiredEmpty(field: layout.kind.fields[field].name)))
            }
            appendEmpty(field)
            return
        }
        // The field's name is looked up only for an error: copying it per cell costs reference counting.
        func fail(_ problem: (_ field: String, _ value: String) -> RecordMessage) {
            sink.error(location(), .records(problem(layout.kind.fields[field].name, display(text))))
            appendEmpty(field)
        }
        switch layout.types[field] {
        case .decimal:
            guard let value = CellParser.number(text) else { return fail(RecordMessage.notANumber) }
            guard value >= 0 || !layout.nonNegative[field] else { return fail(RecordMessage.negative) }
            numbers[field].append(value)
        case .integer:
            guard let value = CellParser.number(text) else { return fail(RecordMessage.notANumber) }
            guard value == value.rounded(.towardZero), abs(value) <= 9_007_199_254_740_992 else {
                return fail(RecordMessage.notAWholeNumber)
            }
            guard value >= 0 || !layout.nonNegative[field] else { return fail(RecordMessage.negative) }
            numbers[field].append(value)
        case .date:
            guard let day = CellParser.date(text) else { return fail(RecordMessage.notADate) }
            dates[field].append(day.ordinal)
        case .boolean:
            guard let value = CellParser.boolean(text) else {
                return fail(RecordMessage.notABoolean)
            }
            booleans[field].append(value ? 1 : 0)
        case .string:
            let (code, _) = interners[field].intern(text, into: &texts[field])
            texts[field].codes.append(code)
        case .enumeration:
            let (code, isNew) = interners[field].intern(text, into: &texts[field])
            if isNew { codeAllowed[field].append(layout.allowed[field].contains(texts[field].values[Int(code)])) }
            guard codeAllowed[field][Int(code)] else {
                let allowed = layout.kind.fields[field].allowedValues.joined(separator: ", ")
                return fail { RecordMessage.notAllowed(field: $0, value: $1, allowed: allowed) }
            }
            texts[field].codes.append(code)
        }
    }

    /// Appends a day to a date field, already typed (a workbook's date cell), from sheet `column`.
    mutating func append(_ day: Day, field: Int, column: Int) {
        if field == layout.keyField { pendingKeyColumn = Int32(column) }
        dates[field].append(day.ordinal)
    }

    /// Closes a row that started on `line`.
    mutating func endRow(line: Int) {
        lines.append(Int32(line))
        if layout.keyField != nil {
            keyColumns.append(pendingKeyColumn)
            pendingKeyColumn = 0
        }
    }

    /// The finished table; all rows come from `file`.
    func finish() -> ParsedTable {
        let columns: [Column] = layout.kind.fields.indices.map { field in
            switch layout.kind.fields[field].type {
            case .integer, .decimal: .number(numbers[field])
            case .date: .date(dates[field])
            case .boolean: .boolean(booleans[field])
            case .string, .enumeration: .text(texts[field])
            }
        }
        let table = RecordTable(
            kind: layout.kind, columns: columns, files: [file], lines: lines)
        return ParsedTable(table: table, keyColumns: keyColumns)
    }

    /// A cell's text for a message: line breaks shown as `\n`, control characters neutralised, cut
    /// at 80 characters with the full length (a 100 MB cell is never echoed whole).
    private func display(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        // Decode only what can be shown, plus enough to know the length in characters.
        let shown = UnsafeBufferPointer(rebasing: bytes[..<min(bytes.count, quotedValueLimit * 4 + 4)])
        let head = String(decoding: shown, as: UTF8.self).replacingNewlines()
        guard shown.count < bytes.count else { return truncatedForMessage(head) }
        var characters = 0
        for byte in bytes where byte & 0xC0 != 0x80 { characters += 1 }
        return "\(truncatedForMessage(String(head.prefix(quotedValueLimit)), limit: quotedValueLimit))… (\(characters) characters)"
    }
}

extension String {
    /// Line breaks as `\n`, so a message stays on one line.
    fileprivate func replacingNewlines() -> String {
        guard contains(where: \.isNewline) else { return self }
        var result = ""
        for character in self {
            if character.isNewline { result += "\\n" } else { result.append(character) }
        }
        return result
    }
}

/// Interns byte strings: a hash probe on the bytes finds a known value without building a String.
struct ByteInterner {
    private var arena: [UInt8] = []
    private var ends: [Int] = []
    private var hashes: [UInt64] = []
    private var slots = [Int32](repeating: -1, count: 16)

    /// The code of the bytes in `column`, adding the string to it when new.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>, into column: inout TextColumn) -> (Int32, Bool) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { hash = (hash ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        while true {
            let code = slots[slot]
            if code < 0 { break }
            if hashes[Int(code)] == hash, matches(Int(code), bytes) { return (code, false) }
            slot = (slot + 1) & mask
        }
        let code = Int32(ends.count)
        arena.append(contentsOf: bytes)
        ends.append(arena.count)
        hashes.append(hash)
        slots[slot] = code
        let value = String(decoding: bytes, as: UTF8.self)
        column.values.append(value)
        column.codeOf[value] = code
        if ends.count * 2 > slots.count { grow() }
        return (code, true)
    }

    private func matches(_ code: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = code == 0 ? 0 : ends[code - 1]
        guard ends[code] - start == bytes.count else { return false }
        for i in 0..<bytes.count where arena[start + i] != bytes[i] { return false }
        return true
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for code in 0..<hashes.count {
            let hash = hashes[code]
            var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(code)
        }
    }
}
