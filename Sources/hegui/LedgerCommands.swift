import Foundation
import HeguiCore

/// The flags every ledger command shares, as given on the command line.
struct LedgerOptions: Hashable, Sendable {
    /// `--ledger`: the SQLite file or PostgreSQL URL.
    var path: String
    /// `--enterprise`: one enterprise's ledger in a shared store.
    var enterprise: String?
    /// `--today`: the day for deadlines and overdue (nil: the real date).
    var today: String?
    /// `--lang`, already resolved against the locale.
    var language: Language

    /// Creates options.
    init(path: String = "hegui.sqlite", enterprise: String? = nil, today: String? = nil, language: Language = .zhCN) {
        self.path = path
        self.enterprise = enterprise
        self.today = today
        self.language = language
    }
}

/// The ledger commands behind `hegui inspect|rectify|ledger|history|diff`: each takes the parsed flags,
/// does one thing and returns what to print and the exit code.
enum LedgerCommands {
    /// The resolved context of one command.
    struct Context {
        var path: String
        var today: Day
        var language: Language

        /// A catalogue message in the command's language.
        func say(_ message: RectifyMessage) -> String { Message.rectify(message).text(language) }
    }

    /// Parses the shared options, opens the ledger and runs `body`; errors become exit codes 1 or 2.
    static func run(
        _ options: LedgerOptions, create: Bool, _ body: (any LedgerStore, Context) throws -> CommandResult
    ) -> CommandResult {
        let language = options.language
        do {
            let today = try options.today.map { try parseDay($0, flag: "--today") } ?? realToday()
            let context = Context(path: options.path, today: today, language: language)
            let ledger = try LedgerStores.open(options.path, enterprise: options.enterprise, create: create)
            return try body(ledger, context)
        } catch let error as LedgerError {
            return CommandResult(errors: "hegui: \(error.message.text(language))\n", exitCode: error.isRefusal ? 1 : 2)
        } catch {
            return CommandResult(errors: "hegui: \(error)\n", exitCode: 2)
        }
    }

    /// Today's date in the local time zone.
    static func realToday() -> Day {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? Day(ordinal: 0)
    }

    /// A `YYYY-MM-DD` flag value, or an invalid-argument error naming the flag.
    static func parseDay(_ text: String, flag: String) throws -> Day {
        guard let day = Day(iso: text) else {
            throw LedgerError.invalidArgument(Message.rectify(.flagNeedsDate(flag: flag, text: text)).text)
        }
        return day
    }

    // MARK: - inspect

    /// `hegui inspect add`: records a patrol.
    static func addPatrol(
        _ options: LedgerOptions, date: String, team: String, scope: String, leader: String?, by: String
    ) -> CommandResult {
        run(options, create: true) { ledger, c in
            let id = try ledger.addPatrol(
                date: try parseDay(date, flag: "--date"), team: team, scope: scope, leader: leader, by: by)
            return CommandResult(output: c.say(.patrolAdded(id: id)) + "\n")
        }
    }

    /// The fields of `hegui inspect issue` beyond the shared options.
    struct IssueArguments: Hashable, Sendable {
        /// `--patrol`.
        var patrol: Int64
        /// `--found-on` (default: the patrol's date).
        var foundOn: String?
        /// `--finder` (default: the patrol team).
        var finder: String?
        /// `--location`.
        var location: String?
        /// `--description`.
        var description: String
        /// `--category`.
        var category: String
        /// `--grade`: 一般 or 重大.
        var grade: String
        /// `--department`.
        var department: String?
        /// `--responsible`.
        var responsible: String?
        /// `--deadline` (default: found day + the grade's days).
        var deadline: String?
        /// `--measure`.
        var measure: String?
        /// `--funds`, yuan.
        var funds: Double?
        /// `--rechecker`.
        var rechecker: String?
        /// `--by`.
        var by: String
        /// `--rules`: the packs whose `<rectification-deadlines>` give the default deadline (empty: the
        /// shipped rules folder).
        var rules: [String]

        /// Creates the arguments.
        init(
            patrol: Int64, foundOn: String? = nil, finder: String? = nil, location: String? = nil, description: String,
            category: String, grade: String, department: String? = nil, responsible: String? = nil,
            deadline: String? = nil, measure: String? = nil, funds: Double? = nil, rechecker: String? = nil, by: String,
            rules: [String] = []
        ) {
            self.patrol = patrol
            self.foundOn = foundOn
            self.finder = finder
            self.location = location
            self.description = description
            self.category = category
            self.grade = grade
            self.department = department
            self.responsible = responsible
            self.deadline = deadline
            self.measure = measure
            self.funds = funds
            self.rechecker = rechecker
            self.by = by
            self.rules = rules
        }
    }

    /// `hegui inspect issue`: records an issue found on a patrol, its default deadline from the packs'
    /// days for its grade (see `RectificationDeadlines.daysByGrade(rules:)`; a warning on stderr when they are unusable).
    static func addIssue(_ options: LedgerOptions, _ a: IssueArguments) -> CommandResult {
        run(options, create: true) { ledger, c in
            let (days, warning) = RectificationDeadlines.daysByGrade(rules: a.rules)
            let item = try ledger.addIssue(
                patrolID: a.patrol, foundOn: try a.foundOn.map { try parseDay($0, flag: "--found-on") }, finder: a.finder,
                location: a.location, description: a.description, category: a.category, grade: a.grade,
                department: a.department, responsible: a.responsible,
                deadline: try a.deadline.map { try parseDay($0, flag: "--deadline") }, measure: a.measure,
                funds: a.funds, rechecker: a.rechecker, by: a.by, deadlineDaysByGrade: days)
            return CommandResult(
                output: c.say(.itemAdded(id: item.id, deadline: item.deadline.description)) + "\n",
                errors: warning.map { "hegui: " + c.say(.warning(text: $0)) + "\n" } ?? "")
        }
    }

    /// `hegui inspect bulk-add` (hidden, for tests): adds `count` issues, one transaction each, calling
    /// `committed` with each id once its transaction has committed.
    static func bulkAddIssues(
        _ options: LedgerOptions, patrol: Int64, count: Int, by: String, committed: (Int64) -> Void
    ) -> CommandResult {
        run(options, create: true) { ledger, _ in
            for n in 0..<count {
                let item = try ledger.addIssue(
                    patrolID: patrol, description: "批量问题 \(n + 1)", category: "安全", grade: "一般", by: by)
                committed(item.id)
            }
            return CommandResult()
        }
    }

    /// `hegui inspect list`: the patrols.
    static func listPatrols(_ options: LedgerOptions) -> CommandResult {
        run(options, create: false) { ledger, c in
            let lines = try ledger.patrols().map { p in
                terminalSafe(
                    "\(p.id)  \(p.date)  \(p.team)  \(p.scope)" + (p.leader.map { "  " + c.say(.leader(name: $0)) } ?? ""))
            }
            return CommandResult(output: lines.map { $0 + "\n" }.joined())
        }
    }

    // MARK: - rectify

    /// One item on one line, with an overdue mark.
    static func line(_ item: RectificationItem, _ c: Context) -> String {
        var parts = [
            "#\(item.id)", "[\(item.status.title.text(c.language))]", item.grade,
            c.say(.due(deadline: item.deadline.description)),
        ]
        if item.isOverdue(on: c.today) { parts.append(c.say(.overdue)) }
        // Once overdue, always marked: a later deadline or strike-off does not erase it.
        if let missed = item.missedDeadline { parts.append("[" + Message.ledger(.everOverdue(deadline: missed.description)).text(c.language) + "]") }
        if let published = item.publishedOn { parts.append("[" + Message.ledger(.published(day: published.description)).text(c.language) + "]") }
        parts.append(item.category)
        if let department = item.department { parts.append(department) }
        if let responsible = item.responsible { parts.append(responsible) }
        if let location = item.location { parts.append(location) }
        parts.append(item.description)
        // Typed text and record values never reach the terminal with control characters.
        return terminalSafe(parts.joined(separator: "  "))
    }

    /// `hegui rectify list`: items, optionally by status or overdue only.
    static func listItems(_ options: LedgerOptions, status: String?, overdue: Bool) -> CommandResult {
        run(options, create: false) { ledger, c in
            let wanted = try status.map { raw in
                guard let s = RectificationStatus(rawValue: raw) else {
                    let known = RectificationStatus.allCases.map(\.rawValue).joined(separator: "|")
                    throw LedgerError.invalidArgument(Message.rectify(.unknownStatus(status: raw, known: known)).text)
                }
                return s
            }
            let items = try ledger.items(status: wanted, overdueOn: overdue ? c.today : nil)
            return CommandResult(output: items.map { line($0, c) + "\n" }.joined())
        }
    }

    /// `hegui rectify show`: one item's fields and its events.
    static func show(_ options: LedgerOptions, id: Int64) -> CommandResult {
        run(options, create: false) { ledger, c in
            let item = try ledger.item(id)
            var out: [String] = []
            func row(_ field: ItemField, _ value: String?) {
                if let value, !value.isEmpty { out.append("\(c.say(.field(field))): \(terminalSafe(value))") }
            }
            row(.id, String(item.id))
            row(.source, item.source.rawValue)
            for (field, value) in item.shownFields(today: c.today, language: c.language) { row(field, value) }
            row(.evidence, item.evidence.isEmpty ? nil : item.evidence.joined(separator: ", "))
            row(.allowed, Lifecycle.allowedActions(from: item.status, source: item.source).map(\.rawValue).joined(separator: ", "))
            out.append(c.say(.events))
            for e in try ledger.events(itemID: id) {
                var text = "  \(e.id)  \(e.time)  \(e.actor)  \(e.action)"
                if let from = e.fromStatus, let to = e.toStatus, from != to {
                    text += "  \(from.rawValue) → \(to.rawValue)"
                } else if let to = e.toStatus, e.fromStatus == nil {
                    text += "  → \(to.rawValue)"
                }
                if let note = e.note { text += "  「\(note)」" }
                if let detail = e.detail { text += "  (\(detail))" }
                out.append(terminalSafe(text))
            }
            return CommandResult(output: out.map { $0 + "\n" }.joined())
        }
    }

    /// `hegui rectify assign|start|submit|verify|reject|dispute|reopen`: one lifecycle action.
    static func act(
        _ options: LedgerOptions, id: Int64, action: RectificationAction, by: String, note: String? = nil,
        evidence: [String] = [], department: String? = nil, responsible: String? = nil, deadline: String? = nil,
        rechecker: String? = nil
    ) -> CommandResult {
        run(options, create: false) { ledger, c in
            let assignment = Assignment(
                department: department, responsible: responsible,
                deadline: try deadline.map { try parseDay($0, flag: "--deadline") }, rechecker: rechecker)
            let before = try ledger.item(id).status
            // A reopened item gets a fresh deadline from the shipped packs' days for its grade.
            let days = action == .reopen ? RectificationDeadlines.daysByGrade(rules: []).days : [:]
            let after = try ledger.perform(
                RectificationCommand(
                    action, by: by, note: note, evidence: evidence, assignment: assignment, deadlineDaysByGrade: days),
                on: id, today: c.today)
            var moved = c.say(.moved(item: id, from: before.title, to: after.status.title))
            if action == .reopen { moved += c.say(.newDeadline(deadline: after.deadline.description)) }
            return CommandResult(output: moved + "\n")
        }
    }
}
