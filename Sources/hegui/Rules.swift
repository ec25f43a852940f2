import ArgumentParser
import Foundation
import HeguiCore

/// `hegui rules`: browse the indicators and vetoes of the packs.
struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Browse the indicators and vetoes of the rule packs.", subcommands: [List.self, Show.self, Params.self])

    /// `hegui rules list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every indicator and veto.")

        @Option(help: "Rule pack files or folders (default: the shipped rules/).")
        var rules: [String] = []

        @Option(help: "Output format: text or json.")
        var format: ListingFormat = .text

        @OptionGroup var language: LanguageOption

        func run() throws {
            let packs = try loadValidPacks(rules, language.language)
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
            guard let text = RulesListing.show(id, in: try loadValidPacks(rules, language.language), language: language.language) else {
                printError(CommandFailure("hegui", .command(.unknownRuleAnywhere(id: id))).message(language.language))
                throw ExitCode(2)
            }
            print(text, terminator: "")
        }
    }
}

extension Rules {
    /// `hegui rules params [PACK]`.
    struct Params: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List every parameter: default, bounds, dated values and the rules that read it.")

        @Argument(help: "Only this pack's parameters.")
        var pack: String?

        @Option(help: "Rule pack files or folders (default: the shipped rules/).")
        var rules: [String] = []

        @OptionGroup var language: LanguageOption

        func run() throws {
            let packs = try loadValidPacks(rules, language.language)
            let selected = pack.map { id in packs.filter { $0.id == id } } ?? packs
            guard !selected.isEmpty else {
                let unknown = Message.command(
                    .unknownPacks(packs: "'\(pack ?? "")'", available: packs.map(\.id).joined(separator: ", ")))
                printError(CommandFailure("hegui", unknown).message(language.language))
                throw ExitCode(2)
            }
            print(ParameterListing.text(selected, language: language.language), terminator: "")
        }
    }
}

/// Loads packs for a command that needs valid ones; prints every problem and exits 2 otherwise.
func loadValidPacks(_ paths: [String], _ language: Language) throws -> [RulePack] {
    let loaded = try loadPacks(paths, language)
    guard loaded.isValid else {
        printError(ValidationReport.text(loaded, language: language).trimmingCharacters(in: .newlines))
        throw ExitCode(2)
    }
    return loaded.packs
}
