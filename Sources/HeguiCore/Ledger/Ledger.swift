import Foundation
import GRDB
import HeguiBase

/// The rectification ledger: one SQLite file (WAL) holding check runs, patrols, rectification items
/// and the hash-chained audit log. Every change is one IMMEDIATE write transaction, so processes sharing
/// the file serialize and the chain stays linear.
public final class Ledger: Sendable {
    /// The file path as given.
    public let path: String
    /// The database; a pool gives WAL mode and concurrent readers.
    let pool: DatabasePool
    /// The clock for event times and `created_at` (injectable for tests).
    let clock: @Sendable () -> Date

    /// Opens (creating when `create` and missing) the ledger at a path and brings its schema up to date.
    public init(path: String, create: Bool = true, clock: @escaping @Sendable () -> Date = { Date() }) throws {
        self.path = path
        self.clock = clock
        if !create, !FileManager.default.fileExists(atPath: path) {
            throw LedgerError.cannotOpen(path: path, reason: "no such file")
        }
        var configuration = Configuration()
        // Another hegui process may hold the write lock; wait for it rather than fail.
        configuration.busyMode = .timeout(10)
        configuration.label = "hegui.ledger"
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try LedgerSchema.migrator.migrate(pool)
        } catch let error as DatabaseError {
            throw LedgerError.cannotOpen(path: path, reason: error.message ?? error.description)
        }
    }

    // MARK: - Writing

    /// Runs `body` in one `BEGIN IMMEDIATE` transaction: the write lock is taken before the chain head is read.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(db)
                return .commit
            }
            return result!
        }
    }

    /// The current time as stored.
    func now() -> String { AuditChain.timestamp(clock()) }

    /// Appends one event, linking it to the chain head; call inside `write`.
    @discardableResult
    func appendEvent(
        _ db: Database, itemID: Int64?, actor: String, action: String, from: RectificationStatus? = nil,
        to: RectificationStatus? = nil, note: String? = nil, detail: String? = nil
    ) throws -> EventRow {
        let head = try Row.fetchOne(db, sql: "SELECT id, hash FROM events ORDER BY id DESC LIMIT 1")
        let id: Int64 = (head?["id"] ?? 0) + 1
        let prevHash: String = head?["hash"] ?? AuditChain.genesis
        let time = now()
        let note = note.flatMap { $0.isEmpty ? nil : $0 }
        let detail = detail.flatMap { $0.isEmpty ? nil : $0 }
        let canonical = AuditChain.canonical(
            id: id, itemID: itemID, time: time, actor: actor, action: action, fromStatus: from?.rawValue,
            toStatus: to?.rawValue, note: note, detail: detail)
        let row = EventRow(
            id: id, itemId: itemID, time: time, actor: actor, action: action, fromStatus: from?.rawValue,
            toStatus: to?.rawValue, note: note, detail: detail, prevHash: prevHash,
            hash: AuditChain.hash(prevHash: prevHash, canonical: canonical))
        try row.insert(db)
        return row
    }

    /// The item row with an id, or `itemNotFound`.
    func itemRow(_ db: Database, _ id: Int64) throws -> ItemRow {
        guard let row = try ItemRow.fetchOne(db, key: id) else { throw LedgerError.itemNotFound(id) }
        return row
    }

    /// Trims and checks a required actor name.
    static func actor(_ by: String) throws -> String {
        let actor = by.trimmingCharacters(in: .whitespaces)
        guard !actor.isEmpty else {
            throw LedgerError.invalidArgument(LocalizedText(zh: "必须用 --by 写明操作人", en: "--by must name who acts"))
        }
        return actor
    }

    // MARK: - Lifecycle

    /// Applies a person's action to an item on a day, logging it; refused moves throw and change nothing.
    @discardableResult
    public func perform(_ command: RectificationCommand, on itemID: Int64, today: Day) throws -> RectificationItem {
        try write { db in
            var row = try itemRow(db, itemID)
            let before = try row.item()
            let after = try Lifecycle.apply(command, to: before, on: today)
            row.update(from: after)
            try row.update(db)
            var detail: [String] = []
            if command.action == .assign { detail.append(command.assignment.summary) }
            if !command.evidence.isEmpty { detail.append("evidence=" + command.evidence.joined(separator: ", ")) }
            try appendEvent(
                db, itemID: itemID, actor: command.by.trimmingCharacters(in: .whitespaces),
                action: command.action.rawValue, from: before.status, to: after.status, note: command.note,
                detail: detail.joined(separator: "; "))
            return after
        }
    }

    // MARK: - Reading

    /// Items filtered by status, by being overdue on a day, and by source; in id order.
    public func items(
        status: RectificationStatus? = nil, overdueOn: Day? = nil, source: RectificationSource? = nil
    ) throws -> [RectificationItem] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let status {
            conditions.append("status = ?")
            _ = arguments.append(contentsOf: [status.rawValue])
        }
        if let overdueOn {
            // ISO days compare as text; same rule as `RectificationItem.isOverdue(on:)`.
            conditions.append("status <> ? AND deadline < ?")
            _ = arguments.append(contentsOf: [RectificationStatus.verified.rawValue, overdueOn.description])
        }
        if let source {
            conditions.append("source = ?")
            _ = arguments.append(contentsOf: [source.rawValue])
        }
        let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let rows = try pool.read { db in
            try ItemRow.fetchAll(db, sql: "SELECT * FROM rectification_items\(whereClause) ORDER BY id", arguments: arguments)
        }
        return try rows.map { try $0.item() }
    }

    /// The item with an id, or `itemNotFound`.
    public func item(_ id: Int64) throws -> RectificationItem {
        try pool.read { db in try itemRow(db, id).item() }
    }

    /// The events about an item (every event when nil), in chain order.
    public func events(itemID: Int64? = nil) throws -> [LedgerEvent] {
        try pool.read { db in
            if let itemID {
                return try EventRow.fetchAll(
                    db, sql: "SELECT * FROM events WHERE item_id = ? ORDER BY id", arguments: [itemID])
            }
            return try EventRow.fetchAll(db, sql: "SELECT * FROM events ORDER BY id")
        }.map { $0.event() }
    }

    /// Walks every event in id order, recomputing links and hashes; reports the first broken one, and
    /// the items whose status disagrees with their last event (the log is the truth, the row a cache).
    public func verifyChain() throws -> ChainReport {
        try pool.read { db in
            let inconsistent = try Int64.fetchAll(
                db,
                sql: """
                    SELECT i.id FROM rectification_items i
                    WHERE i.status IS NOT (
                        SELECT e.to_status FROM events e
                        WHERE e.item_id = i.id AND e.to_status IS NOT NULL ORDER BY e.id DESC LIMIT 1)
                    ORDER BY i.id
                    """)
            var count = 0
            let cursor = try EventRow.fetchCursor(db, sql: "SELECT * FROM events ORDER BY id")
            var previousHash = AuditChain.genesis
            var previousID: Int64 = 0
            while let row = try cursor.next() {
                count += 1
                if let broken = AuditChain.check(row, previousID: previousID, previousHash: previousHash) {
                    return ChainReport(events: count, firstBreak: broken, inconsistentItems: inconsistent, head: previousHash)
                }
                previousHash = row.hash
                previousID = row.id
            }
            return ChainReport(events: count, firstBreak: nil, inconsistentItems: inconsistent, head: previousHash)
        }
    }
}
