import HeguiBase

extension RecordImporter {
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
        try importCSV(bytes: try FileReader.contents(of: path, limit: FileReader.recordsFileLimit), path: path, kind: kind)
    }

    // MARK: CSV in chunks

    /// Reads, decodes and splits every job's file (one file per core), then hashes each file and parses
    /// every chunk (largest first, so the two cores finish together).
    func run(_ jobs: [CSVJob]) {
        let bySize = jobs.indices.sorted { jobs[$0].byteCount > jobs[$1].byteCount }
        concurrentForEach(bySize.count) { prepare(jobs[bySize[$0]]) }
        var tasks: [(job: CSVJob, chunk: Int, weight: Int)] = []
        for job in jobs {
            // Hashing costs about a third of parsing per byte.
            tasks.append((job, -1, job.byteCount / 3))
            guard job.header != nil else { continue }
            for chunk in 0..<(job.splits.count - 1) { tasks.append((job, chunk, job.splits[chunk + 1] - job.splits[chunk])) }
        }
        tasks.sort { $0.weight > $1.weight }
        concurrentForEach(tasks.count) { index in
            let task = tasks[index]
            if task.chunk < 0 {
                task.job.sha256 = task.job.hashBytes()
            } else {
                task.job.chunks[task.chunk].value = parseChunk(task.job, task.chunk)
            }
        }
    }

    /// Reads the file (unless given), decodes it, reads the header and picks the chunk boundaries.
    func prepare(_ job: CSVJob) {
        if job.bytes == nil && job.mapped == nil {
            do {
                job.mapped = MappedFile(regularFile: job.path, limit: FileReader.recordsFileLimit)
                if job.mapped == nil { job.bytes = try FileReader.contents(of: job.path, limit: FileReader.recordsFileLimit) }
            } catch {
                job.failure = error
                return
            }
        }
        do {
            switch try job.withRawBytes({ try encoding.decode($0, path: job.path) }) {
            case .original(let offset): job.textOffset = offset
            case .transcoded(let utf8): job.transcoded = utf8
            }
        } catch let error as DiagnosticsError {
            job.sink.add(error.diagnostics)
            return
        } catch {
            job.sink.error(SourceLocation(file: job.path, line: 1, column: 1), .files(.cannotRead))
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
        // Decoding and splitting read the whole file: give its pages back before tables take the room.
        job.mapped?.release(0..<job.byteCount)
    }

    /// Parses one chunk of rows into its own table and diagnostics, with lines counted from 1.
    func parseChunk(_ job: CSVJob, _ chunk: Int) -> CSVChunk {
        job.withText { text in
            let range = job.splits[chunk]..<job.splits[chunk + 1]
            var reader = CSVReader(bytes: UnsafeBufferPointer(rebasing: text[range]))
            // Private copies: the row loop retains and releases these, and reference counts shared
            // between cores bounce their cache line (this doubled the CPU time of two-core parsing).
            let path = String(decoding: Array(job.path.utf8), as: UTF8.self)
            let header = job.header!
            let unsharedHeader = CSVHeader(
                count: header.count, columnOfField: header.columnOfField.map { $0 },
                unnamedColumns: header.unnamedColumns.map { $0 }, labels: header.labels.map { String(decoding: Array($0.utf8), as: UTF8.self) })
            var builder = TableBuilder(layout: job.layout.unshared(), file: RecordFile(path: path, sha256: ""))
            // Rows are at most the line ends (and one unterminated last line): columns sized once.
            builder.reserve(rows: CSVChunks.lineEnds(reader.bytes) + 1)
            var sink = DiagnosticCollector(limit: errorLimit)
            var skipped = SkippedRows()
            let insideQuotes = readRows(
                &reader, header: unsharedHeader, path: path, into: &builder, sink: &sink, skipped: &skipped)
            job.releaseText(range)
            return CSVChunk(
                table: builder.finish(), sink: sink, lineEnds: reader.nextLine - 1, endedInsideQuotes: insideQuotes,
                skipped: skipped)
        }
    }

    /// The file's table, its diagnostics added to `sink` in file order; nil when it could not be read
    /// as text or has no usable header. Throws the file's `UnreadableFileError`.
    func finish(_ job: CSVJob, sink: inout DiagnosticCollector) throws -> ParsedTable? {
        if let failure = job.failure { throw failure }
        sink.merge(job.sink)
        guard job.header != nil else { return nil }
        let file = RecordFile(path: job.path, sha256: job.sha256)
        // A boundary inside a quoted field shows as a chunk ending inside quotes: parse sequentially.
        if job.chunks.dropLast().contains(where: { $0.value!.endedInsideQuotes }) {
            job.splits = [job.splits.first!, job.splits.last!]
            job.chunks = [ChunkSlot(parseChunk(job, 0))]
        }
        // The bytes are not needed again: free them before the merge, which needs room for the table.
        job.bytes = nil
        job.mapped = nil
        job.transcoded = nil
        var chunks = job.chunks.map { $0.value! }
        job.chunks = []
        var line = job.firstRowLine
        var skipped = SkippedRows()
        skipped.titles = job.header?.linesAbove ?? []
        skipped.ignoredColumns = job.header?.ignoredColumns ?? []
        for index in chunks.indices {
            // In place: a copy of the chunk would copy its line numbers when they are shifted.
            chunks[index].shiftLines(by: line - 1, path: job.path)
            sink.merge(chunks[index].sink)
            skipped.append(chunks[index].skipped)
            line += chunks[index].lineEnds
        }
        var pieces = chunks.map(\.table)
        // Only `pieces` holds the chunk tables now, so the merge can free each column as it copies it.
        chunks = []
        var parsed = ParsedTable(consumingChunks: &pieces)
        parsed.table.files = [file]
        noteSkipped(skipped, table: parsed.table, path: job.path, sink: &sink)
        // A field with no column is not the same as empty cells: rules reading it cannot be judged.
        if let header = job.header {
            for (index, field) in job.layout.kind.fields.enumerated() where header.columnOfField[index] < 0 {
                parsed.table.absentColumns[field.name] = SourceLocation(file: job.path, line: header.line, column: 1)
            }
        }
        return parsed
    }

    /// Reads rows to the end of the reader's bytes; true when the bytes ended inside a quoted field.
    func readRows(
        _ reader: inout CSVReader, header: CSVHeader, path: String, into builder: inout TableBuilder,
        sink: inout DiagnosticCollector, skipped: inout SkippedRows
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
                if error.message == .unterminatedQuote { endedInsideQuotes = true }
                sink.error(SourceLocation(file: path, line: error.line, column: error.column), .records(error.message))
                continue
            }
            let cellCount = reader.cells.count
            if skipsRow(reader, header: header, scratch: &scratch, skipped: &skipped) { continue }
            if cellCount > headerCount {
                let extra = reader.cells[headerCount]
                sink.error(
                    SourceLocation(file: path, line: extra.line, column: reader.column(of: extra)),
                    .records(.tooManyCells(cells: cellCount, columns: headerCount)))
                continue
            }
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
                        .records(.valueWithoutHeader(column: column + 1)))
                }
            }
            builder.endRow(line: line)
        }
        return endedInsideQuotes
    }
}
