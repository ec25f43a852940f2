import Testing

@testable import HeguiCore

/// Whole-pack results: applicability, deductions, vetoes, category minimums, grades, gap to pass, waivers.
@Suite struct PackEvaluatorTests {
    typealias F = PackFixture

    static let alwaysMet = #"<count of="employee" at-least="0"/>"#
    static let allSigned =
        #"<share of="employee" at-least="100%"><that><field name="contractSigned" equals="true"/></that></share>"#

    /// `n` employees of whom `unsigned` have no signed contract.
    func roster(_ n: Int, unsigned: Int) -> String {
        (1...n).map { #"<employee employeeId="E\#($0)" contractSigned="\#($0 <= unsigned ? "否" : "是")"/>"# }.joined(
            separator: "\n")
    }

    // MARK: - Applicability

    @Test func anIndicatorThatDoesNotApplyScoresFullPoints() throws {
        let pack = try F.single("<applies-when><count of=\"accident\" at-least=\"1\"/></applies-when>\n" + Self.allSigned)
        let finding = try F.finding(pack, roster(2, unsigned: 1))
        #expect(finding.outcome == .notApplicable && finding.awarded == 10)
        #expect(finding.message?.en.hasPrefix("does not apply: ") == true)
        let applies = try F.finding(pack, roster(2, unsigned: 1) + "\n" + #"<accident accidentId="A1" date="2019-05-05"/>"#)
        #expect(applies.outcome == .fail && applies.awarded == 0)
    }

    @Test func anApplicabilityCheckThatErrorsIsAnError() throws {
        let pack = try F.single("<applies-when><count of=\"accident\" at-least=\"1\"/></applies-when>\n" + Self.allSigned)
        let finding = try F.finding(pack, roster(2, unsigned: 0), missing: ["accident"])
        #expect(finding.outcome == .error && finding.awarded == 0)
        #expect(finding.message?.en.contains("accident.csv") == true)
    }

    // MARK: - Deductions

    /// A pack where I1 is worth 4 points (0.25 off per 1 % short) and I2 the other 6.
    func deductionPack(_ check: String = allSigned, deduct: String = #"<deduct points="0.25" per="1%"/>"#) throws -> RulePack {
        try F.pack(
            F.packText(
                items: F.indicator("I1", points: 4, check + "\n" + deduct) + "\n" + F.indicator("I2", points: 6, Self.alwaysMet)))
    }

    @Test func twoPercentShortCostsHalfAPoint() throws {
        let finding = try F.finding(try deductionPack(), roster(50, unsigned: 1))  // 98 %
        #expect(finding.outcome == .fail && finding.check.measured == 0.98 && finding.awarded == 3.5)
        let assessment = try F.assess(try deductionPack(), try F.records(roster(50, unsigned: 1), for: try deductionPack()))
        #expect(assessment.score == 9.5 && assessment.passed && assessment.grade.id == "excellent")
    }

    @Test func halfAPercentShortIsRoundedUpToAWholeUnit() throws {
        let finding = try F.finding(try deductionPack(), roster(200, unsigned: 1))  // 99.5 %
        #expect(finding.outcome == .fail && finding.awarded == 3.75)
    }

    @Test func exactPercentagesDoNotRoundUpAnExtraUnit() throws {
        // 97 % (3 of 100 unsigned): exactly 3 units even though 1 − 0.97 is not exact in binary.
        #expect(try F.finding(try deductionPack(), roster(100, unsigned: 3)).awarded == 3.25)
        #expect(try F.finding(try deductionPack(), roster(100, unsigned: 7)).awarded == 2.25)
    }

    @Test func deductionsAreFlooredAtZero() throws {
        let finding = try F.finding(try deductionPack(), roster(4, unsigned: 2))  // 50 % short
        #expect(finding.outcome == .fail && finding.awarded == 0)
    }

    @Test func perOffenderDeductions() throws {
        let every = #"<every of="employee"><that><field name="contractSigned" equals="true"/></that></every>"#
        let one = try deductionPack(every, deduct: #"<deduct points="1"/>"#)
        #expect(try F.finding(one, roster(10, unsigned: 3)).awarded == 1)
        let perTwo = try deductionPack(every, deduct: #"<deduct points="1" per="2"/>"#)
        #expect(try F.finding(perTwo, roster(10, unsigned: 3)).awarded == 2)  // 3 offenders = 2 units of 2
        let noDeduction = try F.pack(
            F.packText(items: F.indicator("I1", points: 4, every) + "\n" + F.indicator("I2", points: 6, Self.alwaysMet)))
        #expect(try F.finding(noDeduction, roster(10, unsigned: 1)).awarded == 0)
    }

    @Test func anErrorIsNeverPartlyCredited() throws {
        let finding = try F.finding(try deductionPack(), "")
        #expect(finding.outcome == .error && finding.awarded == 0)
    }

    // MARK: - Vetoes

    func vetoPack(lookBack: String? = "3y") throws -> RulePack {
        try F.single(
            Self.alwaysMet,
            vetoes: F.veto(
                "V1", lookBack: lookBack,
                #"<count of="accident" equals="0"><where><field name="severity" equals="重大"/></where></count>"#))
    }

    func accident(_ date: String) -> String { #"<accident accidentId="A1" date="\#(date)" severity="重大"/>"# }

    @Test func aLookBackVetoSeesThreeYearsEndingWithThePeriod() throws {
        let pack = try vetoPack()
        func fired(_ date: String) throws -> Bool { try F.assess(pack, try F.records(accident(date), for: pack)).vetoes[0].fired }
        #expect(try fired("2017-06-01"))  // two years before 2019
        #expect(try fired("2017-01-01"))
        #expect(try !fired("2016-12-31"))
        #expect(try !fired("2015-06-01"))  // four years before
        #expect(try !fired("2020-01-01"))
        let window = try F.assess(pack, try F.records("", for: pack)).vetoes[0].window
        #expect(window.start.description == "2017-01-01" && window.end.description == "2019-12-31")
    }

    @Test func aLookBackFromAParameter() throws {
        let parameter = #"<parameter name="window" type="duration" default="1y">\#(F.titles("追溯", "window"))</parameter>"#
        let pack = try F.single(
            Self.alwaysMet, parameters: parameter,
            vetoes: F.veto("V1", lookBack: "$window", #"<count of="accident" equals="0"/>"#))
        #expect(try !F.assess(pack, try F.records(accident("2018-06-01"), for: pack)).vetoes[0].fired)
        let longer = PackEvaluator(
            pack: pack, parameters: ["window": .duration(Duration(2, .years))], today: Day(iso: "2020-01-15")!)
        #expect(
            longer.evaluate(try F.records(accident("2018-06-01"), for: pack), period: Period(parsing: "2019")!).vetoes[0].fired)
    }

    @Test func withoutALookBackAVetoSeesThePeriodOnly() throws {
        let pack = try vetoPack(lookBack: nil)
        #expect(try !F.assess(pack, try F.records(accident("2018-06-01"), for: pack)).vetoes[0].fired)
        #expect(try F.assess(pack, try F.records(accident("2019-06-01"), for: pack)).vetoes[0].fired)
    }

    @Test func aFiredVetoFailsThePackEvenAtFullScore() throws {
        let pack = try vetoPack()
        let assessment = try F.assess(pack, try F.records(accident("2018-02-02"), for: pack))
        #expect(assessment.score == 10 && assessment.maxScore == 10)
        #expect(!assessment.passed)
        #expect(assessment.grade.id == "fail" && assessment.grade.title.en == "Failed")
        #expect(assessment.firedVetoes.map(\.id) == ["V1"])
        #expect(assessment.vetoes[0].checks[0].evidence.map(\.line) == [2])
        #expect(
            assessment.gapToPass.blockingVetoes == ["V1"] && !assessment.gapToPass.reachable && assessment.gapToPass.items.isEmpty
        )
    }

    @Test func aVetoThatCannotBeEvaluatedBlocksThePassButDoesNotFire() throws {
        let pack = try vetoPack()
        let assessment = try F.assess(pack, try F.records("", for: pack, missing: ["accident"]))
        #expect(!assessment.vetoes[0].fired && assessment.vetoes[0].hasError)
        #expect(!assessment.passed && assessment.gapToPass.blockingVetoes == ["V1"])
    }

    // MARK: - Categories, grades, gap

    /// Category a (6 points, minimum 5): A1 3, A2 3; category b (4): B1 4. Pass line 6, grades good 6, top 9.
    func twoCategoryPack() throws -> RulePack {
        let fails = #"<count of="accident" at-least="1"/>"#
        _ = fails
        let items = [("A1", "a", 3.0), ("A2", "a", 3.0), ("B1", "b", 4.0)]
            .map {
                F.indicator(
                    $0.0, category: $0.1, points: $0.2,
                    #"<count of="employee" at-most="0"><where><field name="dept" equals="\#($0.0)"/></where></count>"#)
            }
            .joined(separator: "\n")
        return try F.pack(
            F.packText(
                categories: F.category("a", points: 6, minimum: "5") + "\n" + F.category("b", points: 4), items: items,
                grading: F.grading(passLine: "6", grades: [("good", "6"), ("top", "9")])))
    }

    /// An employee in each named department fails that indicator.
    func failing(_ ids: String...) -> String {
        ids.enumerated().map { #"<employee employeeId="E\#($0.offset)" dept="\#($0.element)"/>"# }.joined(separator: "\n")
    }

    @Test func gradesFollowTheHighestLineReached() throws {
        let pack = try twoCategoryPack()
        let full = try F.assess(pack, try F.records("", for: pack))
        #expect(full.score == 10 && full.passed && full.grade.id == "top")
        let seven = try F.assess(pack, try F.records(failing("A1"), for: pack))
        // 7 points: above the pass line, but category a has 3 of its minimum 5.
        #expect(seven.score == 7 && !seven.passed && seven.grade.id == "fail")
        #expect(
            seven.categories.map {
                "\($0.id) \(formatNumber($0.score))/\(formatNumber($0.maxScore)) min \($0.minimum.map(formatNumber) ?? "-")"
            } == ["a 3/6 min 5", "b 4/4 min -"])
        #expect(!seven.categories[0].meetsMinimum)
        let six = try F.assess(pack, try F.records(failing("B1"), for: pack))
        #expect(six.score == 6 && six.passed && six.grade.id == "good")
    }

    @Test func gapTakesTheShortCategoryFirst() throws {
        let pack = try twoCategoryPack()
        let seven = try F.assess(pack, try F.records(failing("A1"), for: pack))
        #expect(seven.gapToPass.pointsShort == 0 && seven.gapToPass.reachable)
        #expect(seven.gapToPass.items.map(\.id) == ["A1"])
        let low = try F.assess(pack, try F.records(failing("A1", "A2", "B1"), for: pack))
        // 0 points: a needs 5 (A1 + A2 = 6), which also reaches the pass line; B1 is not needed.
        #expect(low.score == 0 && low.gapToPass.pointsShort == 6)
        #expect(low.gapToPass.items.map(\.id) == ["A1", "A2"])
        #expect(low.gapToPass.items.map(\.gain) == [3, 3])
    }

    @Test func gapIsTheFewestRepairsMostPointsFirst() throws {
        let items = [("I1", 2.0), ("I2", 3.0), ("I3", 5.0)]
            .map {
                F.indicator(
                    $0.0, points: $0.1,
                    #"<count of="employee" at-most="0"><where><field name="dept" equals="\#($0.0)"/></where></count>"#)
            }
            .joined(separator: "\n")
        let pack = try F.pack(F.packText(items: items, grading: F.grading(passLine: "6", grades: [("good", "6")])))
        let assessment = try F.assess(pack, try F.records(failing("I2", "I3"), for: pack))
        #expect(assessment.score == 2 && !assessment.passed && assessment.gapToPass.pointsShort == 4)
        #expect(assessment.gapToPass.items.map(\.id) == ["I3"] && assessment.gapToPass.reachable)
        let all = try F.assess(pack, try F.records(failing("I1", "I2", "I3"), for: pack))
        #expect(all.gapToPass.items.map(\.id) == ["I3", "I2"])
    }

    @Test func aCategoryMinimumShare() throws {
        let items = [("A1", 3.0), ("A2", 3.0)]
            .map {
                F.indicator(
                    $0.0, points: $0.1,
                    #"<count of="employee" at-most="0"><where><field name="dept" equals="\#($0.0)"/></where></count>"#)
            }
            .joined(separator: "\n")
        let pack = try F.pack(
            F.packText(
                categories: #"<category id="c" points="6" minimum-share="80%">\#(F.titles("c", "c"))</category>"#, items: items,
                grading: F.grading(passLine: "3", grades: [("ok", "3")])))
        let assessment = try F.assess(pack, try F.records(failing("A1"), for: pack))
        #expect(assessment.categories[0].minimum == 4.8 && !assessment.passed)
    }

    // MARK: - Waivers

    func waiver(_ expires: String, pack: String? = "p") -> Waiver {
        Waiver(pack: pack, indicator: "I1", reason: "无新建项目", approver: "王主席", expires: Day(iso: expires)!)
    }

    @Test func aCurrentWaiverGivesFullPoints() throws {
        let pack = try F.single(Self.allSigned)
        let records = try F.records(roster(2, unsigned: 1), for: pack)
        let waived = try F.assess(pack, records, waivers: [waiver("2020-06-30")])
        #expect(waived.findings[0].outcome == .waived && waived.findings[0].awarded == 10 && waived.passed)
        #expect(waived.findings[0].message?.en == "waived: 无新建项目 (approved by 王主席, until 2020-06-30)")
        #expect(try F.assess(pack, records, waivers: [waiver("2020-01-15")]).findings[0].outcome == .waived)  // last day
        #expect(try F.assess(pack, records, waivers: [waiver("2020-06-30", pack: nil)]).findings[0].outcome == .waived)
        #expect(try F.assess(pack, records, waivers: [waiver("2020-06-30", pack: "other")]).findings[0].outcome == .fail)
    }

    @Test func anExpiredWaiverNoLongerApplies() throws {
        let pack = try F.single(Self.allSigned)
        let assessment = try F.assess(pack, try F.records(roster(2, unsigned: 1), for: pack), waivers: [waiver("2020-01-14")])
        let finding = assessment.findings[0]
        #expect(finding.outcome == .fail && finding.awarded == 0 && finding.waiver == nil)
        #expect(finding.message?.en == "the waiver expired on 2020-01-14 and no longer applies")
        #expect(!assessment.passed)
    }

    @Test func aPassingIndicatorIgnoresItsWaiver() throws {
        let pack = try F.single(Self.allSigned)
        let assessment = try F.assess(pack, try F.records(roster(2, unsigned: 0), for: pack), waivers: [waiver("2020-06-30")])
        #expect(assessment.findings[0].outcome == .pass)
    }

    // MARK: - Parameters

    @Test func profileOverridesChangeTheThreshold() throws {
        let parameter =
            #"<parameter name="rate" type="number" default="100%" min="0" max="1">\#(F.titles("比例", "rate"))</parameter>"#
        let pack = try F.single(
            #"<share of="employee" at-least="$rate"><that><field name="contractSigned" equals="true"/></that></share>"#,
            parameters: parameter)
        let records = try F.records(roster(10, unsigned: 1), for: pack)
        let period = Period(parsing: "2019")!
        let today = Day(iso: "2020-01-15")!
        #expect(PackEvaluator(pack: pack, today: today).evaluate(records, period: period).findings[0].outcome == .fail)
        let lowered = PackEvaluator(pack: pack, parameters: ["rate": .number(0.9)], today: today).evaluate(
            records, period: period)
        #expect(lowered.findings[0].outcome == .pass && lowered.findings[0].check.threshold == Threshold(atLeast: 0.9))
    }
}
