import ArgumentParser
import Foundation
import HeguiCore

/// `hegui rules`: browse the indicators and vetoes of the packs.
struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Browse the indicators and vetoes of the rule packs.", subcommands: [List.self, Show.self])

    /// `hegui rules list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every indicator and veto.")

        @Option(help: "Rule pack files or folders (default: the shipped rules/).")
        var rules: [String] = []

        @Option(help: "Output format: text or json.")
        var format: ListingFormat = .text

        @OptionGroup var language: LanguageOption

        func run() throws {
            let packs = try loadValidPacks(rules)
            print(
                format == .json ? RulesListing.json(packs) : RulesListing.text(packs, language: language.language), terminator: ""
            )
        }
    }

    /// `hegui rules show ID`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one indicator or veto in full.")

        @Argument(help: "The indicator or veto id, e.g. L01.")
        var id: String

        @Option(help: "Rule pack files or folders (default: the shipped rules/).")
        var rules: [String] = []

        @OptionGroup var language: LanguageOption

        func run() throws {
            guard let text = RulesListing.show(id, in: try loadValidPacks(rules), language: language.language) else {
                printError("hegui: error: no indicator or veto '\(id)'")
                throw ExitCode(2)
            }
            print(text, terminator: "")
        }
    }
}

/// Loads packs for a command that needs valid ones; prints every problem and exits 2 otherwise.
func loadValidPacks(_ paths: [String]) throws -> [RulePack] {
    let loaded = try loadPacks(paths)
    guard loaded.isValid else {
        printError(ValidationReport.text(loaded).trimmingCharacters(in: .newlines))
        throw ExitCode(2)
    }
    return loaded.packs
}
