import Foundation
import PackagePlugin

/// Builds the shipped packs (`rules/*.xml`) and their schema (`rules/schema/rule-pack.xsd`) into the
/// target as a generated Swift source, at every build, so a copied binary carries exactly the rules
/// of the checkout it was built from (nothing generated is checked in, so nothing can drift).
@main
struct EmbedRules: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let rules = context.package.directoryURL.appending(path: "rules")
        let names = try FileManager.default.contentsOfDirectory(atPath: rules.path)
            .filter { $0.hasSuffix(".xml") }.sorted()
        let inputs = names.map { rules.appending(path: $0) } + [rules.appending(path: "schema/rule-pack.xsd")]
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedRules.swift")
        return [
            .buildCommand(
                displayName: "Embedding rules/ in \(target.name)",
                executable: try context.tool(named: "hegui-embed").url,
                arguments: [output.path, rules.path] + inputs.map(\.path),
                inputFiles: inputs + [rules],
                outputFiles: [output])
        ]
    }
}
