import ArgumentParser
import Foundation
import HeguiCore

/// The `hegui` command: checks union and workplace records against XML rule packs.
@main
struct Hegui: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hegui",
        abstract: "合规: check trade-union and workplace records against XML rule packs, and track rectification.",
        version: "0.1.0",
        subcommands: [
            Validate.self,
            Check.self,
            Explain.self,
            Test.self,
            Report.self,
            Rules.self,
            Inspect.self,
            Rectify.self,
            LedgerCommand.self,
            History.self,
            Diff.self,
            Batch.self,
            User.self,
            Serve.self,
            Template.self,
        ]
    )

    /// Parses and runs, mapping every failure to hegui's exit codes: usage and run errors exit 2.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                // --help and --version.
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}
