import Foundation
import HeguiCore

/// Seed corpora made from the repository's fixtures, one folder per target.
enum Seeds {
    /// Writes `csv/`, `xml/` and `pack/` under `folder` from `fixtures/ningbo-2019` and `rules/`.
    static func write(to folder: String, root: String) throws {
        let kinds = FuzzContext.shared.kinds
        let fixtures = root + "/fixtures/ningbo-2019"
        var bundle = "<records>\n"
        for target in FuzzTarget.allCases {
            try FileManager.default.createDirectory(atPath: "\(folder)/\(target.rawValue)", withIntermediateDirectories: true)
        }
        for (index, kind) in kinds.enumerated() {
            guard let text = try? String(contentsOfFile: "\(fixtures)/\(kind.id).csv", encoding: .utf8) else { continue }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).prefix(12)
            // First byte: the kind; second: the chunk size for the differential.
            let csv = [UInt8(index), 5] + Array(lines.joined(separator: "\n").utf8) + [0x0A]
            try Data(csv).write(to: URL(fileURLWithPath: "\(folder)/csv/\(kind.id).csv"))
            let header = lines.first.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) } ?? []
            var records = "<records>\n"
            for line in lines.dropFirst().prefix(4) where !line.isEmpty {
                let cells = line.split(separator: ",", omittingEmptySubsequences: false)
                let attributes = zip(header, cells).filter { !$1.isEmpty }.map { " \($0)=\"\(escape(String($1)))\"" }.joined()
                records += "  <\(kind.id)\(attributes)/>\n"
            }
            bundle += records.dropFirst("<records>\n".count)
            try (records + "</records>\n").write(toFile: "\(folder)/xml/\(kind.id).xml", atomically: true, encoding: .utf8)
        }
        try (bundle + "</records>\n").write(toFile: "\(folder)/xml/all.xml", atomically: true, encoding: .utf8)
        for name in try FileManager.default.contentsOfDirectory(atPath: root + "/rules") where name.hasSuffix(".xml") {
            try FileManager.default.copyItem(atPath: "\(root)/rules/\(name)", toPath: "\(folder)/pack/\(name)")
        }
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
}
