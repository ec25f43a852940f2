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
                for (key, item) in dictionary where key != "file" && key != "line" { copy[key] = clean(item) }
                return copy
            }
            if let array = value as? [Any] { return array.map(clean) }
            if let text = value as? String, text.hasPrefix("#"), Int(text.dropFirst()) != nil { return "#" }
            return value
        }
        let data = try JSONSerialization.data(withJSONObject: clean(object), options: [.sortedKeys, .prettyPrinted])
        return String(decoding: data, as: UTF8.self)
    }

    static func check(_ records: String, in run: HeguiRun, format: String = "json") throws -> HeguiRun.Result {
        try run.run(
            ["check", "--records", records, "--period", "2019", "--no-ledger", "--today", "2020-01-15", "--lang", "en", "--format", format],
            timeout: 120)
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
                    "\(out)/\(sheet): warning: skipped 4 rows that are not records: above the header (row 1), total (row 1111), note (rows 1112-1113)"),
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
        #expect(
            result.err.contains(
                "\(out)/team.xlsx!班组名册: warning: skipped 4 rows that are not records: above the header (row 1), total (row 45), note (rows 46-47); column not read: 序号 (A)"
            ), "\(result.err)")
    }

    @Test(
        "hostile workbooks are refused with a located error and exit 2",
        arguments: [
            ("corrupt", "financeMeeting.xlsx: error: is a damaged .xlsx workbook: the zip archive cannot be read"),
            ("bomb-declared", "financeMeeting.xlsx: error: unpacks to 3 GiB, more than the 2 GiB limit: refused as a possible zip bomb"),
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
                "xls-renamed",
                "financeMeeting.xlsx: error: is an Excel 97-2003 (.xls) or WPS (.et) workbook renamed .xlsx: open it and save it as Excel 工作簿 (.xlsx) or CSV"
            ),
            (
                "et-renamed",
                "financeMeeting.xlsx: error: is an Excel 97-2003 (.xls) or WPS (.et) workbook renamed .xlsx: open it and save it as Excel 工作簿 (.xlsx) or CSV"
            ),
            (
                "encrypted",
                "financeMeeting.xlsx: error: is a password-protected workbook: hegui cannot read encrypted files; remove the password (文件 → 信息 → 保护工作簿) and save again"
            ),
            (
                "million-rows",
                "financeMeeting.xlsx!财务制度学习会!B1048576: error: the sheet is used down to Excel's last row (1,048,576): rows past it were cut off when it was saved; save this kind as CSV"
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
        let result = try Self.check(folder, in: run, format: "text")
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
}
