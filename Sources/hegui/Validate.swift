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

    @OptionGroup var language: LanguageOption

    func run() throws {
        let loaded = try loadPacks(paths, language.language)
        print(
            format == .json ? ValidationReport.json(loaded) : ValidationReport.text(loaded, language: language.language),
            terminator: "")
        throw ExitCode(!loaded.unreadable.isEmpty ? 2 : loaded.isValid ? 0 : 1)
    }
}

/// The packs at these paths (the shipped rules when empty) with every problem found; when the
/// shipped rules or the schema cannot be read, that error is printed in the language (exit 2).
func loadPacks(_ paths: [String], _ language: Language) throws -> LoadedPacks {
    do {
        return try HeguiService.validate(paths: paths)
    } catch {
        try fail(CommandFailure.from(error, language: language), language)
    }
}
