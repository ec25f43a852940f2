import Foundation
import HeguiCore
import Testing

/// Runs the built `hegui` binary against ledgers in temporary directories.
@Suite(.serialized) struct LedgerCommandTests {
    static let binary = HeguiRun.binary

    let dir: URL
    var ledger: String { dir.appendingPathComponent("hegui.sqlite").path }

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("hegui-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        // Evidence files must exist: the ones the walks below submit.
        for name in ["a.jpg", "b.jpg", "修复.jpg", "排班表.pdf"] {
            try Data("evidence \(name)".utf8).write(to: dir.appendingPathComponent(name))
        }
    }

    /// A configured process for `hegui args --ledger … --today 2024-04-10 --lang en`.
    func process(_ args: [String], lang: String = "en") -> Process {
        let p = Process()
        p.executableURL = Self.binary
        p.arguments = args + ["--ledger", ledger, "--today", "2024-04-10", "--lang", lang]
        p.currentDirectoryURL = dir
        return p
    }

    /// Runs to the end and collects output.
    @discardableResult
    func hegui(_ args: String..., lang: String = "en") throws -> HeguiRun.Result {
        try HeguiRun.execute(args + ["--ledger", ledger, "--today", "2024-04-10", "--lang", lang], in: dir)
    }

    @Test func binaryIsBuilt() {
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary.path), "run swift build first")
    }

    @Test func patrolToStrikeOffWalkAndExport() throws {
        #expect(
            try hegui("inspect", "add", "--date", "2024-04-01", "--team", "第一巡视组", "--scope", "食堂", "--leader", "周", "--by", "工会")
                .out == "added patrol 1\n")
        let issue = try hegui(
            "inspect", "issue", "--patrol", "1", "--location", "=SUM(A1)", "--description", "灭火器过期, 未更换",
            "--category", "安全", "--grade", "一般", "--department", "后勤部", "--responsible", "王", "--by", "工会")
        #expect(issue.code == 0 && issue.out == "added item 1, deadline 2024-04-16\n")
        #expect(try hegui("rectify", "start", "1", "--by", "王").out == "item 1: open → in progress\n")
        #expect(try hegui("rectify", "submit", "1", "--by", "王", "--evidence", "a.jpg", "b.jpg", "--note", "已更换").code == 0)
        let same = try hegui("rectify", "verify", "1", "--by", "王")
        #expect(same.code == 1 && same.err.contains("the verifier must be someone else"))
        let verify = try hegui("rectify", "verify", "1", "--by", "职工代表李")
        #expect(verify.code == 0 && verify.out == "item 1: submitted → verified (struck off)\n")
        let show = try hegui("rectify", "show", "1")
        #expect(show.code == 0 && show.out.contains("evidence: a.jpg, b.jpg") && show.out.contains("submitted → verified"))
        #expect(try hegui("ledger", "verify").code == 0)

        let csvPath = dir.appendingPathComponent("台账.csv").path
        let export = try hegui("ledger", "export", "--format", "csv", "--output", csvPath, lang: "zh-CN")
        #expect(export.code == 0)
        // The chain head the file names is the one verify prints.
        let verified = try hegui("ledger", "verify").out.split(separator: " ")
        let count = try #require(verified.firstIndex(of: "events,")).advanced(by: -1)
        let hash = verified[verified.count - 1].trimmingCharacters(in: .newlines)
        let head = "审计链头：\(verified[count]) 个事件，\(hash)（复核时用 hegui ledger verify --anchor \(verified[count]):\(hash)）"
        #expect(export.err == "已导出到 \(csvPath)\n\(head)\n")
        // Compare bytes: String(contentsOfFile:) would drop the BOM.
        let csv = try Data(contentsOf: URL(fileURLWithPath: csvPath))
        #expect(
            csv
                == Data(
                    ("\u{FEFF}\(head)\r\n"
                        + "问题编号,来源,规则包,对应指标,考核期间,涉及对象,巡视批次,发现日期,发现人,地点,问题描述,问题类别,问题等级,整改措施,资金,"
                        + "责任部门,责任人,整改期限,复查人,状态,提交人,验证人,验证日期,已销号,已逾期,曾逾期,逾期的期限,已公示,公示日期,佐证数\r\n"
                        + "1,patrol,,,,,1,2024-04-01,第一巡视组,'=SUM(A1),\"灭火器过期, 未更换\",安全,一般,,,后勤部,王,2024-04-16,,"
                        + "审核通过（已销号）,王,职工代表李,2024-04-10,是,否,否,,否,,2\r\n").utf8))
        let json = try hegui("ledger", "export", "--format", "json")
        #expect(json.code == 0 && json.out.contains("\"verifiedBy\": \"职工代表李\""))
        #expect(try hegui("ledger", "export", "--format", "xls").code == 2)
    }

    @Test func checkItemsDescribeTheFailureInPlainWords() throws {
        let records = HeguiRun.binary.deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("fixtures/scenarios/overtime-37h").path
        let check = try HeguiRun.execute(
            ["check", "--records", records, "--period", "2019", "--ledger", ledger, "--lang", "zh-CN"], in: dir)
        #expect(check.code == 1)
        let list = try hegui("rectify", "list", lang: "zh-CN")
        #expect(
            list.out.contains(
                "指标  人力资源部  工时与休息休假：每名职工每月加班不超过 36 小时；工作满一年的职工休带薪年休假；涉及：E0001 2019-05（37，要求 ≤ 36）\n"))
        #expect(!list.out.contains("$") && !list.out.contains("overtimeHours"))
        // One item per offender, keyed by the offender; checking again opens nothing more.
        #expect(list.out.split(separator: "\n").count == 1)
        #expect(try hegui("ledger", "export", "--format", "json").out.contains("\"groupKey\": \"E0001 2019-05\""))
        let again = try HeguiRun.execute(
            ["check", "--records", records, "--period", "2019", "--ledger", ledger, "--lang", "en"], in: dir)
        #expect(again.code == 1 && again.err.contains("items opened 0, reopened 0, closed 0"))
        #expect(try hegui("rectify", "list").out.split(separator: "\n").count == 1)
    }

    @Test func issueDeadlineFollowsThePacksAndFallsBackWhenTheyCannotBeRead() throws {
        try hegui("inspect", "add", "--date", "2024-04-01", "--team", "组", "--scope", "车间", "--by", "工会")
        let shipped = HeguiRun.binary.deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("rules/ankang-cup.xml")
        let pack = dir.appendingPathComponent("short.xml")
        try String(contentsOf: shipped, encoding: .utf8)
            .replacingOccurrences(of: #"<deadline grade="一般" days="15"/>"#, with: #"<deadline grade="一般" days="7"/>"#)
            .write(to: pack, atomically: true, encoding: .utf8)
        func issue(_ extra: String...) throws -> HeguiRun.Result {
            try HeguiRun.execute(
                [
                    "inspect", "issue", "--patrol", "1", "--description", "问题", "--category", "安全", "--grade", "一般",
                    "--by", "工会",
                ] + extra + ["--ledger", ledger, "--today", "2024-04-10", "--lang", "en"], in: dir)
        }
        let fromPack = try issue("--rules", pack.path)
        #expect(fromPack.code == 0 && fromPack.out == "added item 1, deadline 2024-04-08\n" && fromPack.err == "")
        let shippedDays = try issue()
        #expect(shippedDays.out == "added item 2, deadline 2024-04-16\n" && shippedDays.err == "")

        let missing = try issue("--rules", dir.appendingPathComponent("nowhere").path)
        #expect(missing.code == 0 && missing.out == "added item 3, deadline 2024-04-16\n")
        #expect(missing.err.hasPrefix("hegui: warning: cannot use the packs' rectification deadlines ("))
        #expect(missing.err.hasSuffix("using the built-in ones: 一般 15 days, 重大 90 days\n"))

        let early = try issue("--found-on", "2024-04-05", "--deadline", "2024-04-04")
        #expect(early.code == 2 && early.err == "hegui: --deadline 2024-04-04 is before the day found, 2024-04-05\n")
        #expect(try hegui("rectify", "list").out.split(separator: "\n").count == 3)
    }

    @Test func exportsShowOverdueItems() throws {
        try hegui("inspect", "add", "--date", "2024-04-01", "--team", "组", "--scope", "车间", "--by", "工会")
        try hegui(
            "inspect", "issue", "--patrol", "1", "--description", "照明不足", "--category", "安全", "--grade", "一般",
            "--deadline", "2024-04-05", "--by", "工会")
        try hegui("rectify", "start", "1", "--by", "后勤")
        try hegui("inspect", "issue", "--patrol", "1", "--description", "扶梯松动", "--category", "安全", "--grade", "一般", "--by", "工会")
        let csv = try hegui("ledger", "export", "--format", "csv", lang: "zh-CN")
        let lines = csv.out.components(separatedBy: "\r\n")
        #expect(lines[0].hasPrefix("\u{FEFF}审计链头：4 个事件，"))
        // Item 1 was started after its deadline: overdue now, and marked as once overdue for good.
        #expect(
            lines.dropFirst(2).joined(separator: "\r\n")
                == "1,patrol,,,,,1,2024-04-01,组,,照明不足,安全,一般,,,,,2024-04-05,,整改中（逾期）,,,,否,是,是,2024-04-05,否,,0\r\n"
                + "2,patrol,,,,,1,2024-04-01,组,,扶梯松动,安全,一般,,,,,2024-04-16,,已通知待整改,,,,否,否,否,,否,,0\r\n")
        let json = try hegui("ledger", "export", "--format", "json")
        let object = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
        let items = object?["items"] as? [[String: Any]]
        #expect(items?.map { $0["overdue"] as? Bool } == [true, false])
    }

    @Test func everyIllegalMoveExitsOneNamingStateAndMoves() throws {
        try hegui("inspect", "add", "--date", "2024-04-01", "--team", "组", "--scope", "车间", "--by", "工会")
        // Seed a check-passed item through the core, as a check run would.
        do {
            let core = try Ledger(path: ledger)
            var pack = RulePack(
                id: "p", version: "1", title: LocalizedText(zh: "包", en: "p"),
                grading: Grading(
                    passLine: .literal(.number(0)), grades: [], failingGrade: LocalizedText(zh: "", en: ""),
                    location: .init(file: "p.xml")),
                location: .init(file: "p.xml"))
            pack.indicators = [
                Indicator(
                    id: "L1", categoryID: "c", points: 1, provenance: .law, title: LocalizedText(zh: "指标", en: "i"),
                    requirement: LocalizedText(zh: "", en: ""), basis: "", checks: [],
                    rectification: RectificationDefaults(department: "人事", deadlineDays: 10, requiresSignOff: true),
                    location: .init(file: "p.xml"))
            ]
            func run(_ outcome: Outcome) throws {
                let finding = Finding(
                    id: "L1", category: "c", title: LocalizedText(zh: "指标", en: "i"), outcome: outcome, points: 1, awarded: 0,
                    checks: [])
                let pa = PackAssessment(
                    pack: "p", version: "1", title: pack.title, score: 0, maxScore: 1, passLine: 0, passed: true,
                    grade: GradeResult(id: "g", title: pack.title), categories: [], vetoes: [], findings: [finding],
                    gapToPass: GapToPass(pointsShort: 0, items: [], blockingVetoes: [], reachable: true))
                _ = try core.recordRun(
                    Assessment(period: Period(parsing: "2024Q1")!, enterprise: nil, packs: [pa], inputs: []), packs: [pack],
                    ranAt: Date(), today: Day(iso: "2024-04-10")!)
            }
            try run(.fail)
            try run(.pass)
        }
        func issue() throws -> String {
            let r = try hegui(
                "inspect", "issue", "--patrol", "1", "--description", "问题", "--category", "安全", "--grade", "一般", "--by", "工会")
            return String(r.out.split(separator: " ")[2].dropLast())
        }
        let open = try issue()
        let inProgress = try issue()
        try hegui("rectify", "start", inProgress, "--by", "甲")
        let submitted = try issue()
        try hegui("rectify", "start", submitted, "--by", "甲")
        try hegui("rectify", "submit", submitted, "--by", "甲", "--evidence", "修复.jpg")
        let verified = try issue()
        try hegui("rectify", "start", verified, "--by", "甲")
        try hegui("rectify", "submit", verified, "--by", "甲", "--evidence", "修复.jpg")
        try hegui("rectify", "verify", verified, "--by", "乙")
        let rejected = try issue()
        try hegui("rectify", "start", rejected, "--by", "甲")
        try hegui("rectify", "submit", rejected, "--by", "甲", "--evidence", "修复.jpg")
        try hegui("rectify", "reject", rejected, "--by", "乙")
        let disputed = try issue()
        try hegui("rectify", "start", disputed, "--by", "甲")
        try hegui("rectify", "submit", disputed, "--by", "甲", "--evidence", "修复.jpg")
        try hegui("rectify", "dispute", disputed, "--by", "代表", "--note", "没修好")

        let states: [(String, RectificationStatus, RectificationSource)] = [
            ("1", .checkPassed, .check), (open, .open, .patrol), (inProgress, .inProgress, .patrol),
            (submitted, .submitted, .patrol), (verified, .verified, .patrol), (rejected, .rejected, .patrol),
            (disputed, .disputed, .patrol),
        ]
        for (id, status, source) in states {
            #expect(try hegui("rectify", "show", id).out.contains("allowed: "))
            let allowed = Lifecycle.allowedActions(from: status, source: source)
            for action in RectificationAction.allCases where !allowed.contains(action) {
                let args =
                    ["rectify", action.rawValue, id, "--by", "丙", "--note", "x"]
                    + (action == .assign ? ["--responsible", "丁"] : [])
                let p = process(args)
                let err = Pipe()
                p.standardError = err
                p.standardOutput = FileHandle.nullDevice
                try p.run()
                let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                p.waitUntilExit()
                #expect(p.terminationStatus == 1, "\(action) from \(status)")
                let expected =
                    "cannot \(action.rawValue): item \(id) is \(status.rawValue); allowed: "
                    + allowed.map(\.rawValue).joined(separator: ", ")
                #expect(text == "hegui: \(expected)\n")
            }
        }
        // A check item with evidence submitted is still struck off only by a passing run.
        try hegui("rectify", "dispute", "1", "--by", "代表", "--note", "数据不实")
        try hegui("rectify", "start", "1", "--by", "人事")
        #expect(try hegui("rectify", "submit", "1", "--by", "人事", "--evidence", "排班表.pdf").code == 0)
        let byHand = try hegui("rectify", "verify", "1", "--by", "职工代表")
        #expect(byHand.code == 1)
        #expect(
            byHand.err
                == "hegui: item 1 comes from a check: it is struck off when a check run passes L1 (run hegui check); "
                + "allowed: reject, dispute, assign\n")
        #expect(try hegui("rectify", "show", "1").out.contains("allowed: reject, dispute, assign"))
        let zh = try hegui("rectify", "submit", open, "--by", "丙", lang: "zh-CN")
        #expect(zh.code == 1 && zh.err.contains("当前为「已通知待整改」") && zh.err.contains("允许：start, assign"))
        // A claimed fix needs something to re-check.
        let bare = try hegui("rectify", "submit", inProgress, "--by", "丙")
        #expect(bare.code == 1)
        #expect(
            bare.err == "hegui: submitted needs evidence or a note: give item \(inProgress) --evidence FILE… or --note TEXT\n")
        #expect(try hegui("rectify", "show", inProgress).out.contains("status: in progress"))
        #expect(try hegui("rectify", "submit", inProgress, "--by", "丙", "--note", "已整改").code == 0)
        #expect(try hegui("rectify", "start", "999", "--by", "丙").code == 2)
        #expect(try hegui("ledger", "verify").code == 0)
    }

    @Test func twoProcessesWritingAtOnceKeepOneLinearChain() throws {
        try hegui("inspect", "add", "--date", "2024-04-01", "--team", "组", "--scope", "车间", "--by", "工会")
        let writers = (0..<2).map { n in
            let p = process(["inspect", "bulk-add", "--patrol", "1", "--count", "200", "--by", "writer\(n)"])
            p.standardOutput = FileHandle.nullDevice
            return p
        }
        for p in writers { try p.run() }
        for p in writers { p.waitUntilExit() }
        #expect(writers.allSatisfy { $0.terminationStatus == 0 })
        let items = try Ledger(path: ledger, create: false).items()
        #expect(items.count == 400 && Set(items.map(\.id)).count == 400)
        #expect(try hegui("rectify", "list").out.split(separator: "\n").count == 400)
        let verify = try hegui("ledger", "verify")
        let head = try Ledger(path: ledger, create: false).events().last!.hash
        #expect(verify.code == 0 && verify.out == "audit chain intact: 401 events, head \(head)\n")
    }

    @Test func killedWriterLeavesAVerifiableLedgerWithEverythingCommitted() throws {
        try hegui("inspect", "add", "--date", "2024-04-01", "--team", "组", "--scope", "车间", "--by", "工会")
        let p = process(["inspect", "bulk-add", "--patrol", "1", "--count", "1000000"])
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        var printed = Data()
        while printed.filter({ $0 == 10 }).count < 50 {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            printed.append(chunk)
        }
        kill(p.processIdentifier, SIGKILL)
        printed.append(out.fileHandleForReading.readDataToEndOfFile())
        p.waitUntilExit()
        #expect(p.terminationReason == .uncaughtSignal)
        // A partial last line may be cut by the kill: only whole lines count as committed.
        let committed = String(decoding: printed, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .dropLast().compactMap { Int64($0) }
        #expect(committed.count >= 50)
        let verify = try hegui("ledger", "verify")
        #expect(verify.code == 0, "\(verify.err)")
        let stored = Set(try Ledger(path: ledger, create: false).items().map(\.id))
        #expect(committed.allSatisfy { stored.contains($0) })
        #expect(stored.count >= committed.count)
    }

    @Test func tamperedLedgerFailsVerifyNamingTheEvent() throws {
        try hegui("inspect", "add", "--date", "2024-04-01", "--team", "组", "--scope", "车间", "--by", "工会")
        try hegui("inspect", "issue", "--patrol", "1", "--description", "问题", "--category", "安全", "--grade", "一般", "--by", "工会")
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = ["sqlite3", ledger, "DROP TRIGGER events_no_update; UPDATE events SET actor = 'x' WHERE id = 2;"]
        try sqlite.run()
        sqlite.waitUntilExit()
        try #require(sqlite.terminationStatus == 0, "needs the sqlite3 tool")
        let verify = try hegui("ledger", "verify")
        #expect(verify.code == 1 && verify.err.contains("audit chain broken at event 2"))
    }

    @Test func historyDiffAndUnreadableLedger() throws {
        #expect(try hegui("history").code == 2)  // no ledger yet: nothing is created by reading
        #expect(!FileManager.default.fileExists(atPath: ledger))
        try hegui("inspect", "add", "--date", "2024-04-01", "--team", "组", "--scope", "车间", "--by", "工会")
        #expect(try hegui("history").out == "no check runs in the ledger yet (run hegui check)\n")
        #expect(try hegui("history", lang: "zh-CN").out == "台账中还没有检查记录（运行 hegui check）\n")
        #expect(try hegui("diff", "1", "2").code == 2)
        try Data("not a database".utf8).write(to: URL(fileURLWithPath: dir.appendingPathComponent("bad.sqlite").path))
        let p = process(["rectify", "list"])
        p.arguments = ["rectify", "list", "--ledger", dir.appendingPathComponent("bad.sqlite").path]
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 2)
        #expect(try hegui("inspect", "add", "--date", "2024-13-01", "--team", "组", "--scope", "车间", "--by", "工会").code == 2)
        #expect(try hegui("rectify", "list", "--status", "done").code == 2)
    }
}
