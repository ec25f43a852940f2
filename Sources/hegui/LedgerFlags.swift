import ArgumentParser
import Foundation
import HeguiCore

/// The flags every ledger command takes (not a subcommand: shared by Inspect, Rectify, LedgerCommand, History, Diff).
struct LedgerFlags: ParsableArguments {
    @Option(name: .long, help: "The ledger file (SQLite).")
    var ledger: String = "hegui.sqlite"

    @Option(name: .long, help: ArgumentHelp("The day for deadlines and overdue (YYYY-MM-DD).", visibility: .hidden))
    var today: String?

    @Option(name: .long, help: "Output language: zh-CN or en (default from LANG).")
    var lang: String?

    /// The core's view of the flags.
    var options: LedgerOptions { LedgerOptions(path: ledger, today: today, language: lang) }
}

/// Writes a command's output and exits with its code.
func finish(_ result: CommandResult) throws -> Never {
    if !result.output.isEmpty { FileHandle.standardOutput.write(Data(result.output.utf8)) }
    if !result.errors.isEmpty { FileHandle.standardError.write(Data(result.errors.utf8)) }
    throw ExitCode(result.exitCode)
}
