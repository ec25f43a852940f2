import ArgumentParser
import Foundation
import HeguiCore
import HeguiWeb

#if canImport(Glibc)
    import Glibc
#endif

/// `hegui user`: the accounts that sign in to `hegui serve`, stored in the ledger.
struct User: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage the accounts of hegui serve (kept in the ledger).",
        subcommands: [Add.self, List.self, Disable.self, Enable.self, Passwd.self])

    /// `hegui user add`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an account; the password is read from standard input or a prompt.")
        @OptionGroup var flags: LedgerFlags
        @Argument(help: "The sign-in name (also the actor name in the audit log).") var name: String
        @Option(help: "admin, officer, representative, department:DEPT, verifier, viewer or federation (with --enterprise: of that enterprise).")
        var role: String

        func run() throws {
            try finish(AccountCommands.add(flags.options, name: name, role: role, password: readPassword(flags.options.language)))
        }
    }

    /// `hegui user list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the accounts and their roles.")
        @OptionGroup var flags: LedgerFlags

        func run() throws { try finish(AccountCommands.list(flags.options)) }
    }

    /// `hegui user disable`.
    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Refuse an account's sign-in and end its sessions.")
        @OptionGroup var flags: LedgerFlags
        @Argument(help: "The account name.") var name: String

        func run() throws { try finish(AccountCommands.setDisabled(flags.options, name: name, disabled: true)) }
    }

    /// `hegui user enable`.
    struct Enable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Allow a disabled account to sign in again.")
        @OptionGroup var flags: LedgerFlags
        @Argument(help: "The account name.") var name: String

        func run() throws { try finish(AccountCommands.setDisabled(flags.options, name: name, disabled: false)) }
    }

    /// `hegui user passwd`.
    struct Passwd: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set an account's password (from standard input or a prompt); ends its sessions.")
        @OptionGroup var flags: LedgerFlags
        @Argument(help: "The account name.") var name: String

        func run() throws {
            try finish(AccountCommands.setPassword(flags.options, name: name, password: readPassword(flags.options.language)))
        }
    }
}

/// The password: prompted for (twice, without echo) on a terminal, else the first line of standard input.
func readPassword(_ language: Language) -> String {
    #if canImport(Glibc)
        if isatty(STDIN_FILENO) != 0 {
            let first = getpass(Message.command(.passwordPrompt).text(language) + " ").map { String(cString: $0) } ?? ""
            let second = getpass(Message.command(.passwordAgainPrompt).text(language) + " ").map { String(cString: $0) } ?? ""
            if first != second {
                FileHandle.standardError.write(Data((Message.command(.passwordsDiffer).text(language) + "\n").utf8))
                Foundation.exit(1)
            }
            return first
        }
    #endif
    return readLine(strippingNewline: true) ?? ""
}
