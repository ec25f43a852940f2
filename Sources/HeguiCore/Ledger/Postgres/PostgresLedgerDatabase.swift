import Foundation
import GRDB
import PostgresNIO

/// The shared store: a ledger's tables on a PostgreSQL server, reached over one connection (postgres-nio).
/// Every write transaction first takes a transaction-scoped advisory lock named after the ledger, so
/// appends from any number of processes and machines serialize and the hash chain stays linear; reads
/// see one REPEATABLE READ snapshot. The connection is used by one caller at a time.
final class PostgresLedgerDatabase: LedgerDatabase, @unchecked Sendable {
    let url: PostgresURL
    /// Guards `connection`: postgres-nio pipelines queries, a transaction must not interleave with another.
    private let lock = NSLock()
    private var connection: PostgresConnection
    private let logger: Logger
    /// Collects the rows each write changes, for the event that records them.
    private let changes: ChangeCollector?
    /// Where the connection goes back when the ledger is done with it (a federation's ledgers share them).
    private let pool: PostgresConnectionPool?
    /// Whether every transaction ended with COMMIT or ROLLBACK, so the connection may serve another ledger.
    private var clean = true

    /// Connects (or takes an idle connection of `pool`) and brings the ledger's schema up to date.
    init(
        url: PostgresURL, create: Bool, changes: ChangeCollector? = nil,
        migrations: [PostgresSchema.Migration] = PostgresSchema.migrations, pool: PostgresConnectionPool? = nil
    ) throws {
        self.url = url
        self.changes = changes
        self.pool = pool
        var logger = Logger(label: "hegui.postgres")
        logger.logLevel = .critical
        self.logger = logger
        connection = try Self.reuse(pool, url, logger: logger) ?? Self.connect(url, logger: logger)
        try transaction(begin: "BEGIN", lockName: "hegui-migrate:" + url.schema) { sql in
            try PostgresSchema.migrate(sql, migrations, schema: url.schema, create: create, location: url.redacted)
        }
    }

    deinit {
        if let pool, clean, !connection.isClosed {
            pool.give(connection)
        } else {
            PostgresConnectionPool.close(connection)
        }
    }

    /// An idle connection of the pool pointed at the ledger's schema; nil when there is none (or it failed).
    private static func reuse(_ pool: PostgresConnectionPool?, _ url: PostgresURL, logger: Logger) -> PostgresConnection? {
        while let connection = pool?.take() {
            do {
                try point(connection, at: url, logger: logger)
                return connection
            } catch {
                PostgresConnectionPool.close(connection)
            }
        }
        return nil
    }

    /// Points a connection's `search_path` at the ledger's schema.
    private static func point(_ connection: PostgresConnection, at url: PostgresURL, logger: Logger) throws {
        // The schema name is checked against [a-z_][a-z0-9_]* when the URL is parsed.
        _ = try connection.query(PostgresQuery(unsafeSQL: "SET search_path TO \"\(url.schema)\""), logger: logger).wait()
    }

    /// Opens a connection and points its `search_path` at the ledger's schema.
    private static func connect(_ url: PostgresURL, logger: Logger) throws -> PostgresConnection {
        do {
            var configuration: PostgresConnection.Configuration
            if let directory = url.socketDirectory {
                configuration = .init(
                    unixSocketPath: directory + "/.s.PGSQL.\(url.port)", username: url.user, password: url.password,
                    database: url.database)
            } else {
                configuration = .init(
                    host: url.host ?? "localhost", port: url.port, username: url.user, password: url.password,
                    database: url.database, tls: try tls(url.sslMode))
            }
            configuration.options.connectTimeout = .seconds(10)
            let connection = try PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration, id: 1, logger: logger
            ).wait()
            do {
                try point(connection, at: url, logger: logger)
            } catch {
                let closing: EventLoopFuture<Void> = connection.close()
                try? closing.wait()
                throw error
            }
            return connection
        } catch {
            throw LedgerError.cannotOpen(path: url.redacted, reason: reason(error))
        }
    }

    /// The TLS setting for an `sslmode`: `require` encrypts without checking the certificate (as libpq does),
    /// `verify-ca` checks the chain, `verify-full` also the host name.
    private static func tls(_ mode: PostgresURL.SSLMode) throws -> PostgresConnection.Configuration.TLS {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch mode {
        case .disable: return .disable
        case .allow, .prefer, .require: configuration.certificateVerification = .none
        case .verifyCA: configuration.certificateVerification = .noHostnameVerification
        case .verifyFull: configuration.certificateVerification = .fullVerification
        }
        let context = try NIOSSLContext(configuration: configuration)
        return mode == .allow || mode == .prefer ? .prefer(context) : .require(context)
    }

    /// What went wrong, in the server's words when it gave any (postgres-nio hides them from `description`).
    static func reason(_ error: any Error) -> LocalizedText {
        // The server's and the driver's own words have one language.
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] {
                let state = error.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
                return LocalizedText(verbatim: message + state)
            }
            if let underlying = error.underlying { return LocalizedText(verbatim: String(describing: underlying)) }
            return LocalizedText(verbatim: String(describing: error.code))
        }
        if let error = error as? LedgerError { return error.message }
        return LocalizedText(verbatim: String(describing: error))
    }

    // MARK: - Transactions

    func read<T>(_ body: (any LedgerSQL) throws -> T) throws -> T {
        try transaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY", lockName: nil, body)
    }

    func write<T>(_ body: (any LedgerSQL) throws -> T) throws -> T {
        try transaction(begin: "BEGIN", lockName: "hegui-ledger:" + url.schema, body)
    }

    /// Runs `body` between BEGIN and COMMIT (ROLLBACK when it throws), under the named advisory lock.
    func transaction<T>(begin: String, lockName: String?, _ body: (any LedgerSQL) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        try reconnectIfClosed()
        let sql = PostgresConnectionSQL(database: self)
        try sql.execute(begin, [])
        do {
            if let lockName {
                try sql.execute("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", [lockName])
            }
            let result = try body(sql)
            changes?.reset()
            try sql.execute("COMMIT", [])
            return result
        } catch {
            changes?.reset()
            if (try? sql.execute("ROLLBACK", [])) == nil { clean = false }
            throw error
        }
    }

    /// Notes a changed row for the next event.
    fileprivate func noteChange(_ table: String, _ id: Int64) { changes?.record(table, id) }

    /// A server restart closes the connection; the next transaction opens a new one.
    private func reconnectIfClosed() throws {
        if connection.isClosed { connection = try Self.connect(url, logger: logger) }
    }

    /// Runs one statement with its arguments bound as parameters (`?` become `$1`, `$2`, …).
    fileprivate func query(_ sql: String, _ arguments: LedgerArguments) throws -> PostgresQueryResult {
        var bindings = PostgresBindings(capacity: arguments.values.count)
        for value in arguments.values {
            switch value.storage {
            case .null: bindings.appendNull()
            case .int64(let number): bindings.append(number)
            case .double(let number): bindings.append(number)
            case .string(let text): bindings.append(text)
            case .blob(let data): bindings.append(ByteBuffer(bytes: data))
            }
        }
        do {
            return try connection.query(PostgresQuery(unsafeSQL: Self.numbered(sql), binds: bindings), logger: logger)
                .wait()
        } catch {
            throw LedgerError.storeFailed(path: url.redacted, reason: Self.reason(error))
        }
    }

    /// The statement with each `?` outside quotes and comments numbered as PostgreSQL expects.
    static func numbered(_ sql: String) -> String {
        var result = ""
        result.reserveCapacity(sql.utf8.count + 16)
        var number = 0
        var quote: Character?
        for character in sql {
            if let open = quote {
                if character == open { quote = nil }
                result.append(character)
            } else if character == "'" || character == "\"" {
                quote = character
                result.append(character)
            } else if character == "?" {
                number += 1
                result += "$\(number)"
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// A result cell as a GRDB value: integers, floating point and booleans by type, anything else as text.
    fileprivate static func value(_ cell: PostgresCell) throws -> DatabaseValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2: return try Int64(cell.decode(Int16.self)).databaseValue
        case .int4: return try Int64(cell.decode(Int32.self)).databaseValue
        case .int8: return try cell.decode(Int64.self).databaseValue
        case .float4: return try Double(cell.decode(Float.self)).databaseValue
        case .float8: return try cell.decode(Double.self).databaseValue
        case .bool: return try (cell.decode(Bool.self) ? 1 : 0 as Int64).databaseValue
        case .bytea:
            var buffer = try cell.decode(ByteBuffer.self)
            return Data(buffer.readBytes(length: buffer.readableBytes) ?? []).databaseValue
        default: return try cell.decode(String.self).databaseValue
        }
    }

    /// The rows of a result, as `LedgerSQL` returns them.
    fileprivate static func rows(_ result: PostgresQueryResult) throws -> [LedgerRow] {
        try result.rows.map { row in
            var columns: [String] = []
            var values: [DatabaseValue] = []
            for cell in row {
                columns.append(cell.columnName)
                values.append(try value(cell))
            }
            return LedgerRow(columns: columns, values: values)
        }
    }

    /// Rows of a statement run inside `transaction`, for the connection that holds the lock.
    fileprivate func rowsOf(_ sql: String, _ arguments: LedgerArguments) throws -> [LedgerRow] {
        let result = try query(sql, arguments)
        do {
            return try Self.rows(result)
        } catch {
            throw LedgerError.storeFailed(path: url.redacted, reason: Self.reason(error))
        }
    }
}

/// The connection inside a transaction, seen through `LedgerSQL`; only `PostgresLedgerDatabase` makes one.
private struct PostgresConnectionSQL: LedgerSQL {
    let database: PostgresLedgerDatabase

    func rows(_ sql: String, _ arguments: LedgerArguments) throws -> [LedgerRow] {
        try database.rowsOf(sql, arguments)
    }

    func execute(_ sql: String, _ arguments: LedgerArguments) throws {
        _ = try database.query(sql, arguments)
    }

    func noteChange(_ table: String, _ id: Int64) { database.noteChange(table, id) }
}
