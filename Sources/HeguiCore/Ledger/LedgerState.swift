import Foundation
import GRDB
import HeguiXML

/// The ledger's tables as events carry them: every row an event creates, changes or deletes is
/// written into that event (`state`, hashed into the chain), so the tables can be rebuilt from the
/// events alone and compared with what is stored.
///
/// A value is tagged text: `n` (NULL), `i:42`, `r:1.5` (Swift's exact shortest form), `t:text`, `b:hex`.
/// A snapshot is JSON `{"table": {"id": {"column": "t:…"} | null}}` with sorted keys (null: deleted).
enum LedgerState {
    /// The tables whose every row must come from an event.
    static let tables = ["patrols", "rectification_items", "runs", "run_findings", "evidence_files"]

    /// One row: column name → tagged value.
    typealias Row = [String: String]
    /// Table → row id → row, or nil for a deleted row.
    typealias Snapshot = [String: [Int64: Row?]]

    /// A value as tagged text.
    static func tag(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: "n"
        case .int64(let n): "i:\(n)"
        case .double(let d): "r:\(d)"
        case .string(let s): "t:\(s)"
        case .blob(let data): "b:" + data.map { String(format: "%02x", $0) }.joined()
        }
    }

    /// Every row of a table as stored, by id.
    static func rows(_ db: any LedgerSQL, table: String) throws -> [Int64: Row] {
        var result: [Int64: Row] = [:]
        for row in try db.rows("SELECT * FROM \(table)", []) {
            var values: Row = [:]
            var id: Int64 = 0
            for (column, value) in zip(row.columns, row.values) {
                if column == "id" { id = Int64.fromDatabaseValue(value) ?? 0 }
                values[column] = tag(value)
            }
            result[id] = values
        }
        return result
    }

    /// The current rows of the given ids, per table, as one snapshot (absent rows as deletions).
    static func snapshot(_ db: any LedgerSQL, of changed: [String: Set<Int64>]) throws -> Snapshot {
        var snapshot: Snapshot = [:]
        for (table, ids) in changed {
            var rows: [Int64: Row?] = [:]
            for id in ids { rows[id] = .some(nil) }  // a row no longer stored is a deletion
            for (id, row) in try Self.rows(db, table: table, ids: ids.sorted()) { rows[id] = .some(row) }
            snapshot[table] = rows
        }
        return snapshot
    }

    /// The stored rows with these ids, by id: a few statements however many rows a run touched
    /// (one per id cost a round trip each on PostgreSQL).
    static func rows(_ db: any LedgerSQL, table: String, ids: [Int64]) throws -> [Int64: Row] {
        var result: [Int64: Row] = [:]
        var start = 0
        while start < ids.count {
            let chunk = Array(ids[start..<min(ids.count, start + idsPerStatement)])
            start += chunk.count
            let placeholders = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
            for row in try db.rows("SELECT * FROM \(table) WHERE id IN (\(placeholders))", LedgerArguments(chunk.map(\.databaseValue))) {
                var values: Row = [:]
                var id: Int64?
                for (column, value) in zip(row.columns, row.values) {
                    if column == "id" { id = Int64.fromDatabaseValue(value) }
                    values[column] = tag(value)
                }
                if let id { result[id] = values }
            }
        }
        return result
    }

    /// Ids bound in one statement: far below SQLite's 32,766 variables and PostgreSQL's 65,535 parameters.
    static let idsPerStatement = 500

    /// The snapshot as canonical JSON (sorted keys), or nil when nothing changed.
    static func json(_ snapshot: Snapshot) -> String? {
        guard snapshot.values.contains(where: { !$0.isEmpty }) else { return nil }
        var object: [String: [String: Row?]] = [:]
        for (table, rows) in snapshot where !rows.isEmpty {
            object[table] = Dictionary(uniqueKeysWithValues: rows.map { (String($0.key), $0.value) })
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(object) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// A snapshot read back from an event, or nil when the text is not one.
    static func decode(_ json: String) -> Snapshot? {
        guard let object = try? JSONDecoder().decode([String: [String: Row?]].self, from: Data(json.utf8)) else { return nil }
        var snapshot: Snapshot = [:]
        for (table, rows) in object {
            var byID: [Int64: Row?] = [:]
            for (key, row) in rows {
                guard let id = Int64(key) else { return nil }
                byID[id] = row
            }
            snapshot[table] = byID
        }
        return snapshot
    }

    /// A tagged value as a reader sees it: `NULL`, or the value without its tag.
    static func display(_ tagged: String?) -> String {
        guard let tagged else { return "(no row)" }
        if tagged == "n" { return "NULL" }
        guard let colon = tagged.firstIndex(of: ":") else { return tagged }
        return "'" + truncatedForMessage(String(tagged[tagged.index(after: colon)...])) + "'"
    }
}

/// Collects which rows of the tracked tables each statement changes, so the next event can carry
/// them; a transaction that changes a row no event carries is refused at commit.
final class ChangeCollector: TransactionObserver, @unchecked Sendable {
    // Touched only on the writer's queue (one write transaction at a time).
    private var pending: [String: Set<Int64>] = [:]

    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool {
        LedgerState.tables.contains(eventKind.tableName)
    }

    func databaseDidChange(with event: DatabaseEvent) {
        pending[event.tableName, default: []].insert(event.rowID)
    }

    /// The changes since the last call.
    /// Notes a row a statement changed where no SQLite hook sees it (PostgreSQL).
    func record(_ table: String, _ id: Int64) {
        if LedgerState.tables.contains(table) { pending[table, default: []].insert(id) }
    }

    /// Forgets what was noted (the transaction ended).
    func reset() { pending = [:] }

    func drain() -> [String: Set<Int64>] {
        defer { pending = [:] }
        return pending
    }

    func databaseWillCommit() throws {
        guard pending.isEmpty else {
            let tables = pending.keys.sorted().joined(separator: ", ")
            pending = [:]
            throw LedgerError.invalidArgument(
                Message.ledger(.unrecordedChanges(tables: tables)).text)
        }
    }

    func databaseDidCommit(_ db: Database) { pending = [:] }
    func databaseDidRollback(_ db: Database) { pending = [:] }
}

/// One way the stored tables differ from the tables rebuilt from the events.
public struct ReplayDifference: Hashable, Sendable, Codable {
    /// The table.
    public var table: String
    /// The row id.
    public var rowID: Int64
    /// The column, nil when a whole row is extra or missing.
    public var column: String?
    /// The stored value (tagged), nil when the row is not stored.
    public var stored: String?
    /// The value the events give (tagged), nil when no event made the row.
    public var replayed: String?

    /// `rectification_items row 1, column deadline: stored '2024-05-01', the events give '2024-04-16'`.
    public var text: LocalizedText {
        if let column {
            let stored = LedgerState.display(stored)
            let replayed = LedgerState.display(replayed)
            return Message.ledger(.rowDiffers(table: table, row: rowID, column: column, stored: stored, replayed: replayed)).text
        }
        if replayed == nil {
            return Message.ledger(.rowWithoutEvent(table: table, row: rowID)).text
        }
        return Message.ledger(.rowMissing(table: table, row: rowID)).text
    }
}

extension LedgerState {
    /// Every difference between the stored tables and the replayed ones, by table, row and column.
    static func compare(stored: [String: [Int64: Row]], replayed: [String: [Int64: Row]]) -> [ReplayDifference] {
        var differences: [ReplayDifference] = []
        for table in tables {
            let have = stored[table] ?? [:]
            let want = replayed[table] ?? [:]
            for id in Set(have.keys).union(want.keys).sorted() {
                switch (have[id], want[id]) {
                case (let row?, nil):
                    differences.append(ReplayDifference(table: table, rowID: id, column: nil, stored: row.description, replayed: nil))
                case (nil, let row?):
                    differences.append(ReplayDifference(table: table, rowID: id, column: nil, stored: nil, replayed: row.description))
                case (let row?, let expected?):
                    // A column added by a later migration is absent from the rows of earlier events and
                    // NULL in the stored row: absent and NULL are the same value.
                    for column in Set(row.keys).union(expected.keys).sorted()
                    where (row[column] ?? "n") != (expected[column] ?? "n") {
                        differences.append(
                            ReplayDifference(
                                table: table, rowID: id, column: column, stored: row[column] ?? "n", replayed: expected[column] ?? "n"))
                    }
                case (nil, nil):
                    break
                }
            }
        }
        return differences
    }
}
