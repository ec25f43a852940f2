import Foundation
import HeguiCore

/// Rows of one kind: each row maps field names to cell text (absent or "" = empty cell).
typealias Row = [String: String]
/// Generated records: kind id → rows, in the order they are written.
typealias Tables = [String: [Row]]

/// Writes record tables as one CSV per kind, with the kinds' Chinese labels as headers.
struct FixtureWriter {
    var kinds: [RecordKind]

    /// Fixture CSVs: UTF-8 without BOM, LF line ends (diff-friendly). Every declared kind gets a file,
    /// header only when it has no rows, so "nothing happened" is stated rather than missing.
    /// Every file is a real copy, never a symbolic link: hegui refuses links leading out of a records
    /// folder (git stores identical files once, so the copies cost the repository nothing).
    func write(_ tables: Tables, to folder: String) throws {
        if FileManager.default.fileExists(atPath: folder) { try FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let known = Set(kinds.map(\.id))
        for name in tables.keys where !known.contains(name) {
            throw GeneratorError("generated kind '\(name)' is declared by no pack")
        }
        for kind in kinds {
            let text = try render(kind, tables[kind.id] ?? [])
            let path = "\(folder)/\(kind.id).csv"
            try writeText(text, to: path)
        }
    }

    private func render(_ kind: RecordKind, _ rows: [Row]) throws -> String {
        var text = header(kind) + "\n"
        for row in rows {
            for name in row.keys where kind.field(name) == nil {
                throw GeneratorError("field '\(name)' is not declared in kind '\(kind.id)'")
            }
            text += kind.fields.map { csvCell(row[$0.name] ?? "") }.joined(separator: ",") + "\n"
        }
        return text
    }

    /// Header-only templates for Excel: UTF-8 with BOM, CRLF.
    func writeTemplates(to folder: String) throws {
        if FileManager.default.fileExists(atPath: folder) { try FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for kind in kinds {
            var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
            bytes += Array((header(kind) + "\r\n").utf8)
            try Data(bytes).write(to: URL(fileURLWithPath: "\(folder)/\(kind.id).csv"))
        }
    }

    func writeText(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// The header line: each field's first label (the Chinese column name).
    func header(_ kind: RecordKind) -> String {
        kind.fields.map { csvCell($0.labels.first ?? $0.name) }.joined(separator: ",")
    }

    private func csvCell(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

struct GeneratorError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
