import Foundation
import Testing

/// A profile that moves 和谐企业 points within the pack's bounds, through the built binary.
@Suite struct PointsTailoringCommandTests {
    /// L03 4 → 6, L06 3 → 2, L12 3 → 2: the 劳动关系 category keeps its 40 points.
    static let profile = """
        <profile enterprise="浙江中烟宁波卷烟厂">
          <points pack="harmonious-enterprise" indicator="L03" value="6" reason="工资支付是本厂首要风险"/>
          <points pack="harmonious-enterprise" indicator="L06" value="2" reason="单班制，加班很少"/>
          <points pack="harmonious-enterprise" indicator="L12" value="2" reason="近五年无劳动争议"/>
        </profile>
        """

    /// The Ningbo records with one June wage (1900) below the minimum wage (2010): L03 fails.
    func setUp() throws -> HeguiRun {
        let h = try HeguiRun()
        try FileManager.default.copyItem(at: MissingDataTests.ningbo, to: h.dir.appendingPathComponent("records"))
        try h.write(
            "records/payroll.csv",
            """
            工号,工资月份,应发工资,约定发放日,实际发放日,欠发金额
            E0001,2019-06-01,1900,2019-07-10,2019-07-09,0
            E0002,2019-12-01,2300,2020-01-10,2020-01-09,0

            """)
        try h.write("profile.xml", Self.profile)
        return h
    }

    func check(_ h: HeguiRun, profile: Bool = true, _ extra: String...) throws -> HeguiRun.Result {
        try h.run(
            [
                "check", "--records", h.path("records"), "--period", "2019", "--no-ledger", "--today", "2020-01-15",
                "--pack", "harmonious-enterprise", "--lang", "en",
            ] + (profile ? ["--profile", h.path("profile.xml")] : []) + extra)
    }

    func pack(_ result: HeguiRun.Result) throws -> [String: Any] {
        try #require((try jsonObject(result.out)["packs"] as? [[String: Any]])?.first)
    }

    func finding(_ pack: [String: Any], _ id: String) throws -> [String: Any] {
        try #require((pack["findings"] as? [[String: Any]])?.first { $0["id"] as? String == id })
    }

    @Test func movedPointsScoreExactlyAndTotalsStay() throws {
        let h = try setUp()
        let plain = try pack(try check(h, profile: false, "--format", "json"))
        let tailored = try pack(try check(h, "--format", "json"))
        // L03 fails either way (every other indicator passes). By the pack it costs 4: 96, 劳动关系 36
        // of 40, at its minimum 36, passed. Tailored it costs 6: 94, 劳动关系 34, below the unchanged
        // minimum, so the pack fails although the score clears the unchanged pass line of 85.
        #expect(plain["score"] as? Double == 96)
        #expect(plain["passed"] as? Bool == true)
        #expect(tailored["score"] as? Double == 94)
        #expect(tailored["passed"] as? Bool == false)
        #expect(tailored["maxScore"] as? Double == 100)
        #expect(tailored["passLine"] as? Double == 85)
        let labour = try #require((tailored["categories"] as? [[String: Any]])?.first { $0["id"] as? String == "labour" })
        #expect(labour["score"] as? Double == 34)
        #expect(labour["maxScore"] as? Double == 40)
        #expect(labour["minimum"] as? Double == 36)
        let gap = try #require(tailored["gapToPass"] as? [String: Any])
        #expect((gap["items"] as? [[String: Any]])?.map { $0["gain"] as? Double } == [6])
        let l03 = try finding(tailored, "L03")
        #expect(l03["outcome"] as? String == "fail")
        #expect(l03["points"] as? Double == 6)
        #expect(l03["awarded"] as? Double == 0)
        let tailoring = try #require(l03["tailoring"] as? [String: Any])
        #expect(tailoring["packPoints"] as? Double == 4)
        #expect(tailoring["points"] as? Double == 6)
        #expect(tailoring["reason"] as? String == "工资支付是本厂首要风险")
        let l06 = try finding(tailored, "L06")
        #expect(l06["outcome"] as? String == "pass")
        #expect(l06["points"] as? Double == 2)
        #expect(l06["awarded"] as? Double == 2)
        #expect(try finding(tailored, "L01")["tailoring"] is NSNull)
        #expect(try finding(plain, "L03")["tailoring"] is NSNull)
    }

    @Test func everyReportListsEachChangeWithItsReason() throws {
        let h = try setUp()
        let text = try check(h)
        #expect(text.code == 1, "\(text.err)")
        let lines = text.out.split(separator: "\n").map(String.init)
        for (id, note) in [
            ("L03", "points tailored: 4 → 6 (工资支付是本厂首要风险)"), ("L06", "points tailored: 3 → 2 (单班制，加班很少)"),
            ("L12", "points tailored: 3 → 2 (近五年无劳动争议)"),
        ] {
            let row = try #require(lines.firstIndex { $0.hasPrefix("  \(id) ") })
            let below = lines[(row + 1)...].prefix { $0.hasPrefix("      ") }.map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(below.contains(note), "\(id): \(below)")
        }
        let chinese = try check(h, "--lang", "zh-CN")
        #expect(chinese.out.contains("分值调整：3 → 2（单班制，加班很少）"))
        let junit = try check(h, "--format", "junit")
        #expect(junit.out.contains("<system-out>points tailored: 3 → 2 (单班制，加班很少)</system-out>"), "\(junit.out)")
        let html = try check(h, "--format", "html")
        #expect(html.out.contains("points tailored: 3 → 2 (单班制，加班很少)"))
        let explain = try h.run(
            "explain", "L06", "--records", h.path("records"), "--period", "2019", "--today", "2020-01-15", "--no-ledger",
            "--profile", h.path("profile.xml"), "--lang", "en")
        #expect(explain.code == 0, "\(explain.err)")
        #expect(explain.out.contains("outcome: pass, 2 of 2 points"), "\(explain.out)")
        #expect(explain.out.contains("  points tailored: 3 → 2 (单班制，加班很少)"), "\(explain.out)")
    }

    @Test func aBadProfileIsRefusedWithEveryErrorLocated() throws {
        let h = try setUp()
        try h.write(
            "profile.xml",
            """
            <profile>
              <points pack="harmonious-enterprise" indicator="L06" value="7" reason="r"/>
              <points pack="ankang-cup" indicator="AK02" value="7" reason="r"/>
              <points pack="ankang-cup" indicator="AKV1" value="1" reason="r"/>
              <points pack="harmonious-enterprise" indicator="C05" value="2"/>
              <points pack="harmonious-enterprise" indicator="E01" value="4" reason="多一分"/>
            </profile>
            """)
        let result = try h.run(
            "check", "--records", h.path("records"), "--period", "2019", "--no-ledger", "--today", "2020-01-15",
            "--profile", h.path("profile.xml"), "--lang", "en")
        #expect(result.code == 2)
        #expect(result.out.isEmpty)
        #expect(
            result.stripped(h.dir).err.split(separator: "\n").map(String.init).prefix(5) == [
                "profile.xml:2:56: error: 7 points is outside the 1–6 that pack 'harmonious-enterprise' allows for indicator 'L06'",
                "profile.xml:3:29: error: indicator 'AK02' of pack 'ankang-cup' has fixed points (6): the pack declares no min-points/max-points for it",
                "profile.xml:4:29: error: pack 'ankang-cup' has no indicator 'AKV1' (vetoes carry no points)",
                "profile.xml:5:3: error: <points> needs 'reason' (a change of points must say why)",
                "profile.xml:6:3: error: the points changes in category 'environment' of pack 'harmonious-enterprise' add up to +1, not 0 (the category's points, the total and the pass line stay as the pack sets them)",
            ])
    }
}
