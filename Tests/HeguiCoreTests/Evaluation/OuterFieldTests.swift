import Testing

@testable import HeguiCore

/// `^field` inside `<has>`: a linked record compared with the very record it is linked to.
@Suite struct OuterFieldTests {
    typealias F = PackFixture

    func offenders(_ condition: String, _ rows: String) throws -> [String] {
        let pack = try F.single("<every of=\"employee\"><that>\(condition)</that></every>")
        return try F.finding(pack, rows).offenders
    }

    /// Three hires and their exams: E3's exam falls on E2's hiring day, so only a per-pair test tells them apart.
    let rows = """
        <employee employeeId="E1" hiredOn="2019-03-01"/>
        <employee employeeId="E2" hiredOn="2019-06-01"/>
        <employee employeeId="E3" hiredOn="2019-05-01"/>
        <employee employeeId="E4"/>
        <healthExam examId="H1" employeeId="E1" examDate="2019-04-01"/>
        <healthExam examId="H2" employeeId="E2" examDate="2019-07-02"/>
        <healthExam examId="H3" employeeId="E3" examDate="2019-06-01"/>
        <healthExam examId="H4" employeeId="E4" examDate="2019-06-01"/>
        """

    /// Within a month of the hiring day, both ends included: E1 (1 April for 1 March) and E3 (1 June
    /// for 1 May) pass; E2's exam is a day late; E4 has no hiring day, which meets nothing.
    @Test func eachLinkedRecordIsJudgedAgainstItsOwnOuterRecord() throws {
        let within = #"<has of="healthExam" by="employeeId"><field name="examDate" at-least="^hiredOn"/><field name="examDate" at-most="^hiredOn+1m"/></has>"#
        #expect(try offenders(within, rows) == ["E2@3", "E4@5"])
        // Before the hiring day, strictly: nobody.
        let before = #"<has of="healthExam" by="employeeId"><field name="examDate" less-than="^hiredOn"/></has>"#
        #expect(try offenders(before, rows) == ["E1@2", "E2@3", "E3@4", "E4@5"])
    }

    /// Plain conditions on the linked record and `any`/`not` around outer ones combine as elsewhere.
    @Test func plainAndOuterConditionsCombine() throws {
        let condition = """
            <has of="healthExam" by="employeeId">
              <field name="examId" not-equals="H1"/>
              <any><field name="examDate" equals="^hiredOn+1m"/><not><field name="examDate" greater-than="^hiredOn"/></not></any>
            </has>
            """
        // E1's only exam is H1 (excluded); E2's is neither a month after nor on or before hiring; E3's is
        // exactly a month after. E4 has no hiring day: the comparison fails, so its negation holds, as an
        // empty cell does everywhere (it meets only `empty="true"` and the negation of other tests).
        #expect(try offenders(condition, rows) == ["E1@2", "E2@3"])
    }

    /// The evidence shows the outer record's cell the linked record was compared with.
    @Test func theOuterCellIsADecidingCell() throws {
        let pack = try F.single(
            #"<every of="employee"><that><has of="healthExam" by="employeeId"><field name="examDate" at-most="^hiredOn+1m"/></has></that></every>"#
        )
        let finding = try F.finding(pack, rows)
        #expect(finding.check.evidence.first?.note?.en == "employeeId=E2, hiredOn=2019-06-01")
    }

    @Test func anOuterFieldIsRefusedOutsideHasUnknownOrOfTheWrongType() throws {
        let text = F.packText(
            items: F.indicator(
                "I1",
                """
                <every of="employee"><that><field name="hiredOn" at-least="^hiredOn"/></that></every>
                <every of="employee"><that><has of="healthExam" by="employeeId"><field name="examDate" at-least="^hired"/></has></that></every>
                <every of="employee"><that><has of="healthExam" by="employeeId"><field name="examDate" at-least="^name"/></has></that></every>
                <every of="employee"><that><has of="healthExam" by="employeeId"><field name="examDate" in="^hiredOn"/></has></that></every>
                """))
        let (_, lines, _) = try F.load(text)
        #expect(
            lines == [
                "pack.xml:\(F.position(of: "at-least=\"^hiredOn\"", in: text)): error: '^hiredOn': only the conditions inside a <has> can refer to the outer record",
                "pack.xml:\(F.position(of: "at-least=\"^hired\"", in: text)): error: the outer record has no field '^hired'",
                "pack.xml:\(F.position(of: "at-least=\"^name\"", in: text)): error: outer field '^name' is a text but a date is expected here",
                "pack.xml:\(F.position(of: "in=\"^hiredOn\"", in: text)): error: in=\"…\" takes values and parameters, not fields; compare with @field using at-least/at-most",
            ])
    }
}
