import Foundation
import Testing

/// Profiles that tailor the shipped packs: deselected indicators and parameters that change on a date.
@Suite struct TailoringTests {
    func check(_ h: HeguiRun, _ extra: String...) throws -> HeguiRun.Result {
        try h.run(
            [
                "check", "--records", h.path("records"), "--period", "2019", "--no-ledger", "--today", "2020-01-15",
                "--pack", "harmonious-enterprise", "--profile", h.path("profile.xml"), "--lang", "en",
            ] + extra)
    }

    @Test func aDeselectedIndicatorIsNotSelectedWithItsReasonNeverPassed() throws {
        let h = try HeguiRun()
        try FileManager.default.copyItem(at: MissingDataTests.ningbo, to: h.dir.appendingPathComponent("records"))
        try h.write(
            "profile.xml",
            """
            <profile enterprise="浙江中烟宁波卷烟厂">
              <deselect pack="harmonious-enterprise" indicator="E03" reason="本年度无新建项目，环评不适用"/>
            </profile>
            """)
        let text = try check(h)
        #expect(text.code == 0, "\(text.err)")
        let lines = text.out.split(separator: "\n").map(String.init)
        let row = try #require(lines.firstIndex { $0.hasPrefix("  E03 ") })
        #expect(lines[row].contains("not selected"), "\(lines[row])")
        #expect(!lines[row].contains(" pass "))
        #expect(lines[row + 1].trimmingCharacters(in: .whitespaces) == "not selected: 本年度无新建项目，环评不适用")
        let json = try check(h, "--format", "json")
        let pack = try #require((try jsonObject(json.out)["packs"] as? [[String: Any]])?.first)
        let e03 = try #require((pack["findings"] as? [[String: Any]])?.first { $0["id"] as? String == "E03" })
        #expect(e03["outcome"] as? String == "notSelected")
        let chinese = try check(h, "--lang", "zh-CN")
        #expect(chinese.out.contains("未选用：本年度无新建项目，环评不适用"))
    }

    @Test func aDeselectionWithoutAReasonIsRefused() throws {
        let h = try HeguiRun()
        try FileManager.default.copyItem(at: MissingDataTests.ningbo, to: h.dir.appendingPathComponent("records"))
        try h.write("profile.xml", "<profile>\n  <deselect pack=\"harmonious-enterprise\" indicator=\"E03\"/>\n</profile>\n")
        let result = try check(h)
        #expect(result.code == 2)
        #expect(
            result.stripped(h.dir).err.hasPrefix(
                "profile.xml:2:3: error: <deselect> needs 'reason' (a deselected indicator must say why)"), "\(result.err)")
    }

    @Test func aMinimumWageRaisedMidYearJudgesEachMonthByItsOwnValue() throws {
        let h = try HeguiRun()
        try FileManager.default.copyItem(at: MissingDataTests.ningbo, to: h.dir.appendingPathComponent("records"))
        // 2100 a month: above 2010 (January–June), below 2280 (from July).
        try h.write(
            "records/payroll.csv",
            """
            工号,工资月份,应发工资,约定发放日,实际发放日,欠发金额
            E0001,2019-06-01,2100,2019-07-10,2019-07-09,0
            E0001,2019-07-01,2100,2019-08-10,2019-08-09,0
            E0002,2019-12-01,2300,2020-01-10,2020-01-09,0

            """)
        try h.write(
            "profile.xml",
            """
            <profile>
              <parameter pack="harmonious-enterprise" name="minimumWage" value="2280" effective-from="2019-07-01"/>
            </profile>
            """)
        let json = try check(h, "--format", "json")
        #expect(json.code == 1, "\(json.err)")
        let pack = try #require((try jsonObject(json.out)["packs"] as? [[String: Any]])?.first)
        let l03 = try #require((pack["findings"] as? [[String: Any]])?.first { $0["id"] as? String == "L03" })
        #expect(l03["outcome"] as? String == "fail")
        let evidence = try #require(l03["evidence"] as? [[String: Any]])
        #expect(evidence.map { $0["line"] as? Int } == [3])
        let text = try check(h)
        #expect(
            text.out.contains(
                "parameters by each record's date (totals by the period's last day, 2019-12-31): $minimumWage: 2010 before, 2280 from 2019-07-01"
            ), "\(text.out)")
        // Without the dated override, June and July both pass at 2010.
        try h.write("profile.xml", "<profile/>\n")
        let plain = try check(h, "--format", "json")
        let plainPack = try #require((try jsonObject(plain.out)["packs"] as? [[String: Any]])?.first)
        let plainL03 = try #require((plainPack["findings"] as? [[String: Any]])?.first { $0["id"] as? String == "L03" })
        #expect(plainL03["outcome"] as? String == "pass")
    }
}

/// AK08 reads the patrols and issues recorded in hegui's own ledger when the folder has no files for them.
@Suite struct LedgerPatrolRecordsTests {
    @Test func ak08CountsLedgerPatrolsAndJudgesLedgerIssues() throws {
        let h = try HeguiRun()
        try FileManager.default.copyItem(at: MissingDataTests.ningbo, to: h.dir.appendingPathComponent("records"))
        try FileManager.default.removeItem(atPath: h.path("records/patrol.csv"))
        try FileManager.default.removeItem(atPath: h.path("records/rectification.csv"))
        let ledger = h.path("records/hegui.sqlite")
        func ak08() throws -> [String: Any] {
            let result = try h.run(
                "check", "--records", h.path("records"), "--period", "2019", "--pack", "ankang-cup", "--today", "2020-01-15",
                "--ledger", ledger, "--format", "json", "--lang", "en")
            let pack = try #require((try jsonObject(result.out)["packs"] as? [[String: Any]])?.first)
            return try #require((pack["findings"] as? [[String: Any]])?.first { $0["id"] as? String == "AK08" })
        }
        // No patrol file and no patrol in the ledger: the patrol count cannot be made.
        #expect(try ak08()["outcome"] as? String == "error")
        let add = try h.run(
            "inspect", "add", "--date", "2019-09-17", "--team", "第一巡视组", "--scope", "食堂", "--by", "工会", "--ledger", ledger,
            "--lang", "en")
        #expect(add.code == 0, "\(add.err)")
        #expect(try ak08()["outcome"] as? String == "pass")
        let issue = try h.run(
            "inspect", "issue", "--patrol", "1", "--description", "照明不足", "--category", "安全", "--grade", "一般",
            "--responsible", "王", "--by", "工会", "--ledger", ledger, "--lang", "en")
        #expect(issue.code == 0, "\(issue.err)")
        // Due 2019-10-02 and never verified: not struck off.
        #expect(try ak08()["outcome"] as? String == "fail")
    }
}
