import Foundation
import PackagePlugin

/// Builds files of the checkout into a target as a generated Swift source at every build, so a copied
/// binary carries exactly the files of the checkout it was built from (nothing generated is checked
/// in, so nothing can drift): the shipped packs and their schema (`rules/`) into HeguiCore's
/// `ShippedRules`, the web templates and static files (`Sources/HeguiWeb/Templates`, `Static`) into
/// HeguiWeb's `EmbeddedAssets`.
@main
struct EmbedFiles: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let (type, root, folders): (String, URL, [String]) =
            switch target.name {
            case "HeguiWeb": ("EmbeddedAssets", target.directoryURL, ["Templates", "Static"])
            default: ("ShippedRules", context.package.directoryURL.appending(path: "rules"), ["", "schema"])
            }
        var inputs: [URL] = []
        for folder in folders {
            let directory = folder.isEmpty ? root : root.appending(path: folder)
            let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
                .filter { !$0.hasPrefix(".") && (folder != "" || $0.hasSuffix(".xml")) }.sorted()
            inputs += names.map { directory.appending(path: $0) }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "\(type)+Files.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(folders.map { root.appending(path: $0).lastPathComponent }.joined(separator: ", ")) in \(target.name)",
                executable: try context.tool(named: "hegui-embed").url,
                arguments: [output.path, type, root.path] + inputs.map(\.path),
                // The folders themselves too, so adding or removing a file re-runs the plugin.
                inputFiles: inputs + folders.map { $0.isEmpty ? root : root.appending(path: $0) },
                outputFiles: [output])
        ]
    }
}
