import ArgumentParser
import HeguiCore

/// `hegui diff`: what changed between two runs.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show changed outcomes and items opened or struck off between two runs.")
    @OptionGroup var flags: LedgerFlags
    @Argument(help: "The earlier run id.") var from: Int64
    @Argument(help: "The later run id.") var to: Int64

    func run() throws { try finish(LedgerCommands.diff(flags.options, from: from, to: to)) }
}
