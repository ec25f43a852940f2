import Foundation
import Testing

/// One problem, one item; the overdue history; reopening; 公示; the 台账 export — on the command line.
@Suite struct LedgerHistoryCommandTests {
    let h: HeguiRun

    init() throws { h = try HeguiRun() }

    @discardableResult
    func hegui(_ args: [String], today: String) throws -> HeguiRun.Result {
        try h.run(args + ["--ledger", h.path("hegui.sqlite"), "--today", today, "--lang", "en"])
    }

    @Test func anItemOnceOverdueStaysMarkedAndAReopenedItemGetsAFreshDeadline() throws {
        #expect(try hegui(["inspect", "add", "--date", "2024-04-01", "--team", "一组", "--scope", "食堂", "--by", "工会"], today: "2024-04-01").code == 0)
        let issue = try hegui(
            ["inspect", "issue", "--patrol", "1", "--description", "照明不足", "--category", "安全", "--grade", "一般",
             "--responsible", "王", "--rechecker", "李", "--by", "工会"], today: "2024-04-01")
        #expect(issue.out == "added item 1, deadline 2024-04-16\n")
        // Four days late the deadline is moved: no longer overdue, but marked as having been.
        let moved = try hegui(
            ["rectify", "assign", "1", "--deadline", "2024-05-01", "--note", "等待灯具", "--by", "主任"], today: "2024-04-20")
        #expect(moved.code == 0)
        let list = try hegui(["rectify", "list"], today: "2024-04-21")
        #expect(list.out.contains("due 2024-05-01  [was overdue (deadline 2024-04-16 missed)]  安全"))
        #expect(!list.out.contains("OVERDUE"))
        #expect(try hegui(["rectify", "start", "1", "--by", "王"], today: "2024-04-22").code == 0)
        #expect(try hegui(["rectify", "submit", "1", "--by", "王", "--note", "已更换"], today: "2024-04-23").code == 0)
        #expect(try hegui(["rectify", "verify", "1", "--by", "李"], today: "2024-04-24").code == 0)
        let show = try hegui(["rectify", "show", "1"], today: "2024-04-25")
        #expect(show.out.contains("overdue history: was overdue (deadline 2024-04-16 missed)\n"))
        // Reopened on 05-10: a fresh deadline of the grade's 15 days, the history kept.
        let reopened = try hegui(["rectify", "reopen", "1", "--by", "工会"], today: "2024-05-10")
        #expect(reopened.code == 0 && reopened.out == "item 1: verified (struck off) → open, new deadline 2024-05-25\n")
        let csv = try hegui(["ledger", "export", "--format", "csv"], today: "2024-05-11")
        let row = try #require(csv.out.components(separatedBy: "\r\n").first { $0.hasPrefix("1,patrol,") })
        #expect(row.hasSuffix(",2024-05-25,李,open,,,,no,no,yes,2024-04-16,no,,0"))
        #expect(try hegui(["ledger", "verify"], today: "2024-05-11").code == 0)
    }

    @Test func publicationIsRecordedOnceAfterTheRecheck() throws {
        #expect(try hegui(["inspect", "add", "--date", "2024-04-01", "--team", "一组", "--scope", "食堂", "--by", "工会"], today: "2024-04-01").code == 0)
        #expect(try hegui(["inspect", "issue", "--patrol", "1", "--description", "照明不足", "--category", "安全", "--grade", "一般", "--by", "工会"], today: "2024-04-01").code == 0)
        let early = try hegui(["rectify", "publish", "1", "--by", "工会"], today: "2024-04-02")
        #expect(early.code == 1 && early.err.contains("item 1 cannot be published before its re-check has passed (it is open)"))
        #expect(try hegui(["rectify", "start", "1", "--by", "王"], today: "2024-04-02").code == 0)
        #expect(try hegui(["rectify", "submit", "1", "--by", "王", "--note", "已更换"], today: "2024-04-03").code == 0)
        #expect(try hegui(["rectify", "verify", "1", "--by", "李"], today: "2024-04-04").code == 0)
        let published = try hegui(["rectify", "publish", "1", "--by", "工会", "--on", "2024-04-05"], today: "2024-04-06")
        #expect(published.code == 0 && published.out == "item 1: published 2024-04-05\n")
        let again = try hegui(["rectify", "publish", "1", "--by", "工会"], today: "2024-04-07")
        #expect(again.code == 1 && again.err.contains("item 1 was already published on 2024-04-05"))
        #expect(try hegui(["rectify", "list"], today: "2024-04-07").out.contains("[published 2024-04-05]"))
    }

    @Test func exportNamesTheChainHeadThatVerifyAnchors() throws {
        #expect(try hegui(["inspect", "add", "--date", "2024-04-01", "--team", "一组", "--scope", "食堂", "--by", "工会"], today: "2024-04-01").code == 0)
        let exported = try hegui(["ledger", "export", "--format", "json", "--output", h.path("t.json")], today: "2024-04-02")
        let line = try #require(exported.err.components(separatedBy: "\n").first { $0.hasPrefix("audit chain head: ") })
        let anchor = try #require(line.components(separatedBy: "--anchor ").last?.dropLast())
        let object = try jsonObject(try String(contentsOfFile: h.path("t.json"), encoding: .utf8))
        #expect((object["chainHead"] as? [String: Any])?["anchor"] as? String == String(anchor))
        #expect(try hegui(["ledger", "verify", "--anchor", String(anchor)], today: "2024-04-02").code == 0)
    }
}

/// A check failing because of a patrol issue already in the ledger links to that issue (AK08).
@Suite struct OneProblemOneItemTests {
    @Test func ak08FailingOnALedgerIssueLinksToItInsteadOfOpeningASecondItem() throws {
        let h = try HeguiRun()
        try FileManager.default.copyItem(at: MissingDataTests.ningbo, to: h.dir.appendingPathComponent("records"))
        try FileManager.default.removeItem(atPath: h.path("records/patrol.csv"))
        try FileManager.default.removeItem(atPath: h.path("records/rectification.csv"))
        let ledger = h.path("hegui.sqlite")
        func run(_ args: String..., today: String = "2020-01-15") throws -> HeguiRun.Result {
            try h.run(args + ["--ledger", ledger, "--today", today, "--lang", "en"])
        }
        #expect(try run("inspect", "add", "--date", "2019-09-17", "--team", "第一巡视组", "--scope", "食堂", "--by", "工会").code == 0)
        #expect(try run("inspect", "issue", "--patrol", "1", "--description", "照明不足", "--category", "安全", "--grade", "一般", "--responsible", "王", "--by", "工会").code == 0)
        func check() throws -> HeguiRun.Result {
            try run("check", "--records", h.path("records"), "--period", "2019", "--pack", "ankang-cup")
        }
        let first = try check()
        #expect(first.code == 1 && first.err.contains("1 failures linked to items already in the ledger (one problem, one item)"))
        #expect(try check().code == 1)
        func ak08Items() throws -> [[String: Any]] {
            let items = try #require(try jsonObject(try run("ledger", "export", "--format", "json").out)["items"] as? [[String: Any]])
            return items.filter { $0["indicator"] as? String == "AK08" }
        }
        // One item for the problem: the patrol issue itself, tied to AK08 once.
        let linked = try ak08Items()
        #expect(linked.count == 1 && linked.first?["id"] as? Int == 1 && linked.first?["source"] as? String == "patrol")
        let show = try run("rectify", "show", "1")
        #expect(show.out.components(separatedBy: "  link  ").count == 2)
        #expect(show.out.contains("AK08 fails for 2019 because of this item; linked here instead of opening a second item"))
        // Fixed on time and published: AK08 passes, still with one item.
        #expect(try run("rectify", "start", "1", "--by", "王", today: "2019-09-20").code == 0)
        #expect(try run("rectify", "submit", "1", "--by", "王", "--note", "已更换", today: "2019-09-25").code == 0)
        #expect(try run("rectify", "verify", "1", "--by", "职工代表李", today: "2019-09-30").code == 0)
        #expect(try run("rectify", "publish", "1", "--by", "工会", today: "2019-10-01").code == 0)
        let fixed = try run(
            "check", "--records", h.path("records"), "--period", "2019", "--pack", "ankang-cup", "--format", "json")
        let pack = try #require((try jsonObject(fixed.out)["packs"] as? [[String: Any]])?.first)
        let ak08 = try #require((pack["findings"] as? [[String: Any]])?.first { $0["id"] as? String == "AK08" })
        #expect(ak08["outcome"] as? String == "pass")
        #expect(try ak08Items().count == 1)
        #expect(try run("ledger", "verify").code == 0)
    }
}
