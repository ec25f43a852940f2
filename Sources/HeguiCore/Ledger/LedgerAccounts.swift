import Foundation
import GRDB
import HeguiBase

/// What a person signed in to `hegui serve` may do, in broad strokes; the web layer's authorisation
/// matrix says exactly which action each role may take.
public enum AccountRole: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Manages accounts and server settings, and may do everything.
    case admin
    /// The compliance officer (工会办): runs checks, reads the review pack, assigns items.
    case officer
    /// A worker representative (职工代表): patrols, records issues, disputes closures.
    case representative
    /// A responsible department: starts and submits the fixes of its own items.
    case department(String)
    /// A re-checker (复查人): verifies or rejects submitted fixes.
    case verifier
    /// Reads, changes nothing.
    case viewer
    /// The federation (市总工会): reads every enterprise of a shared store, changes nothing.
    case federation

    /// Parses `admin`, `officer`, `representative`, `department:DEPT`, `verifier`, `viewer` or `federation`.
    public init?(parsing text: String) {
        let text = text.trimmingCharacters(in: .whitespaces)
        switch text {
        case "admin": self = .admin
        case "officer": self = .officer
        case "representative": self = .representative
        case "verifier": self = .verifier
        case "viewer": self = .viewer
        case "federation": self = .federation
        default:
            guard text.hasPrefix("department:") else { return nil }
            let department = String(text.dropFirst("department:".count)).trimmingCharacters(in: .whitespaces)
            guard !department.isEmpty, !department.contains(where: \.isNewline) else { return nil }
            self = .department(department)
        }
    }

    /// The role as written on the command line and stored.
    public var description: String {
        switch self {
        case .admin: "admin"
        case .officer: "officer"
        case .representative: "representative"
        case .department(let name): "department:\(name)"
        case .verifier: "verifier"
        case .viewer: "viewer"
        case .federation: "federation"
        }
    }

    /// The role's name without its department (`department` for every department).
    public var kind: String {
        if case .department = self { return "department" }
        return description
    }

    /// The department a department account answers for.
    public var department: String? {
        if case .department(let name) = self { return name }
        return nil
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let role = AccountRole(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "role \(text)"))
        }
        self = role
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// A person who signs in to `hegui serve`; their name is the actor of every ledger event they cause.
public struct Account: Hashable, Sendable, Codable {
    /// The ledger's id for the account.
    public var id: Int64
    /// The sign-in name, also the actor name in the audit log.
    public var name: String
    /// What the account may do.
    public var role: AccountRole
    /// Whether sign-in is refused.
    public var disabled: Bool
    /// Raised by every password change or disabling: sessions made under an older one are void.
    public var credentialVersion: Int64
    /// When the account was made, ISO 8601 UTC.
    public var createdAt: String
    /// The enterprise (统一社会信用代码) whose ledger the account works in, in a shared store; nil for the
    /// store's own ledger, and for a federation account, which reads every enterprise.
    public var enterprise: String?

    /// Creates an account value.
    public init(
        id: Int64, name: String, role: AccountRole, disabled: Bool, credentialVersion: Int64, createdAt: String,
        enterprise: String? = nil
    ) {
        self.id = id
        self.name = name
        self.role = role
        self.disabled = disabled
        self.credentialVersion = credentialVersion
        self.createdAt = createdAt
        self.enterprise = enterprise
    }
}

/// The accounts, sessions and settings tables; migrations with their own ids, never edited once shipped.
enum LedgerAccountsSchema {
    /// Adds the accounts migrations after the ledger's own.
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("web-v1-accounts") { db in
            try db.execute(
                sql: """
                    CREATE TABLE accounts (
                        id INTEGER PRIMARY KEY,
                        name TEXT NOT NULL UNIQUE,
                        role TEXT NOT NULL,
                        password_hash TEXT NOT NULL,
                        disabled INTEGER NOT NULL DEFAULT 0,
                        credential_version INTEGER NOT NULL DEFAULT 1,
                        created_at TEXT NOT NULL
                    );
                    CREATE TABLE web_sessions (
                        key TEXT PRIMARY KEY,
                        value BLOB NOT NULL,
                        expires_at REAL
                    );
                    CREATE TABLE web_settings (
                        key TEXT PRIMARY KEY,
                        value TEXT NOT NULL
                    );
                    """)
        }
        // An account belongs to one enterprise of a shared store (its credit code), or to none.
        migrator.registerMigration("web-v2-account-enterprise") { db in
            try db.execute(sql: "ALTER TABLE accounts ADD COLUMN enterprise TEXT")
        }
    }
}

extension Ledger {
    /// Checks a new account name: trimmed, 1–64 characters, no control characters, not the program's name.
    static func accountName(_ raw: String) throws -> String {
        let name = raw.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 64, !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else {
            throw LedgerError.invalidArgument(
                Message.ledger(.badUserName).text)
        }
        guard name != Lifecycle.checkActor else {
            throw LedgerError.invalidArgument(
                Message.ledger(.programName(name: name)).text)
        }
        return name
    }

    private static func account(_ row: Row) throws -> Account {
        let roleText: String = row["role"]
        guard let role = AccountRole(parsing: roleText) else {
            throw LedgerError.invalidArgument(Message.ledger(.unknownRole(role: roleText)).text)
        }
        return Account(
            id: row["id"], name: row["name"], role: role, disabled: row["disabled"],
            credentialVersion: row["credential_version"], createdAt: row["created_at"], enterprise: row["enterprise"])
    }

    /// The rows a query returns in a read transaction, as GRDB rows.
    private func readRows(_ sql: String, _ arguments: LedgerArguments) throws -> [Row] {
        try database.read { db in try db.rows(sql, arguments).map(\.grdbRow) }
    }

    /// Adds an account with an already hashed password, of an enterprise (credit code) or of none; a taken
    /// name is refused, and so is a federation account given an enterprise.
    @discardableResult
    public func addAccount(name: String, role: AccountRole, passwordHash: String, enterprise: String? = nil) throws -> Account {
        let name = try Self.accountName(name)
        if role == .federation, enterprise != nil {
            throw LedgerError.invalidArgument(LocalizedText(.federation(.federationAccountHasNoEnterprise)))
        }
        return try write { db in
            if try !db.rows("SELECT id FROM accounts WHERE name = ?", [name]).isEmpty {
                throw LedgerError.invalidArgument(
                    Message.ledger(.userExists(name: name)).text)
            }
            let created = now()
            let id = try Int64.fetchOne(
                db,
                sql: "INSERT INTO accounts (name, role, password_hash, created_at, enterprise) VALUES (?, ?, ?, ?, ?) RETURNING id",
                arguments: [name, role.description, passwordHash, created, enterprise])
            guard let id else { throw Self.noSuchAccount(name) }
            return Account(
                id: id, name: name, role: role, disabled: false, credentialVersion: 1, createdAt: created, enterprise: enterprise)
        }
    }

    /// Every account, by name.
    public func accounts() throws -> [Account] {
        try readRows("SELECT * FROM accounts ORDER BY name", []).map(Self.account)
    }

    /// The account with a name, or nil.
    public func account(named name: String) throws -> Account? {
        try readRows("SELECT * FROM accounts WHERE name = ?", [name]).first.map(Self.account)
    }

    /// The account with an id, or nil.
    public func account(id: Int64) throws -> Account? {
        try readRows("SELECT * FROM accounts WHERE id = ?", [id]).first.map(Self.account)
    }

    /// The stored password hash of an account, or nil when there is no such account.
    public func passwordHash(of name: String) throws -> String? {
        try database.read { db in
            try String.fetchOne(db, sql: "SELECT password_hash FROM accounts WHERE name = ?", arguments: [name])
        }
    }

    /// Sets an account's password hash, voiding its sessions.
    public func setPasswordHash(of name: String, to hash: String) throws {
        try write { db in
            let changed = try db.rows(
                "UPDATE accounts SET password_hash = ?, credential_version = credential_version + 1 WHERE name = ? RETURNING id",
                [hash, name])
            guard changed.count == 1 else { throw Self.noSuchAccount(name) }
        }
    }

    /// Disables (or enables again) an account; disabling voids its sessions.
    public func setAccountDisabled(_ name: String, _ disabled: Bool) throws {
        try write { db in
            let changed = try db.rows(
                "UPDATE accounts SET disabled = ?, credential_version = credential_version + 1 WHERE name = ? RETURNING id",
                [disabled ? 1 : 0, name])
            guard changed.count == 1 else { throw Self.noSuchAccount(name) }
        }
    }

    static func noSuchAccount(_ name: String) -> LedgerError {
        LedgerError.invalidArgument(Message.ledger(.noSuchUser(name: name)).text)
    }

    // MARK: - Sessions and settings

    /// Stores a session's data under a key until a moment (seconds since 1970; nil: no expiry); with
    /// `onlyIfNew` an existing live key is left alone and false is returned.
    @discardableResult
    public func putWebSession(key: String, value: Data, expiresAt: Double?, onlyIfNew: Bool) throws -> Bool {
        let now = clock().timeIntervalSince1970
        return try write { db in
            if onlyIfNew, let existing = try db.rows("SELECT expires_at FROM web_sessions WHERE key = ?", [key]).first {
                let at: Double? = existing.grdbRow["expires_at"]
                if at.map({ $0 > now }) ?? true { return false }
            }
            try db.execute(
                """
                INSERT INTO web_sessions (key, value, expires_at) VALUES (?, ?, ?)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at
                """,
                [key, value, expiresAt])
            // Expired sessions go as new ones come, so the table does not grow.
            try db.execute("DELETE FROM web_sessions WHERE expires_at IS NOT NULL AND expires_at <= ?", [now])
            return true
        }
    }

    /// A live session's data and expiry moment, or nil when missing or expired.
    public func webSession(key: String) throws -> (value: Data, expiresAt: Double?)? {
        let now = clock().timeIntervalSince1970
        guard let row = try readRows("SELECT value, expires_at FROM web_sessions WHERE key = ?", [key]).first else {
            return nil
        }
        let expiresAt: Double? = row["expires_at"]
        if let expiresAt, expiresAt <= now { return nil }
        return (row["value"], expiresAt)
    }

    /// Removes a session (signing out).
    public func removeWebSession(key: String) throws {
        try write { db in try db.execute("DELETE FROM web_sessions WHERE key = ?", [key]) }
    }

    /// A server setting, or nil when unset.
    public func webSetting(_ key: String) throws -> String? {
        try database.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM web_settings WHERE key = ?", arguments: [key])
        }
    }

    /// Sets a server setting.
    public func setWebSetting(_ key: String, to value: String) throws {
        try write { db in
            try db.execute(
                "INSERT INTO web_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, value])
        }
    }
}
