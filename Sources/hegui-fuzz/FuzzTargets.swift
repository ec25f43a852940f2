import Foundation
import HeguiCore
import HeguiXML

/// The inputs hegui reads from people it does not control, each as one libFuzzer target. A target
/// returns normally for every input hegui handles (a value or a located error); anything else (a
/// trap, a sanitizer report, a differential mismatch) is a finding.
enum FuzzTarget: String, CaseIterable {
    /// A CSV file of one kind (the first byte picks the kind), parsed whole and in tiny chunks: the
    /// two must agree row for row and diagnostic for diagnostic.
    case csv
    /// An XML records bundle over every shipped kind.
    case xml
    /// A rule pack: recovering parse, schema validation and the meaning checks.
    case pack
    /// A worksheet's XML (the first byte picks the chunk size), read by the fast `<sheetData>` scanner
    /// and by libxml2 alone: whenever the scanner does not decline, the two must agree row for row.
    case xlsxSheet = "xlsx-sheet"

    /// Runs one input.
    func run(_ bytes: [UInt8]) {
        switch self {
        case .csv: FuzzContext.shared.csv(bytes)
        case .xml: FuzzContext.shared.xml(bytes)
        case .pack: FuzzContext.shared.pack(bytes)
        case .xlsxSheet: FuzzContext.xlsxSheet(bytes)
        }
    }
}

/// The target libFuzzer drives (set once in main.swift, before any input). A global here, read by
/// the C callback, which cannot capture.
nonisolated(unsafe) var fuzzTarget = FuzzTarget.csv

/// What every input shares, loaded once: the shipped record kinds and the pack schema.
final class FuzzContext: Sendable {
    static let shared = FuzzContext()

    let kinds: [RecordKind]
    let schema: XMLSchema

    private init() {
        do {
            let directory = try RulesLocator.rulesDirectory()
            let loaded = try RulePackLoader.shipped().load(paths: [directory])
            guard loaded.isValid else { fatalError("the shipped packs do not load: \(loaded.diagnostics)") }
            kinds = RecordCatalog.merge(loaded.packs).kinds.sorted { $0.id < $1.id }
            schema = try XMLSchema(contentsOf: try RulesLocator.schemaPath())
        } catch {
            fatalError("cannot load the shipped rules (set HEGUI_RULES): \(error)")
        }
    }

    /// Whole-file versus chunked parsing of the same bytes.
    func csv(_ input: [UInt8]) {
        guard input.count >= 2 else { return }
        let kind = kinds[Int(input[0]) % kinds.count]
        let chunk = 1 + Int(input[1]) % 64
        let bytes = Array(input.dropFirst(2))
        let whole = outcome { try RecordImporter(kinds: [kind], chunkBytes: 1 << 22).importCSV(bytes: bytes, path: "f.csv", kind: kind) }
        let chunked = outcome { try RecordImporter(kinds: [kind], chunkBytes: chunk).importCSV(bytes: bytes, path: "f.csv", kind: kind) }
        guard whole == chunked else {
            fatalError("chunked (\(chunk) bytes) and whole parsing differ for kind \(kind.id):\n--- whole\n\(whole)\n--- chunked\n\(chunked)")
        }
    }

    /// The fast sheet path against libxml2's on the same bytes.
    static func xlsxSheet(_ input: [UInt8]) {
        guard let first = input.first else { return }
        let chunk = 1 + Int(first) % 97
        if let mismatch = XLSXSheetDifferential.mismatch(Array(input.dropFirst()), chunk: chunk) {
            fatalError("the fast sheet path and libxml2 differ:\n\(mismatch)")
        }
    }

    /// A records bundle: parsed, then imported.
    func xml(_ bytes: [UInt8]) {
        _ = outcome {
            let document = try XMLDocument(bytes: bytes, path: "r.xml")
            let tables = try RecordImporter(kinds: kinds).importXML(root: document.root, bytes: bytes, path: "r.xml")
            return tables.keys.sorted().map { fingerprint(tables[$0]!) }.joined(separator: "\n")
        }
    }

    /// A rule pack: everything `hegui validate` does to one file.
    func pack(_ bytes: [UInt8]) {
        _ = outcome {
            let (document, errors) = try XMLDocument.recovering(bytes: bytes, path: "p.xml")
            let (pack, diagnostics) = RulePackLoader.read(document, schema: schema)
            // Describing the pack exercises every formatted number and period it holds.
            return "\(errors.count) \(diagnostics.map(\.description)) \(pack.map { "\($0)" } ?? "-")"
        }
    }

    /// The table, or every diagnostic, as comparable text.
    private func outcome(_ body: () throws -> String) -> String {
        do {
            return try body()
        } catch let error as DiagnosticsError {
            return "errors:\n" + error.diagnostics.map(\.description).joined(separator: "\n")
        } catch let error as UnreadableFileError {
            return "unreadable: \(error)"
        } catch {
            return "other: \(error)"
        }
    }

    private func outcome(_ body: () throws -> RecordTable) -> String {
        outcome { () throws -> String in fingerprint(try body()) }
    }

    /// Every row's line and values.
    private func fingerprint(_ table: RecordTable) -> String {
        (0..<table.count).map { row in
            "\(table.lines[row]):" + table.columns.indices.map { table.value(column: $0, at: row)?.description ?? "∅" }.joined(separator: "|")
        }.joined(separator: "\n")
    }
}
