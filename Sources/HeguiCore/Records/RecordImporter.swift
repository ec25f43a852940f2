import Foundation
import HeguiBase
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

    let layouts: [String: KindLayout]
    /// How worksheets are parsed: the fast path with libxml2 behind it, unless a test asks otherwise.
    var sheetParsing = XLSXSheetReader.Parsing.fast

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
        let names = try FileReader.regularFiles(in: path).sorted()
        var sink = DiagnosticCollector(limit: errorLimit)
        var parts: [String: [ParsedTable]] = [:]
        var inputs: [InputFile] = []
        let knownKinds = kinds.map(\.id).joined(separator: ", ")
        // CSV files are read, hashed and parsed on every core first; their diagnostics and tables are
        // then taken in path order, exactly as a sequential pass would have produced them.
        // Each name split once into its path, stem and extension; names without a stem are skipped.
        let files = names.compactMap { name -> (name: String, full: String, stem: String, ext: String)? in
            guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
            let full = path.hasSuffix("/") ? path + name : path + "/" + name
            return (name, full, String(name[..<dot]), name[name.index(after: dot)...].lowercased())
        }
        var jobs: [CSVJob] = []
        var jobOfName: [String: CSVJob] = [:]
        for file in files where file.ext == "csv" {
            guard let layout = layouts[file.stem] else { continue }
            let job = CSVJob(path: file.full, layout: layout, errorLimit: errorLimit)
            jobs.append(job)
            jobOfName[file.name] = job
        }
        run(jobs)
        // Workbooks likewise: each read on some core into its own collector, the largest first, and
        // taken in path order below.
        var workbooks: [String: WorkbookJob] = [:]
        for file in files where file.ext == "xlsx" {
            workbooks[file.name] = WorkbookJob(path: file.full, stem: file.stem, errorLimit: errorLimit)
        }
        readWorkbooks(workbooks.values.sorted { ($0.size, $1.path) > ($1.size, $0.path) })
        for (name, full, stem, ext) in files {
            if ext == "csv" {
                guard let job = jobOfName[name] else {
                    sink.warning(
                        SourceLocation(file: full),
                        .records(.fileNamedAfterNoKind(name: name, known: knownKinds)))
                    continue
                }
                guard let parsed = try finish(job, sink: &sink) else { continue }
                parts[stem, default: []].append(parsed)
                inputs.append(InputFile(path: full, kind: stem, sha256: job.sha256, records: parsed.table.count))
            } else if ext == "xlsx", let job = workbooks[name] {
                if let failure = job.failure { throw failure }
                sink.merge(job.sink)
                for sheet in job.tables {
                    parts[sheet.kind, default: []].append(sheet.parsed)
                    inputs.append(
                        InputFile(path: full + "!" + sheet.sheet, kind: sheet.kind, sha256: job.sha256, records: sheet.parsed.table.count))
                }
            } else if ext == "xls" || ext == "et" {
                sink.warning(
                    SourceLocation(file: full),
                    .spreadsheets(.legacyFileIgnored(name: name)))
            } else if ext == "xml" {
                let bytes = try FileReader.contents(of: full, limit: FileReader.xmlFileLimit)
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
                        .records(.notARecordsBundle(name: name, root: root.name)))
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
}

/// One workbook of a folder, read on some core; its results are taken in path order.
final class WorkbookJob: @unchecked Sendable {
    let path: String
    let stem: String
    /// The file's size, so the largest start first.
    let size: Int
    var sink: DiagnosticCollector
    var tables: [XLSXSheetTable] = []
    var sha256 = ""
    /// Set when the file could not be read at all; thrown when the file's turn comes.
    var failure: (any Error)?

    init(path: String, stem: String, errorLimit: Int) {
        self.path = path
        self.stem = stem
        size = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
        sink = DiagnosticCollector(limit: errorLimit)
    }
}

extension RecordImporter {
    /// Reads the workbooks on every core, each job touched by one task only.
    func readWorkbooks(_ jobs: [WorkbookJob]) {
        concurrentForEach(jobs.count) { index in
            let job = jobs[index]
            do {
                (job.tables, job.sha256) = try importWorkbook(job.path, stem: job.stem, layouts: layouts, sink: &job.sink)
            } catch {
                job.failure = error
            }
        }
    }
}
