import Foundation
import HeguiCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Rows of one kind: each row maps field names to cell text (absent or "" = empty cell).
typealias Row = [String: String]
/// Generated records: kind id → rows, in the order they are written.
typealias Tables = [String: [Row]]

/// Writes record tables as one CSV per kind, with the kinds' Chinese labels as headers.
struct FixtureWriter: Sendable {
    let kinds: [RecordKind]
    /// Kind id → field name → column, so a row's cells are placed without scanning the fields.
    private let columns: [String: [String: Int]]

    init(kinds: [RecordKind]) {
        self.kinds = kinds
        var columns: [String: [String: Int]] = [:]
        for kind in kinds {
            var positions: [String: Int] = [:]
            for (index, field) in kind.fields.enumerated() where positions[field.name] == nil { positions[field.name] = index }
            columns[kind.id] = positions
        }
        self.columns = columns
    }

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
            try writeBytes(try csv(kind, tables[kind.id] ?? []), to: "\(folder)/\(kind.id).csv")
        }
    }

    /// One kind's CSV bytes: the header, then each row's cells in field order, straight into one buffer.
    func csv(_ kind: RecordKind, _ rows: [Row]) throws -> [UInt8] {
        let positions = columns[kind.id] ?? [:]
        var bytes = Array((header(kind) + "\n").utf8)
        bytes.reserveCapacity(bytes.count + rows.count * 16 * kind.fields.count)
        var cells = [String?](repeating: nil, count: kind.fields.count)
        for row in rows {
            for (name, value) in row {
                guard let column = positions[name] else {
                    throw GeneratorError("field '\(name)' is not declared in kind '\(kind.id)'")
                }
                cells[column] = value
            }
            for column in cells.indices {
                if column > 0 { bytes.append(UInt8(ascii: ",")) }
                if let cell = cells[column] { Self.appendCell(cell, to: &bytes) }
                cells[column] = nil
            }
            bytes.append(UInt8(ascii: "\n"))
        }
        return bytes
    }

    /// Header-only templates for Excel: UTF-8 with BOM, CRLF.
    func writeTemplates(to folder: String) throws {
        if FileManager.default.fileExists(atPath: folder) { try FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for kind in kinds {
            var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
            bytes += Array((header(kind) + "\r\n").utf8)
            try writeBytes(bytes, to: "\(folder)/\(kind.id).csv")
        }
    }

    func writeText(_ text: String, to path: String) throws {
        try writeBytes(Array(text.utf8), to: path)
    }

    /// Writes the file in one go, without the fsync `Data.write` does: generated data is recreated
    /// at will, and a sync per file was a tenth of the generator's time.
    func writeBytes(_ bytes: [UInt8], to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw GeneratorError("cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer -> Int in
                guard let start = buffer.baseAddress else { return 0 }
                return systemWrite(descriptor, start + written, buffer.count - written)
            }
            guard result > 0 else { throw GeneratorError("cannot write \(path): \(String(cString: strerror(errno)))") }
            written += result
        }
    }

    /// The header line: each field's first label (the Chinese column name).
    func header(_ kind: RecordKind) -> String {
        kind.fields.map { csvCell($0.labels.first ?? $0.name) }.joined(separator: ",")
    }

    private func csvCell(_ text: String) -> String {
        var bytes: [UInt8] = []
        Self.appendCell(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A cell's bytes, quoted (and its quotes doubled) when it holds a comma, quote or line break.
    static func appendCell(_ text: String, to bytes: inout [UInt8]) {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.append(0x22)
        for byte in utf8 {
            if byte == 0x22 { bytes.append(0x22) }
            bytes.append(byte)
        }
        bytes.append(0x22)
    }
}

/// `write(2)`, named apart from `FixtureWriter.write`.
private func systemWrite(_ descriptor: Int32, _ start: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, start, count)
}

struct GeneratorError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
