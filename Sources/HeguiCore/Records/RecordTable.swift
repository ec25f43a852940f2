import HeguiBase

/// One typed column of a record table. Empty cells are stored as a sentinel so columns stay flat.
public enum Column: Sendable {
    /// Integers and decimals; `.nan` marks an empty cell.
    case number(ContiguousArray<Double>)
    /// Days since 1970-01-01; `Column.emptyDate` marks an empty cell.
    case date(ContiguousArray<Int32>)
    /// 0 false, 1 true, `Column.emptyBoolean` for an empty cell.
    case boolean(ContiguousArray<UInt8>)
    /// Strings and enums, dictionary-encoded: equal strings share a code.
    case text(TextColumn)

    /// The sentinel for an empty date.
    public static let emptyDate = Int32.min
    /// The sentinel for an empty boolean.
    public static let emptyBoolean: UInt8 = 2
}

/// A dictionary-encoded string column: each row holds a code into `values`, or -1 when empty.
public struct TextColumn: Sendable {
    /// One code per row; -1 when the cell is empty.
    public var codes: ContiguousArray<Int32>
    /// The distinct strings, indexed by code, in first-seen order.
    public var values: [String]
    /// The code of each distinct string.
    public var codeOf: [String: Int32]

    /// Creates an empty column.
    public init() {
        codes = []
        values = []
        codeOf = [:]
    }

    /// Appends a row's value (nil or "" for empty).
    public mutating func append(_ value: String?) {
        guard let value, !value.isEmpty else {
            codes.append(-1)
            return
        }
        if let code = codeOf[value] {
            codes.append(code)
        } else {
            let code = Int32(values.count)
            values.append(value)
            codeOf[value] = code
            codes.append(code)
        }
    }

    /// The string in a row, or nil when empty.
    public func value(at row: Int) -> String? {
        let code = codes[row]
        return code < 0 ? nil : values[Int(code)]
    }
}

/// Where a records file came from, for evidence.
public struct RecordFile: Hashable, Sendable {
    /// The path as read.
    public var path: String
    /// The SHA-256 of the file's bytes, lower-case hex.
    public var sha256: String
    /// The workbook sheet the rows came from, when the file is a spreadsheet (rows are sheet rows).
    public var sheet: String?
    /// The column (1-based) whose cell names a row in evidence: the key's, else the table's first.
    public var evidenceColumn = 0

    /// Creates a file entry.
    public init(path: String, sha256: String, sheet: String? = nil) {
        self.path = path
        self.sha256 = sha256
        self.sheet = sheet
    }
}

/// All records of one kind, column-oriented, each row with its provenance (file and line).
public struct RecordTable: Sendable {
    /// The kind's declaration.
    public var kind: RecordKind
    /// One column per field of the kind, in declaration order.
    public var columns: [Column]
    /// The files the rows came from.
    public var files: [RecordFile]
    /// The first row of each file, in order: `files[i]` holds rows `fileStarts[i]..<fileStarts[i + 1]`
    /// (one number per file rather than one per row: rows come file after file).
    public var fileStarts: [Int]
    /// For each row, the physical line where it starts (1-based).
    public var lines: ContiguousArray<Int32>
    /// Fields a CSV file of this kind has no column for, each with the header that lacks it. Empty
    /// cells are data; an absent column is data missing, so rules reading it are errors.
    public var absentColumns: [String: SourceLocation] = [:]

    /// Creates a table from finished columns.
    public init(
        kind: RecordKind, columns: [Column], files: [RecordFile], fileStarts: [Int]? = nil, lines: ContiguousArray<Int32>
    ) {
        precondition(columns.count == kind.fields.count, "one column per field")
        self.kind = kind
        self.columns = columns
        self.files = files
        // By default every row comes from the first file.
        self.fileStarts = fileStarts ?? files.indices.map { $0 == 0 ? 0 : lines.count }
        self.lines = lines
    }

    /// An empty table of a kind (a file with only a header).
    public init(emptyOf kind: RecordKind) {
        self.kind = kind
        self.columns = kind.fields.map { field in
            switch field.type {
            case .integer, .decimal: .number([])
            case .date: .date([])
            case .boolean: .boolean([])
            case .string, .enumeration: .text(TextColumn())
            }
        }
        self.files = []
        self.fileStarts = []
        self.lines = []
    }

    /// The number of records.
    public var count: Int { lines.count }

    /// The column index of a field.
    public func columnIndex(_ field: String) -> Int? {
        kind.fields.firstIndex { $0.name == field }
    }

    /// The typed value of a field in a row, or nil when the cell is empty or the field unknown.
    public func value(_ field: String, at row: Int) -> Value? {
        guard let index = columnIndex(field) else { return nil }
        return value(column: index, at: row)
    }

    /// The typed value of a column in a row, or nil when the cell is empty.
    public func value(column index: Int, at row: Int) -> Value? {
        switch columns[index] {
        case .number(let values):
            let n = values[row]
            return n.isNaN ? nil : .number(n)
        case .date(let values):
            let d = values[row]
            return d == Column.emptyDate ? nil : .date(Day(ordinal: d))
        case .boolean(let values):
            let b = values[row]
            return b == Column.emptyBoolean ? nil : .boolean(b == 1)
        case .text(let column):
            return column.value(at: row).map(Value.text)
        }
    }

    /// The key of a row for evidence: the key field's value, else `#line`.
    public func key(at row: Int) -> String {
        if let keyField = kind.keyField, let value = value(keyField, at: row) { return value.description }
        return "#\(lines[row])"
    }

    /// The index into `files` of the file a row came from.
    public func fileNumber(at row: Int) -> Int {
        var number = 0
        for (index, start) in fileStarts.enumerated() where start <= row { number = index }
        return number
    }

    /// The file a row came from (`book.xlsx!花名册` for a sheet).
    public func path(at row: Int) -> String {
        let file = files[fileNumber(at: row)]
        guard let sheet = file.sheet else { return file.path }
        return file.path + "!" + sheet
    }

    /// The cell naming a row of a workbook sheet in evidence (`B12`); nil for other files.
    public func evidenceCell(at row: Int) -> String? {
        let file = files[fileNumber(at: row)]
        guard file.sheet != nil, file.evidenceColumn > 0 else { return nil }
        return SourceLocation.columnLetters(file.evidenceColumn) + String(lines[row])
    }

    /// Where a row (and a column of it, 1-based) stands: `file:line:column`, or a sheet's cell.
    public func location(at row: Int, column: Int = 0) -> SourceLocation {
        let file = files[fileNumber(at: row)]
        guard let sheet = file.sheet else { return SourceLocation(file: file.path, line: Int(lines[row]), column: column) }
        return SourceLocation(file: file.path, sheet: sheet, row: Int(lines[row]), column: column)
    }

    /// The rows of several tables of one kind, in order (a kind fed by a CSV and an XML bundle).
    public init(concatenating tables: [RecordTable]) {
        precondition(!tables.isEmpty, "at least one table")
        self.init(emptyOf: tables[0].kind)
        for table in tables { append(contentsOf: table) }
    }

    /// Appends another table's rows; its files follow ours and its text codes are re-interned.
    public mutating func append(contentsOf other: RecordTable) {
        precondition(other.kind.fields.count == kind.fields.count, "same kind")
        let offset = count
        for (field, location) in other.absentColumns where absentColumns[field] == nil { absentColumns[field] = location }
        files.append(contentsOf: other.files)
        fileStarts.append(contentsOf: other.fileStarts.map { $0 + offset })
        lines.append(contentsOf: other.lines)
        for index in columns.indices {
            // Park an empty column first so the payload is uniquely referenced and grows in place.
            let mine = columns[index]
            columns[index] = .number([])
            switch (mine, other.columns[index]) {
            case (.number(var values), .number(let more)):
                values.append(contentsOf: more)
                columns[index] = .number(values)
            case (.date(var values), .date(let more)):
                values.append(contentsOf: more)
                columns[index] = .date(values)
            case (.boolean(var values), .boolean(let more)):
                values.append(contentsOf: more)
                columns[index] = .boolean(values)
            case (.text(var column), .text(let more)):
                let mapping = more.values.map { column.intern($0) }
                column.codes.append(contentsOf: more.codes.lazy.map { $0 < 0 ? -1 : mapping[Int($0)] })
                columns[index] = .text(column)
            default:
                preconditionFailure("column types differ")
            }
        }
    }
}

extension TextColumn {
    /// The code of a string, adding it to the dictionary when new (no row is appended).
    public mutating func intern(_ value: String) -> Int32 {
        if let code = codeOf[value] { return code }
        let code = Int32(values.count)
        values.append(value)
        codeOf[value] = code
        return code
    }
}

/// The records of a run: one table per kind that had a file, plus the files read.
public struct RecordSet: Sendable {
    /// Tables by kind id. A kind with no file is absent (its measures are errors); a kind whose
    /// file has only a header is present and empty.
    public var tables: [String: RecordTable]
    /// Every file read, sorted by path.
    public var inputs: [InputFile]
    /// Problems that did not stop the import (a CSV named after no kind, an XML file that is no bundle).
    public var warnings: [Diagnostic]

    /// Creates a record set.
    public init(tables: [String: RecordTable], inputs: [InputFile], warnings: [Diagnostic] = []) {
        self.tables = tables
        self.inputs = inputs
        self.warnings = warnings
    }
}
