import ArgumentParser
import Foundation
import HeguiCore

/// The flags every ledger command takes (not a subcommand: shared by Inspect, Rectify, LedgerCommand, History, Diff).
struct LedgerFlags: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(LedgerLocation.help))
    var ledger: String?

    @Option(name: .long, help: ArgumentHelp("The day for deadlines and overdue (YYYY-MM-DD).", visibility: .hidden))
    var today: String?

    @OptionGroup var language: LanguageOption

    /// The core's view of the flags.
    var options: LedgerOptions { LedgerOptions(path: LedgerLocation.resolve(ledger), today: today, language: language.language) }
}

/// Where every command keeps the ledger: `--ledger`, else `$HEGUI_LEDGER`, else `hegui.sqlite` in the
/// current folder — one rule for check, report, explain, inspect, rectify, ledger, history and diff.
enum LedgerLocation {
    /// The environment variable that names the ledger when `--ledger` does not.
    static let environmentVariable = "HEGUI_LEDGER"
    /// The file in the current folder when neither names one.
    static let defaultFile = "hegui.sqlite"
    /// The `--ledger` help, the same for every command.
    static let help = "The ledger file (SQLite; default: $HEGUI_LEDGER, else hegui.sqlite in the current folder)."

    /// The ledger path for a `--ledger` value (nil when not given).
    static func resolve(_ flag: String?) -> String {
        if let flag, !flag.isEmpty { return flag }
        if let named = ProcessInfo.processInfo.environment[environmentVariable], !named.isEmpty { return named }
        return defaultFile
    }
}
