import Foundation
import HeguiCore
import HeguiWeb

/// `hegui user add|list|disable|enable|passwd`: the accounts of `hegui serve`, kept in the ledger.
enum AccountCommands {
    /// The shortest password accepted.
    static let minimumPasswordLength = 8

    /// Opens the ledger holding the accounts (a SQLite file, or a PostgreSQL URL's own schema, whatever
    /// enterprise they belong to) and runs `body`; ledger errors become exit 1 (refused) or 2 (could not run).
    static func run(_ options: LedgerOptions, create: Bool, _ body: (Ledger) throws -> String) -> CommandResult {
        do {
            let ledger = try Ledger.open(options.path, create: create)
            return CommandResult(output: try body(ledger))
        } catch let error as LedgerError {
            return CommandResult(errors: "hegui: \(error.message.text(options.language))\n", exitCode: error.isRefusal ? 1 : 2)
        } catch {
            return CommandResult(errors: "hegui: \(error)\n", exitCode: 2)
        }
    }

    static func checkPassword(_ password: String) throws {
        guard password.count >= minimumPasswordLength else {
            throw LedgerError.invalidArgument(LocalizedText(.command(.passwordTooShort(minimum: minimumPasswordLength))))
        }
    }

    /// `hegui user add NAME --role ROLE [--enterprise CODE]`: adds an account with a bcrypt-hashed password,
    /// of one registered enterprise of a shared store when `--enterprise` names it.
    static func add(_ options: LedgerOptions, name: String, role: String, password: String) -> CommandResult {
        run(options, create: true) { ledger in
            guard let parsed = AccountRole(parsing: role) else {
                throw LedgerError.invalidArgument(LocalizedText(.federation(.unknownRole(role: role))))
            }
            if let code = options.enterprise {
                guard PostgresURL.isPostgres(options.path) else {
                    throw LedgerError.invalidArgument(LocalizedText(.federation(.enterpriseNeedsSharedStore)))
                }
                guard try Federation(url: PostgresURL(parsing: options.path)).enterprise(creditCode: code) != nil else {
                    throw LedgerError.invalidArgument(LocalizedText(.federation(.unknownEnterprise(code: code))))
                }
            }
            try checkPassword(password)
            let account = try ledger.addAccount(
                name: name, role: parsed, passwordHash: Passwords.hash(password), enterprise: options.enterprise)
            let role = "\(account.role)"
            let added: CommandMessage =
                account.enterprise.map { .userAddedOfEnterprise(name: account.name, role: role, enterprise: $0) }
                ?? .userAdded(name: account.name, role: role)
            return Message.command(added).text(options.language) + "\n"
        }
    }

    /// `hegui user list`: every account, its role and whether it is disabled.
    static func list(_ options: LedgerOptions) -> CommandResult {
        run(options, create: false) { ledger in
            try ledger.accounts().map { account in
                let state = Message.command(.accountState(disabled: account.disabled)).text(options.language)
                return "\(account.name)  \(account.role)  \(state)" + (account.enterprise.map { "  \($0)" } ?? "") + "\n"
            }.joined()
        }
    }

    /// `hegui user disable NAME` (or `enable`): refuses or allows sign-in; disabling ends its sessions.
    static func setDisabled(_ options: LedgerOptions, name: String, disabled: Bool) -> CommandResult {
        run(options, create: false) { ledger in
            try ledger.setAccountDisabled(name, disabled)
            return Message.command(disabled ? .userDisabled(name: name) : .userEnabled(name: name)).text(options.language) + "\n"
        }
    }

    /// `hegui user passwd NAME`: sets a new password, ending the account's sessions.
    static func setPassword(_ options: LedgerOptions, name: String, password: String) -> CommandResult {
        run(options, create: false) { ledger in
            try checkPassword(password)
            try ledger.setPasswordHash(of: name, to: Passwords.hash(password))
            return Message.command(.passwordChanged(name: name)).text(options.language) + "\n"
        }
    }
}
