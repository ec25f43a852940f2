import ArgumentParser
import HeguiCore

/// `hegui history`: the stored check runs.
struct History: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the stored check runs with their scores.")
    @OptionGroup var flags: LedgerFlags

    func run() throws { try finish(LedgerCommands.history(flags.options)) }
}
