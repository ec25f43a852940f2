import ArgumentParser
import HeguiCore

/// `hegui check`: evaluate the records of a period against the rule packs.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a period of records against the rule packs and score them.",
        discussion:
            "Exit codes: 0 clean (every pack passed, no indicator failed, no veto fired), 1 something to fix (a failed pack, indicator or veto), 2 could not run (bad input: no score)."
    )

    @OptionGroup var options: AssessmentOptions

    @Option(help: "Output format: text, json, junit, markdown, html, or xlsx (the 自评表 workbook; needs --output).")
    var format: ReportFormatName = .text

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @OptionGroup var language: LanguageOption

    func run() throws {
        try runAssessment(options, format: format, output: output, language: language.language, recordRun: true)
    }
}
