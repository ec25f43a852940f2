import ArgumentParser
import Foundation
import HeguiCore

/// The flags every ledger command takes (not a subcommand: shared by Inspect, Rectify, LedgerCommand, History, Diff).
struct LedgerFlags: ParsableArguments {
    @Option(name: .long, help: "The ledger file (SQLite).")
    var ledger: String = "hegui.sqlite"

    @Option(name: .long, help: ArgumentHelp("The day for deadlines and overdue (YYYY-MM-DD).", visibility: .hidden))
    var today: String?

    @OptionGroup var language: LanguageOption

    /// The core's view of the flags.
    var options: LedgerOptions { LedgerOptions(path: ledger, today: today, language: language.language) }
}
