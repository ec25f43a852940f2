import Foundation
import HeguiCore
import Mustache

/// The page templates and static files: the shipped ones (inside the binary), each replaceable by a
/// file of the same name in an override folder, so a site can restyle its pages without rebuilding.
struct PageRenderer: Sendable {
    /// Why the templates could not be loaded.
    struct LoadError: Error, CustomStringConvertible {
        var description: String
    }

    let library: MustacheLibrary
    /// Static files by name (`app.css`, `app.js`).
    let staticFiles: [String: String]

    /// Loads the shipped templates, then any `*.mustache` and static files found in `overrideDirectory`.
    init(overrideDirectory: String?) throws {
        var templates = EmbeddedAssets.templatesFiles
        var statics = EmbeddedAssets.staticFiles
        if let directory = overrideDirectory {
            let names = try FileManager.default.contentsOfDirectory(atPath: directory)
            for name in names where !name.hasPrefix(".") {
                let path = URL(fileURLWithPath: directory).appendingPathComponent(name).path
                guard let text = FileManager.default.contents(atPath: path).map({ String(decoding: $0, as: UTF8.self) })
                else { continue }
                if name.hasSuffix(".mustache") {
                    templates[name] = text
                } else if statics[name] != nil {
                    statics[name] = text
                }
            }
        }
        var library = MustacheLibrary()
        for (file, text) in templates.sorted(by: { $0.key < $1.key }) {
            do {
                try library.register(text, named: String(file.dropLast(".mustache".count)))
            } catch {
                throw LoadError(description: "\(overrideDirectory ?? "(shipped)")/\(file): error: \(error)")
            }
        }
        self.library = library
        staticFiles = statics
    }

    /// Renders a template with its values (HTML-escaped by Mustache's `{{…}}`).
    func render(_ template: String, _ values: [String: Any]) -> String {
        library.render(values, withTemplate: template) ?? "template \(template) missing"
    }
}
