import ArgumentParser
import HeguiCore

/// `hegui ledger`: integrity and export of the ledger file.
struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger", abstract: "Verify the audit chain or export the ledger.",
        subcommands: [Verify.self, Export.self])

    /// `hegui ledger verify`.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check the audit chain: exit 1 naming the first broken event.")
        @OptionGroup var flags: LedgerFlags

        func run() throws { try finish(LedgerCommands.verify(flags.options)) }
    }

    /// `hegui ledger export`.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export items as CSV (Excel) or JSON, marking items overdue on --today.")
        @OptionGroup var flags: LedgerFlags
        @Option(help: "csv, json or xlsx (the 整改台账 workbook; needs --output).") var format: String
        @Option(help: "The file to write (default: stdout).") var output: String?

        func run() throws { try finish(LedgerCommands.export(flags.options, format: format, output: output)) }
    }
}
