import Foundation

/// The shipped packs and schema, built into hegui from the checkout's `rules/` folder (see the
/// EmbedFiles plugin), so a binary copied alone still validates and checks. They are read when no
/// rules folder is found on disk, under the made-up folder `<built-in>/rules`.
public enum ShippedRules {
    /// The folder name the built-in rules go by in paths and messages.
    public static let folder = "<built-in>/rules"

    /// Each built-in file's bytes by its path under `folder` (`ankang-cup.xml`, `schema/rule-pack.xsd`).
    static let files: [String: [UInt8]] = {
        var files: [String: [UInt8]] = [:]
        for (path, base64) in encodedFiles {
            // The plugin wrote the base64 itself; a file that does not decode is left out rather than trap.
            if let data = Data(base64Encoded: base64) { files[path] = [UInt8](data) }
        }
        return files
    }()

    /// The built-in packs' paths (`<built-in>/rules/ankang-cup.xml` …), sorted.
    public static var packPaths: [String] {
        files.keys.filter { !$0.contains("/") && $0.hasSuffix(".xml") }.sorted().map { folder + "/" + $0 }
    }

    /// The built-in schema's path.
    public static var schemaPath: String { folder + "/schema/rule-pack.xsd" }

    /// Whether a path names the built-in folder.
    public static func isFolder(_ path: String) -> Bool {
        path == folder || path == folder + "/"
    }

    /// The bytes of a built-in file by its path (`<built-in>/rules/…`), or nil for any other path.
    public static func bytes(at path: String) -> [UInt8]? {
        guard path.hasPrefix(folder + "/") else { return nil }
        return files[String(path.dropFirst(folder.count + 1))]
    }
}
