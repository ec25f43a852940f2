import Foundation
import Testing

@testable import HeguiCore

/// Each measure kind over small records: outcome, measured value, evidence (key@line of records.xml).
@Suite struct CheckEvaluatorTests {
    typealias F = PackFixture

    let employees = """
        <employee employeeId="E1" dept="A" contractSigned="是" salary="3000"/>
        <employee employeeId="E2" dept="B" contractSigned="是" salary="5000"/>
        <employee employeeId="E3" dept="A" contractSigned="是"/>
        <employee employeeId="E4" dept="" contractSigned="否" salary="4000"/>
        """

    @Test func countBelowItsLeastListsTheCountedRows() throws {
        let pack = try F.single(#"<count of="employee" at-least="5"/>"#)
        let finding = try F.finding(pack, employees)
        #expect(finding.outcome == .fail && finding.awarded == 0)
        #expect(finding.check.measured == 4 && finding.check.threshold == Threshold(atLeast: 5))
        #expect(finding.check.shortfall == 1)
        #expect(finding.offenders == ["E1@2", "E2@3", "E3@4", "E4@5"])
        #expect(finding.check.evidence.allSatisfy { $0.file == "records.xml" })
        let met = try F.finding(try F.single(#"<count of="employee" at-least="4"/>"#), employees)
        #expect(met.outcome == .pass && met.awarded == 10 && met.check.evidence.isEmpty)
    }

    @Test func countAtMostZeroNamesTheOffendingRecords() throws {
        let pack = try F.single(#"<count of="accident" at-most="0"><where><field name="severity" equals="重大"/></where></count>"#)
        let finding = try F.finding(
            pack,
            """
            <accident accidentId="A1" date="2019-03-01" severity="一般"/>
            <accident accidentId="A2" date="2019-04-01" severity="重大"/>
            """)
        #expect(finding.outcome == .fail && finding.check.measured == 1 && finding.offenders == ["A2@3"])
    }

    @Test func sumAverageMinimumMaximum() throws {
        let sum = try F.finding(try F.single(#"<sum of="employee" field="salary" equals="12000"/>"#), employees)
        #expect(sum.outcome == .pass && sum.check.measured == 12000)
        let average = try F.finding(try F.single(#"<average of="employee" field="salary" at-least="4500"/>"#), employees)
        #expect(average.outcome == .fail && average.check.measured == 4000 && average.check.shortfall == 500)
        let minimum = try F.finding(try F.single(#"<minimum of="employee" field="salary" at-least="2500"/>"#), employees)
        #expect(minimum.outcome == .pass && minimum.check.measured == 3000)
        let maximum = try F.finding(try F.single(#"<maximum of="employee" field="salary" at-most="4500"/>"#), employees)
        #expect(maximum.outcome == .fail && maximum.check.measured == 5000)
    }

    @Test func anAverageOfNoValuesIsAnErrorButASumIsZero() throws {
        let rows = #"<employee employeeId="E1"/>"#
        let average = try F.finding(try F.single(#"<average of="employee" field="salary" at-least="1"/>"#), rows)
        #expect(average.outcome == .error && average.awarded == 0)
        #expect(average.check.message?.en == "no values of 'employee.salary' in 2019")
        let sum = try F.finding(try F.single(#"<sum of="employee" field="salary" at-most="0"/>"#), rows)
        #expect(sum.outcome == .pass && sum.check.measured == 0)
    }

    @Test func distinctCountIgnoresEmptyCells() throws {
        let finding = try F.finding(try F.single(#"<distinct-count of="employee" field="dept" at-least="3"/>"#), employees)
        #expect(finding.outcome == .fail && finding.check.measured == 2)
    }

    @Test func shareListsTheRecordsThatDoNotMeetIt() throws {
        let pack = try F.single(
            #"<share of="employee" at-least="95%"><that><field name="contractSigned" equals="true"/></that></share>"#)
        let finding = try F.finding(pack, employees)
        #expect(finding.outcome == .fail && finding.check.measured == 0.75 && finding.check.unit == .ratio)
        #expect(finding.offenders == ["E4@5"])
        let filtered = try F.single(
            #"<share of="employee" at-least="1"><where><field name="dept" equals="A"/></where><that><field name="contractSigned" equals="true"/></that></share>"#
        )
        #expect(try F.finding(filtered, employees).outcome == .pass)
    }

    @Test func ratioOfTwoMeasuresAndAZeroDenominator() throws {
        let pack = try F.single(#"<ratio at-least="0.5"><count of="healthExam"/><count of="employee"/></ratio>"#)
        let finding = try F.finding(pack, employees + "\n" + #"<healthExam examId="H1" employeeId="E1" examDate="2019-05-01"/>"#)
        #expect(finding.outcome == .fail && finding.check.measured == 0.25)
        let none = try F.finding(pack, "")
        #expect(none.outcome == .error)
        #expect(
            none.check.message?.en.hasPrefix("the denominator (") == true && none.check.message?.en.hasSuffix(") is 0") == true)
    }

    @Test func everyRecordMustMeetTheCondition() throws {
        let pack = try F.single(
            #"<every of="employee"><where><field name="dept" equals="A"/></where><that><field name="salary" at-least="2000"/></that></every>"#
        )
        let finding = try F.finding(pack, employees)
        // E3 in dept A has no salary: an empty cell does not meet a comparison.
        #expect(finding.outcome == .fail && finding.check.measured == 1 && finding.check.unit == .offenders)
        #expect(finding.offenders == ["E3@4"] && finding.check.shortfall == 1)
    }

    @Test func inEveryQuarterNamesTheQuartersThatFall() throws {
        let pack = try F.single(#"<in-every period="quarter"><count of="meeting" at-least="1"/></in-every>"#)
        let finding = try F.finding(
            pack,
            """
            <meeting meetingId="M1" heldOn="2019-02-01"/>
            <meeting meetingId="M2" heldOn="2019-06-30"/>
            <meeting meetingId="M3" heldOn="2019-10-01"/>
            """)
        #expect(finding.outcome == .fail && finding.check.measured == 1)
        #expect(finding.check.evidence.map(\.key) == ["2019Q3"])
        #expect(finding.check.evidence.first?.measured == 0)
    }

    @Test func growthOverThePreviousPeriod() throws {
        let pack = try F.single(#"<growth at-least="0.1"><count of="meeting"/></growth>"#)
        let rows = """
            <meeting meetingId="M1" heldOn="2018-03-01"/>
            <meeting meetingId="M2" heldOn="2018-12-31"/>
            <meeting meetingId="M3" heldOn="2019-01-01"/>
            <meeting meetingId="M4" heldOn="2019-05-01"/>
            <meeting meetingId="M5" heldOn="2019-09-01"/>
            """
        let finding = try F.finding(pack, rows)
        #expect(finding.outcome == .pass && finding.check.measured == 0.5)
        #expect(finding.check.evidence.map { "\($0.key)=\(formatNumber($0.measured ?? -1))" } == ["2019=3", "2018=2"])
        let quarter = try F.finding(pack, rows, period: "2019Q1")
        // 2019Q1 has 1, 2018Q4 has 1: growth 0, below 10 %.
        #expect(quarter.outcome == .fail && quarter.check.measured == 0)
        let noBase = try F.finding(pack, #"<meeting meetingId="M1" heldOn="2019-03-01"/>"#)
        #expect(noBase.outcome == .error)
        #expect(noBase.check.message?.en == "no 'meeting' records in 2018, so growth cannot be computed")
        // An empty current period is missing data too, not a fall of 100 %.
        let noCurrent = try F.finding(pack, #"<meeting meetingId="M1" heldOn="2018-03-01"/>"#)
        #expect(noCurrent.outcome == .error && noCurrent.check.measured == nil)
        #expect(noCurrent.check.message?.en == "no 'meeting' records in 2019, so growth cannot be computed")
    }

    @Test func attestedNeedsAPersonAndADocument() throws {
        let pack = try F.single("<attested/>")
        let ok = try F.finding(pack, #"<attestation indicator="I1" attestedBy="王" document="会议纪要.pdf" date="2019-06-01"/>"#)
        #expect(ok.outcome == .pass && ok.awarded == 10 && ok.check.evidence.map(\.line) == [2])
        let noDocument = try F.finding(pack, #"<attestation indicator="I1" attestedBy="王" date="2019-06-01"/>"#)
        #expect(noDocument.outcome == .unattested && noDocument.awarded == 0)
        #expect(noDocument.check.message?.en == "no attestation for I1 in 2019 naming a person and a document")
        let otherIndicator = try F.finding(pack, #"<attestation indicator="I2" attestedBy="王" document="d" date="2019-06-01"/>"#)
        #expect(otherIndicator.outcome == .unattested)
        let lastYear = try F.finding(pack, #"<attestation indicator="I1" attestedBy="王" document="d" date="2018-06-01"/>"#)
        #expect(lastYear.outcome == .unattested)
    }

    @Test func recordsOnThePeriodsFirstAndLastDayAreInTheDaysAroundAreOut() throws {
        let pack = try F.single(#"<count of="meeting" at-most="1"/>"#)
        let finding = try F.finding(
            pack,
            """
            <meeting meetingId="before" heldOn="2018-12-31"/>
            <meeting meetingId="first" heldOn="2019-01-01"/>
            <meeting meetingId="last" heldOn="2019-12-31"/>
            <meeting meetingId="after" heldOn="2020-01-01"/>
            """)
        #expect(finding.check.measured == 2)
        #expect(finding.offenders == ["first@3", "last@4"])
        let month = try F.finding(
            pack,
            """
            <meeting meetingId="feb" heldOn="2019-02-28"/>
            <meeting meetingId="mar1" heldOn="2019-03-01"/>
            <meeting meetingId="mar31" heldOn="2019-03-31"/>
            <meeting meetingId="apr" heldOn="2019-04-01"/>
            """, period: "2019-03")
        #expect(month.offenders == ["mar1@3", "mar31@4"])
    }

    @Test func aLeapDayRecordCountsIn2020() throws {
        let pack = try F.single(#"<count of="meeting" equals="1"/>"#)
        let rows = #"<meeting meetingId="leap" heldOn="2020-02-29"/>"#
        #expect(try F.finding(pack, rows, period: "2020").outcome == .pass)
        #expect(try F.finding(pack, rows, period: "2020-02").outcome == .pass)
        #expect(try F.finding(pack, rows, period: "2020Q1").outcome == .pass)
        #expect(try F.finding(pack, rows, period: "2020-03").outcome == .fail)
    }

    @Test func aHeaderOnlyFileIsAnEmptyKind() throws {
        let pack = try F.single(#"<count of="accident" equals="0"/>"#)
        let accident = try #require(pack.recordKind("accident"))
        let empty = try RecordImporter(kinds: pack.recordKinds).importCSV(
            bytes: Array("accidentId,date,severity\n".utf8), path: "accident.csv", kind: accident)
        #expect(empty.count == 0)
        let assessment = try F.assess(pack, RecordSet(tables: ["accident": empty], inputs: []))
        #expect(assessment.findings[0].outcome == .pass && assessment.findings[0].check.measured == 0)
    }

    @Test func aShareOfNoRecordsIsAnError() throws {
        let pack = try F.single(
            #"<share of="employee" at-least="1"><that><field name="contractSigned" equals="true"/></that></share>"#)
        let finding = try F.finding(pack, "")
        #expect(finding.outcome == .error && finding.awarded == 0)
        #expect(finding.check.message?.en == "no 'employee' records in 2019 to take a share of")
        #expect(finding.message?.en == "no 'employee' records in 2019 to take a share of")
    }

    @Test func aMissingKindIsAnErrorNamingItsFile() throws {
        let pack = try F.single(#"<count of="accident" equals="0"/>"#)
        let finding = try F.finding(pack, "", missing: ["accident"])
        #expect(finding.outcome == .error && finding.awarded == 0)
        #expect(
            finding.check.message?.en
                == "no records file for kind 'accident' (expected accident.csv or XML records in the records folder)")
        #expect(finding.check.message?.zhCN.contains("accident.csv") == true)
    }

    @Test func evidenceIsCappedButCounted() throws {
        let pack = try F.single(#"<every of="employee"><that><field name="contractSigned" equals="true"/></that></every>"#)
        let rows = (1...60).map { #"<employee employeeId="E\#($0)" contractSigned="否"/>"# }.joined(separator: "\n")
        let finding = try F.finding(pack, rows)
        #expect(finding.check.measured == 60 && finding.check.evidence.count == 50 && finding.check.evidenceTotal == 60)
        #expect(finding.check.evidence.last?.line == 51)
    }
}
