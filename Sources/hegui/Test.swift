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
                try Test.output(rules: paths, language: language.language, today: try FlagValues.today(today)), writingTo: nil)
        } catch let failure as CommandFailure {
            try fail(failure, language.language)
        }
    }

    /// Every test case's verdict (`ok` or `FAIL` with each unmet expectation), the coverage gaps and
    /// the packs without tests; exit 0 all met, 1 some unmet, 2 invalid packs.
    static func output(rules: [String], language: Language, today: Day) throws(CommandFailure) -> CommandResult {
        let run: PackTestRun
        do {
            run = try HeguiService.test(rules: rules, today: today)
        } catch {
            throw CommandFailure.from(error, language: language)
        }
        var lines: [String] = []
        for result in run.results {
            if result.failures.isEmpty {
                lines.append(Message.test(.caseMet(pack: result.pack, test: result.name)).text(language))
            } else {
                lines.append(Message.test(.caseUnmet(pack: result.pack, test: result.name)).text(language))
                lines += result.failures.map { "  " + $0.line(language) }
            }
        }
        lines += run.coverageGaps.map { $0.line(language) }
        if !run.untested.isEmpty {
            lines.append(Message.test(.packsWithoutTests(packs: run.untested.joined(separator: ", "))).text(language))
        }
        lines.append(Message.test(.summary(passed: run.results.count - run.failed, failed: run.failed)).text(language))
        return CommandResult(output: lines.joined(separator: "\n") + "\n", exitCode: run.failed == 0 ? 0 : 1)
    }
}
