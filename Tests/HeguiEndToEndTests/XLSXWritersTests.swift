import Foundation
import Testing

/// The workbooks hegui writes, opened with a real reader (openpyxl, see scripts/describe-xlsx.py): the
/// records template (filled in, a records workbook that checks clean), the 自评表 and the 整改台账.
@Suite(.serialized)
struct XLSXWritersTests {
    /// One sheet as openpyxl reads it.
    struct Sheet {
        var object: [String: Any]
        var rows: [[String]] { object["rows"] as? [[String]] ?? [] }
        var types: [String: String] { object["types"] as? [String: String] ?? [:] }
        subscript(_ key: String) -> Any? { object[key] }
    }

    /// What openpyxl reads from a workbook: its sheets in order.
    static func describe(_ path: String) throws -> [(name: String, sheet: Sheet)] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", XLSXRecordsTests.root.appendingPathComponent("scripts/describe-xlsx.py").path, path]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let problem = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(String(decoding: problem, as: UTF8.self))")
        let sheets = try #require(try jsonObject(String(decoding: data, as: UTF8.self))["sheets"] as? [[String: Any]])
        return sheets.map { ($0["name"] as? String ?? "", Sheet(object: $0)) }
    }

    static func sheet(_ book: [(name: String, sheet: Sheet)], _ name: String) throws -> Sheet {
        try #require(book.first { $0.name == name }?.sheet, "no sheet \(name) in \(book.map(\.name))")
    }

    /// `97`, `97.5`: a JSON number as the workbook shows it.
    static func formatted(_ value: Any?) -> String {
        guard let number = value as? Double else { return "\(value ?? "")" }
        return number == number.rounded() ? String(Int(number)) : String(number)
    }

    @Test("the template: a sheet per kind, Chinese headers with comments, drop-downs, type checks, frozen header, A4")
    func template() throws {
        let run = try HeguiRun()
        let path = run.path("台账模板.xlsx")
        let result = try run.run("template", "--format", "xlsx", "--output", path, "--lang", "en")
        #expect(result.code == 0, "\(result.err)")
        #expect(result.err == "hegui: wrote \(path)\n")
        let book = try Self.describe(path)
        let kinds = try FileManager.default.contentsOfDirectory(
            atPath: XLSXRecordsTests.root.appendingPathComponent("fixtures/templates").path
        ).filter { $0.hasSuffix(".csv") }
        #expect(book.count == kinds.count, "\(book.map(\.name))")
        #expect(book.map(\.name).contains("职工花名册") && book.map(\.name).contains("“三违”记录"))
        let employee = try Self.sheet(book, "职工花名册")
        #expect(
            employee.rows.first == [
                "工号", "姓名", "性别", "出生日期", "入职日期", "离职日期", "部门", "班组", "岗位", "已签劳动合同", "合同类型", "五险齐全",
                "工会会员", "接触职业危害", "已发放劳动防护用品", "安全职责", "财务关键岗位",
            ])
        #expect(employee.rows.count == 1, "only the header: \(employee.rows.count) rows")
        #expect(employee["freeze"] as? String == "A2")
        let comments = try #require(employee["comments"] as? [String: String])
        #expect(comments["A1"] == "工号（employeeId）\ntext; required\nthe key: no two rows alike", "\(comments)")
        #expect(comments["E1"]?.hasPrefix("入职日期（hiredOn）\ndate, e.g. 2019-03-05; required") == true, "\(comments)")
        let validations = try #require(employee["validations"] as? [[String: String]])
        #expect(validations.contains { $0["type"] == "list" && $0["list"] == "男,女" && $0["ranges"] == "C2:C10001" }, "\(validations)")
        #expect(validations.contains { $0["type"] == "list" && $0["list"] == "是,否" && $0["ranges"] == "J2:J10001" }, "\(validations)")
        #expect(validations.contains { $0["type"] == "date" && $0["ranges"] == "E2:E10001" }, "\(validations)")
        let formats = try #require(employee["columnFormats"] as? [String: String])
        #expect(formats["E"] == "yyyy-mm-dd" && formats["A"] == "@", "dates show as dates, 工号 stays text: \(formats)")
        #expect(employee["paper"] as? Int == 9 && employee["repeatRows"] as? String == "$1:$1")
        // Whole, non-negative numbers are checked where the kind says so.
        let timesheet = try Self.sheet(book, "考勤加班记录")
        let hoursColumn = try #require(timesheet.rows.first?.firstIndex(of: "加班小时"))
        let letter = String(UnicodeScalar(UInt8(65 + hoursColumn)))
        let numberChecks = try #require(timesheet["validations"] as? [[String: String]])
        #expect(
            numberChecks.contains { $0["type"] == "decimal" && $0["operator"] == "greaterThanOrEqual" && $0["ranges"] == "\(letter)2:\(letter)10001" },
            "\(numberChecks)")
    }

    @Test("the template filled in with the fixture year is a records workbook that checks clean, like the CSV folder")
    func filledTemplateChecksClean() throws {
        let run = try HeguiRun()
        let template = run.path("台账模板.xlsx")
        #expect(try run.run("template", "--output", template).code == 0)
        let source = XLSXRecordsTests.root.appendingPathComponent("fixtures/ningbo-2019").path
        try XLSXRecordsTests.python("scripts/records-to-xlsx.py", [source, run.path("filled"), "--into", template])
        let filled = try XLSXRecordsTests.check(run.path("filled"), in: run)
        let expected = try XLSXRecordsTests.check(source, in: run)
        #expect(expected.code == 0, "\(expected.err)")
        #expect(filled.code == 0, "\(filled.err)")
        #expect(try XLSXRecordsTests.findings(filled) == XLSXRecordsTests.findings(expected))
        #expect(!filled.err.contains("warning"), "\(filled.err)")
        let inputs = try #require(try jsonObject(filled.out)["inputs"] as? [[String: Any]])
        #expect(inputs.contains { ($0["path"] as? String)?.hasSuffix("台账.xlsx!职工花名册") == true }, "\(inputs)")
    }

    @Test("--format xlsx without --output names the flag and exits 2; a bad --format for the template too")
    func workbookNeedsAFile() throws {
        let run = try HeguiRun()
        let source = XLSXRecordsTests.root.appendingPathComponent("fixtures/scenarios/overtime-37h").path
        let check = try run.run("check", "--records", source, "--period", "2019", "--no-ledger", "--format", "xlsx", "--lang", "en")
        #expect(check.code == 2)
        #expect(check.err == "hegui: error: --format xlsx writes a workbook file: name it with --output, e.g. --output self-assessment.xlsx\n")
        let template = try run.run("template", "--format", "csv", "--output", run.path("t.csv"), "--lang", "zh-CN")
        #expect(template.code == 2)
        #expect(template.err == "hegui: error: --format“csv”无效：模板只能写成 xlsx\n")
        let missing = try run.run("template", "--output", run.path("no/such/folder/t.xlsx"), "--lang", "en")
        #expect(missing.code == 2 && missing.err.hasSuffix("no/such/folder is not a writable folder\n"), "\(missing.err)")
    }
}
