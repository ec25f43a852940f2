import ArgumentParser
import HeguiCore

/// `hegui explain ID`: why one indicator or veto came out as it did, row by row.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain one indicator or veto: the measure, the filter, the numbers and the rows.",
        discussion: "Exit codes: 0 passed, 1 failed (or the veto fired), 2 could not run.")

    @Argument(help: "The indicator or veto id, e.g. L06.")
    var id: String

    @OptionGroup var options: AssessmentOptions

    @OptionGroup var language: LanguageOption

    func run() throws {
        do {
            var request = try options.request(language: language.language)
            request.recordRun = false
            try finish(try ExplainOutput.run(id: id, request: request), writingTo: nil)
        } catch let failure as CommandFailure {
            try fail(failure, language.language)
        }
    }
}
