import ArgumentParser
import HeguiCore

/// `hegui ledger`: integrity and export of the ledger file.
struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger", abstract: "Verify the audit chain or export the ledger.",
        subcommands: [Verify.self, Export.self])

    /// `hegui ledger verify`.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the audit chain and rebuild every table from it: exit 1 naming each difference.",
            discussion: """
                Prints the chain head (COUNT:HASH). --anchor (or --anchors FILE, one per line) proves the ledger \
                still holds an earlier head: a rollback or a re-chained ledger fails. With HEGUI_LEDGER_KEY or \
                HEGUI_LEDGER_KEY_FILE set, every event's MAC is checked too.
                """)
        @OptionGroup var flags: LedgerFlags
        @Option(help: "An earlier chain head, COUNT:HASH or HASH (repeatable).") var anchor: [String] = []
        @Option(help: "A file of earlier chain heads, one per line.") var anchors: String?

        func run() throws { try finish(LedgerCommands.verify(flags.options, anchors: anchor, anchorsFile: anchors)) }
    }

    /// `hegui ledger export`.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export items as CSV (Excel), JSON or an xlsx 整改台账 workbook, marking items overdue on --today.")
        @OptionGroup var flags: LedgerFlags
        @Option(help: "csv, json or xlsx (the 整改台账 workbook; needs --output).") var format: String
        @Option(help: "The file to write (default: stdout).") var output: String?

        func run() throws { try finish(LedgerCommands.export(flags.options, format: format, output: output)) }
    }
}
