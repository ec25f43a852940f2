import Foundation
import GRDB
import HeguiCore
import Testing

@testable import hegui

@Suite struct LedgerStoreTests {
    let today = Day(iso: "2024-04-10")!

    @Test(arguments: LedgerBackend.allCases)
    func runOpensOnceRerunDoesNotDuplicatePassClosesFailureReopens(backend: LedgerBackend) throws {
        let (ledger, _) = try makeLedger(backend)
        let pack = testPack()
        let first = try ledger.recordRun(
            assessment(.fail, .fail, veto: true, offenders: 120), packs: [pack], ranAt: Date(), today: today)
        #expect(first.opened == 3 && first.reopened == 0 && first.closed == 0)
        let items = try ledger.items()
        #expect(items.map(\.indicator) == ["L01", "L02", "V1"])
        let l01 = items[0]
        #expect(l01.department == "人力资源部" && l01.deadline == today.adding(days: 20) && l01.category == "指标")
        #expect(l01.grade == "一般" && items[2].grade == "重大" && items[1].deadline == today.adding(days: 30))
        // Plain words: the requirement, not the check's formula, then the offenders.
        #expect(l01.description == "加班：每名职工每月加班不超过 36 小时；涉及 120 项：E1、E2、E3、E4、E5 等")
        #expect(items[1].description == "培训；涉及 120 项：E1、E2、E3、E4、E5 等")  // no requirement text
        #expect(items[2].description == "否决项 重大事故：不发生死亡事故")

        let again = try ledger.recordRun(assessment(.fail, .fail, veto: true), packs: [pack], ranAt: Date(), today: today)
        #expect(again.opened == 0 && again.reopened == 0 && again.closed == 0)
        #expect(try ledger.items().count == 3)

        // L01 requires a sign-off, L02 does not.
        let pass = try ledger.recordRun(assessment(.pass, .pass), packs: [pack], ranAt: Date(), today: today)
        #expect(pass.closed == 3)
        #expect(try ledger.item(1).status == .checkPassed)
        #expect(try ledger.item(2).status == .verified && ledger.item(2).verifiedBy == "hegui check")

        let fail = try ledger.recordRun(assessment(.fail, .pass), packs: [pack], ranAt: Date(), today: today)
        #expect(fail.reopened == 1 && fail.opened == 0)
        #expect(try ledger.item(1).status == .open)
        #expect(try ledger.events(itemID: 1).map(\.action) == ["create", "check-pass", "reopen"])

        // A new period opens a new item.
        let q2 = try ledger.recordRun(assessment(.fail, .pass, period: "2024Q2"), packs: [pack], ranAt: Date(), today: today)
        #expect(q2.opened == 1)
        #expect(try ledger.runs().map(\.id) == [1, 2, 3, 4, 5])
        #expect(try ledger.runs()[0].packs[0].score == 50)

        let diff = try ledger.diff(from: 2, to: 3)
        #expect(diff.changes.map(\.indicator) == ["L01", "L02", "V1"])
        #expect(diff.changes[0].before == .fail && diff.changes[0].after == .pass)
        #expect(diff.closed.map(\.id) == [2, 3] && diff.opened.isEmpty && diff.reopened.isEmpty)
        // Run 4 reopened item 1: listed as reopened, not opened; run 5 opened item 4 for Q2.
        let reopened = try ledger.diff(from: 3, to: 4)
        #expect(reopened.reopened.map(\.id) == [1] && reopened.opened.isEmpty)
        #expect(try ledger.diff(from: 4, to: 5).opened.map(\.id) == [4])

        // Item 2 (L02) fails again later: the diff of runs 2 → 3 still shows it as the run left it.
        let later = try ledger.recordRun(assessment(.pass, .fail), packs: [pack], ranAt: Date(), today: today)
        #expect(later.reopened == 1)
        #expect(try ledger.item(2).status == .open)
        #expect(try ledger.diff(from: 2, to: 3).closed.map(\.status) == [.verified, .verified])
        // Struck off and reopened within one span: reopened, not struck off.
        #expect(try ledger.diff(from: 2, to: 6).closed.map(\.id) == [3])

        let text = LedgerCommands.diff(LedgerOptions(path: ledger.path, today: "2024-04-10", language: .en), from: 3, to: 4)
        #expect(text.exitCode == 0)
        #expect(
            text.output
                == "run 3 → 4\nchanged outcomes:\n  p L01  pass → fail\nitems opened:\n"
                + "items reopened:\n  #1  [open]  一般  due 2024-04-30  指标  人力资源部  "
                + "加班：每名职工每月加班不超过 36 小时；涉及 120 项：E1、E2、E3、E4、E5 等\nitems struck off:\n")
        #expect(try ledger.verifyChain().isIntact)
    }

    @Test(arguments: LedgerBackend.allCases)
    func patrolIssueWalkAndChain(backend: LedgerBackend) throws {
        let (ledger, _) = try makeLedger(backend)
        // Evidence must exist: a photo in a folder of its own (a PostgreSQL ledger has no folder beside it).
        let photoFolder = FileManager.default.temporaryDirectory.appendingPathComponent("hegui-photo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: photoFolder, withIntermediateDirectories: true)
        let photo = photoFolder.appendingPathComponent("photo.jpg").path
        try Data("photo".utf8).write(to: URL(fileURLWithPath: photo))
        let patrol = try ledger.addPatrol(date: Day(iso: "2024-04-01")!, team: "第一巡视组", scope: "食堂", leader: "周", by: "工会")
        let issue = try ledger.addIssue(
            patrolID: patrol, location: "食堂后厨", description: "灭火器过期", category: "安全", grade: "一般", by: "工会")
        #expect(issue.deadline == Day(iso: "2024-04-16") && issue.foundOn == Day(iso: "2024-04-01"))
        let big = try ledger.addIssue(
            patrolID: patrol, description: "消防通道堵塞", category: "安全", grade: "重大", by: "工会",
            deadlineDaysByGrade: ["重大": 10])
        #expect(big.deadline == Day(iso: "2024-04-11"))
        #expect(throws: LedgerError.self) {
            try ledger.addIssue(patrolID: patrol, description: "x", category: "安全", grade: "特大", by: "工会")
        }
        #expect(throws: LedgerError.patrolNotFound(9)) {
            try ledger.addIssue(patrolID: 9, description: "x", category: "安全", grade: "一般", by: "工会")
        }
        try ledger.perform(RectificationCommand(.start, by: "后勤"), on: issue.id, today: today)
        try ledger.perform(RectificationCommand(.submit, by: "后勤", evidence: [photo]), on: issue.id, today: today)
        #expect(throws: LedgerError.verifierIsSubmitter(item: issue.id, actor: "后勤")) {
            try ledger.perform(RectificationCommand(.verify, by: "后勤"), on: issue.id, today: today)
        }
        let done = try ledger.perform(RectificationCommand(.verify, by: "职工代表"), on: issue.id, today: today)
        #expect(done.status == .verified && done.evidence == [photo])
        #expect(try ledger.items(status: .verified).map(\.id) == [issue.id])
        #expect(try ledger.items(overdueOn: Day(iso: "2024-04-12")!).map(\.id) == [big.id])
        #expect(try ledger.items(source: .check).isEmpty)
        let events = try ledger.events(itemID: issue.id)
        #expect(events.map(\.action) == ["create", "start", "submit", "verify"])
        #expect(
            events[2].detail
                == "evidence=\(photo) (sha256 55c64d0fcd6f9d5f7c828093857e3fdfda68478bb4e9bd24d481ef391c7804e8)"
                && events[3].fromStatus == .submitted)
        let all = try ledger.events()
        #expect(all.first?.prevHash == String(repeating: "0", count: 64) && all.first?.action == "add-patrol")
        #expect(zip(all, all.dropFirst()).allSatisfy { $0.hash == $1.prevHash })
        // The report names the head: the last event's hash, which pins the ledger's state.
        #expect(try ledger.verifyChain() == ChainReport(events: all.count, firstBreak: nil, head: all.last!.hash))
        #expect(try ledger.patrols().map(\.team) == ["第一巡视组"])
    }

    /// The shipped ankang-cup pack as another pack id whose 一般 issues get `days`.
    static func deadlinePack(id: String, days: Int) throws -> String {
        let shipped = PackFixture.repositoryRoot.appendingPathComponent("rules/ankang-cup.xml")
        return try String(contentsOf: shipped, encoding: .utf8)
            .replacingOccurrences(of: #"<pack id="ankang-cup""#, with: #"<pack id="\#(id)""#)
            .replacingOccurrences(of: #"<deadline grade="一般" days="15"/>"#, with: #"<deadline grade="一般" days="\#(days)"/>"#)
    }

    @Test(arguments: LedgerBackend.allCases)
    func issueDeadlinesComeFromThePacksFirstPackFirst(backend: LedgerBackend) throws {
        let dir = try PackFixture.temporaryDirectory()
        try Self.deadlinePack(id: "a", days: 7).write(to: dir.appendingPathComponent("a.xml"), atomically: true, encoding: .utf8)
        try Self.deadlinePack(id: "b", days: 9).write(to: dir.appendingPathComponent("b.xml"), atomically: true, encoding: .utf8)
        let (days, warning) = RectificationDeadlines.daysByGrade(rules: [dir.path])
        #expect(warning == nil && days == ["一般": 7, "重大": 90])
        #expect(RectificationDeadlines.daysByGrade(rules: []) == (["一般": 15, "重大": 90], nil))

        let (none, why) = RectificationDeadlines.daysByGrade(rules: ["/nonexistent/packs"])
        #expect(none.isEmpty)
        #expect(
            why?.en
                == "cannot use the packs' rectification deadlines (/nonexistent/packs: no such file or folder); "
                + "using the built-in ones: 一般 15 days, 重大 90 days")

        let (ledger, _) = try makeLedger(backend)
        let patrol = try ledger.addPatrol(date: Day(iso: "2024-04-01")!, team: "组", scope: "车间", by: "工会")
        let item = try ledger.addIssue(
            patrolID: patrol, description: "问题", category: "安全", grade: "一般", by: "工会", deadlineDaysByGrade: days)
        #expect(item.deadline == Day(iso: "2024-04-08"))
        #expect(throws: LedgerError.self) {
            try ledger.addIssue(
                patrolID: patrol, description: "问题", category: "安全", grade: "一般", deadline: Day(iso: "2024-03-31"),
                by: "工会")
        }
    }

    /// SQLite file internals: another backend brings its own version of this test.
    @Test func eventsAreAppendOnlyInTheDatabase() throws {
        let (ledger, path) = try makeLedger(.sqlite)
        _ = try ledger.addPatrol(date: today, team: "组", scope: "车间", by: "工会")
        let db = try DatabaseQueue(path: path)
        #expect(throws: DatabaseError.self) { try db.write { try $0.execute(sql: "UPDATE events SET actor = 'x'") } }
        #expect(throws: DatabaseError.self) { try db.write { try $0.execute(sql: "DELETE FROM events") } }
        do {
            try db.write { try $0.execute(sql: "UPDATE events SET actor = 'x'") }
        } catch let error as DatabaseError {
            #expect(error.message == "events are append-only")
        }
    }

    /// SQLite file internals: another backend brings its own version of this test.
    @Test func tamperingIsFoundEvenWithTriggersDropped() throws {
        let (ledger, path) = try makeLedger(.sqlite)
        let patrol = try ledger.addPatrol(date: today, team: "组", scope: "车间", by: "工会")
        for n in 1...3 {
            try ledger.addIssue(patrolID: patrol, description: "问题\(n)", category: "安全", grade: "一般", by: "工会")
        }
        #expect(try ledger.verifyChain().isIntact)
        let second = try DatabaseQueue(path: path)
        try second.write { db in
            try db.execute(sql: "DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete")
            try db.execute(sql: "UPDATE events SET note = ? WHERE id = ?", arguments: ["已改", 3])
        }
        let report = try ledger.verifyChain()
        #expect(report.firstBreak?.eventID == 3)
        #expect(report.firstBreak?.reason.en.contains("edited") == true)

        // Recomputing the row's own hash moves the break to the next link.
        let (other, otherPath) = try makeLedger(.sqlite)
        let p2 = try other.addPatrol(date: today, team: "组", scope: "车间", by: "工会")
        try other.addIssue(patrolID: p2, description: "问题", category: "安全", grade: "一般", by: "工会")
        try other.addIssue(patrolID: p2, description: "问题2", category: "安全", grade: "一般", by: "工会")
        let q = try DatabaseQueue(path: otherPath)
        try q.write { db in
            try db.execute(sql: "DROP TRIGGER events_no_delete")
            try db.execute(sql: "DELETE FROM events WHERE id = 2")
        }
        #expect(try other.verifyChain().firstBreak?.eventID == 3)
    }

    /// SQLite file internals: another backend brings its own version of this test.
    @Test func statusEditedWithoutAnEventIsFound() throws {
        let (ledger, path) = try makeLedger(.sqlite)
        let patrol = try ledger.addPatrol(date: today, team: "组", scope: "车间", by: "工会")
        try ledger.addIssue(patrolID: patrol, description: "问题", category: "安全", grade: "一般", by: "工会")
        try ledger.addIssue(patrolID: patrol, description: "问题2", category: "安全", grade: "一般", by: "工会")
        try DatabaseQueue(path: path).write {
            try $0.execute(sql: "UPDATE rectification_items SET status = 'verified' WHERE id = 2")
        }
        let report = try ledger.verifyChain()
        #expect(report.firstBreak == nil && report.inconsistentItems == [2] && !report.isIntact)
    }

    @Test func csvExportIsExcelReadyAndNeutralisesFormulas() throws {
        let items = [
            RectificationItem(
                id: 1, source: .patrol, foundOn: Day(iso: "2024-04-01")!, location: "=SUM(A1)",
                description: "扶梯, \"护栏\" 松动", category: "安全", grade: "一般", department: "-后勤", responsible: "@张",
                deadline: Day(iso: "2024-04-16")!, status: .verified, verifiedBy: "李", verifiedOn: Day(iso: "2024-04-10")),
            RectificationItem(
                id: 2, source: .check, foundOn: Day(iso: "2024-04-02")!, description: "多行\n说明", category: "指标",
                grade: "重大", deadline: Day(iso: "2024-07-01")!, status: .open),
            RectificationItem(
                id: 3, source: .patrol, foundOn: Day(iso: "2024-04-01")!, description: "照明不足", category: "安全",
                grade: "一般", deadline: Day(iso: "2024-04-05")!, status: .inProgress),
        ]
        let exportDay = Day(iso: "2024-04-10")!
        let snapshot = LedgerExportSnapshot(items: items, eventCount: 0, headHash: AuditChain.genesis)
        let expected =
            "\u{FEFF}审计链头：0 个事件，\(AuditChain.genesis)（复核时用 hegui ledger verify --anchor 0:\(AuditChain.genesis)）\r\n"
            + "问题编号,来源,规则包,对应指标,考核期间,涉及对象,巡视批次,发现日期,发现人,地点,问题描述,问题类别,问题等级,整改措施,资金,"
            + "责任部门,责任人,整改期限,复查人,状态,提交人,验证人,验证日期,已销号,已逾期,曾逾期,逾期的期限,已公示,公示日期,佐证数\r\n"
            + "1,patrol,,,,,,2024-04-01,,'=SUM(A1),\"扶梯, \"\"护栏\"\" 松动\",安全,一般,,,'-后勤,'@张,2024-04-16,,审核通过（已销号）,,李,2024-04-10,"
            + "是,否,否,,否,,0\r\n"
            + "2,check,,,,,,2024-04-02,,,\"多行\n说明\",指标,重大,,,,,2024-07-01,,已通知待整改,,,,否,否,否,,否,,0\r\n"
            + "3,patrol,,,,,,2024-04-01,,,照明不足,安全,一般,,,,,2024-04-05,,整改中（逾期）,,,,否,是,是,,否,,0\r\n"
        #expect(Ledger.csv(snapshot, today: exportDay, language: .zhCN) == expected)
        #expect(Array(Ledger.csv(snapshot, today: exportDay, language: .zhCN).utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(Ledger.csvCell("+1") == "'+1" && Ledger.csvCell("\tx") == "'\tx" && Ledger.csvCell("\rx") == "\"'\rx\"")
        // A struck-off item is never overdue, however late.
        #expect(Ledger.statusCell(items[0], today: Day(iso: "2025-01-01")!) == "审核通过（已销号）")
        let json = Ledger.json(snapshot, today: exportDay, language: .zhCN)
        #expect(json.hasPrefix("{\n  \"chainHead\": {\n    \"events\": 0,"))
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let decoded = object?["items"] as? [[String: Any]]
        #expect(decoded?.map { $0["overdue"] as? Bool } == [false, false, true])
    }

    @Test(arguments: LedgerBackend.allCases)
    func ledgerAsRecords(backend: LedgerBackend) throws {
        let (ledger, path) = try makeLedger(backend)
        let patrol = try ledger.addPatrol(date: Day(iso: "2024-04-01")!, team: "组", scope: "车间", by: "工会")
        try ledger.addIssue(patrolID: patrol, description: "问题", category: "安全", grade: "重大", by: "工会")
        try ledger.addIssue(patrolID: patrol, description: "问题2", category: "安全", grade: "一般", by: "工会")
        try ledger.perform(RectificationCommand(.start, by: "甲"), on: 2, today: today)
        try ledger.perform(RectificationCommand(.submit, by: "甲", note: "已修复"), on: 2, today: today)
        try ledger.perform(RectificationCommand(.verify, by: "乙"), on: 2, today: today)
        func field(_ name: String, _ type: FieldType, _ allowed: [String] = []) -> FieldDefinition {
            FieldDefinition(name: name, type: type, allowedValues: allowed, location: nowhere)
        }
        let kind = RecordKind(
            id: "rectification", title: LocalizedText(zh: "整改", en: "rectification"), keyField: "id",
            fields: [
                field("id", .integer), field("grade", .enumeration, ["一般", "重大"]), field("deadline", .date),
                field("struck_off", .boolean), field("overdue", .boolean),
                field("status", .enumeration, ["整改中", "审核通过（已销号）", "已通知待整改"]),
                field("verifiedOn", .string), field("nonsense", .string),
            ], location: nowhere)
        let table = try ledger.rectificationTable(kind: kind, today: Day(iso: "2024-08-01")!)
        #expect(table.count == 2 && table.key(at: 1) == "2" && table.lines == [1, 2] && table.path(at: 0) == path)
        #expect(table.value("grade", at: 0) == .text("重大"))
        #expect(table.value("deadline", at: 1) == .date(Day(iso: "2024-04-16")!))
        #expect(table.value("struck_off", at: 0) == .boolean(false) && table.value("struck_off", at: 1) == .boolean(true))
        #expect(table.value("overdue", at: 0) == .boolean(true) && table.value("overdue", at: 1) == .boolean(false))
        #expect(table.value("status", at: 1) == .text("审核通过（已销号）"))
        #expect(table.value("verifiedOn", at: 1) == .text("2024-04-10") && table.value("nonsense", at: 0) == nil)
    }

    @Test func missingLedgerIsNotCreatedForReading() {
        #expect(throws: LedgerError.self) { try Ledger(path: "/nonexistent-dir/x.sqlite", create: false) }
    }
}
