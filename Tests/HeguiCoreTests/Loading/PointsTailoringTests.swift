import Foundation
import HeguiBase
import Testing

@testable import HeguiCore

/// A profile moving indicator points within the bounds a pack declares, each category keeping its total.
@Suite struct PointsTailoringTests {
    typealias F = PackFixture

    /// Category `c` (10): A1 6 (2–8), A2 4 (2–6). Category `d` (10): A3 6 (fixed), A4 4 (1–8).
    static let text = F.packText(
        categories: F.category("c", points: 10) + "\n" + F.category("d", points: 10),
        items: [
            F.indicator("A1", category: "c", points: 6, #"<count of="employee" at-least="1"/>"#),
            F.indicator("A2", category: "c", points: 4, #"<count of="accident" equals="0"/>"#),
            F.indicator("A3", category: "d", points: 6, #"<count of="meeting" at-least="1"/>"#),
            F.indicator("A4", category: "d", points: 4, #"<count of="notice" at-least="1"/>"#),
        ].joined(separator: "\n")
            .replacingOccurrences(of: #"id="A1" category="c" points="6""#, with: #"id="A1" category="c" points="6" min-points="2" max-points="8""#)
            .replacingOccurrences(of: #"id="A2" category="c" points="4""#, with: #"id="A2" category="c" points="4" min-points="2" max-points="6""#)
            .replacingOccurrences(of: #"id="A4" category="d" points="4""#, with: #"id="A4" category="d" points="4" min-points="1" max-points="8""#),
        grading: F.grading(passLine: "17", grades: [("good", "17")]))

    let pack: RulePack

    init() throws {
        pack = try F.pack(Self.text)
    }

    func file(_ text: String) throws -> String {
        let url = try F.temporaryDirectory().appendingPathComponent("profile.xml")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func failure(_ text: String) throws -> [String] {
        let path = try file(text)
        do {
            _ = try Profile.load(path, packs: [pack])
            return ["no error"]
        } catch let error as DiagnosticsError {
            return error.diagnostics.map { d in
                "\(URL(fileURLWithPath: d.location.file).lastPathComponent):\(d.location.line):\(d.location.column): \(d.message)"
            }
        }
    }

    @Test func boundsAreReadFromThePack() {
        #expect(pack.indicators.map(\.pointBounds) == [2...8, 2...6, 6...6, 1...8])
        #expect(pack.indicators.map(\.isTailorable) == [true, true, false, true])
    }

    /// A1 6 → 8 and A2 4 → 2: category `c` keeps 10, the pack 20 and the pass line 17. A2 fails: by the
    /// pack 6 + 0 + 6 + 4 = 16, short of 17 (fix A2, +4); tailored 8 + 0 + 6 + 4 = 18, passed.
    @Test func tailoredPointsScoreExactly() throws {
        let profile = try Profile.load(
            try file(
                """
                <profile>
                  <points pack="p" indicator="A1" value="8" reason="花名册是本厂重点"/>
                  <points pack="p" indicator="A2" value="2" reason="本厂无高危工序"/>
                </profile>
                """), packs: [pack])
        let records = try F.records(
            """
            <employee employeeId="E1"/>
            <accident accidentId="A-1" date="2019-05-01" severity="一般"/>
            <meeting meetingId="M1" heldOn="2019-03-01"/>
            <notice noticeId="N1"/>
            """, for: pack)
        let period = try #require(Period(parsing: "2019"))
        let plain = Assessor(packs: [pack], today: Day(iso: "2020-01-15")!).assess(records, period: period).packs[0]
        #expect(plain.score == 16)
        #expect(!plain.passed)
        #expect(plain.gapToPass.items.map(\.gain) == [4])
        #expect(plain.findings.map(\.points) == [6, 4, 6, 4])
        let tailored = Assessor(packs: [pack], profile: profile, today: Day(iso: "2020-01-15")!).assess(records, period: period)
            .packs[0]
        #expect(tailored.score == 18)
        #expect(tailored.maxScore == 20)
        #expect(tailored.passLine == 17)
        #expect(tailored.passed)
        #expect(tailored.categories.map(\.score) == [8, 10])
        #expect(tailored.categories.map(\.maxScore) == [10, 10])
        #expect(tailored.findings.map(\.points) == [8, 2, 6, 4])
        #expect(tailored.findings.map(\.awarded) == [8, 0, 6, 4])
        #expect(
            tailored.findings.map(\.tailoring) == [
                PointsTailoring(packPoints: 6, points: 8, reason: "花名册是本厂重点"),
                PointsTailoring(packPoints: 4, points: 2, reason: "本厂无高危工序"), nil, nil,
            ])
        #expect(tailored.gapToPass.items.isEmpty)
        #expect(tailored.findings[1].tailoring?.note.en == "points tailored: 4 → 2 (本厂无高危工序)")
        #expect(tailored.findings[1].tailoring?.note.zhCN == "分值调整：4 → 2（本厂无高危工序）")
    }

    /// Every element-level mistake at once, each at the attribute (or element) that holds it.
    @Test func everyBadChangeIsReportedAtItsPlace() throws {
        let text = """
            <profile>
              <points pack="nope" indicator="A1" value="7" reason="r"/>
              <points pack="p" indicator="V1" value="1" reason="r"/>
              <points pack="p" indicator="A1" value="many" reason="r"/>
              <points pack="p" indicator="A3" value="5" reason="r"/>
              <points pack="p" indicator="A2" value="7" reason="r"/>
              <points pack="p" indicator="A4" value="5"/>
            </profile>
            """
        #expect(
            try failure(text) == [
                "profile.xml:\(F.position(of: "pack=\"nope\"", in: text)): unknown pack 'nope'",
                "profile.xml:\(F.position(of: "indicator=\"V1\"", in: text)): pack 'p' has no indicator 'V1' (vetoes carry no points)",
                "profile.xml:\(F.position(of: "value=\"many\"", in: text)): 'many' is not a number of points (indicator 'A1')",
                "profile.xml:\(F.position(of: "indicator=\"A3\"", in: text)): indicator 'A3' of pack 'p' has fixed points (6): the pack declares no min-points/max-points for it",
                "profile.xml:\(F.position(of: "value=\"7\"", in: text, occurrence: 2)): 7 points is outside the 2–6 that pack 'p' allows for indicator 'A2'",
                "profile.xml:7:3: <points> needs 'reason' (a change of points must say why)",
            ])
    }

    /// Changes that do not net to zero in a category would move its total: refused at the category's
    /// first change, after the element errors; a balanced category passes.
    @Test func aCategoryThatDoesNotNetToZeroIsRefused() throws {
        let text = """
            <profile>
              <points pack="p" indicator="A4" value="5" reason="多一分"/>
              <points pack="p" indicator="A1" value="7" reason="r"/>
              <points pack="p" indicator="A2" value="3" reason="r"/>
              <points pack="p" indicator="A1" value="7" reason="again"/>
            </profile>
            """
        #expect(
            try failure(text) == [
                "profile.xml:5:3: the points of indicator 'A1' of pack 'p' are set twice",
                "profile.xml:2:3: the points changes in category 'd' of pack 'p' add up to +1, not 0 (the category's points, the total and the pass line stay as the pack sets them)",
            ])
        #expect(
            try failure(
                """
                <profile>
                  <points pack="p" indicator="A1" value="2" reason="少四分"/>
                  <points pack="p" indicator="A2" value="5.5" reason="多一分半"/>
                </profile>
                """) == [
                    "profile.xml:2:3: the points changes in category 'c' of pack 'p' add up to -2.5, not 0 (the category's points, the total and the pass line stay as the pack sets them)"
                ])
    }

    /// The pack's own bounds must hold its points and fit in the category.
    @Test func packBoundsAreChecked() throws {
        let text = F.packText(
            items: F.indicator("I1", points: 10, #"<count of="employee" at-least="1"/>"#)
                .replacingOccurrences(of: #"points="10""#, with: #"points="10" min-points="11" max-points="12""#))
        let (_, lines, _) = try F.load(text)
        #expect(
            lines == [
                "pack.xml:\(F.position(of: "min-points", in: text)): error: the points bounds 11–12 do not include the indicator's 10 points (min-points ≤ points ≤ max-points)",
                "pack.xml:\(F.position(of: "max-points", in: text)): error: max-points 12 is more than category 'c' holds (10 points)",
            ])
    }
}
