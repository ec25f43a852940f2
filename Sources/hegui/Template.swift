import ArgumentParser
import Foundation
import HeguiCore

/// `hegui template`: an empty records workbook to fill in.
struct Template: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write an empty records workbook: one sheet per record kind, ready to fill in.",
        discussion:
            "Headers are the fields' Chinese labels, each with a comment describing the field; enums and booleans have drop-downs, dates a date format, numbers a number check. Filled in, the workbook is read by `hegui check --records`."
    )

    @Option(help: "Rule pack files or folders (default: the shipped rules/).")
    var rules: [String] = []

    @Option(help: "Output format: xlsx.")
    var format: String = "xlsx"

    @Option(help: "The workbook to write, e.g. 台账模板.xlsx.")
    var output: String

    @OptionGroup var language: LanguageOption

    func run() throws {
        let language = language.language
        guard format.lowercased() == "xlsx" else {
            try fail(CommandFailure("hegui", .spreadsheets(.templateFormatUnknown(format: truncatedForMessage(format)))), language)
        }
        do {
            try checkWritable(output)
        } catch {
            try fail(error, language)
        }
        let packs = try loadValidPacks(rules, language)
        do {
            try TemplateWorkbook.write(kinds: RecordCatalog.merge(packs).kinds, language: language, to: output)
        } catch {
            try fail(CommandFailure(error.line(language)), language)
        }
        printError("hegui: " + Message.spreadsheets(.wroteWorkbook(path: output)).text(language))
    }
}
