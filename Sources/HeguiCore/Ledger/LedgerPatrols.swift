import Foundation
import GRDB
import HeguiBase

extension Ledger {
    /// The issue grades every ledger knows, with their default deadline days when a pack gives none.
    public static let defaultDeadlineDaysByGrade: [String: Int] = ["一般": 15, "重大": 90]

    /// Records a patrol and returns its id.
    public func addPatrol(date: Day, team: String, scope: String, leader: String? = nil, by: String) throws -> Int64 {
        let actor = try Self.actor(by)
        let team = team.trimmingCharacters(in: .whitespaces)
        let scope = scope.trimmingCharacters(in: .whitespaces)
        guard !team.isEmpty, !scope.isEmpty else {
            throw LedgerError.invalidArgument(
                Message.ledger(.patrolNeedsTeamAndScope).text)
        }
        return try write { db in
            var row = PatrolRow(id: nil, date: date.description, team: team, scope: scope, leader: leader, createdAt: now())
            try row.insert(db)
            let id = row.id!
            try appendEvent(
                db, itemID: nil, actor: actor, action: "add-patrol",
                note: "patrol \(id): \(date) \(team) — \(scope)" + (leader.map { " (\($0))" } ?? ""))
            return id
        }
    }

    /// Every patrol, in id order.
    public func patrols() throws -> [Patrol] {
        try database.read { db in try PatrolRow.fetchAll(db, sql: "SELECT * FROM patrols ORDER BY id") }.map { $0.patrol() }
    }

    /// Records an issue found on a patrol as an open item; the deadline defaults to the day found plus the
    /// grade's days (`deadlineDaysByGrade` over `defaultDeadlineDaysByGrade`) and may not be before it.
    @discardableResult
    public func addIssue(
        patrolID: Int64, foundOn: Day? = nil, finder: String? = nil, location: String? = nil, description: String,
        category: String, grade: String, department: String? = nil, responsible: String? = nil, deadline: Day? = nil,
        measure: String? = nil, funds: Double? = nil, rechecker: String? = nil, by: String,
        deadlineDaysByGrade: [String: Int] = [:], evidence: [String] = []
    ) throws -> RectificationItem {
        let actor = try Self.actor(by)
        let description = description.trimmingCharacters(in: .whitespacesAndNewlines)
        let category = category.trimmingCharacters(in: .whitespaces)
        guard !description.isEmpty, !category.isEmpty else {
            throw LedgerError.invalidArgument(
                Message.ledger(.issueNeedsDescription).text)
        }
        let days = Self.defaultDeadlineDaysByGrade.merging(deadlineDaysByGrade) { _, pack in pack }
        guard let gradeDays = days[grade] else {
            let known = days.keys.sorted().joined(separator: "|")
            throw LedgerError.invalidArgument(
                Message.ledger(.unknownGrade(grade: grade, known: known)).text)
        }
        if let funds, !(funds.isFinite && funds >= 0) {
            throw LedgerError.invalidArgument(Message.ledger(.fundsNegative).text)
        }
        return try write { db in
            guard let patrol = try PatrolRow.fetchOne(db, key: patrolID) else { throw LedgerError.patrolNotFound(patrolID) }
            let found = foundOn ?? Day(iso: patrol.date) ?? Day(ordinal: 0)
            if let deadline, deadline < found {
                throw LedgerError.invalidArgument(
                    Message.ledger(.deadlineFlagBeforeFound(deadline: deadline.description, found: found.description)).text)
            }
            var item = RectificationItem(
                id: 0, source: .patrol, patrolID: patrolID, foundOn: found, finder: finder ?? patrol.team,
                location: location, description: description, category: category, grade: grade, measure: measure,
                funds: funds, department: department, responsible: responsible,
                deadline: deadline ?? found.adding(days: gradeDays), rechecker: rechecker, status: .open,
                evidence: evidence)
            var row = ItemRow(item, id: nil, periodEnd: nil, requiresSignOff: false, createdAt: now())
            try row.insert(db)
            item.id = row.id!
            try appendEvent(
                db, itemID: item.id, actor: actor, action: "create", to: .open, note: description,
                detail: "patrol=\(patrolID); grade=\(grade); deadline=\(item.deadline)"
                    + (evidence.isEmpty ? "" : "; evidence=" + evidence.joined(separator: ", ")))
            return item
        }
    }
}
