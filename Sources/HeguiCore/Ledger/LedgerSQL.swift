import Foundation
import GRDB

/// One statement's positional arguments (`?` in the SQL), in either backend.
struct LedgerArguments: ExpressibleByArrayLiteral {
    /// The values in order.
    var values: [DatabaseValue]

    init(arrayLiteral elements: (any DatabaseValueConvertible)?...) {
        values = elements.map { $0?.databaseValue ?? .null }
    }

    init(_ values: [DatabaseValue]) { self.values = values }

    /// Appends values, as GRDB's `StatementArguments.append(contentsOf:)` does.
    @discardableResult
    mutating func append(contentsOf elements: [(any DatabaseValueConvertible)?]) -> Bool {
        values += elements.map { $0?.databaseValue ?? .null }
        return true
    }
}

/// A result row: column names and values in the statement's order.
struct LedgerRow {
    var columns: [String]
    var values: [DatabaseValue]

    /// The row as GRDB decodes records from it.
    var grdbRow: Row {
        Row(Dictionary(zip(columns, values.map { $0 as (any DatabaseValueConvertible)? }), uniquingKeysWith: { a, _ in a }))
    }
}

/// One connection inside a read or write transaction, SQLite or PostgreSQL. The ledger's rules are written
/// once against this: SQL here is the common dialect of both (`?` arguments, `IS NOT DISTINCT FROM`).
protocol LedgerSQL {
    /// Runs a query and returns every row.
    func rows(_ sql: String, _ arguments: LedgerArguments) throws -> [LedgerRow]
    /// Runs a statement that returns no rows.
    func execute(_ sql: String, _ arguments: LedgerArguments) throws
    /// Notes that a statement changed a row of a tracked table, so the next event carries it (SQLite's
    /// hooks see this by themselves).
    func noteChange(_ table: String, _ id: Int64)
}

/// Where a ledger's tables live: transactions over the SQLite file or the PostgreSQL server.
protocol LedgerDatabase: Sendable {
    /// Runs `body` in a read-only transaction with one consistent snapshot.
    func read<T>(_ body: (any LedgerSQL) throws -> T) throws -> T
    /// Runs `body` in one write transaction, holding the store's append lock from before the chain head is read.
    func write<T>(_ body: (any LedgerSQL) throws -> T) throws -> T
}

/// A ledger table record whose id the database assigns on insert.
protocol LedgerTableRow: SnakeCaseColumns, TableRecord {
    var id: Int64? { get set }
}

extension FetchableRecord {
    /// Every row a query returns, decoded.
    static func fetchAll(_ db: any LedgerSQL, sql: String, arguments: LedgerArguments = []) throws -> [Self] {
        try db.rows(sql, arguments).map { try Self(row: $0.grdbRow) }
    }

    /// The first row a query returns, decoded.
    static func fetchOne(_ db: any LedgerSQL, sql: String, arguments: LedgerArguments = []) throws -> Self? {
        try db.rows(sql, arguments).first.map { try Self(row: $0.grdbRow) }
    }
}

extension FetchableRecord where Self: TableRecord {
    /// The row with an id.
    static func fetchOne(_ db: any LedgerSQL, key: Int64) throws -> Self? {
        try fetchOne(db, sql: "SELECT * FROM \(databaseTableName) WHERE id = ?", arguments: [key])
    }
}

extension DatabaseValueConvertible {
    /// The first column of every row.
    static func fetchAll(_ db: any LedgerSQL, sql: String, arguments: LedgerArguments = []) throws -> [Self] {
        try db.rows(sql, arguments).compactMap { $0.values.first.flatMap(Self.fromDatabaseValue) }
    }

    /// The first column of the first row, nil when there is no row or it is NULL.
    static func fetchOne(_ db: any LedgerSQL, sql: String, arguments: LedgerArguments = []) throws -> Self? {
        try db.rows(sql, arguments).first?.values.first.flatMap(Self.fromDatabaseValue)
    }
}

extension EncodableRecord where Self: TableRecord {
    /// The columns and values to write, in column-name order (so the SQL text is stable).
    fileprivate func columnsAndValues(excludingNilID: Bool) throws -> (columns: [String], values: [DatabaseValue]) {
        let dictionary = try databaseDictionary
        let columns = dictionary.keys.sorted().filter { !(excludingNilID && $0 == "id" && dictionary[$0]!.isNull) }
        return (columns, columns.map { dictionary[$0]! })
    }

    /// Inserts the record with the id it carries.
    func insertRow(_ db: any LedgerSQL) throws {
        let (columns, values) = try columnsAndValues(excludingNilID: false)
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        try db.execute(
            "INSERT INTO \(Self.databaseTableName) (\(columns.joined(separator: ", "))) VALUES (\(placeholders))",
            LedgerArguments(values))
    }
}

extension LedgerTableRow where Self: EncodableRecord {
    /// Inserts the record and takes the id the database assigned.
    mutating func insert(_ db: any LedgerSQL) throws {
        let (columns, values) = try columnsAndValues(excludingNilID: true)
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        let sql = "INSERT INTO \(Self.databaseTableName) (\(columns.joined(separator: ", "))) VALUES (\(placeholders)) RETURNING id"
        id = try Int64.fetchOne(db, sql: sql, arguments: LedgerArguments(values))
        if let id { db.noteChange(Self.databaseTableName, id) }
    }

    /// Inserts many records with one statement per few hundred rows (a round trip each on PostgreSQL, not one
    /// per row) and notes every id the database assigned. Records with their own id go in one by one.
    static func insertAll(_ records: [Self], _ db: any LedgerSQL) throws {
        guard let first = records.first else { return }
        let columns = try first.columnsAndValues(excludingNilID: true).columns
        let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        var pending: [DatabaseValue] = []
        func flush() throws {
            guard !pending.isEmpty else { return }
            let count = pending.count / max(1, columns.count)
            let sql = "INSERT INTO \(databaseTableName) (\(columns.joined(separator: ", "))) VALUES "
                + Array(repeating: tuple, count: count).joined(separator: ", ") + " RETURNING id"
            for id in try Int64.fetchAll(db, sql: sql, arguments: LedgerArguments(pending)) {
                db.noteChange(databaseTableName, id)
            }
            pending = []
        }
        for record in records {
            let row = try record.columnsAndValues(excludingNilID: true)
            guard row.columns == columns else {
                try flush()  // ids in the records' order
                var single = record
                try single.insert(db)
                continue
            }
            pending += row.values
            if pending.count + columns.count > LedgerState.idsPerStatement { try flush() }
        }
        try flush()
    }

    /// Writes every column of the record's row.
    func update(_ db: any LedgerSQL) throws {
        let (columns, values) = try columnsAndValues(excludingNilID: false)
        let assignments = columns.filter { $0 != "id" }
        let sql = "UPDATE \(Self.databaseTableName) SET \(assignments.map { "\($0) = ?" }.joined(separator: ", ")) WHERE id = ?"
        let dictionary = Dictionary(uniqueKeysWithValues: zip(columns, values))
        try db.execute(sql, LedgerArguments(assignments.map { dictionary[$0]! } + [id?.databaseValue ?? .null]))
        if let id { db.noteChange(Self.databaseTableName, id) }
    }
}
