import ArgumentParser
import HeguiCore

/// Output formats for diagnostics and listings.
enum ListingFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

/// `hegui validate [PATH…]`: schema and meaning of rule packs, every error at its line.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate rule packs against the schema and for meaning.",
        discussion: "Exit codes: 0 valid, 1 invalid, 2 could not run (missing or unreadable file).")

    @Argument(help: "Pack files or folders (default: the shipped rules/ folder).")
    var paths: [String] = []

    @Option(help: "Output format: text (GCC-style lines) or json.")
    var format: ListingFormat = .text

    func run() throws {
        let loader = try RulePackLoader.shipped()
        let loaded = loader.load(paths: paths.isEmpty ? [try RulesLocator.rulesDirectory()] : paths)
        print(format == .json ? ValidationReport.json(loaded) : ValidationReport.text(loaded), terminator: "")
        throw ExitCode(!loaded.unreadable.isEmpty ? 2 : loaded.isValid ? 0 : 1)
    }
}
