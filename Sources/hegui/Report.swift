import ArgumentParser
import HeguiCore

/// `hegui report`: the review pack — the check's result with the ledger and history, as HTML or Markdown.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the review pack (HTML or Markdown) for a period, with the rectification ledger and history.",
        discussion: "Reads the ledger but records no run. Exit codes as for check: 0 clean, 1 something to fix, 2 could not run.")

    @OptionGroup var options: AssessmentOptions

    @Option(help: "Output format: html (default) or markdown; text, json and junit work too.")
    var format: ReportFormatName = .html

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @OptionGroup var language: LanguageOption

    func run() throws {
        try runAssessment(options, format: format, output: output, language: language.language, recordRun: false)
    }
}
