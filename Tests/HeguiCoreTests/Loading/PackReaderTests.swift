import Testing

@testable import HeguiCore

/// The meaning checks `hegui validate` runs after the schema: every problem at its line and column.
@Suite struct PackReaderTests {
    typealias F = PackFixture

    /// The diagnostic lines of a pack with one indicator `I1` holding `body`.
    func lines(_ body: String, parameters: String = "", points: Double = 10) throws -> (lines: [String], text: String) {
        let text = F.packText(parameters: parameters, items: F.indicator("I1", points: points, body))
        return (try F.load(text).lines, text)
    }

    @Test func fourDifferentProblemsComeOutOfOneLoadEachAtItsPlace() throws {
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <pack id="bad" version="1.0">
              <title lang="zh-CN">坏</title><title lang="en">Bad</title>
              <record-kind id="employee" key="employeeId">
                <title lang="zh-CN">职工</title><title lang="en">Employees</title>
                <field name="employeeId" type="string" required="true"/>
                <field name="signed" type="boolean"/>
              </record-kind>
              <category id="c" points="10"><title lang="zh-CN">类</title><title lang="en">C</title></category>
              <indicator id="I1" category="c" points="5" provenance="S">
                <title lang="zh-CN">一</title><title lang="en">One</title>
                <requirement lang="zh-CN">要求</requirement><requirement lang="en">Req</requirement>
                <basis>依据</basis>
                <share of="employee" at-least="$rate">
                  <that><field name="signd" equals="true"/></that>
                </share>
                <bogus/>
              </indicator>
              <indicator id="I1" category="c" points="5" provenance="S">
                <title lang="zh-CN">二</title><title lang="en">Two</title>
                <requirement lang="zh-CN">要求</requirement><requirement lang="en">Req</requirement>
                <basis>依据</basis>
                <count of="employee" at-least="1"/>
              </indicator>
              <grading pass-line="6">
                <failing-grade><title lang="zh-CN">不达标</title><title lang="en">Failed</title></failing-grade>
                <grade id="g" at-least="6"><title lang="zh-CN">达标</title><title lang="en">Passed</title></grade>
              </grading>
            </pack>

            """
        let (loaded, lines, _) = try F.load(text)
        #expect(!loaded.isValid)
        #expect(lines.count == 4, "\(lines)")
        guard lines.count == 4 else { return }
        #expect(lines[0] == "pack.xml:\(F.position(of: "at-least=\"$rate\"", in: text)): error: unknown parameter '$rate'")
        #expect(lines[0].hasPrefix("pack.xml:14:26:"))
        #expect(
            lines[1] == "pack.xml:\(F.position(of: "name=\"signd\"", in: text)): error: unknown field 'signd' of kind 'employee'")
        #expect(lines[2].hasPrefix("pack.xml:\(F.position(of: "<bogus/>", in: text)): error: "))
        #expect(lines[2].contains("bogus"))
        #expect(
            lines[3]
                == "pack.xml:\(F.position(of: "id=\"I1\"", in: text, occurrence: 2)): error: duplicate id 'I1' (first at line 10)"
        )
    }

    @Test func indicatorsMustAddUpToTheirCategory() throws {
        let (lines, text) = try lines(#"<count of="employee" at-least="1"/>"#, points: 8)
        #expect(
            lines == [
                "pack.xml:\(F.position(of: "<category id=\"c\"", in: text)): error: indicators of category 'c' add up to 8 points, but the category declares 10"
            ])
    }

    @Test func aShareBoundOf95IsRejectedBut95PercentAnd095AreNot() throws {
        let (lines, text) = try lines(
            #"<share of="employee" at-least="95"><that><field name="contractSigned" equals="true"/></that></share>"#)
        #expect(
            lines == [
                "pack.xml:\(F.position(of: "at-least=\"95\"", in: text)): error: 95 is outside 0…1 for a share (write 95% or 0.95)"
            ])
        #expect(
            try self.lines(
                #"<share of="employee" at-least="95%"><that><field name="contractSigned" equals="true"/></that></share>"#
            ).lines == [])
        #expect(
            try self.lines(
                #"<share of="employee" at-least="0.95"><that><field name="contractSigned" equals="true"/></that></share>"#
            ).lines == [])
    }

    @Test func aShareParameterWhoseDefaultIsOutside0To1IsRejected() throws {
        let parameter = #"<parameter name="rate" type="number" default="95">\#(F.titles("比例", "rate"))</parameter>"#
        let (lines, text) = try lines(
            #"<share of="employee" at-least="$rate"><that><field name="contractSigned" equals="true"/></that></share>"#,
            parameters: parameter)
        #expect(
            lines == [
                "pack.xml:\(F.position(of: "at-least=\"$rate\"", in: text)): error: 95 is outside 0…1 for a share (write 95% or 0.95)"
            ])
    }

    @Test func anEnumLiteralMustBeOneOfTheValues() throws {
        let (lines, text) = try lines(
            #"<count of="employee" equals="0"><where><field name="gender" equals="未知"/></where></count>"#)
        #expect(
            lines == ["pack.xml:\(F.position(of: "equals=\"未知\"", in: text)): error: '未知' is not one of 男, 女 (field 'gender')"])
        #expect(
            try self.lines(#"<count of="employee" equals="0"><where><field name="gender" in="男 女"/></where></count>"#).lines == []
        )
    }

    @Test func operandsMustFitTheFieldsType() throws {
        let (dateLines, dateText) = try lines(
            #"<count of="employee" equals="0"><where><field name="hiredOn" at-least="abc"/></where></count>"#)
        #expect(
            dateLines == [
                "pack.xml:\(F.position(of: "at-least=\"abc\"", in: dateText)): error: 'abc' is not a date (use YYYY-MM-DD)"
            ])
        let (numberLines, numberText) = try lines(
            #"<count of="employee" equals="0"><where><field name="salary" less-than="多"/></where></count>"#)
        #expect(
            numberLines == [
                "pack.xml:\(F.position(of: "less-than=\"多\"", in: numberText)): error: '多' is not a number (e.g. 3, 0.5 or 95%)"
            ])
        let (orderLines, orderText) = try lines(
            #"<count of="employee" equals="0"><where><field name="name" at-least="A"/></where></count>"#)
        #expect(
            orderLines == [
                "pack.xml:\(F.position(of: "at-least=\"A\"", in: orderText)): error: at-least compares numbers or dates, but 'name' is a string"
            ])
        let (betweenLines, betweenText) = try lines(
            #"<count of="employee" equals="0"><where><field name="name" between="A Z"/></where></count>"#)
        #expect(
            betweenLines == [
                "pack.xml:\(F.position(of: "between=\"A Z\"", in: betweenText)): error: between compares numbers or dates, but 'name' is a string"
            ])
        let (fieldLines, fieldText) = try lines(
            #"<every of="notice"><that><field name="noticeDate" at-most="@noticeId"/></that></every>"#)
        #expect(
            fieldLines == [
                "pack.xml:\(F.position(of: "at-most=\"@noticeId\"", in: fieldText)): error: field '@noticeId' is a text but a date is expected here"
            ])
    }

    @Test func fieldReferencesAndShiftedPeriodEndsAreAccepted() throws {
        let (lines, _) = try lines(
            """
            <every of="notice"><that>
              <field name="noticeDate" less-than="@startDate"/>
              <field name="startDate" at-least="$periodEnd-3y"/>
              <field name="startDate" at-most="$periodStart+2m"/>
              <field name="noticeDate" between="$periodStart $periodEnd"/>
            </that></every>
            """)
        #expect(lines == [])
        let (bad, text) = try self.lines(
            #"<every of="notice"><that><field name="startDate" at-least="$periodEnd*3y"/></that></every>"#)
        #expect(
            bad == [
                "pack.xml:\(F.position(of: "at-least=\"$periodEnd*3y\"", in: text)): error: '$periodEnd*3y': expected + or - after $periodEnd, e.g. $periodEnd-3y"
            ])
    }

    @Test func anUnknownKindInOf() throws {
        let (lines, text) = try lines(#"<count of="nobody" at-least="1"/>"#)
        #expect(lines == ["pack.xml:\(F.position(of: "of=\"nobody\"", in: text)): error: unknown record kind 'nobody'"])
    }

    @Test func aNumberAggregateNeedsANumberField() throws {
        let (lines, text) = try lines(#"<sum of="employee" field="name" at-least="1"/>"#)
        #expect(
            lines == [
                "pack.xml:\(F.position(of: "field=\"name\"", in: text)): error: <sum> needs a number field, but 'name' is a string"
            ])
    }

    @Test func aCheckWithoutABound() throws {
        let (lines, text) = try lines(#"<count of="employee"/>"#)
        #expect(
            lines == [
                "pack.xml:\(F.position(of: "<count of=\"employee\"/>", in: text)): error: <count> needs a bound: at-least, at-most or equals"
            ])
    }

    @Test func inEveryAndPerNeedADateField() throws {
        let (lines, text) = try lines(#"<in-every period="quarter"><count of="employee" at-least="1"/></in-every>"#)
        #expect(
            lines == [
                "pack.xml:\(F.position(of: "<in-every", in: text)): error: <in-every> needs kind 'employee' to declare a date field, so records fall into periods"
            ])
        let (perLines, perText) = try self.lines(
            #"<for-each of="employee" group-by="dept" per="month"><count at-most="3"/></for-each>"#)
        #expect(
            perLines == [
                "pack.xml:\(F.position(of: "per=\"month\"", in: perText)): error: per=\"month\" needs kind 'employee' to declare a date field"
            ])
    }

    @Test func gradeAndPassLinesAboveTheMaximumScore() throws {
        let text = F.packText(
            items: F.indicator("I1", #"<count of="employee" at-least="1"/>"#),
            grading: F.grading(passLine: "6", grades: [("good", "6"), ("top", "11")]))
        #expect(
            try F.load(text).lines == [
                "pack.xml:\(F.position(of: "at-least=\"11\"", in: text)): error: grade line 11 is above the pack's 10 points"
            ])
        let high = F.packText(
            items: F.indicator("I1", #"<count of="employee" at-least="1"/>"#),
            grading: F.grading(passLine: "12", grades: [("good", "12")]))
        let highLines = try F.load(high).lines
        #expect(
            highLines.contains(
                "pack.xml:\(F.position(of: "pass-line=\"12\"", in: high)): error: pass line 12 is above the pack's 10 points"))
        let unordered = F.packText(
            items: F.indicator("I1", #"<count of="employee" at-least="1"/>"#),
            grading: F.grading(passLine: "6", grades: [("top", "9"), ("good", "7")]))
        #expect(
            try F.load(unordered).lines == [
                "pack.xml:\(F.position(of: "at-least=\"7\"", in: unordered)): error: grades must be listed from the lowest line up"
            ])
        let below = F.packText(
            items: F.indicator("I1", #"<count of="employee" at-least="1"/>"#),
            grading: F.grading(passLine: "6", grades: [("low", "5")]))
        #expect(
            try F.load(below).lines == [
                "pack.xml:\(F.position(of: "at-least=\"5\"", in: below)): error: grade 'low' at 5 is below the pass line 6"
            ])
    }

    @Test func aCategoryMinimumAboveItsPoints() throws {
        let text = F.packText(
            categories: F.category("c", points: 10, minimum: "12"),
            items: F.indicator("I1", #"<count of="employee" at-least="1"/>"#))
        #expect(
            try F.load(text).lines == [
                "pack.xml:\(F.position(of: "minimum=\"12\"", in: text)): error: minimum 12 is above the category's 10 points"
            ])
    }

    @Test func aDeductionLargerThanThePoints() throws {
        let (lines, text) = try lines(#"<count of="employee" at-least="1"/><deduct points="12" per="1"/>"#)
        #expect(
            lines == [
                "pack.xml:\(F.position(of: "<deduct", in: text)): error: deduction of 12 per unit is more than the indicator's 10 points"
            ])
    }

    @Test func hasAndDistinctReferencesAreChecked() throws {
        let (lines, text) = try lines(
            """
            <every of="employee"><that><has of="healthExam" by="employeeId" to="nobody"/></that></every>
            <every of="approval"><that><distinct fields="handler ghost"/></that></every>
            """)
        #expect(
            lines == [
                "pack.xml:\(F.position(of: "to=\"nobody\"", in: text)): error: unknown field 'nobody' of kind 'healthExam'",
                "pack.xml:\(F.position(of: "fields=\"handler ghost\"", in: text)): error: unknown field 'ghost' of kind 'approval'",
            ])
    }

    @Test func testCasesMustNameKnownIndicatorsAndPeriods() throws {
        let test = """
            <test name="t" period="2019Q9">
              <records/>
              <expect indicator="I1" outcome="pass"/>
            </test>
            <test name="u" period="2019">
              <records/>
              <expect indicator="I9" outcome="pass"/>
            </test>
            """
        let text = F.packText(items: F.indicator("I1", #"<count of="employee" at-least="1"/>"#), tests: test)
        #expect(
            try F.load(text).lines == [
                "pack.xml:\(F.position(of: "period=\"2019Q9\"", in: text)): error: '2019Q9' is not a period (2019, 2019Q2, 2019H1 or 2019-03)",
                "pack.xml:\(F.position(of: "indicator=\"I9\"", in: text)): error: test 'u' expects unknown indicator 'I9'",
            ])
    }
}
