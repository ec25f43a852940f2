import Foundation
import Testing

/// Input that used to trap (SIGILL) or flood the terminal: each ends with an exit code and a message.
@Suite struct HostileInputTests {
    @Test func aNumberCellOf1e15IsMeasuredNotATrap() throws {
        let h = try HeguiRun()
        try h.setUp(timesheet: "employeeId,date,overtimeHours\nE1,2019-03-01,1e15\n")
        let result = try h.check()
        #expect(result.code == 1)
        #expect(result.out.contains("1000000000000000, required ≤ 36"))
    }

    @Test func aParameterBoundOf1e15IsReportedNotATrap() throws {
        let h = try HeguiRun()
        let pack = HeguiRun.pack().replacingOccurrences(
            of: "<category id=\"labour\"",
            with: """
                <parameter name="cap" type="number" default="5" min="1000000000000000">\(HeguiRun.titles("上限", "Cap"))</parameter>
                  <category id="labour"
                """)
        let path = try h.write("pack.xml", pack)
        let result = try h.run("validate", path)
        #expect(result.code == 1)
        #expect(result.out.contains("default 5 of parameter 'cap' is below its minimum 1000000000000000"))
    }

    @Test func fundsOf1e15AreStoredAndShown() throws {
        let h = try HeguiRun()
        let ledger = ["--ledger", h.path("hegui.sqlite"), "--today", "2024-04-10", "--lang", "en"]
        #expect(try h.run(["inspect", "add", "--date", "2024-04-01", "--team", "一组", "--scope", "食堂", "--by", "工会"] + ledger).code == 0)
        let issue = try h.run(
            [
                "inspect", "issue", "--patrol", "1", "--location", "食堂", "--description", "灭火器过期", "--category", "安全",
                "--grade", "一般", "--funds", "1e15", "--by", "工会",
            ] + ledger)
        #expect(issue.code == 0)
        let show = try h.run(["rectify", "show", "1"] + ledger)
        #expect(show.code == 0)
        #expect(show.out.contains("funds: 1000000000000000\n"))
        let huge = try h.run(["rectify", "list"] + ledger)
        #expect(huge.code == 0)
    }

    @Test(arguments: [
        (["--period", "9999"], "hegui: error: period 9999 is outside the years 1900–9998 hegui assesses\n"),
        (["--from", "0001-01-01", "--to", "0001-12-31"], "hegui: error: period 0001-01-01..0001-12-31 is outside the years 1900–9998 hegui assesses\n"),
        (["--from", "2019-01-01", "--to", "9999-12-31"], "hegui: error: period 2019-01-01..9999-12-31 is outside the years 1900–9998 hegui assesses\n"),
    ])
    func periodsOutsideTheCalendarAreRefused(_ period: [String], _ message: String) throws {
        let h = try HeguiRun()
        try h.setUp()
        let result = try h.run(
            ["check", "--rules", h.path("pack.xml"), "--records", h.path("records"), "--no-ledger", "--lang", "en"] + period)
        #expect(result.code == 2)
        #expect(result.err == message)
        #expect(result.out.isEmpty)
    }

    @Test func aTodayOutsideTheCalendarIsRefused() throws {
        let h = try HeguiRun()
        try h.setUp()
        let result = try h.run(
            "check", "--rules", h.path("pack.xml"), "--records", h.path("records"), "--period", "2019", "--no-ledger",
            "--today", "9999-12-31", "--lang", "en")
        #expect(result.code == 2)
        #expect(result.err == "hegui: error: date 9999-12-31 is outside the years 1900–9998 hegui assesses\n")
    }

    @Test func theChineseMessageForAnUnsupportedPeriod() throws {
        let h = try HeguiRun()
        try h.setUp()
        let result = try h.run(
            "check", "--rules", h.path("pack.xml"), "--records", h.path("records"), "--period", "9999", "--no-ledger",
            "--lang", "zh-CN")
        #expect(result.code == 2)
        #expect(result.err == "hegui: error: 评价期 9999 超出 hegui 可评价的年份（1900–9998）\n")
    }

    @Test func aNULByteInACellIsALocatedError() throws {
        let h = try HeguiRun()
        try h.setUp(employee: "employeeId,name,contractSigned,hiredOn\nE1,张\u{0}三,是,2018-03-01\nE2,李四,是,2019-02-01\n")
        let result = try h.check()
        #expect(result.code == 2)
        let (_, err) = result.stripped(h.dir)
        #expect(err.hasPrefix("records/employee.csv:2:5: error: a cell contains a NUL byte (is the file UTF-16 or binary?)\n"))
    }

    @Test func anXMLBundleWithTooManyAttributesIsRefusedAtTheElement() throws {
        let h = try HeguiRun()
        try h.setUp()
        let crowded = (0..<100_000).map { " a\($0)=\"1\"" }.joined()
        try h.write("records/bundle.xml", "<records>\n<employee\(crowded)/>\n</records>\n")
        let result = try h.check()
        #expect(result.code == 2)
        let (_, err) = result.stripped(h.dir)
        #expect(err.hasPrefix("records/bundle.xml:2:1: error: element <employee> has 100000 attributes; at most 128 are allowed\n"))
        #expect(result.elapsed < .seconds(10))
    }
}
