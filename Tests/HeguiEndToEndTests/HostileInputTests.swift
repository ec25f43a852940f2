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

/// Records that used to be accepted silently or echoed whole: refused with a located, bounded error.
@Suite struct HostileRecordsTests {
    @Test func negativeOvertimeIsALocatedError() throws {
        let h = try HeguiRun()
        try h.setUp(timesheet: "employeeId,date,overtimeHours\nE1,2019-03-01,-100\n")
        let pack = HeguiRun.pack().replacingOccurrences(
            of: "name=\"overtimeHours\" type=\"decimal\"", with: "name=\"overtimeHours\" type=\"decimal\" non-negative=\"true\"")
        try h.write("pack.xml", pack)
        let result = try h.check()
        #expect(result.code == 2)
        let (_, err) = result.stripped(h.dir)
        #expect(err.hasPrefix("records/timesheet.csv:2:15: error: field 'overtimeHours': '-100' is negative; the field cannot be\n"))
    }

    @Test func theShippedPacksRefuseNegativeHours() throws {
        let h = try HeguiRun()
        let fixture = HeguiRun.binary.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("fixtures/ningbo-2019")
        let records = h.path("records")
        try FileManager.default.copyItem(atPath: fixture.path, toPath: records)
        try? FileManager.default.removeItem(atPath: records + "/hegui.sqlite")
        let timesheet = records + "/timesheet.csv"
        var lines = try String(contentsOfFile: timesheet, encoding: .utf8).components(separatedBy: "\n")
        let header = lines[0].components(separatedBy: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let column = try #require(header.firstIndex { $0 == "overtimeHours" || $0 == "加班小时" })
        var cells = lines[1].components(separatedBy: ",")
        cells[column] = "-100"
        lines[1] = cells.joined(separator: ",")
        try lines.joined(separator: "\n").write(toFile: timesheet, atomically: true, encoding: .utf8)
        let result = try h.run("check", "--records", records, "--period", "2019", "--no-ledger", "--lang", "en")
        #expect(result.code == 2)
        #expect(result.err.contains("records/timesheet.csv:2:"))
        #expect(result.err.contains(": error: field 'overtimeHours': '-100' is negative; the field cannot be\n"))
    }

    @Test func aHugeBadCellIsQuotedCutShortWithItsLength() throws {
        let h = try HeguiRun()
        let cell = String(repeating: "x", count: 1_000_000)
        try h.setUp(timesheet: "employeeId,date,overtimeHours\nE1,2019-03-01,\(cell)\n")
        let result = try h.check()
        #expect(result.code == 2)
        let (_, err) = result.stripped(h.dir)
        #expect(
            err.hasPrefix(
                "records/timesheet.csv:2:15: error: field 'overtimeHours': '\(String(repeating: "x", count: 80))… (1000000 characters)' is not a number\n"
            ))
        #expect(err.utf8.count < 1_000)
    }

    @Test func controlCharactersInABadCellNeverReachTheTerminal() throws {
        let h = try HeguiRun()
        try h.setUp(timesheet: "employeeId,date,overtimeHours\nE1,2019-03-01,\u{1B}]0;owned\u{07}\u{1B}[2J\n")
        let result = try h.check()
        #expect(result.code == 2)
        #expect(!result.err.contains("\u{1B}") && !result.err.contains("\u{07}"))
        #expect(result.err.contains("'\u{FFFD}]0;owned\u{FFFD}\u{FFFD}[2J' is not a number"))
    }

    @Test func aSymlinkLeavingTheRecordsFolderIsRefusedWithoutReadingIt() throws {
        let h = try HeguiRun()
        try h.setUp()
        let secret = try h.write("secret.txt", "TOP-SECRET-LINE,x\n")
        try FileManager.default.removeItem(atPath: h.path("records/employee.csv"))
        try FileManager.default.createSymbolicLink(atPath: h.path("records/employee.csv"), withDestinationPath: secret)
        let result = try h.check()
        #expect(result.code == 2)
        let (_, err) = result.stripped(h.dir)
        #expect(err.hasPrefix("records/employee.csv: error: is a symbolic link leading out of the records folder; refused\n"))
        #expect(!result.err.contains("TOP-SECRET") && !result.out.contains("TOP-SECRET"))
    }

    @Test func aSymlinkInsideTheRecordsFolderIsRead() throws {
        let h = try HeguiRun()
        try h.setUp()
        try FileManager.default.moveItem(atPath: h.path("records/employee.csv"), toPath: h.path("records/employees.txt"))
        try FileManager.default.createSymbolicLink(atPath: h.path("records/employee.csv"), withDestinationPath: "employees.txt")
        #expect(try h.check().code == 0)
    }

    @Test(arguments: [(64 << 20) + 1, 2 << 30])
    func anXMLBundleOverTheLimitIsRefusedUnread(_ size: Int) throws {
        let h = try HeguiRun()
        try h.setUp()
        let path = try h.write("records/bundle.xml", "<records>")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: UInt64(size))  // sparse: costs no disk and no time
        try handle.close()
        let result = try h.check()
        #expect(result.code == 2)
        let (_, err) = result.stripped(h.dir)
        #expect(err == "records/bundle.xml: error: is larger than the 64 MiB limit\n")
        #expect(result.elapsed < .seconds(10))
    }
}
