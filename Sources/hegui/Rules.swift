import ArgumentParser
import HeguiCore

/// `hegui rules`: browse indicators.
struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Browse the indicators and vetoes of the rule packs.")

    func run() throws {
        throw ExitCode(2)
    }
}
