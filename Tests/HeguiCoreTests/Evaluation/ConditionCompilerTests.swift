import Testing

@testable import HeguiCore

/// Conditions inside `<where>`/`<that>`: the records they let through, as `key@line` offenders of `<every>`.
@Suite struct ConditionCompilerTests {
    typealias F = PackFixture

    /// The offenders of `<every of=kind><that>condition</that></every>` over the rows.
    func offenders(_ kind: String, _ condition: String, _ rows: String, period: String = "2019") throws -> [String] {
        let pack = try F.single("<every of=\"\(kind)\"><that>\(condition)</that></every>")
        return try F.finding(pack, rows, period: period).offenders
    }

    let employees = """
        <employee employeeId="E1" name="张三" gender="男" dept="A" contractSigned="是" exposed="是" salary="3000" age="30" hiredOn="2016-12-30"/>
        <employee employeeId="E2" name="李四" gender="女" dept="B" contractSigned="否" exposed="是" salary="5000" age="45" hiredOn="2016-12-31"/>
        <employee employeeId="E3" name="王五" dept="C" exposed="否" salary="4000" hiredOn="2019-05-01"/>
        """

    @Test func hasLinksEveryExposedEmployeeToAnExamInThePeriod() throws {
        let pack = try F.single(
            """
            <every of="employee">
              <where><field name="exposed" equals="true"/></where>
              <that><has of="healthExam" by="employeeId"/></that>
            </every>
            """)
        let rows =
            employees + "\n" + """
                <healthExam examId="H1" employeeId="E1" examDate="2019-06-01"/>
                <healthExam examId="H2" employeeId="E2" examDate="2018-06-01"/>
                <healthExam examId="H3" employeeId="E3" examDate="2020-02-01"/>
                """
        // E2's exam is from 2018; E3 has none in 2019 but is not exposed.
        #expect(try F.finding(pack, rows).offenders == ["E2@3"])
        // In 2018 only E2 has an exam.
        #expect(try F.finding(pack, rows, period: "2018").offenders == ["E1@2"])
    }

    @Test func hasWithToAndConditionsOnTheLinkedRecord() throws {
        let condition = #"<has of="healthExam" by="name" to="employeeId"><field name="examDate" at-least="2019-07-01"/></has>"#
        let rows =
            employees + "\n" + """
                <healthExam examId="H1" employeeId="张三" examDate="2019-08-01"/>
                <healthExam examId="H2" employeeId="李四" examDate="2019-03-01"/>
                """
        #expect(try offenders("employee", condition, rows) == ["E2@3", "E3@4"])
    }

    @Test func distinctNeedsAllPresentAndPairwiseDifferent() throws {
        let rows = """
            <approval approvalId="A1" date="2019-01-05" handler="甲" reviewer="乙" approver="丙"/>
            <approval approvalId="A2" date="2019-01-06" handler="甲" reviewer="甲" approver="丙"/>
            <approval approvalId="A3" date="2019-01-07" handler="甲" reviewer="乙"/>
            <approval approvalId="A4" date="2019-01-08" handler="甲" reviewer="乙" approver="甲"/>
            """
        #expect(try offenders("approval", #"<distinct fields="handler reviewer approver"/>"#, rows) == ["A2@3", "A3@4", "A4@5"])
    }

    @Test func comparingWithAnotherFieldOfTheSameRecord() throws {
        let rows = """
            <notice noticeId="N1" noticeDate="2019-03-01" startDate="2019-03-10"/>
            <notice noticeId="N2" noticeDate="2019-03-15" startDate="2019-03-10"/>
            <notice noticeId="N3" noticeDate="2019-03-10" startDate="2019-03-10"/>
            <notice noticeId="N4" noticeDate="2019-03-10"/>
            """
        // The notice must not come after the start; a missing start meets nothing.
        #expect(try offenders("notice", #"<field name="noticeDate" at-most="@startDate"/>"#, rows) == ["N2@3", "N4@5"])
        #expect(try offenders("notice", #"<field name="noticeDate" less-than="@startDate"/>"#, rows) == ["N2@3", "N3@4", "N4@5"])
        #expect(try offenders("notice", #"<field name="noticeDate" not-equals="@startDate"/>"#, rows) == ["N3@4", "N4@5"])
    }

    /// `in` and `between` lists are resolved once, so a field of the row is refused when the pack is read.
    @Test func fieldOperandsInsideListsAreRefused() throws {
        for condition in [
            #"<field name="noticeDate" between="$periodStart @startDate"/>"#, #"<field name="noticeDate" in="@startDate"/>"#,
        ] {
            let result = try F.load(
                F.packText(items: F.indicator("I1", "<every of=\"notice\"><that>\(condition)</that></every>")))
            #expect(
                result.loaded.diagnostics.contains { $0.message.contains("takes values and parameters, not fields") },
                "\(condition)")
        }
    }

    @Test func shiftedPeriodEnd() throws {
        // Hired within the three years before the period's end (2016-12-31 on).
        #expect(try offenders("employee", #"<field name="hiredOn" at-least="$periodEnd-3y"/>"#, employees) == ["E1@2"])
        #expect(
            try offenders("employee", #"<field name="hiredOn" greater-than="$periodEnd-3y"/>"#, employees) == ["E1@2", "E2@3"])
        #expect(try offenders("employee", #"<field name="hiredOn" at-least="$periodStart+4m"/>"#, employees) == ["E1@2", "E2@3"])
        #expect(
            try offenders("employee", #"<field name="hiredOn" at-least="$periodEnd-3y"/>"#, employees, period: "2020") == [
                "E1@2", "E2@3",
            ])
    }

    @Test func shiftByAParameter() throws {
        let parameter = #"<parameter name="window" type="duration" default="2y">\#(F.titles("窗口", "window"))</parameter>"#
        let pack = try F.single(
            #"<every of="employee"><that><field name="hiredOn" at-least="$periodEnd-$window"/></that></every>"#,
            parameters: parameter)
        #expect(try F.finding(pack, employees).offenders == ["E1@2", "E2@3"])
    }

    @Test func numbersTextsBooleansAndEmptyCells() throws {
        #expect(try offenders("employee", #"<field name="salary" between="3500 5000"/>"#, employees) == ["E1@2"])
        #expect(try offenders("employee", #"<field name="age" at-least="40"/>"#, employees) == ["E1@2", "E3@4"])
        #expect(try offenders("employee", #"<field name="dept" in="A C"/>"#, employees) == ["E2@3"])
        #expect(try offenders("employee", #"<field name="gender" equals="女"/>"#, employees) == ["E1@2", "E3@4"])
        // not-equals never matches an empty cell.
        #expect(try offenders("employee", #"<field name="gender" not-equals="女"/>"#, employees) == ["E2@3", "E3@4"])
        #expect(try offenders("employee", #"<field name="contractSigned" not-equals="true"/>"#, employees) == ["E1@2", "E3@4"])
        #expect(try offenders("employee", #"<field name="contractSigned" empty="true"/>"#, employees) == ["E1@2", "E2@3"])
        #expect(try offenders("employee", #"<field name="gender" empty="false"/>"#, employees) == ["E3@4"])
        // A text no record holds matches nothing.
        #expect(try offenders("employee", #"<field name="dept" equals="Z"/>"#, employees) == ["E1@2", "E2@3", "E3@4"])
    }

    @Test func allAnyNot() throws {
        #expect(
            try offenders("employee", #"<any><field name="dept" equals="A"/><field name="age" at-least="40"/></any>"#, employees)
                == ["E3@4"])
        #expect(
            try offenders(
                "employee", #"<all><field name="exposed" equals="true"/><field name="salary" at-most="4000"/></all>"#, employees)
                == ["E2@3", "E3@4"])
        #expect(
            try offenders("employee", #"<field name="exposed" equals="true"/><field name="salary" at-most="4000"/>"#, employees)
                == ["E2@3", "E3@4"])
        #expect(try offenders("employee", #"<not><field name="dept" equals="A"/></not>"#, employees) == ["E1@2"])
        #expect(try offenders("employee", #"<not><has of="healthExam" by="employeeId"/></not>"#, employees) == [])
    }
}
