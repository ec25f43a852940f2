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
        var command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            // ArgumentParser's own usage text exists only in English; under zh-CN hegui says first,
            // from the catalogue, what went wrong and that the lines after it are that library's.
            if exitCode(for: error) != .success, LanguageOption.language(arguments: CommandLine.arguments) == .zhCN {
                FileHandle.standardError.write(Data((Message.command(.usageError).text(.zhCN) + "\n").utf8))
            }
            fail(error)
        }
        do {
            try command.run()
        } catch {
            fail(error)
        }
    }

    /// Exits with hegui's code for an error: 0 after `--help` and `--version`, else 2 with the message.
    private static func fail(_ error: any Error) -> Never {
        do {
            throw error
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
