import ArgumentParser
import HeguiCore

/// `hegui validate`: schema and meaning of rule packs.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Validate rule packs (XSD + meaning). Exit 0 valid, 1 invalid, 2 could not run.")

    func run() throws {
        throw ExitCode(2)
    }
}
