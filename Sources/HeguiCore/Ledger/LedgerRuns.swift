import Foundation
import GRDB

extension Ledger {
    /// Stores a run and its findings, opens an item per failed indicator or fired veto (once per pack,
    /// indicator, group and period), reopens closed items that fail again, and closes items that now pass.
    public func recordRun(_ assessment: Assessment, packs: [RulePack], ranAt: Date, today: Day) throws -> RunOutcome {
        let scores = assessment.packs.map {
            RunSummary.PackScore(
                pack: $0.pack, version: $0.version, score: $0.score, maxScore: $0.maxScore, grade: $0.grade.id,
                passed: $0.passed)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let packsJSON = String(decoding: try encoder.encode(scores), as: UTF8.self)
        let inputsJSON = String(decoding: try encoder.encode(assessment.inputs), as: UTF8.self)
        let period = assessment.period

        return try write { db in
            var run = RunRow(
                id: nil, ranAt: AuditChain.timestamp(ranAt), period: period.label,
                periodStart: period.start.description, periodEnd: period.end.description, packs: packsJSON,
                inputs: inputsJSON, lastEventId: nil)
            try run.insert(db)
            let runID = run.id!
            for pack in assessment.packs {
                for finding in pack.findings {
                    var row = RunFindingRow(
                        id: nil, runId: runID, pack: pack.pack, indicator: finding.id, kind: "indicator",
                        outcome: finding.outcome.rawValue, awarded: finding.awarded, points: finding.points)
                    try row.insert(db)
                }
                for veto in pack.vetoes {
                    let outcome: Outcome = veto.fired ? .fail : (veto.hasError ? .error : .pass)
                    var row = RunFindingRow(
                        id: nil, runId: runID, pack: pack.pack, indicator: veto.id, kind: "veto",
                        outcome: outcome.rawValue, awarded: 0, points: 0)
                    try row.insert(db)
                }
            }
            try appendEvent(
                db, itemID: nil, actor: Lifecycle.checkActor, action: "record-run",
                note: "run \(runID): \(period.label); "
                    + scores.map { "\($0.pack) \($0.version) \(formatNumber($0.score))/\(formatNumber($0.maxScore))" }
                    .joined(separator: ", "))

            var tally = RunTally(runID: runID, period: period, today: today)
            for pack in assessment.packs {
                let rulePack = packs.first { $0.id == pack.pack }
                for finding in pack.findings {
                    let indicator = rulePack?.indicators.first { $0.id == finding.id }
                    let requirement = indicator?.requirement.zhCN
                    let failure = Failure(
                        pack: pack.pack, indicator: finding.id, grade: "一般", defaults: indicator?.rectification)
                    switch finding.outcome {
                    case .fail, .error, .unattested:
                        let groups = finding.outcome == .fail ? Self.offenderGroups(finding.checks) : nil
                        try fail(
                            db, failure, summary: Self.describe(finding, requirement: requirement), groups: groups,
                            describe: { Self.describe(finding, requirement: requirement, offender: $0) }, tally: &tally)
                    case .pass:
                        try close(db, pack: pack.pack, indicator: finding.id, defaults: failure.defaults, tally: &tally)
                    case .notApplicable, .waived:
                        break
                    }
                }
                for veto in pack.vetoes {
                    let rule = rulePack?.vetoes.first { $0.id == veto.id }
                    let requirement = rule?.requirement.zhCN
                    let failure = Failure(pack: pack.pack, indicator: veto.id, grade: "重大", defaults: rule?.rectification)
                    if veto.fired {
                        try fail(
                            db, failure, summary: Self.describe(veto, requirement: requirement),
                            groups: Self.offenderGroups(veto.checks),
                            describe: { Self.describe(veto, requirement: requirement, offender: $0) }, tally: &tally)
                    } else if !veto.hasError {
                        try close(db, pack: pack.pack, indicator: veto.id, defaults: failure.defaults, tally: &tally)
                    }
                }
            }
            run.lastEventId = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM events")
            try run.update(db)
            return RunOutcome(
                runID: runID, opened: tally.opened, reopened: tally.reopened, closed: tally.closed,
                itemIDs: tally.itemIDs.sorted())
        }
    }

    /// Every stored run, in id order.
    public func runs() throws -> [RunSummary] {
        try pool.read { db in try RunRow.fetchAll(db, sql: "SELECT * FROM runs ORDER BY id") }.map { try $0.summary() }
    }

    /// What changed from one run to another: outcomes, and items opened, reopened or struck off in between.
    public func diff(from: Int64, to: Int64) throws -> RunDiff {
        try pool.read { db in
            guard let a = try RunRow.fetchOne(db, key: from) else { throw LedgerError.runNotFound(from) }
            guard let b = try RunRow.fetchOne(db, key: to) else { throw LedgerError.runNotFound(to) }
            func outcomes(_ run: Int64) throws -> [String: (pack: String, indicator: String, outcome: Outcome?)] {
                var result: [String: (pack: String, indicator: String, outcome: Outcome?)] = [:]
                for row in try RunFindingRow.fetchAll(db, sql: "SELECT * FROM run_findings WHERE run_id = ?", arguments: [run]) {
                    result[row.pack + "\u{1F}" + row.indicator] = (row.pack, row.indicator, Outcome(rawValue: row.outcome))
                }
                return result
            }
            let before = try outcomes(from)
            let after = try outcomes(to)
            var changes: [RunDiff.Change] = []
            for key in Set(before.keys).union(after.keys) {
                let x = before[key]
                let y = after[key]
                if x?.outcome != y?.outcome || (x == nil) != (y == nil) {
                    let id = x ?? y!
                    changes.append(RunDiff.Change(pack: id.pack, indicator: id.indicator, before: x?.outcome, after: y?.outcome))
                }
            }
            changes.sort { ($0.pack, $0.indicator) < ($1.pack, $1.indicator) }
            let bounds = [a.lastEventId ?? 0, b.lastEventId ?? 0].sorted()
            // Items as the later run left them: with the status their last event up to it set, not today's.
            func items(_ condition: String) throws -> [RectificationItem] {
                try ItemRow.fetchAll(
                    db,
                    sql: """
                        SELECT * FROM rectification_items WHERE id IN (
                            SELECT item_id FROM events WHERE id > ? AND id <= ? AND item_id IS NOT NULL AND \(condition))
                        ORDER BY id
                        """,
                    arguments: [bounds[0], bounds[1]]
                ).map { row in
                    var item = try row.item()
                    let then = try String.fetchOne(
                        db,
                        sql: """
                            SELECT to_status FROM events WHERE item_id = ? AND to_status IS NOT NULL AND id <= ?
                            ORDER BY id DESC LIMIT 1
                            """,
                        arguments: [item.id, bounds[1]])
                    if let status = then.flatMap(RectificationStatus.init(rawValue:)) { item.status = status }
                    return item
                }
            }
            let opened = try items("action = 'create'")
            let created = Set(opened.map(\.id))
            let reopened = try items("action = 'reopen'").filter { !created.contains($0.id) }
            // One struck off and reopened again within the span is not listed as struck off.
            let closed = try items("to_status = 'verified'").filter { $0.status == .verified }
            return RunDiff(from: from, to: to, changes: changes, opened: opened, reopened: reopened, closed: closed)
        }
    }

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
    }

    /// Counts of what a run did.
    struct RunTally {
        var runID: Int64
        var period: Period
        var today: Day
        var opened = 0
        var reopened = 0
        var closed = 0
        var itemIDs: Set<Int64> = []
    }

    /// The not-closed statuses a run may move on.
    static let openStatuses = "('open', 'in-progress', 'submitted', 'rejected')"

    /// Records a failure: one item per offender when `groups` names them all, else one indicator-level
    /// item; items of the same period that this failure no longer names are closed (an offender fixed)
    /// or superseded (the failure changed shape), so a failure never shows twice.
    private func fail(
        _ db: Database, _ failure: Failure, summary: String, groups: [OffenderGroup]?,
        describe: (OffenderGroup) -> String, tally: inout RunTally
    ) throws {
        if let groups {
            for group in groups {
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

    /// Opens the item for a failure (or one offender of it), or reopens it when it was closed; a still-open
    /// item is left as it is.
    private func open(_ db: Database, _ opening: Opening, tally: inout RunTally) throws {
        let failure = opening.failure
        // One item per indicator, group and period (the group key is empty for an indicator-level item).
        let existing = try ItemRow.fetchOne(
            db,
            sql: """
                SELECT * FROM rectification_items
                WHERE source = 'check' AND pack = ? AND indicator = ? AND group_key IS ? AND period = ?
                """,
            arguments: [failure.pack, failure.indicator, opening.groupKey, tally.period.label])
        if var row = existing {
            let before = try row.item()
            guard let after = Lifecycle.checkFailed(before) else { return }
            row.update(from: after)
            try row.update(db)
            try appendEvent(
                db, itemID: before.id, actor: Lifecycle.checkActor, action: "reopen", from: before.status,
                to: after.status, note: "run \(tally.runID) failed again: \(opening.description)")
            tally.reopened += 1
            tally.itemIDs.insert(before.id)
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
            db, itemID: row.id, actor: Lifecycle.checkActor, action: "create", to: .open, note: opening.description,
            detail: "run=\(tally.runID); pack=\(failure.pack); indicator=\(failure.indicator)\(group); "
                + "period=\(tally.period.label)")
        tally.opened += 1
        tally.itemIDs.insert(row.id!)
    }

    /// Moves the not-closed items of a passing indicator (every group, this period or earlier) to
    /// check-passed or verified.
    private func close(
        _ db: Database, pack: String, indicator: String, defaults: RectificationDefaults?, tally: inout RunTally
    ) throws {
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
    private func checkPass(
        _ db: Database, _ row: ItemRow, requiresSignOff: Bool, note: String, tally: inout RunTally
    ) throws {
        var row = row
        let before = try row.item()
        guard let after = Lifecycle.checkPassed(before, requiresSignOff: requiresSignOff, on: tally.today) else {
            return
        }
        row.update(from: after)
        try row.update(db)
        try appendEvent(
            db, itemID: before.id, actor: Lifecycle.checkActor, action: "check-pass", from: before.status,
            to: after.status, note: note)
        tally.closed += 1
        tally.itemIDs.insert(before.id)
    }

    /// Strikes off an item whose failure a run now records in another shape.
    private func supersede(_ db: Database, _ row: ItemRow, note: String, tally: inout RunTally) throws {
        var row = row
        let before = try row.item()
        guard let after = Lifecycle.superseded(before, on: tally.today) else { return }
        row.update(from: after)
        try row.update(db)
        try appendEvent(
            db, itemID: before.id, actor: Lifecycle.checkActor, action: "supersede", from: before.status,
            to: after.status, note: note)
        tally.closed += 1
        tally.itemIDs.insert(before.id)
    }

    /// The most offenders a failure opens one item each for; beyond it, one indicator-level item.
    static let offenderLimit = 50

    /// How many offender keys a description names before `等 N 项`.
    static let offendersShown = 5

    /// `指标名：要求；涉及 N 项：k1、k2、… 等` in plain words (the rule's requirement, not its formula),
    /// Chinese because the ledger is kept in Chinese; without a requirement, the name and offenders only.
    static func describe(_ finding: Finding, requirement: String?) -> String {
        var text = finding.title.zhCN + plain(requirement)
        if let check = finding.primaryCheck { text += dataError(check) + offenders(check) }
        if finding.outcome == .unattested { text += "（未佐证）" }
        return text
    }

    /// The veto's name, its requirement and its fired check's offenders.
    static func describe(_ veto: VetoResult, requirement: String?) -> String {
        var text = "否决项 " + veto.title.zhCN + plain(requirement)
        if let check = veto.checks.first(where: { $0.outcome == .fail }) { text += offenders(check) }
        return text
    }

    /// `指标名：要求；涉及：E0001 2019-05（37，要求 ≤ 36）`: one offender of a failure.
    static func describe(_ finding: Finding, requirement: String?, offender: OffenderGroup) -> String {
        finding.title.zhCN + plain(requirement) + offenderText(offender)
    }

    /// `否决项 名称：要求；涉及：key（…）`: one offender of a fired veto.
    static func describe(_ veto: VetoResult, requirement: String?, offender: OffenderGroup) -> String {
        "否决项 " + veto.title.zhCN + plain(requirement) + offenderText(offender)
    }

    /// `；涉及：key（note；note）`, each note without the key it repeats.
    static func offenderText(_ offender: OffenderGroup) -> String {
        "；涉及：" + offender.key + (offender.notes.isEmpty ? "" : "（" + offender.notes.joined(separator: "；") + "）")
    }

    /// The offenders a failure names, in check and evidence order, when it names every one of them: its
    /// failing checks all count offenders (per record, group or bucket), each lists all of its offenders,
    /// and there are at most `offenderLimit`. Nil for a measure (a rate, a sum), an error, a failure with
    /// more offenders than its evidence shows, or one naming none.
    static func offenderGroups(_ checks: [CheckResult]) -> [OffenderGroup]? {
        let failing = checks.filter { [.fail, .error, .unattested].contains($0.outcome) }
        guard !failing.isEmpty else { return nil }
        var groups: [OffenderGroup] = []
        var index: [String: Int] = [:]
        for check in failing {
            guard check.outcome == .fail, check.unit == .offenders, check.evidence.count == check.evidenceTotal,
                check.evidenceTotal <= offenderLimit
            else { return nil }
            for evidence in check.evidence {
                // An empty key would share the indicator-level item's slot in the unique index.
                guard !evidence.key.isEmpty else { return nil }
                let i = index[evidence.key] ?? groups.count
                if i == groups.count {
                    index[evidence.key] = i
                    groups.append(OffenderGroup(key: evidence.key, notes: []))
                }
                guard var note = evidence.note?.zhCN.trimmingCharacters(in: .whitespacesAndNewlines), !note.isEmpty
                else { continue }
                for prefix in [evidence.key + "：", evidence.key + ": ", evidence.key + ":"] where note.hasPrefix(prefix) {
                    note = String(note.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
                    break
                }
                if !note.isEmpty, !groups[i].notes.contains(note) { groups[i].notes.append(note) }
            }
        }
        guard !groups.isEmpty, groups.count <= offenderLimit else { return nil }
        return groups
    }

    /// `：要求` when there is one.
    static func plain(_ requirement: String?) -> String {
        guard let requirement = requirement?.trimmingCharacters(in: .whitespacesAndNewlines), !requirement.isEmpty
        else { return "" }
        return "：" + requirement
    }

    /// `（数据错误：…）` for a check that could not be evaluated.
    static func dataError(_ check: CheckResult) -> String {
        guard check.outcome == .error, let message = check.message else { return "" }
        return "（数据错误：\(message.zhCN)）"
    }

    /// `；涉及 N 项：k1、k2、… 等`: the first offender keys and their count.
    static func offenders(_ check: CheckResult) -> String {
        guard !check.evidence.isEmpty else { return "" }
        let keys = check.evidence.prefix(offendersShown).map(\.key).joined(separator: "、")
        let total = max(check.evidenceTotal, check.evidence.count)
        return "；涉及 \(total) 项：\(keys)" + (total > offendersShown ? " 等" : "")
    }
}
