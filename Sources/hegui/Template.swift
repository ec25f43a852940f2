import ArgumentParser
import Foundation
import HeguiCore

/// `hegui template`: an empty records workbook to fill in.
struct Template: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write an empty records workbook: one sheet per record kind, ready to fill in.",
        discussion:
            "Headers are the fields' Chinese labels, each with a comment describing the field; enums and booleans have drop-downs, dates a date format. Filled in, the workbook is read by `hegui check --records`."
    )

    @Option(help: "Rule pack files or folders (default: the shipped rules/).")
    var rules: [String] = []

    @Option(help: "Output format: xlsx.")
    var format: String = "xlsx"

    @Option(help: "The workbook to write, e.g. 台账模板.xlsx.")
    var output: String

    @OptionGroup var language: LanguageOption

    func run() throws {
        guard format.lowercased() == "xlsx" else {
            printError((language.language == .en ? "hegui: error: --format must be xlsx" : "hegui: error: --format 只能是 xlsx"))
            throw ExitCode(2)
        }
        let packs = try loadValidPacks(rules)
        do {
            try TemplateWorkbook.write(kinds: RecordCatalog.merge(packs).kinds, to: output)
        } catch {
            printError(DiagnosticText.lines(error.description, language.language))
            throw ExitCode(2)
        }
        printError((language.language == .en ? "wrote \(output)" : "已写入 \(output)"))
    }
}
