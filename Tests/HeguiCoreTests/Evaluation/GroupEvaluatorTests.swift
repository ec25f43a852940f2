import Testing

@testable import HeguiCore

/// `<for-each>`: one aggregate per group (and calendar bucket); failing groups are the offenders.
@Suite struct GroupEvaluatorTests {
    typealias F = PackFixture

    let timesheets = """
        <timesheet employeeId="E1" date="2019-03-01" overtimeHours="20"/>
        <timesheet employeeId="E1" date="2019-03-31" overtimeHours="20"/>
        <timesheet employeeId="E1" date="2019-04-01" overtimeHours="30"/>
        <timesheet employeeId="E2" date="2019-03-15" overtimeHours="10"/>
        <timesheet employeeId="E2" date="2019-11-02" overtimeHours="37"/>
        <timesheet employeeId="E2" date="2020-01-02" overtimeHours="99"/>
        """

    @Test func sumPerEmployeePerMonth() throws {
        let pack = try F.single(
            #"<for-each of="timesheet" group-by="employeeId" per="month"><sum field="overtimeHours" at-most="36"/></for-each>"#)
        let finding = try F.finding(pack, timesheets)
        #expect(finding.outcome == .fail && finding.check.measured == 2 && finding.check.unit == .offenders)
        // Keyed by the group and its month, located at the group's first row.
        #expect(finding.offenders == ["E1 2019-03@2", "E2 2019-11@6"])
        #expect(finding.check.evidence.map(\.measured) == [40, 37])
        #expect(finding.check.evidence.map(\.records) == [2, 1])
        #expect(finding.check.evidence.first?.note?.en == "E1 2019-03: 40, required ≤ 36")
        #expect(finding.check.shortfall == 2)
    }

    @Test func withoutPerTheGroupSpansThePeriod() throws {
        let pack = try F.single(
            #"<for-each of="timesheet" group-by="employeeId"><sum field="overtimeHours" at-most="70"/></for-each>"#)
        let finding = try F.finding(pack, timesheets)
        // E1: 70 (met); E2: 47 in 2019 (the 2020 row is outside the period).
        #expect(finding.outcome == .pass && finding.check.measured == 0)
        let tight = try F.finding(
            try F.single(#"<for-each of="timesheet" group-by="employeeId"><sum field="overtimeHours" at-most="50"/></for-each>"#),
            timesheets)
        #expect(tight.offenders == ["E1@2"])
    }

    @Test func perQuarterAndCountsWithAFilter() throws {
        let pack = try F.single(
            """
            <for-each of="timesheet" group-by="employeeId" per="quarter">
              <count at-most="1"><where><field name="overtimeHours" greater-than="15"/></where></count>
            </for-each>
            """)
        let finding = try F.finding(pack, timesheets)
        // E1 2019Q1 has two rows over 15; E1 Q2 one; E2 Q1 none, Q4 one.
        #expect(finding.offenders == ["E1 2019Q1@2"])
        #expect(finding.check.evidence.first?.measured == 2)
    }

    @Test func groupsByTwoFieldsAndAWhere() throws {
        let pack = try F.single(
            """
            <for-each of="employee" group-by="dept gender">
              <where><field name="contractSigned" equals="false"/></where>
              <count at-most="0"/>
            </for-each>
            """)
        let finding = try F.finding(
            pack,
            """
            <employee employeeId="E1" dept="A" gender="男" contractSigned="否"/>
            <employee employeeId="E2" dept="A" gender="女" contractSigned="是"/>
            <employee employeeId="E3" dept="A" gender="男" contractSigned="否"/>
            <employee employeeId="E4" dept="B" gender="女" contractSigned="否"/>
            """)
        #expect(finding.offenders == ["A 男@2", "B 女@5"])
        #expect(finding.check.evidence.map(\.measured) == [2, 1])
    }

    /// A group whose average cannot be taken (no values) cannot be shown to meet the rule: it is an
    /// offender that says so, never a silent pass.
    @Test func aGroupWithNoValuesIsAnOffenderThatSaysSo() throws {
        let pack = try F.single(
            #"<for-each of="timesheet" group-by="employeeId"><average field="overtimeHours" at-most="36"/></for-each>"#)
        let finding = try F.finding(
            pack,
            """
            <timesheet employeeId="E1" date="2019-03-01" overtimeHours="20"/>
            <timesheet employeeId="E2" date="2019-03-02"/>
            """)
        #expect(finding.outcome == .fail && finding.offenders == ["E2@3"])
        #expect(finding.check.evidence.first?.measured == nil)
        #expect(finding.check.evidence.first?.note?.en == "E2: no values to measure, so the rule cannot be shown to hold")
    }

    @Test func averageMinimumMaximumAndDistinctPerGroup() throws {
        func offenders(_ measure: String) throws -> [String] {
            try F.finding(try F.single(#"<for-each of="timesheet" group-by="employeeId">\#(measure)</for-each>"#), timesheets)
                .offenders
        }
        // E1 averages 23.33, E2 23.5 (its 2020 row is outside the period).
        #expect(try offenders(#"<average field="overtimeHours" at-most="23"/>"#) == ["E1@2", "E2@5"])
        #expect(try offenders(#"<average field="overtimeHours" at-most="23.4"/>"#) == ["E2@5"])
        #expect(try offenders(#"<minimum field="overtimeHours" at-least="15"/>"#) == ["E2@5"])
        #expect(try offenders(#"<maximum field="overtimeHours" at-most="36"/>"#) == ["E2@5"])
        #expect(try offenders(#"<distinct-count field="date" at-least="3"/>"#) == ["E2@5"])
    }

    @Test func perOffenderDeduction() throws {
        let pack = try F.single(
            #"<for-each of="timesheet" group-by="employeeId" per="month"><sum field="overtimeHours" at-most="36"/></for-each><deduct points="1.5"/>"#
        )
        let finding = try F.finding(pack, timesheets)
        #expect(finding.outcome == .fail && finding.awarded == 7)
    }
}
