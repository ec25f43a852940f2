import Foundation

/// The shipped templates and static files, compiled in by the EmbedFiles plugin from
/// `Sources/HeguiWeb/Templates` and `Static` at every build.
enum EmbeddedAssets {
    /// The templates by file name (`item.mustache`).
    static let templatesFiles = files(in: "Templates")
    /// The static files by file name (`app.css`).
    static let staticFiles = files(in: "Static")

    /// The files of one folder as text, by file name.
    private static func files(in folder: String) -> [String: String] {
        var files: [String: String] = [:]
        for (path, base64) in encodedFiles where path.hasPrefix(folder + "/") {
            // The plugin wrote the base64 itself; a file that does not decode is left out rather than trap.
            guard let data = Data(base64Encoded: base64) else { continue }
            files[String(path.dropFirst(folder.count + 1))] = String(decoding: data, as: UTF8.self)
        }
        return files
    }
}
