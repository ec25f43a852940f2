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

        func text(_ zh: String, _ en: String) -> String { language == .en ? en : zh }
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
            throw LedgerError.invalidArgument(
                LocalizedText(zh: "\(flag) 需要 YYYY-MM-DD 日期，而不是 \(text)", en: "\(flag) needs a YYYY-MM-DD date, not \(text)"))
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
            return CommandResult(output: c.text("已登记巡视 \(id)\n", "added patrol \(id)\n"))
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
                output: c.text("已登记整改项 \(item.id)，期限 \(item.deadline)\n", "added item \(item.id), deadline \(item.deadline)\n"),
                errors: warning.map { "hegui: " + c.text("警告：", "warning: ") + $0.text(c.language) + "\n" } ?? "")
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
                    "\(p.id)  \(p.date)  \(p.team)  \(p.scope)" + (p.leader.map { "  " + c.text("组长 ", "leader ") + $0 } ?? ""))
            }
            return CommandResult(output: lines.map { $0 + "\n" }.joined())
        }
    }

    // MARK: - rectify

    /// One item on one line, with an overdue mark.
    static func line(_ item: RectificationItem, _ c: Context) -> String {
        var parts = [
            "#\(item.id)", "[\(item.status.title.text(c.language))]", item.grade,
            c.text("期限 ", "due ") + item.deadline.description,
        ]
        if item.isOverdue(on: c.today) { parts.append(c.text("【逾期】", "OVERDUE")) }
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
                    throw LedgerError.invalidArgument(
                        LocalizedText(zh: "未知状态 \(raw)（可用：\(known)）", en: "unknown status \(raw) (known: \(known))"))
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
            func row(_ zh: String, _ en: String, _ value: String?) {
                if let value, !value.isEmpty { out.append("\(c.text(zh, en)): \(terminalSafe(value))") }
            }
            row("编号", "id", String(item.id))
            row("来源", "source", item.source.rawValue)
            row("检查包", "pack", item.pack)
            row("指标", "indicator", item.indicator)
            row("期间", "period", item.period)
            row("巡视", "patrol", item.patrolID.map(String.init))
            row("发现日期", "found on", item.foundOn.description)
            row("发现人", "finder", item.finder)
            row("地点", "location", item.location)
            row("问题描述", "description", item.description)
            row("类别", "category", item.category)
            row("等级", "grade", item.grade)
            row("整改措施", "measure", item.measure)
            row("资金", "funds", item.funds.map(formatNumber))
            row("责任部门", "department", item.department)
            row("责任人", "responsible", item.responsible)
            row(
                "整改期限", "deadline",
                item.deadline.description + (item.isOverdue(on: c.today) ? c.text("【逾期】", " OVERDUE") : ""))
            row("复查人", "rechecker", item.rechecker)
            row("状态", "status", item.status.title.text(c.language))
            row("提交人", "submitted by", item.submittedBy)
            row("验证人", "verified by", item.verifiedBy)
            row("销号日期", "struck off on", item.verifiedOn?.description)
            row("逾期记录", "overdue history", item.missedDeadline.map { Message.ledger(.everOverdue(deadline: $0.description)).text(c.language) })
            row("公示", "published", item.publishedOn.map { Message.ledger(.published(day: $0.description)).text(c.language) })
            row("佐证", "evidence", item.evidence.isEmpty ? nil : item.evidence.joined(separator: ", "))
            row(
                "可执行", "allowed",
                Lifecycle.allowedActions(from: item.status, source: item.source).map(\.rawValue).joined(separator: ", "))
            out.append(c.text("事件:", "events:"))
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
            let from = before.title.text(c.language)
            let to = after.status.title.text(c.language)
            let due = action == .reopen ? c.text("，新期限 \(after.deadline)", ", new deadline \(after.deadline)") : ""
            return CommandResult(output: c.text("整改项 \(id)：\(from) → \(to)\(due)\n", "item \(id): \(from) → \(to)\(due)\n"))
        }
    }

    // MARK: - ledger

    /// `hegui ledger verify`: exit 0 when the chain holds and every table is what its events rebuild;
    /// 1 naming every break, difference and problem. The head is printed either way.
    static func verify(_ options: LedgerOptions, anchors: [String] = [], anchorsFile: String? = nil) -> CommandResult {
        if PostgresURL.isPostgres(options.path), options.enterprise == nil, anchors.isEmpty, anchorsFile == nil {
            return verifyShared(options)
        }
        return run(options, create: false) { ledger, c in
            var texts = anchors
            if let anchorsFile {
                guard let data = FileManager.default.contents(atPath: anchorsFile) else {
                    throw LedgerError.invalidArgument(
                        LocalizedText(zh: "无法读取锚点文件 \(anchorsFile)", en: "cannot read the anchors file \(anchorsFile)"))
                }
                texts += String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init)
                    .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            }
            let parsed = try texts.map { text in
                guard let anchor = ChainAnchor(text) else {
                    throw LedgerError.invalidArgument(
                        LocalizedText(
                            zh: "“\(truncatedForMessage(text))”不是链头（COUNT:HASH 或 64 位十六进制哈希）",
                            en: "'\(truncatedForMessage(text))' is not a chain head (COUNT:HASH or a 64-digit hex hash)"))
                }
                return anchor
            }
            let report = try ledger.verifyChain(anchors: parsed)
            var lines: [String] = []
            if let broken = report.firstBreak { lines.append(LedgerError.brokenChain(broken).message.text(c.language)) }
            if !report.inconsistentItems.isEmpty {
                lines.append(LedgerError.inconsistentItems(report.inconsistentItems).message.text(c.language))
            }
            lines += report.differences.map { $0.text.text(c.language) }
            lines += report.problems.map { $0.text(c.language) }
            guard lines.isEmpty else {
                let head = c.text(
                    "审计链未通过校验：\(report.events) 条事件，最后完好的哈希 \(report.head)\n",
                    "audit chain NOT intact: \(report.events) events, last good head \(report.head)\n")
                return CommandResult(
                    output: head, errors: lines.map { "hegui: error: " + terminalSafe($0) + "\n" }.joined(), exitCode: 1)
            }
            // The head as `--anchor` takes it back: the count is the events', the hash the last one's.
            return CommandResult(
                output: c.text(
                    "审计链完整：\(report.events) 条事件，末条哈希 \(report.head)\n",
                    "audit chain intact: \(report.events) events, head \(report.head)\n"))
        }
    }

    /// `hegui ledger export`: the 台账 as CSV (Excel) or JSON in `--lang`, to a file or stdout; overdue as of
    /// `--today`; the chain head is in the file and, when writing a file, on stderr.
    static func export(_ options: LedgerOptions, format: String, output: String?) -> CommandResult {
        run(options, create: false) { ledger, c in
            let text: String
            let snapshot = try ledger.exportSnapshot()
            if format.lowercased() == "xlsx" {
                guard let output else { throw LedgerError.invalidArgument(LocalizedText(.spreadsheets(.workbookNeedsOutput))) }
                do {
                    try LedgerWorkbook.write(snapshot, today: c.today, language: c.language, to: output)
                } catch let error as XLSXWriteError {
                    return CommandResult(errors: error.line(c.language) + "\n", exitCode: 2)
                }
                let head = LedgerMessage.chainHead(count: Int(clamping: snapshot.eventCount), hash: snapshot.headHash)
                return CommandResult(
                    errors: c.text("已导出到 \(output)\n", "exported to \(output)\n") + Message.ledger(head).text(c.language) + "\n")
            }
            switch format.lowercased() {
            case "csv": text = Ledger.csv(snapshot, today: c.today, language: c.language)
            case "json": text = Ledger.json(snapshot, today: c.today, language: c.language)
            default:
                throw LedgerError.invalidArgument(
                    LocalizedText(.spreadsheets(.ledgerExportFormatUnknown(format: truncatedForMessage(format)))))
            }
            guard let output else { return CommandResult(output: text) }
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw LedgerError.invalidArgument(
                    LocalizedText(
                        zh: "无法写入 \(output)：\(error.localizedDescription)",
                        en: "cannot write \(output): \(error.localizedDescription)"))
            }
            let head = LedgerMessage.chainHead(count: Int(clamping: snapshot.eventCount), hash: snapshot.headHash)
            return CommandResult(
                errors: c.text("已导出到 \(output)\n", "exported to \(output)\n") + Message.ledger(head).text(c.language) + "\n")
        }
    }

    // MARK: - history

    /// `hegui history`: the stored runs.
    static func history(_ options: LedgerOptions) -> CommandResult {
        run(options, create: false) { ledger, c in
            let lines = try ledger.runs().map { run in
                "\(run.id)  \(run.ranAt)  \(run.period)  "
                    + run.packs.map { p in
                        "\(p.pack) \(p.version) \(formatNumber(p.score))/\(formatNumber(p.maxScore)) \(p.grade) "
                            + (p.passed ? c.text("通过", "pass") : c.text("未通过", "fail"))
                    }.joined(separator: "; ")
            }
            if lines.isEmpty {
                return CommandResult(
                    output: c.text("台账中还没有检查记录（运行 hegui check）\n", "no check runs in the ledger yet (run hegui check)\n"))
            }
            return CommandResult(output: lines.map { terminalSafe($0) + "\n" }.joined())
        }
    }

    /// `hegui diff RUN RUN`: changed outcomes and items opened, reopened or struck off between two runs
    /// (struck-off items with the status the later run left them in).
    static func diff(_ options: LedgerOptions, from: Int64, to: Int64) -> CommandResult {
        run(options, create: false) { ledger, c in
            let d = try ledger.diff(from: from, to: to)
            var out = [c.text("检查 \(from) → \(to)", "run \(from) → \(to)")]
            out.append(c.text("结果变化：", "changed outcomes:"))
            for change in d.changes {
                let before = change.before?.title.text(c.language) ?? "—"
                let after = change.after?.title.text(c.language) ?? "—"
                out.append(terminalSafe("  \(change.pack) \(change.indicator)  \(before) → \(after)"))
            }
            out.append(c.text("新开整改项：", "items opened:"))
            out += d.opened.map { "  " + line($0, c) }
            out.append(c.text("重开整改项：", "items reopened:"))
            out += d.reopened.map { "  " + line($0, c) }
            out.append(c.text("已销号整改项：", "items struck off:"))
            out += d.closed.map { "  " + line($0, c) }
            return CommandResult(output: out.map { $0 + "\n" }.joined())
        }
    }
}

extension LedgerCommands {
    /// `hegui ledger verify` on a shared store without `--enterprise`: every enterprise's chain (and the
    /// default ledger's), one line each; exit 1 when any is broken.
    static func verifyShared(_ options: LedgerOptions) -> CommandResult {
        let c = Context(path: options.path, today: realToday(), language: options.language)
        do {
            let reports = try Federation(url: try PostgresURL(parsing: options.path)).verifyAll()
            if reports.isEmpty {
                throw LedgerError.cannotOpen(path: PostgresURL.redact(options.path), reason: "no hegui ledger in this database")
            }
            var lines: [String] = []
            var broken = 0
            for (enterprise, report) in reports {
                let who = enterprise.map { "\($0.creditCode) \($0.name)" } ?? c.text("默认台账", "default ledger")
                var issues: [String] = []
                if let first = report.firstBreak { issues.append(LedgerError.brokenChain(first).message.text(c.language)) }
                if !report.inconsistentItems.isEmpty {
                    issues.append(LedgerError.inconsistentItems(report.inconsistentItems).message.text(c.language))
                }
                issues += report.differences.map { $0.text.text(c.language) }
                issues += report.problems.map { $0.text(c.language) }
                let state: String
                if !issues.isEmpty {
                    broken += 1
                    state = issues.joined(separator: "; ")
                } else {
                    state = c.text(
                        "审计链完整：\(report.events) 条事件，末条哈希 \(report.head)",
                        "audit chain intact: \(report.events) events, head \(report.head)")
                }
                lines.append(terminalSafe("\(who): \(state)"))
            }
            lines.append(
                c.text(
                    "共 \(reports.count) 本台账，\(broken) 本审计链有问题", "\(reports.count) ledgers, \(broken) with a broken audit chain"))
            return CommandResult(output: lines.map { $0 + "\n" }.joined(), exitCode: broken == 0 ? 0 : 1)
        } catch let error as LedgerError {
            return CommandResult(errors: "hegui: \(error.message.text(c.language))\n", exitCode: error.isRefusal ? 1 : 2)
        } catch {
            return CommandResult(errors: "hegui: \(error)\n", exitCode: 2)
        }
    }
}
