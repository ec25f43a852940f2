import Foundation
import GRDB

/// The embedded store: one SQLite file in WAL mode. Writes are `BEGIN IMMEDIATE` transactions, so
/// processes sharing the file serialize and the chain stays linear.
struct SQLiteLedgerDatabase: LedgerDatabase {
    /// The database; a pool gives WAL mode and concurrent readers.
    let pool: DatabasePool

    /// Opens (creating when `create` and missing) the file at a path, brings its schema up to date and lets
    /// `changes` see every row a write touches.
    init(path: String, create: Bool, key: LedgerKey?, clock: @escaping @Sendable () -> Date, changes: ChangeCollector) throws {
        if !create, !FileManager.default.fileExists(atPath: path) {
            throw LedgerError.cannotOpen(path: path, reason: Message.ledger(.noSuchFile).text)
        }
        var configuration = Configuration()
        // Another hegui process may hold the write lock; wait for it rather than fail.
        configuration.busyMode = .timeout(10)
        configuration.label = "hegui.ledger"
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try LedgerSchema.migrator(key: key, clock: clock).migrate(pool)
            pool.add(transactionObserver: changes, extent: .databaseLifetime)
        } catch let error as DatabaseError {
            // SQLite's own words have one language.
            throw LedgerError.cannotOpen(path: path, reason: LocalizedText(verbatim: error.message ?? error.description))
        }
    }

    func read<T>(_ body: (any LedgerSQL) throws -> T) throws -> T {
        try pool.read { db in try body(SQLiteConnection(db: db)) }
    }

    func write<T>(_ body: (any LedgerSQL) throws -> T) throws -> T {
        try pool.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(SQLiteConnection(db: db))
                return .commit
            }
            guard let result else { throw LedgerError.invalidArgument(Message.ledger(.transactionReturnedNothing).text) }
            return result
        }
    }
}

/// A GRDB database connection seen through `LedgerSQL`.
struct SQLiteConnection: LedgerSQL {
    let db: Database

    func rows(_ sql: String, _ arguments: LedgerArguments) throws -> [LedgerRow] {
        try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments.values)).map {
            LedgerRow(columns: Array($0.columnNames), values: Array($0.databaseValues))
        }
    }

    func execute(_ sql: String, _ arguments: LedgerArguments) throws {
        try db.execute(sql: sql, arguments: StatementArguments(arguments.values))
    }

    /// SQLite's hooks already tell the change collector.
    func noteChange(_ table: String, _ id: Int64) {}
}
