import Foundation
import Testing

/// Data missing is never a pass: absent columns, empty folders and empty rosters with the shipped rules.
@Suite struct MissingDataTests {
    /// `<package root>/fixtures/ningbo-2019`, copied so a test can change one file.
    static let ningbo = HeguiRun.binary.deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fixtures/ningbo-2019")

    /// Copies the Ningbo 2019 year into `records/` of the run's folder.
    func copyNingbo(_ h: HeguiRun) throws {
        try FileManager.default.copyItem(at: Self.ningbo, to: h.dir.appendingPathComponent("records"))
    }

    func check(_ h: HeguiRun, _ extra: String...) throws -> HeguiRun.Result {
        try h.run(
            ["check", "--records", h.path("records"), "--period", "2019", "--no-ledger", "--today", "2020-01-15", "--lang", "en"]
                + extra)
    }

    @Test func aFatalAccidentInAFileWithoutTheCasualtyColumnsIsAnErrorThatBlocksThePass() throws {
        let h = try HeguiRun()
        try copyNingbo(h)
        // The grade says 一般 and the header has no 死亡人数/重伤人数 columns: the veto cannot be cleared.
        try h.write("records/incident.csv", "编号,发生日期,事件类别,事故等级,轻伤人数,经过\nSG-1,2019-08-14,火灾,一般,0,仓库火灾\n")
        let result = try check(h, "--pack", "harmonious-enterprise", "--format", "json")
        #expect(result.code == 1, "\(result.err)")
        let pack = try #require((try jsonObject(result.out)["packs"] as? [[String: Any]])?.first)
        #expect(pack["passed"] as? Bool == false)
        let vetoes = try #require(pack["vetoes"] as? [[String: Any]])
        let v1 = try #require(vetoes.first { $0["id"] as? String == "V1" })
        #expect(v1["hasError"] as? Bool == true)
        #expect(((pack["gapToPass"] as? [String: Any])?["blockingVetoes"] as? [String])?.contains("V1") == true)
        let text = try check(h, "--pack", "harmonious-enterprise")
        #expect(
            text.stripped(h.dir).out.contains(
                "records/incident.csv:1:1: the 'incident' records file has no column 'deaths' (死亡人数); this rule reads it and cannot be judged"
            ), "\(text.out)")
        let chinese = try check(h, "--pack", "harmonious-enterprise", "--lang", "zh-CN")
        #expect(chinese.out.contains("“incident”记录文件缺少“死亡人数”（deaths）列；本规则读取该列，无法判定"))
    }

    @Test func anEmptyRecordsFolderExitsTwoWithNoScoreAndNoLedger() throws {
        let h = try HeguiRun()
        try FileManager.default.createDirectory(at: h.dir.appendingPathComponent("records"), withIntermediateDirectories: true)
        try h.write("records/notes.txt", "nothing here")
        let result = try h.run(
            "check", "--records", h.path("records"), "--period", "2019", "--today", "2020-01-15", "--lang", "en")
        #expect(result.code == 2)
        #expect(result.out == "")
        #expect(
            result.stripped(h.dir).err.hasPrefix("records: error: no records file of a known kind"), "\(result.err)")
        #expect(result.err.contains("the check stopped without a score"))
        #expect(!FileManager.default.fileExists(atPath: h.path("records/hegui.sqlite")))
        #expect(!FileManager.default.fileExists(atPath: h.path("hegui.sqlite")))
        let chinese = try h.run("check", "--records", h.path("records"), "--period", "2019", "--lang", "zh-CN")
        #expect(chinese.code == 2 && chinese.err.contains("没有可识别的记录文件"))
        #expect(!FileManager.default.fileExists(atPath: h.path("records/hegui.sqlite")))
        #expect(!FileManager.default.fileExists(atPath: h.path("hegui.sqlite")))
        #expect(!FileManager.default.fileExists(atPath: h.path("hegui.sqlite")))
    }

    @Test func aHeaderOnlyRosterIsAnErrorNotANationalWinner() throws {
        let h = try HeguiRun()
        try copyNingbo(h)
        let header = try #require(
            String(contentsOf: Self.ningbo.appendingPathComponent("employee.csv"), encoding: .utf8)
                .split(separator: "\n").first)
        try h.write("records/employee.csv", header + "\n")
        let result = try check(h, "--pack", "ankang-cup", "--format", "json")
        #expect(result.code == 1)
        let pack = try #require((try jsonObject(result.out)["packs"] as? [[String: Any]])?.first)
        #expect(pack["passed"] as? Bool == false)
        #expect((pack["grade"] as? [String: Any])?["id"] as? String == "fail")
        let findings = try #require(pack["findings"] as? [[String: Any]])
        let ak09 = try #require(findings.first { $0["id"] as? String == "AK09" })
        #expect(ak09["outcome"] as? String == "error")
        let text = try check(h, "--pack", "ankang-cup")
        #expect(
            text.stripped(h.dir).out.contains(
                "records/employee.csv: 'Employee roster' (employee) has no records; the pack requires at least one"),
            "\(text.out)")
    }

    @Test func aLookBackWithBareYearsSaysSoInTheReport() throws {
        let h = try HeguiRun()
        try copyNingbo(h)
        let text = try check(h, "--pack", "harmonious-enterprise")
        #expect(text.code == 0)
        #expect(
            text.out.contains(
                "note: V1 look-back 2017-01-01–2019-12-31: no 'incident' records at all in 2017, 2018; those years are unattested, not cleared"
            ), "\(text.out)")
        let json = try check(h, "--pack", "harmonious-enterprise", "--format", "json")
        let pack = try #require((try jsonObject(json.out)["packs"] as? [[String: Any]])?.first)
        let v1 = try #require((pack["vetoes"] as? [[String: Any]])?.first { $0["id"] as? String == "V1" })
        #expect((v1["coverage"] as? [String: Any])?["en"] as? String != nil)
    }
}
