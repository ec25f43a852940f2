import Crypto
import Glibc
import HeguiXML

/// Reads records files (CSV per kind, XML bundles) into typed tables, reporting every bad cell at once.
public struct RecordImporter: Sendable {
    /// The kinds that files may hold.
    public let kinds: [RecordKind]
    /// How CSV bytes are decoded.
    public let encoding: TextEncoding
    /// How many errors are listed before the rest are only counted.
    public let errorLimit: Int
    /// A CSV file's rows are parsed in chunks of about this many bytes, on every core; the result
    /// (rows, lines, diagnostics) is identical to one sequential pass.
    public let chunkBytes: Int

    private let layouts: [String: KindLayout]

    /// Creates an importer for these kinds.
    public init(kinds: [RecordKind], encoding: TextEncoding = .automatic, errorLimit: Int = 100, chunkBytes: Int = 1 << 22) {
        self.kinds = kinds
        self.encoding = encoding
        self.errorLimit = max(errorLimit, 1)
        self.chunkBytes = max(chunkBytes, 1)
        var layouts: [String: KindLayout] = [:]
        for kind in kinds where layouts[kind.id] == nil { layouts[kind.id] = KindLayout(kind) }
        self.layouts = layouts
    }

    // MARK: Folder

    /// Every `*.csv` whose file stem is a kind id, and every `*.xml` records bundle in the folder (not
    /// recursive), in path order. Other files are ignored; a CSV whose stem is no known kind → a warning
    /// diagnostic (in RecordSet.warnings), not an error.
    public func importDirectory(_ path: String) throws -> RecordSet {
        let names = try listRegularFiles(path).sorted()
        var sink = DiagnosticCollector(limit: errorLimit)
        var parts: [String: [ParsedTable]] = [:]
        var inputs: [InputFile] = []
        let knownKinds = kinds.map(\.id).joined(separator: ", ")
        // CSV files are read, hashed and parsed on every core first; their diagnostics and tables are
        // then taken in path order, exactly as a sequential pass would have produced them.
        var jobs: [CSVJob] = []
        var jobOfName: [String: CSVJob] = [:]
        for name in names {
            guard let dot = name.lastIndex(of: "."), dot != name.startIndex,
                name[name.index(after: dot)...].lowercased() == "csv", let layout = layouts[String(name[..<dot])]
            else { continue }
            let job = CSVJob(path: path.hasSuffix("/") ? path + name : path + "/" + name, layout: layout, errorLimit: errorLimit)
            jobs.append(job)
            jobOfName[name] = job
        }
        run(jobs)
        for name in names {
            let full = path.hasSuffix("/") ? path + name : path + "/" + name
            guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { continue }
            let stem = String(name[..<dot])
            let ext = name[name.index(after: dot)...].lowercased()
            if ext == "csv" {
                guard let job = jobOfName[name] else {
                    sink.warning(
                        SourceLocation(file: full),
                        "'\(name)' is named after no record kind (known kinds: \(knownKinds)); file ignored")
                    continue
                }
                guard let parsed = try finish(job, sink: &sink) else { continue }
                parts[stem, default: []].append(parsed)
                inputs.append(InputFile(path: full, kind: stem, sha256: job.sha256, records: parsed.table.count))
            } else if ext == "xlsx" {
                let (sheets, sha) = try importWorkbook(full, stem: stem, layouts: layouts, sink: &sink)
                for sheet in sheets {
                    parts[sheet.kind, default: []].append(sheet.parsed)
                    inputs.append(InputFile(path: full + "!" + sheet.sheet, kind: sheet.kind, sha256: sha, records: sheet.parsed.table.count))
                }
            } else if ext == "xls" || ext == "et" {
                sink.warning(
                    SourceLocation(file: full),
                    "'\(name)' is an Excel 97-2003 or WPS workbook, which hegui does not read; save it as .xlsx or CSV; file ignored")
            } else if ext == "xml" {
                let bytes = try readFileBytes(full)
                let root: XMLElement
                do {
                    root = try XMLDocument(bytes: bytes, path: full).root
                } catch let error as DiagnosticsError {
                    sink.add(error.diagnostics)
                    continue
                }
                guard root.name == "records" else {
                    sink.warning(
                        SourceLocation(file: full),
                        "'\(name)' is not a records bundle (its root is <\(root.name)>, not <records>); file ignored")
                    continue
                }
                let sha = sha256Hex(bytes)
                let tables = parseXML(root: root, sha256: sha, path: full, sink: &sink)
                for kind in tables.keys.sorted() {
                    let parsed = tables[kind]!
                    parts[kind, default: []].append(parsed)
                    inputs.append(InputFile(path: full, kind: kind, sha256: sha, records: parsed.table.count))
                }
            }
        }
        var tables: [String: RecordTable] = [:]
        for (kind, pieces) in parts {
            let merged = ParsedTable(concatenating: pieces)
            merged.checkKeys(sink: &sink)
            tables[kind] = merged.table
        }
        try sink.throwIfErrors(summaryPath: path)
        inputs.sort { ($0.path, $0.kind) < ($1.path, $1.kind) }
        return RecordSet(tables: tables, inputs: inputs, warnings: sink.warnings.sortedByLocation())
    }

    // MARK: CSV

    /// Parses one CSV file of a kind; `path` names it in diagnostics. Throws `DiagnosticsError`.
    public func importCSV(bytes: [UInt8], path: String, kind: RecordKind) throws -> RecordTable {
        var sink = DiagnosticCollector(limit: errorLimit)
        let layout = layouts[kind.id].flatMap { $0.kind == kind ? $0 : nil } ?? KindLayout(kind)
        let job = CSVJob(path: path, layout: layout, errorLimit: errorLimit)
        job.bytes = bytes
        run([job])
        let parsed = try finish(job, sink: &sink)
        parsed?.checkKeys(sink: &sink)
        try sink.throwIfErrors(summaryPath: path)
        return parsed!.table
    }

    /// Reads and parses one CSV file of a kind. Throws `UnreadableFileError` or `DiagnosticsError`.
    public func importCSVFile(_ path: String, kind: RecordKind) throws -> RecordTable {
        try importCSV(bytes: try readFileBytes(path), path: path, kind: kind)
    }

    // MARK: CSV in chunks

    /// Reads, decodes and splits every job's file (one file per core), then hashes each file and parses
    /// every chunk (largest first, so the two cores finish together).
    func run(_ jobs: [CSVJob]) {
        let bySize = jobs.indices.sorted { (jobs[$0].bytes?.count ?? 0) > (jobs[$1].bytes?.count ?? 0) }
        concurrentForEach(bySize.count) { prepare(jobs[bySize[$0]]) }
        var tasks: [(job: CSVJob, chunk: Int, weight: Int)] = []
        for job in jobs {
            // Hashing costs about a third of parsing per byte.
            tasks.append((job, -1, (job.bytes?.count ?? 0) / 3))
            guard job.header != nil else { continue }
            for chunk in 0..<(job.splits.count - 1) { tasks.append((job, chunk, job.splits[chunk + 1] - job.splits[chunk])) }
        }
        tasks.sort { $0.weight > $1.weight }
        concurrentForEach(tasks.count) { index in
            let task = tasks[index]
            if task.chunk < 0 {
                if let bytes = task.job.bytes { task.job.sha256 = sha256Hex(bytes) }
            } else {
                task.job.chunks[task.chunk].value = parseChunk(task.job, task.chunk)
            }
        }
    }

    /// Reads the file (unless given), decodes it, reads the header and picks the chunk boundaries.
    private func prepare(_ job: CSVJob) {
        if job.bytes == nil {
            do {
                job.bytes = try readFileBytes(job.path)
            } catch {
                job.failure = error
                return
            }
        }
        do {
            switch try encoding.decode(job.bytes!, path: job.path) {
            case .original(let offset): job.textOffset = offset
            case .transcoded(let utf8): job.transcoded = utf8
            }
        } catch let error as DiagnosticsError {
            job.sink.add(error.diagnostics)
            return
        } catch {
            job.sink.error(SourceLocation(file: job.path, line: 1, column: 1), "\(error)")
            return
        }
        job.withText { text in
            var reader = CSVReader(bytes: text)
            guard let header = readHeader(&reader, path: job.path, layout: job.layout, sink: &job.sink) else { return }
            job.header = header
            job.splits = CSVChunks.boundaries(text, from: reader.offset, chunkBytes: chunkBytes)
            job.firstRowLine = reader.nextLine
            job.chunks = (1..<job.splits.count).map { _ in ChunkSlot() }
        }
    }

    /// Parses one chunk of rows into its own table and diagnostics, with lines counted from 1.
    private func parseChunk(_ job: CSVJob, _ chunk: Int) -> CSVChunk {
        job.withText { text in
            let range = job.splits[chunk]..<job.splits[chunk + 1]
            var reader = CSVReader(bytes: UnsafeBufferPointer(rebasing: text[range]))
            // Private copies: the row loop retains and releases these, and reference counts shared
            // between cores bounce their cache line (this doubled the CPU time of two-core parsing).
            let path = String(decoding: Array(job.path.utf8), as: UTF8.self)
            let header = job.header!
            let unsharedHeader = CSVHeader(
                count: header.count, columnOfField: header.columnOfField.map { $0 },
                unnamedColumns: header.unnamedColumns.map { $0 })
            var builder = TableBuilder(layout: job.layout.unshared(), file: RecordFile(path: path, sha256: ""))
            var sink = DiagnosticCollector(limit: errorLimit)
            let insideQuotes = readRows(&reader, header: unsharedHeader, path: path, into: &builder, sink: &sink)
            return CSVChunk(table: builder.finish(), sink: sink, lineEnds: reader.nextLine - 1, endedInsideQuotes: insideQuotes)
        }
    }

    /// The file's table, its diagnostics added to `sink` in file order; nil when it could not be read
    /// as text or has no usable header. Throws the file's `UnreadableFileError`.
    private func finish(_ job: CSVJob, sink: inout DiagnosticCollector) throws -> ParsedTable? {
        if let failure = job.failure { throw failure }
        sink.merge(job.sink)
        guard job.header != nil else { return nil }
        let file = RecordFile(path: job.path, sha256: job.sha256)
        // A boundary inside a quoted field shows as a chunk ending inside quotes: parse sequentially.
        if job.chunks.dropLast().contains(where: { $0.value!.endedInsideQuotes }) {
            job.splits = [job.splits.first!, job.splits.last!]
            job.chunks = [ChunkSlot(parseChunk(job, 0))]
        }
        var pieces: [ParsedTable] = []
        var line = job.firstRowLine
        let chunks = job.chunks.map { $0.value! }
        job.chunks = []
        for var chunk in chunks {
            chunk.shiftLines(by: line - 1, path: job.path)
            sink.merge(chunk.sink)
            pieces.append(chunk.table)
            line += chunk.lineEnds
        }
        var parsed = ParsedTable(concatenatingChunks: pieces)
        parsed.table.files = [file]
        // The bytes and chunk tables are not needed again: free them before the next file's merge.
        job.bytes = nil
        job.transcoded = nil
        job.chunks = []
        return parsed
    }

    /// Reads the header row: which field each column feeds. Nil when there is no header.
    private func readHeader(
        _ reader: inout CSVReader, path: String, layout: KindLayout, sink: inout DiagnosticCollector
    ) -> CSVHeader? {
        let fields = layout.kind.fields
        var scratch: [UInt8] = []
        // The header: the first non-blank line.
        let hasHeader: Bool
        do {
            hasHeader = try reader.next()
        } catch {
            sink.error(SourceLocation(file: path, line: error.line, column: error.column), error.message)
            return nil
        }
        guard hasHeader else {
            sink.error(
                SourceLocation(file: path, line: 1, column: 1),
                "file is empty; expected a header row naming the columns of kind '\(layout.kind.id)'")
            return nil
        }
        let headerCount = reader.cells.count
        // For each header cell: the field it feeds, `unnamed` for an empty header, `ignored` for an error.
        let unnamed = -2
        let ignored = -1
        var fieldOfColumn = [Int](repeating: ignored, count: headerCount)
        var columnOfField = [Int](repeating: -1, count: fields.count)
        for (index, cell) in reader.cells.enumerated() {
            let name = reader.withContent(of: cell, scratch: &scratch) {
                String(decoding: CellParser.trim($0), as: UTF8.self)
            }
            let location = SourceLocation(file: path, line: cell.line, column: reader.column(of: cell))
            if name.isEmpty {
                fieldOfColumn[index] = unnamed
                continue
            }
            guard let field = layout.fieldIndex[name] else {
                sink.error(
                    location,
                    "unknown column '\(name)' for kind '\(layout.kind.id)' (expected: \(layout.expectedNames))")
                continue
            }
            if columnOfField[field] >= 0 {
                sink.error(
                    location,
                    "column '\(name)' repeats field \(layout.describe(field)), already given in column \(columnOfField[field] + 1)"
                )
                continue
            }
            columnOfField[field] = index
            fieldOfColumn[index] = field
        }
        for (index, field) in fields.enumerated() where field.required && columnOfField[index] < 0 {
            sink.error(SourceLocation(file: path, line: 1, column: 1), "missing required column \(layout.describe(index))")
        }
        return CSVHeader(
            count: headerCount, columnOfField: columnOfField,
            unnamedColumns: fieldOfColumn.indices.filter { fieldOfColumn[$0] == unnamed })
    }

    /// Reads rows to the end of the reader's bytes; true when the bytes ended inside a quoted field.
    private func readRows(
        _ reader: inout CSVReader, header: CSVHeader, path: String, into builder: inout TableBuilder,
        sink: inout DiagnosticCollector
    ) -> Bool {
        let fields = builder.layout.kind.fields
        let headerCount = header.count
        let columnOfField = header.columnOfField
        var scratch: [UInt8] = []
        var endedInsideQuotes = false
        let empty = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        while true {
            do {
                guard try reader.next() else { break }
            } catch {
                if error.message == CSVSyntaxError.unterminated { endedInsideQuotes = true }
                sink.error(SourceLocation(file: path, line: error.line, column: error.column), error.message)
                continue
            }
            let cellCount = reader.cells.count
            if cellCount > headerCount {
                let extra = reader.cells[headerCount]
                sink.error(
                    SourceLocation(file: path, line: extra.line, column: reader.column(of: extra)),
                    "row has \(cellCount) cells but the header has \(headerCount) columns")
                continue
            }
            if isBlank(reader, scratch: &scratch) { continue }
            let line = reader.line
            for field in 0..<fields.count {
                let column = columnOfField[field]
                if column < 0 {
                    builder.appendEmpty(field)
                } else if column < cellCount {
                    let cell = reader.cells[column]
                    reader.withContent(of: cell, scratch: &scratch) { content in
                        builder.append(content, field: field, sink: &sink) {
                            SourceLocation(file: path, line: cell.line, column: reader.column(of: cell))
                        }
                    }
                } else {
                    // A short row: its missing trailing cells are empty.
                    builder.append(empty, field: field, sink: &sink) {
                        SourceLocation(file: path, line: line, column: 1)
                    }
                }
            }
            for column in header.unnamedColumns where column < cellCount {
                let cell = reader.cells[column]
                let nonEmpty = reader.withContent(of: cell, scratch: &scratch) { !CellParser.trim($0).isEmpty }
                if nonEmpty {
                    sink.error(
                        SourceLocation(file: path, line: cell.line, column: reader.column(of: cell)),
                        "value in column \(column + 1), which has no header")
                }
            }
            builder.endRow(line: line)
        }
        return endedInsideQuotes
    }

    /// Whether every cell of the record is empty: Excel writes `,,,` for rows that only had formatting.
    private func isBlank(_ reader: CSVReader, scratch: inout [UInt8]) -> Bool {
        for cell in reader.cells {
            let nonEmpty = reader.withContent(of: cell, scratch: &scratch) { !CellParser.trim($0).isEmpty }
            if nonEmpty { return false }
        }
        return true
    }

    // MARK: XML

    /// Reads a `<records>` bundle: one table per kind that has at least one element. Throws
    /// `DiagnosticsError` with every bad attribute; `bytes`, when given, are hashed for provenance.
    public func importXML(root: XMLElement, bytes: [UInt8]?, path: String) throws -> [String: RecordTable] {
        var sink = DiagnosticCollector(limit: errorLimit)
        let parsed = parseXML(root: root, sha256: bytes.map(sha256Hex) ?? "", path: path, sink: &sink)
        for table in parsed.values { table.checkKeys(sink: &sink) }
        try sink.throwIfErrors(summaryPath: path)
        return parsed.mapValues(\.table)
    }

    /// Reads, parses and imports one XML bundle. Throws `UnreadableFileError` or `DiagnosticsError`.
    public func importXMLFile(_ path: String) throws -> [String: RecordTable] {
        let bytes = try readFileBytes(path)
        // Parse the bytes we hash, so the hash is of exactly what was read.
        let document = try XMLDocument(bytes: bytes, path: path)
        return try importXML(root: document.root, bytes: bytes, path: path)
    }

    private func parseXML(
        root: XMLElement, sha256: String, path: String, sink: inout DiagnosticCollector
    ) -> [String: ParsedTable] {
        guard root.name == "records" else {
            sink.error(root.location, "expected the root element <records>, found <\(root.name)>")
            return [:]
        }
        let file = RecordFile(path: path, sha256: sha256)
        var builders: [TableBuilder] = []
        var builderOfKind: [String: Int] = [:]
        var seen: [Int] = []
        for element in root.children {
            guard let layout = layouts[element.name] else {
                sink.error(
                    element.location,
                    "unknown record kind <\(element.name)> (known kinds: \(kinds.map(\.id).joined(separator: ", ")))")
                continue
            }
            let index: Int
            if let existing = builderOfKind[element.name] {
                index = existing
            } else {
                index = builders.count
                builderOfKind[element.name] = index
                builders.append(TableBuilder(layout: layout, file: file))
            }
            let fields = layout.kind.fields
            // The attribute feeding each field, by position in `element.attributes`.
            seen.removeAll(keepingCapacity: true)
            seen.append(contentsOf: repeatElement(-1, count: fields.count))
            for (position, attribute) in element.attributes.enumerated() {
                guard let field = layout.fieldIndex[attribute.name] else {
                    sink.error(
                        attribute.location,
                        "unknown attribute '\(attribute.name)' for kind '\(layout.kind.id)' (expected: \(layout.expectedNames))")
                    continue
                }
                if seen[field] >= 0 {
                    sink.error(
                        attribute.location,
                        "attribute '\(attribute.name)' repeats field \(layout.describe(field))")
                    continue
                }
                seen[field] = position
            }
            if let child = element.children.first {
                sink.error(child.location, "unexpected element <\(child.name)> inside <\(element.name)>")
            }
            if element.text.contains(where: { !$0.isWhitespace }) {
                sink.error(element.location, "unexpected text inside <\(element.name)>; values go in attributes")
            }
            for field in 0..<fields.count {
                let position = seen[field]
                if position >= 0 {
                    let attribute = element.attributes[position]
                    var value = attribute.value
                    value.withUTF8 { content in
                        builders[index].append(content, field: field, sink: &sink) { attribute.location }
                    }
                } else if fields[field].required {
                    sink.error(element.location, "missing required attribute \(layout.describe(field))")
                    builders[index].appendEmpty(field)
                } else {
                    builders[index].appendEmpty(field)
                }
            }
            builders[index].endRow(line: element.location.line)
        }
        var result: [String: ParsedTable] = [:]
        for (kind, index) in builderOfKind { result[kind] = builders[index].finish() }
        return result
    }
}

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
            let firstPlace =
                firstPath != path
                ? table.location(at: first).description
                : table.files[Int(table.fileIndex[first])].sheet == nil ? "line \(table.lines[first])" : "row \(table.lines[first])"
            let column = keyColumns.isEmpty ? 0 : Int(keyColumns[row])
            sink.error(
                table.location(at: row, column: column),
                "duplicate key '\(table.value(column: key, at: row)!)' (first at \(firstPlace))")
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
                sink.error(location(), "field '\(layout.kind.fields[field].name)' is required but empty")
            }
            appendEmpty(field)
            return
        }
        func fail(_ problem: String) {
            sink.error(location(), "field '\(layout.kind.fields[field].name)': '\(display(text))' \(problem)")
            appendEmpty(field)
        }
        switch layout.types[field] {
        case .decimal:
            guard let value = CellParser.number(text) else { return fail("is not a number") }
            numbers[field].append(value)
        case .integer:
            guard let value = CellParser.number(text) else { return fail("is not a number") }
            guard value == value.rounded(.towardZero), abs(value) <= 9_007_199_254_740_992 else {
                return fail("is not a whole number")
            }
            numbers[field].append(value)
        case .date:
            guard let day = CellParser.date(text) else { return fail("is not a valid date") }
            dates[field].append(day.ordinal)
        case .boolean:
            guard let value = CellParser.boolean(text) else {
                return fail("is not a boolean (use 是/否, Y/N, true/false or 1/0)")
            }
            booleans[field].append(value ? 1 : 0)
        case .string:
            let (code, _) = interners[field].intern(text, into: &texts[field])
            texts[field].codes.append(code)
        case .enumeration:
            let (code, isNew) = interners[field].intern(text, into: &texts[field])
            if isNew { codeAllowed[field].append(layout.allowed[field].contains(texts[field].values[Int(code)])) }
            guard codeAllowed[field][Int(code)] else {
                return fail("is not one of \(layout.kind.fields[field].allowedValues.joined(separator: ", "))")
            }
            texts[field].codes.append(code)
        }
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
            kind: layout.kind, columns: columns, files: [file],
            fileIndex: ContiguousArray(repeating: 0, count: lines.count), lines: lines)
        return ParsedTable(table: table, keyColumns: keyColumns)
    }

    /// A cell's text for a message, with line breaks shown as `\n`.
    private func display(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self).replacingNewlines()
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

// MARK: - Diagnostics and files

/// Errors up to a limit (the rest counted), and warnings.
struct DiagnosticCollector {
    let limit: Int
    var errors: [Diagnostic] = []
    private(set) var warnings: [Diagnostic] = []
    private(set) var suppressed = 0

    init(limit: Int) { self.limit = limit }

    mutating func error(_ location: SourceLocation, _ message: String) {
        add(Diagnostic(.error, at: location, message))
    }

    mutating func warning(_ location: SourceLocation, _ message: String) {
        add(Diagnostic(.warning, at: location, message))
    }

    mutating func add(_ diagnostic: Diagnostic) {
        if diagnostic.severity == .warning {
            warnings.append(diagnostic)
        } else if errors.count < limit {
            errors.append(diagnostic)
        } else {
            suppressed += 1
        }
    }

    mutating func add(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { add(diagnostic) }
    }

    /// Adds what another collector gathered after ours, as if it had been added here in order.
    mutating func merge(_ other: DiagnosticCollector) {
        add(other.errors)
        add(other.warnings)
        suppressed += other.suppressed
    }

    /// Throws every diagnostic, sorted by location, when there is an error; the count of the rest last.
    func throwIfErrors(summaryPath: String) throws {
        guard !errors.isEmpty else { return }
        var all = (errors + warnings).sortedByLocation()
        if suppressed > 0 {
            all.append(
                Diagnostic(
                    at: SourceLocation(file: summaryPath),
                    "\(suppressed) more error\(suppressed == 1 ? "" : "s") not shown (error limit \(limit))"))
        }
        throw DiagnosticsError(all)
    }
}

/// The SHA-256 of bytes, lower-case hex.
func sha256Hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var hex: [UInt8] = []
    hex.reserveCapacity(64)
    for byte in SHA256.hash(data: bytes) {
        hex.append(digits[Int(byte >> 4)])
        hex.append(digits[Int(byte & 15)])
    }
    return String(decoding: hex, as: UTF8.self)
}

/// Reads a whole file into memory with one buffer, or throws `UnreadableFileError`.
func readFileBytes(_ path: String) throws -> [UInt8] {
    let tooLarge = UnreadableFileError(path: path, reason: "is larger than the 2 GiB limit")
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw UnreadableFileError(path: path, reason: String(cString: strerror(errno))) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else {
        throw UnreadableFileError(path: path, reason: String(cString: strerror(errno)))
    }
    guard info.st_mode & S_IFMT != S_IFDIR else { throw UnreadableFileError(path: path, reason: "is a folder") }
    guard Int(info.st_size) <= maximumRecordsFileBytes else { throw tooLarge }
    // One spare byte so a file that did not grow is read to EOF without resizing.
    var buffer = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
    var total = 0
    while true {
        if total == buffer.count { buffer.append(contentsOf: repeatElement(0, count: max(buffer.count, 4096))) }
        let got = buffer.withUnsafeMutableBytes { raw in read(fd, raw.baseAddress! + total, raw.count - total) }
        if got < 0 {
            if errno == EINTR { continue }
            throw UnreadableFileError(path: path, reason: String(cString: strerror(errno)))
        }
        if got == 0 { break }
        total += got
        // A file that grows while it is read is held to the same limit.
        if total > maximumRecordsFileBytes { throw tooLarge }
    }
    buffer.removeSubrange(total...)
    return buffer
}

/// The largest records file read (2 GiB, eight times a 40,000-employee year's timesheet): input
/// larger than that is refused with a clear error rather than exhausting memory.
let maximumRecordsFileBytes = 2 << 30

/// The names of the regular files (symbolic links followed) in a folder, or `UnreadableFileError`.
func listRegularFiles(_ path: String) throws -> [String] {
    guard let directory = opendir(path) else {
        throw UnreadableFileError(path: path, reason: "cannot read the records folder: \(String(cString: strerror(errno)))")
    }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
        let name = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
            String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
        }
        if name == "." || name == ".." { continue }
        var info = stat()
        let full = path.hasSuffix("/") ? path + name : path + "/" + name
        guard stat(full, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
        names.append(name)
    }
    return names
}
