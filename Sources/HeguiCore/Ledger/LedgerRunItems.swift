import Foundation
import GRDB

extension Ledger {
    // MARK: - Internals

    /// The indicator or veto a run found failing.
    struct Failure {
        var pack: String
        var indicator: String
        var grade: String
        var defaults: RectificationDefaults?
    }

    /// What a run's failure opens: the indicator-level item (no group key) or one offender's item.
    struct Opening {
        var failure: Failure
        var groupKey: String?
        var description: String
    }

    /// One offender a failure names, with what its checks said about it.
    struct OffenderGroup: Hashable {
        var key: String
        var notes: [String]
        /// The ledger item the offender is, when the failing records were read from this ledger.
        var ledgerItem: Int64? = nil
    }

    /// Counts of what a run did.
    struct RunTally {
        var runID: Int64
        var period: Period
        var today: Day
        /// `pack` U+001F `indicator` of every check item not closed (read once, kept as items open), so a
        /// passing indicator without any asks the store nothing.
        var withOpenItems: Set<String>
        var opened = 0
        var reopened = 0
        var closed = 0
        var linked = 0
        var itemIDs: Set<Int64> = []

        static func key(_ pack: String, _ indicator: String) -> String { pack + "\u{1F}" + indicator }
    }

    /// The indicators with check items not closed, as `RunTally.withOpenItems` keeps them.
    static func indicatorsWithOpenItems(_ db: any LedgerSQL) throws -> Set<String> {
        let rows = try db.rows(
            "SELECT DISTINCT pack, indicator FROM rectification_items WHERE source = 'check' AND status IN \(openStatuses)", [])
        return Set(
            rows.map { row in
                let values = row.grdbRow
                return RunTally.key(values["pack"] ?? "", values["indicator"] ?? "")
            })
    }

    /// The not-closed statuses a run may move on.
    static let openStatuses = "('open', 'in-progress', 'submitted', 'rejected')"

    /// Records a failure: one item per offender when `groups` names them all, else one indicator-level
    /// item; items of the same period that this failure no longer names are closed (an offender fixed)
    /// or superseded (the failure changed shape), so a failure never shows twice.
    func fail(
        _ db: any LedgerSQL, _ failure: Failure, summary: String, groups: [OffenderGroup]?,
        describe: (OffenderGroup) -> String, tally: inout RunTally
    ) throws {
        // Offenders that are items of this ledger: the failure is that item's problem, not a new one.
        var linkedTo: [String: Int64] = [:]
        if let groups {
            for group in groups {
                if let itemID = group.ledgerItem, try link(db, failure, itemID: itemID, tally: &tally) {
                    linkedTo[group.key] = itemID
                    continue
                }
                try open(db, Opening(failure: failure, groupKey: group.key, description: describe(group)), tally: &tally)
            }
        } else {
            try open(db, Opening(failure: failure, groupKey: nil, description: summary), tally: &tally)
        }
        let named = Set(groups?.map(\.key) ?? [])
        let rows = try ItemRow.fetchAll(
            db,
            sql: """
                SELECT * FROM rectification_items
                WHERE source = 'check' AND pack = ? AND indicator = ? AND period = ? AND status IN \(Self.openStatuses)
                ORDER BY id
                """,
            arguments: [failure.pack, failure.indicator, tally.period.label])
        for row in rows {
            switch (groups != nil, row.groupKey) {
            case (true, nil):
                try supersede(db, row, note: "run \(tally.runID): superseded by per-offender items", tally: &tally)
            case (false, _?):
                try supersede(db, row, note: "run \(tally.runID): superseded by an indicator-level item", tally: &tally)
            case (true, let key?) where linkedTo[key] != nil:
                // An item an earlier run opened for what is another ledger item's problem.
                try supersede(
                    db, row, note: "run \(tally.runID): the same problem as item \(linkedTo[key] ?? 0)", tally: &tally)
            case (true, let key?) where !named.contains(key):
                try checkPass(
                    db, row, requiresSignOff: failure.defaults?.requiresSignOff ?? row.requiresSignOff,
                    note: "run \(tally.runID): \(key) no longer fails \(failure.indicator) for \(tally.period.label)",
                    tally: &tally)
            default:
                break
            }
        }
    }

    /// Links a failure to the ledger item it is about (a patrol issue failing AK08): the item is tied to
    /// the indicator with a `link` event the first time; false when there is no such item to link to.
    func link(_ db: any LedgerSQL, _ failure: Failure, itemID: Int64, tally: inout RunTally) throws -> Bool {
        guard var row = try ItemRow.fetchOne(db, key: itemID), row.source == RectificationSource.patrol.rawValue else {
            return false
        }
        tally.linked += 1
        tally.itemIDs.insert(itemID)
        guard row.pack != failure.pack || row.indicator != failure.indicator else { return true }
        let status = try row.item().status
        row.pack = failure.pack
        row.indicator = failure.indicator
        try row.update(db)
        try appendEvent(
            db, runID: tally.runID, itemID: itemID, actor: Lifecycle.checkActor, action: "link", from: status, to: status,
            note: "run \(tally.runID): \(failure.indicator) fails for \(tally.period.label) because of this item; "
                + "linked here instead of opening a second item",
            detail: "pack=\(failure.pack); indicator=\(failure.indicator)")
        return true
    }

    /// Opens the item for a failure (or one offender of it), or reopens it when it was closed; a still-open
    /// item is left as it is.
    func open(_ db: any LedgerSQL, _ opening: Opening, tally: inout RunTally) throws {
        let failure = opening.failure
        // One item per indicator, group and period (the group key is empty for an indicator-level item).
        let existing = try ItemRow.fetchOne(
            db,
            sql: """
                SELECT * FROM rectification_items
                WHERE source = 'check' AND pack = ? AND indicator = ? AND group_key IS NOT DISTINCT FROM ? AND period = ?
                """,
            arguments: [failure.pack, failure.indicator, opening.groupKey, tally.period.label])
        if var row = existing {
            let before = try row.item()
            guard let after = Lifecycle.checkFailed(before, on: tally.today, deadlineDays: failure.defaults?.deadlineDays ?? 30)
            else { return }
            row.update(from: after)
            try row.update(db)
            try appendEvent(
                db, runID: tally.runID, itemID: before.id, actor: Lifecycle.checkActor, action: "reopen", from: before.status,
                to: after.status, note: "run \(tally.runID) failed again: \(opening.description)")
            tally.reopened += 1
            tally.itemIDs.insert(before.id)
            tally.withOpenItems.insert(RunTally.key(failure.pack, failure.indicator))
            return
        }
        let item = RectificationItem(
            id: 0, source: .check, pack: failure.pack, indicator: failure.indicator, groupKey: opening.groupKey,
            period: tally.period.label, foundOn: tally.today, finder: Lifecycle.checkActor,
            description: opening.description, category: "指标", grade: failure.grade,
            department: failure.defaults?.department,
            deadline: tally.today.adding(days: failure.defaults?.deadlineDays ?? 30), status: .open)
        var row = ItemRow(
            item, id: nil, periodEnd: tally.period.end.description,
            requiresSignOff: failure.defaults?.requiresSignOff ?? false, createdAt: now())
        try row.insert(db)
        let group = opening.groupKey.map { "; group=\($0)" } ?? ""
        try appendEvent(
            db, runID: tally.runID, itemID: row.id, actor: Lifecycle.checkActor, action: "create", to: .open, note: opening.description,
            detail: "run=\(tally.runID); pack=\(failure.pack); indicator=\(failure.indicator)\(group); "
                + "period=\(tally.period.label)")
        tally.opened += 1
        tally.itemIDs.insert(row.id!)
        tally.withOpenItems.insert(RunTally.key(failure.pack, failure.indicator))
    }

    /// Moves the not-closed items of a passing indicator (every group, this period or earlier) to
    /// check-passed or verified.
    func close(
        _ db: any LedgerSQL, pack: String, indicator: String, defaults: RectificationDefaults?, tally: inout RunTally
    ) throws {
        guard tally.withOpenItems.contains(RunTally.key(pack, indicator)) else { return }
        let rows = try ItemRow.fetchAll(
            db,
            sql: """
                SELECT * FROM rectification_items
                WHERE source = 'check' AND pack = ? AND indicator = ? AND period_end <= ?
                  AND status IN \(Self.openStatuses)
                ORDER BY id
                """,
            arguments: [pack, indicator, tally.period.end.description])
        for row in rows {
            try checkPass(
                db, row, requiresSignOff: defaults?.requiresSignOff ?? row.requiresSignOff,
                note: "run \(tally.runID) passed \(indicator) for \(tally.period.label)", tally: &tally)
        }
    }

    /// Moves one item to check-passed or verified, as a passing check does.
    func checkPass(
        _ db: any LedgerSQL, _ row: ItemRow, requiresSignOff: Bool, note: String, tally: inout RunTally
    ) throws {
        var row = row
        let before = try row.item()
        guard let after = Lifecycle.checkPassed(before, requiresSignOff: requiresSignOff, on: tally.today) else {
            return
        }
        row.update(from: after)
        try row.update(db)
        try appendEvent(
            db, runID: tally.runID, itemID: before.id, actor: Lifecycle.checkActor, action: "check-pass", from: before.status,
            to: after.status, note: note)
        tally.closed += 1
        tally.itemIDs.insert(before.id)
    }

    /// Strikes off an item whose failure a run now records in another shape.
    func supersede(_ db: any LedgerSQL, _ row: ItemRow, note: String, tally: inout RunTally) throws {
        var row = row
        let before = try row.item()
        guard let after = Lifecycle.superseded(before, on: tally.today) else { return }
        row.update(from: after)
        try row.update(db)
        try appendEvent(
            db, runID: tally.runID, itemID: before.id, actor: Lifecycle.checkActor, action: "supersede", from: before.status,
            to: after.status, note: note)
        tally.closed += 1
        tally.itemIDs.insert(before.id)
    }
}
