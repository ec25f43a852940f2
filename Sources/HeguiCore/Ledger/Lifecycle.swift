import Foundation
import HeguiBase

/// A person's action on a rectification item.
public enum RectificationAction: String, Hashable, Sendable, Codable, CaseIterable {
    /// Set department, responsible person, deadline or re-checker; status unchanged.
    case assign
    /// Begin (or resume) the fix.
    case start
    /// Claim the fix is done, with evidence.
    case submit
    /// Re-check and strike off (also the sign-off of a check-passed item).
    case verify
    /// Re-check refuses the fix.
    case reject
    /// A worker representative contests a fix or closure; needs a statement.
    case dispute
    /// A struck-off item turns out not fixed after all.
    case reopen
}

/// New values for the 六定 fields that `assign` sets; nil leaves a field as it is.
public struct Assignment: Hashable, Sendable, Codable {
    /// The responsible department.
    public var department: String?
    /// The responsible person.
    public var responsible: String?
    /// The deadline.
    public var deadline: Day?
    /// The planned re-checker.
    public var rechecker: String?

    /// Creates an assignment.
    public init(department: String? = nil, responsible: String? = nil, deadline: Day? = nil, rechecker: String? = nil) {
        self.department = department
        self.responsible = responsible
        self.deadline = deadline
        self.rechecker = rechecker
    }

    /// Whether nothing would change.
    public var isEmpty: Bool { department == nil && responsible == nil && deadline == nil && rechecker == nil }

    /// `department=…; deadline=…` for the audit log, fields in a fixed order.
    public var summary: String {
        var parts: [String] = []
        if let department { parts.append("department=\(department)") }
        if let responsible { parts.append("responsible=\(responsible)") }
        if let deadline { parts.append("deadline=\(deadline)") }
        if let rechecker { parts.append("rechecker=\(rechecker)") }
        return parts.joined(separator: "; ")
    }
}

/// One action with who does it and what comes with it.
public struct RectificationCommand: Hashable, Sendable {
    /// The action.
    public var action: RectificationAction
    /// Who acts.
    public var by: String
    /// A note (the statement, for a dispute).
    public var note: String?
    /// Evidence paths, for submit.
    public var evidence: [String]
    /// The fields to set, for assign.
    public var assignment: Assignment
    /// The packs' deadline days by grade, for the fresh deadline a reopened item gets (the built-in
    /// days for a grade they do not name).
    public var deadlineDaysByGrade: [String: Int]

    /// Creates a command.
    public init(
        _ action: RectificationAction, by: String, note: String? = nil, evidence: [String] = [],
        assignment: Assignment = Assignment(), deadlineDaysByGrade: [String: Int] = [:]
    ) {
        self.action = action
        self.by = by
        self.note = note
        self.evidence = evidence
        self.assignment = assignment
        self.deadlineDaysByGrade = deadlineDaysByGrade
    }
}

/// The 整改 state machine: pure functions over `RectificationItem`, no storage.
public enum Lifecycle {
    /// The actor name used for changes made by check runs.
    public static let checkActor = "hegui check"

    /// The status an action leads to from a status, or nil when the move is illegal (assign keeps the status).
    ///
    /// An item from a check is struck off by the data, not by hand: a later passing run moves it to
    /// check-passed (or verified), so `verify` of a `check` item is legal only from check-passed.
    public static func target(
        of action: RectificationAction, from status: RectificationStatus, source: RectificationSource
    ) -> RectificationStatus? {
        switch (status, action) {
        case (.checkPassed, .verify): .verified
        case (.submitted, .verify), (.disputed, .verify): source == .check ? nil : .verified
        case (.open, .start), (.rejected, .start), (.disputed, .start): .inProgress
        case (.inProgress, .submit): .submitted
        case (.submitted, .reject): .rejected
        case (.submitted, .dispute), (.checkPassed, .dispute), (.verified, .dispute): .disputed
        case (.verified, .reopen): .open
        case (_, .assign) where status != .verified: status
        default: nil
        }
    }

    /// The actions allowed from a status for an item of a source: moves first, then assign (the order
    /// shown in refusals).
    public static func allowedActions(
        from status: RectificationStatus, source: RectificationSource
    ) -> [RectificationAction] {
        let moves = RectificationAction.allCases.filter {
            $0 != .assign && target(of: $0, from: status, source: source) != nil
        }
        return moves + (target(of: .assign, from: status, source: source) != nil ? [.assign] : [])
    }

    /// Applies a command to an item on a day, or throws why it is refused. `disputers` are the people
    /// who disputed the item (from its events): none of them may strike it off.
    public static func apply(
        _ command: RectificationCommand, to item: RectificationItem, on today: Day, disputers: Set<String> = []
    ) throws(LedgerError) -> RectificationItem {
        let actor = command.by.trimmingCharacters(in: .whitespaces)
        guard !actor.isEmpty else {
            throw .invalidArgument(Message.ledger(.actorRequired).text)
        }
        guard let next = target(of: command.action, from: item.status, source: item.source) else {
            let allowed = allowedActions(from: item.status, source: item.source)
            // Verify would be legal by hand for a patrol item: say why a check item waits for a run.
            if command.action == .verify, item.source == .check,
                target(of: .verify, from: item.status, source: .patrol) != nil
            {
                throw .strikeOffByCheckRun(
                    item: item.id, indicator: item.indicator ?? "?", status: item.status, allowed: allowed)
            }
            throw .illegalMove(item: item.id, status: item.status, action: command.action, allowed: allowed)
        }
        let note = command.note?.trimmingCharacters(in: .whitespacesAndNewlines)
        // A change made while the item is overdue marks it for good, before any deadline moves.
        var result = item.markingMissedDeadline(on: today)
        result.status = next
        switch command.action {
        case .assign:
            guard !command.assignment.isEmpty else {
                throw .invalidArgument(Message.ledger(.assignNeedsAField).text)
            }
            let a = command.assignment
            if let deadline = a.deadline, deadline != item.deadline {
                // A deadline moved without a word, or to before the problem was found, would let an
                // overdue item quietly stop being overdue.
                guard let note, !note.isEmpty else { throw .noteRequired(item: item.id, action: .assign) }
                guard deadline >= item.foundOn else {
                    throw .deadlineBeforeFound(item: item.id, deadline: deadline, foundOn: item.foundOn)
                }
            }
            if let v = a.department { result.department = v }
            if let v = a.responsible { result.responsible = v }
            if let v = a.deadline { result.deadline = v }
            if let v = a.rechecker { result.rechecker = v }
        case .start:
            break
        case .submit:
            // A claimed fix must show something for the re-checker to look at.
            guard !command.evidence.isEmpty || !(note ?? "").isEmpty else {
                throw .evidenceRequired(item: item.id)
            }
            result.submittedBy = actor
            result.evidence += command.evidence
        case .verify:
            // Four eyes: whoever claimed the fix cannot strike it off.
            if let submitter = item.submittedBy, submitter == actor {
                throw .verifierIsSubmitter(item: item.id, actor: actor)
            }
            if let rule = independenceRuleBroken(by: actor, on: item, disputers: disputers) {
                throw .notIndependent(item: item.id, actor: actor, rule: rule)
            }
            result.verifiedBy = actor
            result.verifiedOn = today
        case .reject:
            break
        case .dispute:
            guard let note, !note.isEmpty else { throw .noteRequired(item: item.id, action: .dispute) }
            result.verifiedBy = nil
            result.verifiedOn = nil
        case .reopen:
            result.submittedBy = nil
            result.verifiedBy = nil
            result.verifiedOn = nil
            // The work starts again: a fresh deadline, as the pack gives one to a new issue of the grade.
            let days = command.deadlineDaysByGrade[item.grade] ?? Ledger.defaultDeadlineDaysByGrade[item.grade] ?? 30
            result.deadline = today.adding(days: days)
        }
        return result
    }

    /// The first independence rule a strike-off by `actor` would break, or nil: the verifier is not the
    /// program, not the responsible department or person, the planned re-checker when one is set,
    /// and not someone who disputed the item.
    public static func independenceRuleBroken(
        by actor: String, on item: RectificationItem, disputers: Set<String>
    ) -> IndependenceRule? {
        func same(_ a: String?, _ b: String) -> Bool {
            guard let a = a?.trimmingCharacters(in: .whitespaces), !a.isEmpty else { return false }
            return a.lowercased() == b.lowercased()
        }
        if same(checkActor, actor) || actor.lowercased().hasPrefix("hegui") { return .notTheProgram }
        if same(item.department, actor) { return .notTheResponsibleDepartment(item.department ?? "") }
        if same(item.responsible, actor) { return .notTheResponsiblePerson(item.responsible ?? "") }
        if let rechecker = item.rechecker?.trimmingCharacters(in: .whitespaces), !rechecker.isEmpty, !same(rechecker, actor) {
            return .onlyThePlannedRechecker(rechecker)
        }
        if disputers.contains(where: { same($0, actor) }) { return .notTheDisputer }
        return nil
    }

    /// What a passing check run does to an item: not-closed, undisputed items move to check-passed
    /// (when a sign-off is required) or verified; nil when nothing changes.
    public static func checkPassed(_ item: RectificationItem, requiresSignOff: Bool, on today: Day) -> RectificationItem? {
        switch item.status {
        case .open, .inProgress, .submitted, .rejected:
            var result = item.markingMissedDeadline(on: today)
            if requiresSignOff {
                result.status = .checkPassed
            } else {
                result.status = .verified
                result.verifiedBy = checkActor
                result.verifiedOn = today
            }
            return result
        // A dispute is a person's statement; a run does not overrule it. Closed items stay closed.
        case .disputed, .checkPassed, .verified:
            return nil
        }
    }

    /// What a run does to a not-closed item whose failure it now records in another shape (per offender
    /// instead of per indicator, or back): struck off by the check, no sign-off, since the failure lives
    /// on in the new items; nil for disputed and closed items.
    public static func superseded(_ item: RectificationItem, on today: Day) -> RectificationItem? {
        switch item.status {
        case .open, .inProgress, .submitted, .rejected:
            var result = item.markingMissedDeadline(on: today)
            result.status = .verified
            result.verifiedBy = checkActor
            result.verifiedOn = today
            return result
        case .disputed, .checkPassed, .verified:
            return nil
        }
    }

    /// What a failing check run does to an item: a check-passed or verified item reopens with a fresh
    /// deadline of `deadlineDays` from `today`; nil otherwise.
    public static func checkFailed(_ item: RectificationItem, on today: Day, deadlineDays: Int) -> RectificationItem? {
        guard item.status == .checkPassed || item.status == .verified else { return nil }
        var result = item.markingMissedDeadline(on: today)
        result.status = .open
        result.deadline = today.adding(days: deadlineDays)
        result.submittedBy = nil
        result.verifiedBy = nil
        result.verifiedOn = nil
        return result
    }
}

/// A rule that keeps the strike-off (销号) independent of the people and program it checks.
public enum IndependenceRule: Hashable, Sendable {
    /// A program cannot sign off: a person must.
    case notTheProgram
    /// The department responsible for the fix cannot sign it off.
    case notTheResponsibleDepartment(String)
    /// The person responsible for the fix cannot sign it off.
    case notTheResponsiblePerson(String)
    /// A planned re-checker (复查人) is the only one who may sign off.
    case onlyThePlannedRechecker(String)
    /// Whoever disputed the item cannot strike it off.
    case notTheDisputer

    /// The rule in both languages, as refusals name it.
    public var text: LocalizedText {
        switch self {
        case .notTheProgram: Message.ledger(.independence(.notTheProgram)).text
        case .notTheResponsibleDepartment(let department):
            Message.ledger(.independence(.notTheResponsibleDepartment(department: department))).text
        case .notTheResponsiblePerson(let person): Message.ledger(.independence(.notTheResponsiblePerson(person: person))).text
        case .onlyThePlannedRechecker(let rechecker):
            Message.ledger(.independence(.onlyThePlannedRechecker(rechecker: rechecker))).text
        case .notTheDisputer: Message.ledger(.independence(.notTheDisputer)).text
        }
    }
}
