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
            var findings: [RunFindingRow] = []
            for pack in assessment.packs {
                for finding in pack.findings {
                    findings.append(
                        RunFindingRow(
                            id: nil, runId: runID, pack: pack.pack, indicator: finding.id, kind: "indicator",
                            outcome: finding.outcome.rawValue, awarded: finding.awarded, points: finding.points))
                }
                for veto in pack.vetoes {
                    let outcome: Outcome = veto.fired ? .fail : (veto.hasError ? .error : .pass)
                    findings.append(
                        RunFindingRow(
                            id: nil, runId: runID, pack: pack.pack, indicator: veto.id, kind: "veto",
                            outcome: outcome.rawValue, awarded: 0, points: 0))
                }
            }
            try RunFindingRow.insertAll(findings, db)
            try appendEvent(
                db, runID: runID, itemID: nil, actor: Lifecycle.checkActor, action: "record-run",
                note: "run \(runID): \(period.label); "
                    + scores.map { "\($0.pack) \($0.version) \(formatNumber($0.score))/\(formatNumber($0.maxScore))" }
                    .joined(separator: ", "))

            var tally = RunTally(
                runID: runID, period: period, today: today, withOpenItems: try Self.indicatorsWithOpenItems(db))
            for pack in assessment.packs {
                let rulePack = packs.first { $0.id == pack.pack }
                for finding in pack.findings {
                    let indicator = rulePack?.indicators.first { $0.id == finding.id }
                    let requirement = indicator?.requirement.zhCN
                    let failure = Failure(
                        pack: pack.pack, indicator: finding.id, grade: "一般", defaults: indicator?.rectification)
                    switch finding.outcome {
                    case .fail, .error, .unattested:
                        let groups = finding.outcome == .fail ? Self.offenderGroups(finding.checks, ledgerPath: path) : nil
                        try fail(
                            db, failure, summary: Self.describe(finding, requirement: requirement), groups: groups,
                            describe: { Self.describe(finding, requirement: requirement, offender: $0) }, tally: &tally)
                    case .pass:
                        try close(db, pack: pack.pack, indicator: finding.id, defaults: failure.defaults, tally: &tally)
                    case .notApplicable, .waived, .notSelected:
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
                            groups: Self.offenderGroups(veto.checks, ledgerPath: path),
                            describe: { Self.describe(veto, requirement: requirement, offender: $0) }, tally: &tally)
                    } else if !veto.hasError {
                        try close(db, pack: pack.pack, indicator: veto.id, defaults: failure.defaults, tally: &tally)
                    }
                }
            }
            return RunOutcome(
                runID: runID, opened: tally.opened, reopened: tally.reopened, closed: tally.closed,
                itemIDs: tally.itemIDs.sorted(), linked: tally.linked)
        }
    }

    /// Every stored run, in id order.
    public func runs() throws -> [RunSummary] {
        try database.read { db in try RunRow.fetchAll(db, sql: "SELECT * FROM runs ORDER BY id") }.map { try $0.summary() }
    }

    /// What changed from one run to another: outcomes, and items opened, reopened or struck off in between.
    public func diff(from: Int64, to: Int64) throws -> RunDiff {
        try database.read { db in
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
}
