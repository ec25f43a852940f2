import Foundation
import GRDB
import HeguiBase

// One GRDB record per table. They stay internal: the rest of hegui sees the model values
// (`RectificationItem`, `RunSummary`, …) they convert to at the boundary.

/// A ledger table's record: Swift's camelCase properties map to the tables' snake_case columns.
protocol SnakeCaseColumns: FetchableRecord, EncodableRecord {}

extension SnakeCaseColumns {
    static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
    static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
}

/// A row of `runs`.
struct RunRow: Codable, LedgerTableRow, MutablePersistableRecord {
    static let databaseTableName = "runs"

    var id: Int64?
    var ranAt: String
    var period: String
    var periodStart: String
    var periodEnd: String
    /// JSON array of `RunSummary.PackScore`.
    var packs: String
    /// JSON array of `InputFile` (paths, kinds, SHA-256 hashes).
    var inputs: String
    /// The last event written while recording the run: the boundary used by `diff`.
    var lastEventId: Int64?

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    func summary() throws -> RunSummary {
        let scores = try JSONDecoder().decode([RunSummary.PackScore].self, from: Data(packs.utf8))
        return RunSummary(id: id ?? 0, ranAt: ranAt, period: period, packs: scores)
    }
}

/// A row of `run_findings`: one indicator's or veto's outcome in a run.
struct RunFindingRow: Codable, LedgerTableRow, MutablePersistableRecord {
    static let databaseTableName = "run_findings"

    var id: Int64?
    var runId: Int64
    var pack: String
    var indicator: String
    /// `indicator` or `veto`.
    var kind: String
    /// An `Outcome` raw value; a fired veto is `fail`.
    var outcome: String
    var awarded: Double
    var points: Double

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `patrols`: one worker-representative patrol (职工代表巡视).
struct PatrolRow: Codable, LedgerTableRow, MutablePersistableRecord {
    static let databaseTableName = "patrols"

    var id: Int64?
    var date: String
    var team: String
    var scope: String
    var leader: String?
    var createdAt: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    func patrol() -> Patrol {
        Patrol(id: id ?? 0, date: Day(iso: date) ?? Day(ordinal: 0), team: team, scope: scope, leader: leader)
    }
}

/// A row of `rectification_items`.
struct ItemRow: Codable, LedgerTableRow, MutablePersistableRecord {
    static let databaseTableName = "rectification_items"

    var id: Int64?
    var source: String
    var pack: String?
    var indicator: String?
    var groupKey: String?
    var period: String?
    /// The period's last day, so a passing run closes items of its period and earlier ones only.
    var periodEnd: String?
    var patrolId: Int64?
    var foundOn: String
    var finder: String?
    var location: String?
    var description: String
    var category: String
    var grade: String
    var measure: String?
    var funds: Double?
    var department: String?
    var responsible: String?
    var deadline: String
    var rechecker: String?
    var status: String
    var submittedBy: String?
    var verifiedBy: String?
    var verifiedOn: String?
    /// JSON array of paths.
    var evidence: String
    /// The sign-off default when the item was opened, used when a later run has no pack for it.
    var requiresSignOff: Bool
    var createdAt: String
    /// The first deadline the item missed (`v3-item-history`).
    var missedDeadline: String? = nil
    /// The day the result was made public, 公示 (`v3-item-history`).
    var publishedOn: String? = nil

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The row for a model item (id nil when new).
    init(_ item: RectificationItem, id: Int64?, periodEnd: String?, requiresSignOff: Bool, createdAt: String) {
        self.id = id
        source = item.source.rawValue
        pack = item.pack
        indicator = item.indicator
        groupKey = item.groupKey
        period = item.period
        self.periodEnd = periodEnd
        patrolId = item.patrolID
        foundOn = item.foundOn.description
        finder = item.finder
        location = item.location
        description = item.description
        category = item.category
        grade = item.grade
        measure = item.measure
        funds = item.funds
        department = item.department
        responsible = item.responsible
        deadline = item.deadline.description
        rechecker = item.rechecker
        status = item.status.rawValue
        submittedBy = item.submittedBy
        verifiedBy = item.verifiedBy
        verifiedOn = item.verifiedOn?.description
        evidence = Self.encodeEvidence(item.evidence)
        self.requiresSignOff = requiresSignOff
        self.createdAt = createdAt
        missedDeadline = item.missedDeadline?.description
        publishedOn = item.publishedOn?.description
    }

    /// Copies the mutable fields of a changed item into the row.
    mutating func update(from item: RectificationItem) {
        department = item.department
        responsible = item.responsible
        deadline = item.deadline.description
        rechecker = item.rechecker
        status = item.status.rawValue
        submittedBy = item.submittedBy
        verifiedBy = item.verifiedBy
        verifiedOn = item.verifiedOn?.description
        evidence = Self.encodeEvidence(item.evidence)
        missedDeadline = item.missedDeadline?.description
        publishedOn = item.publishedOn?.description
    }

    static func encodeEvidence(_ paths: [String]) -> String {
        (try? String(decoding: JSONEncoder().encode(paths), as: UTF8.self)) ?? "[]"
    }

    /// The model value; a row edited into nonsense outside hegui is an error, not a guess.
    func item() throws(LedgerError) -> RectificationItem {
        let rowID = id ?? 0
        func bad(_ column: String) -> LedgerError {
            .invalidArgument(
                Message.ledger(.unreadableColumn(item: rowID, column: column)).text)
        }
        guard let source = RectificationSource(rawValue: source) else { throw bad("source") }
        guard let status = RectificationStatus(rawValue: status) else { throw bad("status") }
        guard let foundOn = Day(iso: foundOn) else { throw bad("found_on") }
        guard let deadline = Day(iso: deadline) else { throw bad("deadline") }
        let verifiedDay: Day?
        if let verifiedOn {
            guard let day = Day(iso: verifiedOn) else { throw bad("verified_on") }
            verifiedDay = day
        } else {
            verifiedDay = nil
        }
        let paths = (try? JSONDecoder().decode([String].self, from: Data(evidence.utf8))) ?? []
        func day(_ text: String?, _ column: String) throws(LedgerError) -> Day? {
            guard let text else { return nil }
            guard let day = Day(iso: text) else { throw bad(column) }
            return day
        }
        let missed = try day(missedDeadline, "missed_deadline")
        let published = try day(publishedOn, "published_on")
        return RectificationItem(
            id: rowID, source: source, pack: pack, indicator: indicator, groupKey: groupKey, period: period,
            patrolID: patrolId, foundOn: foundOn, finder: finder, location: location, description: description,
            category: category, grade: grade, measure: measure, funds: funds, department: department,
            responsible: responsible, deadline: deadline, rechecker: rechecker, status: status,
            submittedBy: submittedBy, verifiedBy: verifiedBy, verifiedOn: verifiedDay, evidence: paths,
            missedDeadline: missed, publishedOn: published)
    }
}

/// A row of `events`: the append-only, hash-chained audit log.
struct EventRow: Codable, SnakeCaseColumns, PersistableRecord {
    static let databaseTableName = "events"

    var id: Int64
    var itemId: Int64?
    var time: String
    var actor: String
    var action: String
    var fromStatus: String?
    var toStatus: String?
    var note: String?
    var detail: String?
    var prevHash: String
    var hash: String
    /// The rows this event created, changed or deleted (`LedgerState` JSON); nil for events written
    /// before the `v2-event-state` migration.
    var state: String? = nil
    /// HMAC-SHA256 of `hash` under the ledger key, when one was set.
    var mac: String? = nil

    func event() -> LedgerEvent {
        LedgerEvent(
            id: id, itemID: itemId, time: time, actor: actor, action: action,
            fromStatus: fromStatus.flatMap(RectificationStatus.init(rawValue:)),
            toStatus: toStatus.flatMap(RectificationStatus.init(rawValue:)), note: note, detail: detail,
            prevHash: prevHash, hash: hash)
    }
}
