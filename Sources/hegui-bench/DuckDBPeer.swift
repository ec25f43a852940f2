import Foundation
import HeguiCore

/// The DuckDB command line as the benchmark's peer: the packs' checks in SQL (`bench/duckdb`,
/// written by `hegui-bench sql`) run over a records folder.
struct DuckDBPeer {
    /// The native `duckdb` binary.
    var executable: String
    /// The folder with `load.sql` and one `<pack>.sql` per pack.
    var sqlFolder: String

    /// Pack files in a fixed order (the shipped packs' ids, sorted).
    static func packFiles(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".sql") && $0 != "load.sql" }.sorted()
    }

    /// One script: look for the CSV files in the records folder, create the views, run every pack's query.
    func script(records: String) throws -> String {
        let absolute = URL(fileURLWithPath: records).standardizedFileURL.path
        var text = "SET file_search_path = \(SQLPeer.literal(absolute));\n"
        text += try String(contentsOfFile: sqlFolder + "/load.sql", encoding: .utf8)
        for file in try Self.packFiles(in: sqlFolder) {
            text += try String(contentsOfFile: sqlFolder + "/" + file, encoding: .utf8)
        }
        return text
    }

    /// Writes the script for a records folder to a temporary file and returns the command that runs it.
    func command(records: String, scriptPath: String) throws -> [String] {
        try script(records: records).write(toFile: scriptPath, atomically: true, encoding: .utf8)
        return [executable, "-csv", "-init", "/dev/null", "-f", scriptPath]
    }

    /// The native binary: `duckdb` on the PATH when it is one, else the one the PyPI `duckdb-cli`
    /// package's Python wrapper would start (the wrapper costs a Python start-up per run).
    static func locate() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        var pythons: [String] = []
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/duckdb"
            guard FileManager.default.isExecutableFile(atPath: candidate),
                let handle = FileHandle(forReadingAtPath: candidate)
            else { continue }
            let head = handle.readData(ofLength: 128)
            try? handle.close()
            if head.starts(with: [0x7F, 0x45, 0x4C, 0x46]) { return candidate }
            if let line = String(decoding: head, as: UTF8.self).split(separator: "\n").first, line.hasPrefix("#!"),
                line.contains("python")
            {
                pythons.append(String(line.dropFirst(2)).trimmingCharacters(in: .whitespaces))
            }
        }
        for directory in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(directory)/python3") {
            pythons.append("\(directory)/python3")
        }
        for python in pythons {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: python)
            process.arguments = ["-c", "import duckdb_cli, os; print(os.path.join(os.path.dirname(duckdb_cli.__file__), 'duckdb'))"]
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            guard (try? process.run()) != nil else { continue }
            let output = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let binary = String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if process.terminationStatus == 0, FileManager.default.isExecutableFile(atPath: binary) { return binary }
        }
        return nil
    }

    /// `hegui-bench sql`: writes `load.sql` and one query per pack for a period.
    static func writeSQL(packs: [RulePack], kinds: [RecordKind], period: Period, to folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var reads: [String: Set<String>] = [:]
        var queries: [String] = []
        for pack in packs {
            var peer = SQLPeer(pack: pack, kinds: kinds, period: period)
            let query = try peer.query()
            queries.append(query)
            reads.merge(peer.reads) { $0.union($1) }
            try query.write(toFile: "\(folder)/\(pack.id).sql", atomically: true, encoding: .utf8)
        }
        // A kind scanned once is streamed from its file (a view); one scanned again and again is read once.
        var scans: [String: Int] = [:]
        for kind in kinds {
            scans[kind.id] = queries.reduce(0) { $0 + $1.components(separatedBy: "FROM \(SQLPeer.quoted(kind.id)) ").count - 1 }
        }
        try SQLPeer.load(kinds: kinds, reads: reads, scans: scans).write(
            toFile: "\(folder)/load.sql", atomically: true, encoding: .utf8)
    }
}
