import ArgumentParser
import Foundation
import HeguiCore

/// The flags every ledger command takes (not a subcommand: shared by Inspect, Rectify, LedgerCommand, History, Diff).
struct LedgerFlags: ParsableArguments {
    @Option(
        name: .long,
        help: "The ledger: a SQLite file or postgresql://user@host:port/db (default: $HEGUI_LEDGER, else hegui.sqlite).")
    var ledger: String?

    @Option(name: .long, help: "In a shared PostgreSQL ledger: the enterprise, by its 统一社会信用代码.")
    var enterprise: String?

    @Option(name: .long, help: ArgumentHelp("The day for deadlines and overdue (YYYY-MM-DD).", visibility: .hidden))
    var today: String?

    @OptionGroup var language: LanguageOption

    /// The core's view of the flags.
    var options: LedgerOptions {
        LedgerOptions(
            path: ledger ?? LedgerLocation.fromEnvironment ?? "hegui.sqlite", enterprise: enterprise, today: today,
            language: language.language)
    }
}

/// Where the ledger is when no `--ledger` flag says.
enum LedgerLocation {
    /// `HEGUI_LEDGER`, when set and not empty: a SQLite path or a PostgreSQL URL.
    static var fromEnvironment: String? {
        ProcessInfo.processInfo.environment["HEGUI_LEDGER"].flatMap { $0.isEmpty ? nil : $0 }
    }
}
