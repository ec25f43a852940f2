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
                lines.append("ok    \(result.pack): \(result.name)")
            } else {
                lines.append("FAIL  \(result.pack): \(result.name)")
                lines += result.failures.map { "  \($0)" }
            }
        }
        lines += run.coverageGaps.map { DiagnosticText.line($0, language) }
        if !run.untested.isEmpty {
            lines.append((language == .en ? "packs without tests: " : "没有测试用例的规则包：") + run.untested.joined(separator: ", "))
        }
        lines.append("\(run.results.count - run.failed) passed, \(run.failed) failed")
        return CommandResult(output: lines.joined(separator: "\n") + "\n", exitCode: run.failed == 0 ? 0 : 1)
    }
}
