import Crypto
import Foundation
import GRDB
import HeguiBase

/// The rectification ledger: one SQLite file (WAL) holding check runs, patrols, rectification items
/// and the hash-chained audit log. Every change is one IMMEDIATE write transaction, so processes sharing
/// the file serialize and the chain stays linear.
public final class Ledger: Sendable {
    /// The file path as given.
    public let path: String
    /// Where the tables are: the SQLite file or the PostgreSQL server.
    let database: any LedgerDatabase
    /// The clock for event times and `created_at` (injectable for tests).
    let clock: @Sendable () -> Date
    /// The key events are MACed with (kept outside the database; by default from the environment), if any.
    let key: LedgerKey?
    /// Which tracked rows changed since the last event: the next event carries them.
    let changes = ChangeCollector()
    /// Where evidence is kept: a folder beside the SQLite file, or the PostgreSQL ledger's own table.
    public let evidence: EvidenceStore

    /// Opens (creating when `create` and missing) the ledger at a path and brings its schema up to date.
    public init(
        path: String, create: Bool = true, key: LedgerKey? = nil, clock: @escaping @Sendable () -> Date = { Date() }
    ) throws {
        let key = try key ?? LedgerKey.fromEnvironment()
        self.path = path
        self.clock = clock
        self.key = key
        evidence = EvidenceStore(ledgerPath: path)
        database = try SQLiteLedgerDatabase(path: path, create: create, key: key, clock: clock, changes: changes)
    }

    /// Opens the ledger on a PostgreSQL server (`postgresql://user@host:port/db`), creating its tables
    /// when `create` and missing.
    public convenience init(
        postgres url: PostgresURL, create: Bool = true, key: LedgerKey? = nil,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) throws {
        try self.init(postgres: url, create: create, key: key, clock: clock, pool: nil)
    }

    /// Opens a PostgreSQL ledger on an idle connection of `pool` when there is one (a federation's ledgers).
    init(
        postgres url: PostgresURL, create: Bool, key: LedgerKey?, clock: @escaping @Sendable () -> Date,
        pool: PostgresConnectionPool?
    ) throws {
        let key = try key ?? LedgerKey.fromEnvironment()
        path = url.redacted
        self.clock = clock
        self.key = key
        let database = try PostgresLedgerDatabase(url: url, create: create, changes: changes, pool: pool)
        self.database = database
        // Many machines share the server, so the evidence bytes live in it too, never on one machine's disk.
        evidence = EvidenceStore(database: database, location: url.redacted)
    }

    // MARK: - Writing

    /// Runs `body` in one write transaction: the append lock is taken before the chain head is read.
    func write<T>(_ body: (any LedgerSQL) throws -> T) throws -> T {
        try database.write(body)
    }

    /// The current time as stored.
    func now() -> String { AuditChain.timestamp(clock()) }

    /// Appends one event, linking it to the chain head and carrying every tracked row changed since the
    /// previous event; call inside `write`. With `runID`, the run's `last_event_id` becomes this event.
    @discardableResult
    func appendEvent(
        _ db: any LedgerSQL, runID: Int64? = nil, itemID: Int64?, actor: String, action: String, from: RectificationStatus? = nil,
        to: RectificationStatus? = nil, note: String? = nil, detail: String? = nil
    ) throws -> EventRow {
        try Self.appendEvent(
            db, itemID: itemID, actor: actor, action: action, from: from, to: to, note: note, detail: detail, runID: runID,
            time: now(), key: key, drain: changes.drain)
    }

    /// Appends one event with the state of the `changed` rows (see `appendEvent`).
    static func appendEvent(
        _ db: any LedgerSQL, itemID: Int64?, actor: String, action: String, from: RectificationStatus? = nil,
        to: RectificationStatus? = nil, note: String? = nil, detail: String? = nil, runID: Int64? = nil, time: String,
        key: LedgerKey?, drain: () -> [String: Set<Int64>]
    ) throws -> EventRow {
        let head = try db.rows("SELECT id, hash FROM events ORDER BY id DESC LIMIT 1", []).first?.grdbRow
        let id: Int64 = (head?["id"] ?? 0) + 1
        let prevHash: String = head?["hash"] ?? AuditChain.genesis
        if let runID {
            try db.execute("UPDATE runs SET last_event_id = ? WHERE id = ?", [id, runID])
            db.noteChange("runs", runID)
        }
        let state = LedgerState.json(try LedgerState.snapshot(db, of: drain())) ?? "{}"
        let note = note.flatMap { $0.isEmpty ? nil : $0 }
        let detail = detail.flatMap { $0.isEmpty ? nil : $0 }
        let canonical = AuditChain.canonical(
            id: id, itemID: itemID, time: time, actor: actor, action: action, fromStatus: from?.rawValue,
            toStatus: to?.rawValue, note: note, detail: detail, state: state)
        let hash = AuditChain.hash(prevHash: prevHash, canonical: canonical)
        let row = EventRow(
            id: id, itemId: itemID, time: time, actor: actor, action: action, fromStatus: from?.rawValue,
            toStatus: to?.rawValue, note: note, detail: detail, prevHash: prevHash, hash: hash, state: state,
            mac: key.map { AuditChain.mac(hash: hash, key: $0) })
        try row.insertRow(db)
        return row
    }

    /// The item row with an id, or `itemNotFound`.
    func itemRow(_ db: any LedgerSQL, _ id: Int64) throws -> ItemRow {
        guard let row = try ItemRow.fetchOne(db, key: id) else { throw LedgerError.itemNotFound(id) }
        return row
    }

    /// Trims and checks a required actor name.
    static func actor(_ by: String) throws -> String {
        let actor = by.trimmingCharacters(in: .whitespaces)
        guard !actor.isEmpty else {
            throw LedgerError.invalidArgument(Message.ledger(.actorRequired).text)
        }
        return actor
    }

    // MARK: - Lifecycle

    /// Applies a person's action to an item on a day, logging it; refused moves throw and change nothing.
    @discardableResult
    public func perform(_ command: RectificationCommand, on itemID: Int64, today: Day) throws -> RectificationItem {
        // Evidence must exist: hashed and copied into the store before anything is written.
        let stored = try command.evidence.map { path throws(LedgerError) in try evidence.store(path) }
        return try write { db in
            var row = try itemRow(db, itemID)
            let before = try row.item()
            let disputers = try String.fetchAll(
                db, sql: "SELECT actor FROM events WHERE item_id = ? AND action = ?",
                arguments: [itemID, RectificationAction.dispute.rawValue])
            let after = try Lifecycle.apply(command, to: before, on: today, disputers: Set(disputers))
            row.update(from: after)
            try row.update(db)
            var detail: [String] = []
            if command.action == .assign { detail.append(command.assignment.summary) }
            if !stored.isEmpty {
                for file in stored {
                    let id = try Int64.fetchOne(
                        db, sql: "INSERT INTO evidence_files (item_id, name, sha256, size) VALUES (?, ?, ?, ?) RETURNING id",
                        arguments: [itemID, file.name, file.sha256, file.size])
                    if let id { db.noteChange("evidence_files", id) }
                }
                detail.append("evidence=" + stored.map { "\($0.name) (sha256 \($0.sha256))" }.joined(separator: ", "))
            }
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
        var arguments: LedgerArguments = []
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
        let rows = try database.read { db in
            try ItemRow.fetchAll(db, sql: "SELECT * FROM rectification_items\(whereClause) ORDER BY id", arguments: arguments)
        }
        return try rows.map { try $0.item() }
    }

    /// Every item and the chain head, in one read so the head is the one the items were read at.
    public func exportSnapshot() throws -> LedgerExportSnapshot {
        let (rows, count, hash) = try database.read { db in
            let rows = try ItemRow.fetchAll(db, sql: "SELECT * FROM rectification_items ORDER BY id")
            let count = try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM events") ?? 0
            let hash = try String.fetchOne(db, sql: "SELECT hash FROM events ORDER BY id DESC LIMIT 1")
            return (rows, count, hash)
        }
        return LedgerExportSnapshot(items: try rows.map { try $0.item() }, eventCount: count, headHash: hash ?? AuditChain.genesis)
    }

    /// The item with an id, or `itemNotFound`.
    public func item(_ id: Int64) throws -> RectificationItem {
        try database.read { db in try itemRow(db, id).item() }
    }

    /// The events about an item (every event when nil), in chain order.
    public func events(itemID: Int64? = nil) throws -> [LedgerEvent] {
        try database.read { db in
            if let itemID {
                return try EventRow.fetchAll(
                    db, sql: "SELECT * FROM events WHERE item_id = ? ORDER BY id", arguments: [itemID])
            }
            return try EventRow.fetchAll(db, sql: "SELECT * FROM events ORDER BY id")
        }.map { $0.event() }
    }

    /// Walks every event in id order, recomputing links, hashes and (with the key) MACs; rebuilds every
    /// tracked table from the state the events carry and compares it row by row, column by column with
    /// what is stored; checks each anchor is still in the chain and each evidence file against its hash.
    public func verifyChain(anchors: [ChainAnchor]) throws -> ChainReport {
        try database.read { db in
            let inconsistent = try Int64.fetchAll(
                db,
                sql: """
                    SELECT i.id FROM rectification_items i
                    WHERE i.status IS DISTINCT FROM (
                        SELECT e.to_status FROM events e
                        WHERE e.item_id = i.id AND e.to_status IS NOT NULL ORDER BY e.id DESC LIMIT 1)
                    ORDER BY i.id
                    """)
            var count = 0
            var firstBreak: ChainBreak?
            var problems: [LocalizedText] = []
            var replayed: [String: [Int64: LedgerState.Row]] = [:]
            var hashAt: [Int64: String] = [:]
            let wanted = Set(anchors.map(\.hash))
            var seen: [String: Int64] = [:]
            var cursor = try EventRow.fetchAll(db, sql: "SELECT * FROM events ORDER BY id").makeIterator()
            var previousHash = AuditChain.genesis
            var previousID: Int64 = 0
            var head = AuditChain.genesis
            while let row = cursor.next() {
                count += 1
                if firstBreak == nil {
                    if let broken = AuditChain.check(row, previousID: previousID, previousHash: previousHash) {
                        firstBreak = broken
                    } else {
                        head = row.hash
                    }
                }
                if let key {
                    if row.mac == nil {
                        problems.append(
                            Message.ledger(.noMAC(event: row.id)).text)
                    } else if row.mac != AuditChain.mac(hash: row.hash, key: key) {
                        problems.append(
                            Message.ledger(.wrongMAC(event: row.id)).text)
                    }
                }
                if firstBreak == nil {
                    hashAt[row.id] = row.hash
                    if wanted.contains(row.hash) { seen[row.hash] = row.id }
                }
                if let state = row.state {
                    guard let snapshot = LedgerState.decode(state) else {
                        problems.append(Message.ledger(.unreadableState(event: row.id)).text)
                        continue
                    }
                    for (table, rows) in snapshot {
                        for (id, values) in rows { replayed[table, default: [:]][id] = values }
                    }
                }
                previousHash = row.hash
                previousID = row.id
            }
            for anchor in anchors {
                let found = anchor.count.map { hashAt[$0] == anchor.hash } ?? (seen[anchor.hash] != nil)
                if !found {
                    problems.append(
                        Message.ledger(.anchorMissing(anchor: "\(anchor)")).text)
                }
            }
            var stored: [String: [Int64: LedgerState.Row]] = [:]
            for table in LedgerState.tables { stored[table] = try LedgerState.rows(db, table: table) }
            let differences = LedgerState.compare(stored: stored, replayed: replayed)
            let store = evidence
            for sha in try String.fetchAll(db, sql: "SELECT DISTINCT sha256 FROM evidence_files ORDER BY sha256") {
                if let problem = store.problem(with: sha, in: db) { problems.append(problem) }
            }
            return ChainReport(
                events: count, firstBreak: firstBreak, inconsistentItems: inconsistent, head: head,
                differences: differences, problems: problems)
        }
    }
}

/// A chain head recorded earlier (printed by `ledger verify`, review packs and exports): `COUNT:HASH`,
/// or a bare hash. The ledger must still hold that hash (at that event count).
public struct ChainAnchor: Hashable, Sendable, CustomStringConvertible {
    /// The event count the head was taken at, when known.
    public var count: Int64?
    /// The head hash.
    public var hash: String

    /// Parses `COUNT:HASH` or `HASH` (64 hex digits); nil for anything else.
    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
        let hashText = String(parts.last ?? "").lowercased()
        guard parts.count <= 2, hashText.count == 64, hashText.allSatisfy(\.isHexDigit) else { return nil }
        if parts.count == 2 {
            guard let count = Int64(parts[0]), count > 0 else { return nil }
            self.count = count
        }
        hash = hashText
    }

    /// `COUNT:HASH` or `HASH`.
    public var description: String { count.map { "\($0):\(hash)" } ?? hash }
}
