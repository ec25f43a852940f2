import Foundation
import HeguiBase

/// A federation's shared PostgreSQL store: the registry of enterprises (schema `hegui`) and one ledger per
/// enterprise, each in its own schema (`e_` and its credit code), so every run, item, patrol and event
/// belongs to exactly one enterprise, each enterprise's audit chain is its own, and one enterprise's
/// ledger connection cannot read another's tables by accident. The URL's own schema (`public` unless
/// named) is the default enterprise's ledger, which is what a plain `--ledger postgresql://…` opens;
/// a URL naming `schema=X` keeps a whole federation apart under `X_hegui` and `X_e_…`.
public final class Federation: Sendable {
    /// The store's URL as given.
    public let url: PostgresURL
    /// The registry's tables: enterprises, batches and jobs.
    let registry: PostgresLedgerDatabase
    /// Connections the enterprises' ledgers pass on to each other (one per thread is enough).
    let connections = PostgresConnectionPool(capacity: max(4, ProcessInfo.processInfo.activeProcessorCount * 2))

    /// What the federation's schema names start with: nothing in `public`, else the URL's schema and `_`.
    var prefix: String { url.schema == "public" ? "" : url.schema + "_" }

    /// The URL of an enterprise's ledger (its own schema).
    public func ledgerURL(creditCode: String) -> String { url.withSchema(prefix + Enterprise.schema(forCode: creditCode)) }

    /// Connects to the store, creating the registry when missing.
    public init(url: PostgresURL) throws {
        self.url = url
        var registryURL = url
        registryURL.schema = (url.schema == "public" ? "" : url.schema + "_") + "hegui"
        registry = try PostgresLedgerDatabase(url: registryURL, create: true, migrations: PostgresSchema.federation)
    }

    /// Registers an enterprise (renaming it when its name changed) and opens its ledger, created when new.
    public func ledger(for enterprise: Enterprise, clock: @escaping @Sendable () -> Date = { Date() }) throws -> Ledger {
        if let problem = CreditCode.problem(enterprise.creditCode) { throw LedgerError.invalidArgument(problem) }
        try registry.write { sql in
            try sql.execute(
                """
                INSERT INTO enterprises (credit_code, name, registered_at) VALUES (?, ?, ?)
                ON CONFLICT (credit_code) DO UPDATE SET name = excluded.name
                """,
                [enterprise.creditCode, enterprise.name, AuditChain.timestamp(Date())])
        }
        return try Ledger(
            postgres: PostgresURL(parsing: ledgerURL(creditCode: enterprise.creditCode)), create: true, key: nil, clock: clock,
            pool: connections)
    }

    /// The ledger of a registered enterprise; an unknown code is refused.
    public func ledger(creditCode: String, clock: @escaping @Sendable () -> Date = { Date() }) throws -> Ledger {
        guard try enterprise(creditCode: creditCode) != nil else {
            throw LedgerError.invalidArgument(LocalizedText(.federation(.unknownEnterprise(code: creditCode))))
        }
        return try Ledger(
            postgres: PostgresURL(parsing: ledgerURL(creditCode: creditCode)), create: false, key: nil, clock: clock,
            pool: connections)
    }

    /// A registered enterprise, by credit code.
    public func enterprise(creditCode: String) throws -> Enterprise? {
        try registry.read { sql in
            try EnterpriseRow.fetchOne(
                sql, sql: "SELECT credit_code, name FROM enterprises WHERE credit_code = ?", arguments: [creditCode])
        }.map(\.enterprise)
    }

    /// Every registered enterprise, by credit code.
    public func enterprises() throws -> [Enterprise] {
        try registry.read { sql in
            try EnterpriseRow.fetchAll(sql, sql: "SELECT credit_code, name FROM enterprises ORDER BY credit_code")
        }.map(\.enterprise)
    }

    /// Whether the URL's own schema holds a ledger (the default enterprise's).
    public func hasDefaultLedger() throws -> Bool {
        try registry.read { sql in
            try String.fetchOne(
                sql, sql: "SELECT table_name::text FROM information_schema.tables WHERE table_schema = ? AND table_name = 'events'",
                arguments: [url.schema]) != nil
        }
    }

    /// Each enterprise's audit chain checked, by credit code; the default ledger first (enterprise nil) when
    /// there is one.
    public func verifyAll() throws -> [(enterprise: Enterprise?, report: ChainReport)] {
        var reports: [(enterprise: Enterprise?, report: ChainReport)] = []
        if try hasDefaultLedger() {
            reports.append((nil, try Ledger(postgres: url, create: false).verifyChain()))
        }
        for enterprise in try enterprises() {
            reports.append((enterprise, try ledger(creditCode: enterprise.creditCode).verifyChain()))
        }
        return reports
    }
}

/// A row of the registry's `enterprises`.
struct EnterpriseRow: Codable, SnakeCaseColumns {
    var creditCode: String
    var name: String

    var enterprise: Enterprise { Enterprise(creditCode: creditCode, name: name) }
}
