import Foundation
import HeguiBase

/// Where the rectification ledger is kept: check runs, patrols, rectification items and the hash-chained
/// audit log. Every ledger read and write goes through this protocol; `Ledger` (one SQLite file, GRDB) is
/// the store today, and a server database is another implementation of the same requirements, held to
/// the same test suite. A store implements every requirement itself: the extension below only lends
/// the requirements their default arguments.
public protocol LedgerStore: AnyObject, Sendable {
    /// Where the store is, as messages and the ledger read as records name it (the SQLite file's path).
    var path: String { get }

    // MARK: Check runs

    /// Stores a run and its findings; opens, reopens, closes and supersedes check items to match it.
    func recordRun(_ assessment: Assessment, packs: [RulePack], ranAt: Date, today: Day) throws -> RunOutcome
    /// Every stored run, oldest first.
    func runs() throws -> [RunSummary]
    /// Changed outcomes and items opened, reopened or struck off between two runs.
    func diff(from: Int64, to: Int64) throws -> RunDiff

    // MARK: Patrols

    /// Records a worker-representative patrol; returns its id.
    func addPatrol(date: Day, team: String, scope: String, leader: String?, by: String) throws -> Int64
    /// Every patrol, in id order.
    func patrols() throws -> [Patrol]
    /// Records an issue found on a patrol as a rectification item, its default deadline from
    /// `deadlineDaysByGrade` (else the built-in days), with evidence (photo references) found on the spot.
    func addIssue(
        patrolID: Int64, foundOn: Day?, finder: String?, location: String?, description: String, category: String,
        grade: String, department: String?, responsible: String?, deadline: Day?, measure: String?, funds: Double?,
        rechecker: String?, by: String, deadlineDaysByGrade: [String: Int], evidence: [String]
    ) throws -> RectificationItem

    // MARK: Rectification items

    /// Applies one lifecycle action to an item and logs it; returns the item after it.
    func perform(_ command: RectificationCommand, on itemID: Int64, today: Day) throws -> RectificationItem
    /// Records that an item's re-checked result was made public (公示) on a day.
    func publish(itemID: Int64, on day: Day, by: String) throws -> RectificationItem
    /// The items, optionally by status, overdue as of a day, or source, in id order.
    func items(status: RectificationStatus?, overdueOn: Day?, source: RectificationSource?) throws -> [RectificationItem]
    /// One item, or `LedgerError.itemNotFound`.
    func item(_ id: Int64) throws -> RectificationItem
    /// The events about an item (every event when nil), in chain order.
    func events(itemID: Int64?) throws -> [LedgerEvent]
    /// Walks the audit chain (links, hashes, MACs with a key), rebuilds every table from the state the
    /// events carry and compares it with what is stored, checks each anchor is still in the chain and
    /// each evidence file against its hash.
    func verifyChain(anchors: [ChainAnchor]) throws -> ChainReport
    /// Every item and the chain head, read together, for an export.
    func exportSnapshot() throws -> LedgerExportSnapshot
    /// The items as the `rectification` record kind, for packs that read the ledger.
    func rectificationTable(kind: RecordKind, today: Day) throws -> RecordTable
}

extension LedgerStore {
    /// Verifies without anchors.
    public func verifyChain() throws -> ChainReport { try verifyChain(anchors: []) }

    /// Records a patrol (no leader named).
    public func addPatrol(date: Day, team: String, scope: String, leader: String? = nil, by: String) throws -> Int64 {
        try addPatrol(date: date, team: team, scope: scope, leader: leader, by: by)
    }

    /// Records an issue found on a patrol; unnamed fields stay empty, the deadline follows the grade.
    public func addIssue(
        patrolID: Int64, foundOn: Day? = nil, finder: String? = nil, location: String? = nil, description: String,
        category: String, grade: String, department: String? = nil, responsible: String? = nil, deadline: Day? = nil,
        measure: String? = nil, funds: Double? = nil, rechecker: String? = nil, by: String,
        deadlineDaysByGrade: [String: Int] = [:], evidence: [String] = []
    ) throws -> RectificationItem {
        try addIssue(
            patrolID: patrolID, foundOn: foundOn, finder: finder, location: location, description: description,
            category: category, grade: grade, department: department, responsible: responsible, deadline: deadline,
            measure: measure, funds: funds, rechecker: rechecker, by: by, deadlineDaysByGrade: deadlineDaysByGrade,
            evidence: evidence)
    }

    /// The items, optionally filtered.
    public func items(
        status: RectificationStatus? = nil, overdueOn: Day? = nil, source: RectificationSource? = nil
    ) throws -> [RectificationItem] {
        try items(status: status, overdueOn: overdueOn, source: source)
    }

    /// The events about an item, or every event.
    public func events(itemID: Int64? = nil) throws -> [LedgerEvent] {
        try events(itemID: itemID)
    }

    /// Every item as the 台账 CSV for Excel (see `Ledger.csv(_:today:language:)`), ordered by id, overdue
    /// as of `today`, headed by the chain head.
    public func exportCSV(today: Day, language: Language) throws -> String {
        Ledger.csv(try exportSnapshot(), today: today, language: language)
    }

    /// Every item as JSON with the chain head (see `Ledger.json(_:today:language:)`), overdue as of `today`.
    public func exportJSON(today: Day, language: Language) throws -> String {
        Ledger.json(try exportSnapshot(), today: today, language: language)
    }
}

/// The ledger's rules over a SQLite file or a PostgreSQL server.
extension Ledger: LedgerStore {}

/// Opening the ledger a front end names.
public enum LedgerStores {
    /// Opens the ledger at `location`: a PostgreSQL URL (`postgresql://…`) or a SQLite file path; created
    /// when `create` and missing, while reading never creates one.
    public static func open(_ location: String, create: Bool) throws -> any LedgerStore {
        try open(location, enterprise: nil, create: create)
    }

    /// Opens one enterprise's ledger (by 统一社会信用代码) in a shared PostgreSQL store, or the default
    /// ledger when `enterprise` is nil. A SQLite file is one enterprise's ledger: it takes no code.
    public static func open(_ location: String, enterprise: String?, create: Bool) throws -> any LedgerStore {
        if let enterprise {
            guard PostgresURL.isPostgres(location) else {
                throw LedgerError.invalidArgument(LocalizedText(.federation(.enterpriseNeedsSharedStore)))
            }
            return try Federation(url: try PostgresURL(parsing: location)).ledger(creditCode: enterprise)
        }
        return try Ledger.open(location, create: create)
    }
}

extension Ledger {
    /// The ledger a location names by itself: the SQLite file, or a PostgreSQL URL's own schema (not one of
    /// its enterprises'), where the accounts of `hegui serve` live.
    public static func open(_ location: String, create: Bool, clock: @escaping @Sendable () -> Date = { Date() }) throws -> Ledger {
        if PostgresURL.isPostgres(location) {
            return try Ledger(postgres: try PostgresURL(parsing: location), create: create, clock: clock)
        }
        return try Ledger(path: location, create: create, clock: clock)
    }
}
