import ArgumentParser
import HeguiCore

/// `hegui test [PACK…]`: run the test cases the packs carry.
struct Test: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the rule packs' own test cases.",
        discussion: "Exit codes: 0 every expectation met, 1 some unmet (each printed at its line), 2 invalid packs.")

    @Argument(help: "Pack files or folders (default: the shipped rules/).")
    var paths: [String] = []

    @OptionGroup var language: LanguageOption

    @Option(help: .hidden)
    var today: String?

    func run() throws {
        do {
            try finish(
                try TestCommand.run(rules: paths, language: language.language, today: try RunInputs.today(today)), writingTo: nil)
        } catch let failure as CommandFailure {
            try fail(failure, language.language)
        }
    }
}
