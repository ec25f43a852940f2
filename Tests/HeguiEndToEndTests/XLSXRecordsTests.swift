import Foundation
import Testing

/// Records kept in Excel: the shipped fixtures converted to workbooks as people lay out 台账 (title
/// rows, 合计 rows, notes, two-row headers, 序号 columns, the 1904 date system) give exactly the CSV
/// folder's findings; hostile workbooks are refused with a located error and exit 2.
@Suite(.serialized)
struct XLSXRecordsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Runs a repository script with python3 (openpyxl installed by `.ci/run`).
    static func python(_ script: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root.appendingPathComponent(script).path] + arguments
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(script) failed: \(String(decoding: message, as: UTF8.self))")
    }

    /// The check's JSON with what legitimately differs between a CSV folder and its workbooks left out:
    /// input paths and hashes, evidence files and lines, and `#line` keys of kinds without a key field.
    static func findings(_ run: HeguiRun.Result) throws -> String {
        var object = try jsonObject(run.out)
        object["inputs"] = nil
        func clean(_ value: Any) -> Any {
            if let dictionary = value as? [String: Any] {
                var copy: [String: Any] = [:]
                for (key, item) in dictionary where !["file", "line", "cell"].contains(key) { copy[key] = clean(item) }
                return copy
            }
            if let array = value as? [Any] { return array.map(clean) }
            if let text = value as? String, text.hasPrefix("#"), Int(text.dropFirst()) != nil { return "#" }
            return value
        }
        let data = try JSONSerialization.data(withJSONObject: clean(object), options: [.sortedKeys, .prettyPrinted])
        return String(decoding: data, as: UTF8.self)
    }

    static func check(_ records: String, in run: HeguiRun, format: String = "json", timeout: Double = 120) throws -> HeguiRun.Result {
        try run.run(
            ["check", "--records", records, "--period", "2019", "--no-ledger", "--today", "2020-01-15", "--lang", "en", "--format", format],
            timeout: timeout)
    }

    @Test(
        "the fixture year and two scenarios as workbooks, in both layouts, give the CSV folder's findings",
        arguments: ["ningbo-2019", "scenarios/overtime-37h", "scenarios/unsigned-contract"])
    func sameFindingsAsCSV(folder: String) throws {
        let run = try HeguiRun()
        let source = Self.root.appendingPathComponent("fixtures/" + folder).path
        let expected = try Self.check(source, in: run)
        #expect(expected.code == 0 || expected.code == 1, "\(expected.err)")
        for layout in ["per-kind", "one-workbook"] {
            let out = run.path(layout)
            try Self.python("scripts/records-to-xlsx.py", [source, out, "--layout", layout, "--title", "--total"])
            let result = try Self.check(out, in: run)
            #expect(result.code == expected.code, "\(layout): \(result.err)")
            #expect(try Self.findings(result) == Self.findings(expected), "\(layout)")
            // Every workbook's skipped rows are a warning naming them, never silently dropped.
            let sheet = layout == "per-kind" ? "employee.xlsx!职工花名册" : "台账.xlsx!职工花名册"
            #expect(
                result.err.contains(
                    "\(out)/\(sheet): note: skipped 4 rows that are not records: above the header (row 1), total (row 1111), note (rows 1112-1113)"),
                "\(result.err)")
        }
    }

    @Test("a two-row merged header, a 序号 column and the 1904 date system read the same")
    func twoRowHeaderAndDate1904() throws {
        let run = try HeguiRun()
        let source = Self.root.appendingPathComponent("fixtures/scenarios/overtime-37h").path
        let expected = try Self.check(source, in: run)
        let out = run.path("book")
        try Self.python(
            "scripts/records-to-xlsx.py",
            [source, out, "--title", "--total", "--two-row-header", "--index-column", "--date1904"])
        let result = try Self.check(out, in: run)
        #expect(result.code == 1, "\(result.err)")
        #expect(try Self.findings(result) == Self.findings(expected))
        let text = try Self.check(out, in: run, format: "text")
        #expect(text.out.contains("\(out)/timesheet.xlsx!考勤加班记录!B8270  E0001 2019-05  37"), "\(text.out)")
        #expect(
            result.err.contains(
                "\(out)/team.xlsx!班组名册: note: skipped 4 rows that are not records: above the header (row 1), total (row 45), note (rows 46-47); column not read: 序号 (A)"
            ), "\(result.err)")
    }

    @Test(
        "hostile workbooks are refused with a located error and exit 2",
        arguments: [
            ("corrupt", "financeMeeting.xlsx: error: is a damaged .xlsx workbook: the zip archive cannot be read"),
            ("bomb-declared", "financeMeeting.xlsx: error: unpacks to 3 GiB, more than the 2 GiB limit: refused as a possible zip bomb"),
            (
                "bomb-part-declared",
                "financeMeeting.xlsx!xl/worksheets/sheet1.xml: error: unpacks to 768 MiB, more than the 512 MiB limit: refused as a possible zip bomb"
            ),
            (
                "bomb-streamed",
                "financeMeeting.xlsx!xl/worksheets/sheet1.xml: error: unpacks to more than the 4096 bytes it declares: refused as a possible zip bomb"
            ),
            (
                "doctype-sheet",
                "financeMeeting.xlsx!xl/worksheets/sheet1.xml:1:39: error: DOCTYPE declarations are not allowed (no DTDs or entities are loaded)"
            ),
            (
                "doctype-strings",
                "financeMeeting.xlsx!xl/sharedStrings.xml:2:1: error: DOCTYPE declarations are not allowed (no DTDs or entities are loaded)"
            ),
            (
                "doctype-workbook",
                "financeMeeting.xlsx!xl/workbook.xml:1:39: error: DOCTYPE declarations are not allowed (no DTDs or entities are loaded)"
            ),
            (
                "doctype-styles",
                "financeMeeting.xlsx!xl/styles.xml:1:39: error: DOCTYPE declarations are not allowed (no DTDs or entities are loaded)"
            ),
            (
                "doctype-rels",
                "financeMeeting.xlsx!xl/_rels/workbook.xml.rels:1:39: error: DOCTYPE declarations are not allowed (no DTDs or entities are loaded)"
            ),
            ("entity-sheet", "financeMeeting.xlsx!xl/worksheets/sheet1.xml:1:279: error: Entity 'xxe' not defined"),
            (
                "xls-renamed",
                "financeMeeting.xlsx: error: is an Excel 97-2003 (.xls) or WPS (.et) workbook renamed .xlsx: open it and save it as Excel Workbook (.xlsx) or CSV"
            ),
            (
                "et-renamed",
                "financeMeeting.xlsx: error: is an Excel 97-2003 (.xls) or WPS (.et) workbook renamed .xlsx: open it and save it as Excel Workbook (.xlsx) or CSV"
            ),
            (
                "encrypted",
                "financeMeeting.xlsx: error: is a password-protected workbook: hegui cannot read encrypted files; remove the password (File → Info → Protect Workbook) and save again"
            ),
            (
                "million-rows",
                "financeMeeting.xlsx!财务制度学习会!B1048576: error: the sheet is used down to Excel's last row (1,048,576): rows past it were cut off when it was saved; save this kind as CSV"
            ),
            (
                // No used range stated: every row is streamed (one row in memory at a time) to find it.
                "million-rows-streamed",
                "financeMeeting.xlsx!财务制度学习会!A1048576: error: the table reaches Excel's last row (1,048,576): rows past it were cut off when the sheet was saved; save this kind as CSV"
            ),
            (
                "sst-out-of-range",
                "financeMeeting.xlsx!财务制度学习会!B2: error: shared-string index 999 is out of range (the workbook has 2 shared strings)"
            ),
        ])
    func hostile(case name: String, message: String) throws {
        let run = try HeguiRun()
        try Self.python("scripts/hostile-workbooks.py", [run.path("cases"), name])
        let folder = run.path("cases/" + name)
        let result = try Self.check(folder, in: run, format: "text", timeout: name.hasPrefix("million") ? 900 : 120)
        #expect(result.code == 2, "\(result.err)")
        #expect(result.err.contains("\(folder)/\(message)"), "\(result.err)")
        #expect(result.out.isEmpty)
    }

    @Test("the well-formed control workbook of the hostile set is read")
    func hostileControl() throws {
        let run = try HeguiRun()
        try Self.python("scripts/hostile-workbooks.py", [run.path("cases"), "good"])
        let result = try Self.check(run.path("cases/good"), in: run, format: "text")
        // Only financeMeeting is given: the check runs (other kinds missing are errors of their checks).
        #expect(result.code == 1, "\(result.err)")
        #expect(!result.err.contains("financeMeeting.xlsx"), "\(result.err)")
    }

    /// Writes a workbook with openpyxl from a Python body that fills `sheet` (and may rename it).
    static func workbook(_ path: String, _ body: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let script = """
            import datetime, openpyxl, sys
            book = openpyxl.Workbook()
            sheet = book.active
            \(body.split(separator: "\n").joined(separator: "\n"))
            book.save(sys.argv[1])
            """
        process.arguments = ["python3", "-c", script, path]
        let err = Pipe()
        process.standardError = err
        try process.run()
        let message = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(String(decoding: message, as: UTF8.self))")
    }

    @Test("bad cells are located by sheet and cell; serial 60, plain numbers in date columns and Excel errors are refused")
    func cellErrors() throws {
        let run = try HeguiRun()
        try run.write("pack.xml", HeguiRun.pack())
        try run.write("records/timesheet.csv", HeguiRun.timesheetCSV)
        try run.write("records/accident.csv", HeguiRun.accidentCSV)
        try FileManager.default.createDirectory(atPath: run.path("records"), withIntermediateDirectories: true)
        try Self.workbook(
            run.path("records/employee.xlsx"),
            """
            sheet.title = "花名册"
            sheet.append(["工号", "姓名", "已签劳动合同", "入职日期"])
            sheet.append(["E1", "张三", True, datetime.date(2018, 3, 1)])
            sheet.append(["E2", "李四", "是", 43500])
            sheet.append(["E3", "王五", "maybe", "2019-02-30"])
            sheet.append(["E4", "赵六", False, 60])
            sheet["D5"].number_format = "yyyy-mm-dd"
            sheet.append(["E5", "=1/0", True, "2019/3/5"])
            sheet["B6"] = "#DIV/0!"
            sheet["B6"].data_type = "e"
            sheet.append(["E1", "重复", True, "2019年3月5日"])
            """)
        let result = try run.check()
        #expect(result.code == 2)
        let err = result.stripped(run.dir).err
        for line in [
            "records/employee.xlsx!花名册!D3: error: field 'hiredOn': '43500' is a plain number, not a date: format the column as a date (Format Cells → Date) or write 2019-03-05",
            "records/employee.xlsx!花名册!C4: error: field 'contractSigned': 'maybe' is not a boolean (use 是/否, Y/N, true/false or 1/0)",
            "records/employee.xlsx!花名册!D4: error: field 'hiredOn': '2019-02-30' is not a valid date",
            "records/employee.xlsx!花名册!D5: error: field 'hiredOn': serial date 60 is 1900-02-29, a day that did not exist (Excel's 1900 leap-year bug)",
            "records/employee.xlsx!花名册!B6: error: field 'name': the cell holds the Excel error '#DIV/0!'",
            "records/employee.xlsx!花名册!A7: error: duplicate key 'E1' (first at line 2)",
        ] {
            #expect(err.contains(line), "\(line)\n\(err)")
        }
    }

    @Test("a workbook named after no kind, with no sheet named after one, is a warning, never silently ignored")
    func misspeltWorkbook() throws {
        let run = try HeguiRun()
        try run.setUp()
        try Self.workbook(run.path("records/employe.xlsx"), "sheet.title = \"Sheet1\"\nsheet.append([\"工号\"])")
        let result = try run.check()
        #expect(result.code == 0, "\(result.err)")
        #expect(
            result.stripped(run.dir).err.contains(
                "records/employe.xlsx!Sheet1: warning: sheet 'Sheet1' is named after no record kind (known kinds: accident, employee, timesheet); sheet ignored"
            ), "\(result.err)")
        #expect(
            result.stripped(run.dir).err.contains(
                "records/employe.xlsx: warning: 'employe.xlsx' is named after no record kind and none of its sheets is (known kinds: accident, employee, timesheet); file ignored"
            ), "\(result.err)")
    }
}
