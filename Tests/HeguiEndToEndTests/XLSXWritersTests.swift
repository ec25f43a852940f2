import Foundation
import Testing

/// The workbooks hegui writes, opened with a real reader (openpyxl): the records template (and,
/// filled in, a records workbook that checks clean), the 整改台账 export and the 自评表.
@Suite(.serialized)
struct XLSXWritersTests {
    /// What openpyxl reads from a workbook (see scripts/describe-xlsx.py).
    static func describe(_ path: String) throws -> [String: [String: Any]] {
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
        let object = try jsonObject(String(decoding: data, as: UTF8.self))
        let sheets = try #require(object["sheets"] as? [[String: Any]])
        var byName: [String: [String: Any]] = [:]
        for sheet in sheets { byName[sheet["name"] as? String ?? ""] = sheet }
        byName["#order"] = ["names": sheets.map { $0["name"] as? String ?? "" }]
        return byName
    }

    static func rows(_ sheet: [String: Any]?) -> [[String]] { sheet?["rows"] as? [[String]] ?? [] }

    @Test("the template: a sheet per kind, Chinese headers with comments, drop-downs, date formats, frozen header")
    func template() throws {
        let run = try HeguiRun()
        let path = run.path("台账模板.xlsx")
        let result = try run.run("template", "--format", "xlsx", "--output", path, "--lang", "en")
        #expect(result.code == 0, "\(result.err)")
        let book = try Self.describe(path)
        let names = try #require(book["#order"]?["names"] as? [String])
        #expect(names.count == 36, "\(names)")
        #expect(names.contains("职工花名册") && names.contains("考勤加班记录") && names.contains("“三违”记录"))
        let employee = try #require(book["职工花名册"])
        #expect(
            Self.rows(employee).first == [
                "工号", "姓名", "性别", "出生日期", "入职日期", "离职日期", "部门", "班组", "岗位", "已签劳动合同", "合同类型", "五险齐全",
                "工会会员", "接触职业危害", "已发放劳动防护用品", "安全职责", "财务关键岗位",
            ])
        #expect(employee["freeze"] as? String == "A2")
        let comments = try #require(employee["comments"] as? [String: String])
        #expect(comments["A1"] == "工号（employeeId）\n文本；必填\n编号列：不得重复", "\(comments)")
        #expect(comments["E1"]?.hasPrefix("入职日期（hiredOn）\n日期，如 2019-03-05；必填") == true, "\(comments)")
        let validations = try #require(employee["validations"] as? [[String: String]])
        #expect(validations.contains { $0["type"] == "list" && $0["list"] == "男,女" && $0["ranges"] == "C2:C10001" }, "\(validations)")
        #expect(validations.contains { $0["type"] == "list" && $0["list"] == "是,否" && $0["ranges"] == "J2:J10001" }, "\(validations)")
        #expect(validations.contains { $0["type"] == "date" && $0["ranges"] == "E2:E10001" }, "\(validations)")
        #expect(employee["paper"] as? Int == 9)
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
        #expect(filled.code == 0, "\(filled.err)")
        #expect(try XLSXRecordsTests.findings(filled) == XLSXRecordsTests.findings(expected))
        #expect(!filled.err.contains("warning"), "\(filled.err)")
    }

    @Test("the self-assessment workbook: a summary, a sheet per pack in the review's shape, the failing rows")
    func selfAssessment() throws {
        let run = try HeguiRun()
        let path = run.path("自评表.xlsx")
        let source = XLSXRecordsTests.root.appendingPathComponent("fixtures/scenarios/overtime-37h").path
        let result = try run.run(
            ["check", "--records", source, "--period", "2019", "--no-ledger", "--today", "2020-01-15", "--format", "xlsx", "--output", path],
            timeout: 120)
        #expect(result.code == 1, "\(result.err)")
        let json = try jsonObject(try XLSXRecordsTests.check(source, in: run).out)
        let packs = try #require(json["packs"] as? [[String: Any]])
        let book = try Self.describe(path)
        let names = try #require(book["#order"]?["names"] as? [String])
        #expect(names.first == "汇总" && names.last == "问题明细" && names.count == packs.count + 2, "\(names)")
        let summary = Self.rows(book["汇总"])
        #expect(summary[1] == ["规则包", "版本", "得分", "满分", "合格线", "等级", "是否达标", "否决项", "达标还差"])
        for (index, pack) in packs.enumerated() {
            let title = try #require((pack["title"] as? [String: String])?["zh-CN"])
            #expect(summary[index + 2][0] == title)
            #expect(summary[index + 2][2] == formatted(pack["score"]), "\(summary[index + 2]) \(pack["score"] ?? "")")
            let sheet = Self.rows(book[title])
            #expect(sheet[1] == ["序号", "项目及分值", "子项及分值", "具体工作情况", "自评分", "核实情况", "核定分"], "\(title)")
            #expect(sheet.last?[3] == "合计" && sheet.last?[4] == formatted(pack["score"]), "\(sheet.last ?? [])")
        }
        let harmonious = Self.rows(book["宁波市和谐企业评价指标"] ?? book[names[1]])
        let l06 = try #require(harmonious.first { $0[2].hasPrefix("L06 ") })
        #expect(l06[4] == "0" && l06[3].hasPrefix("未达标：实测 1 项不符，要求 每项 ≤ 36"), "\(l06)")
        #expect(l06[5].isEmpty && l06[6].isEmpty)
        let evidence = Self.rows(book["问题明细"])
        #expect(evidence.contains { $0[1] == "L06" && $0[4] == "E0001 2019-05" && $0[5].hasSuffix("timesheet.csv:8268") }, "\(evidence)")
    }

    func formatted(_ value: Any?) -> String {
        guard let number = value as? Double else { return "\(value ?? "")" }
        return number == number.rounded() ? String(Int(number)) : String(number)
    }

    @Test("the ledger export: every 六定 field, overdue rows highlighted, a filter, the chain head in the footer")
    func ledgerExport() throws {
        let run = try HeguiRun()
        let ledger = run.path("hegui.sqlite")
        #expect(try run.run("inspect", "add", "--date", "2019-06-10", "--team", "第一巡视组", "--scope", "卷包车间", "--by", "工会办", "--ledger", ledger).code == 0)
        for (description, deadline) in [("=HYPERLINK(\"x\")消防通道堆放物料", "2019-06-20"), ("配电箱未上锁", "2019-12-31")] {
            let issue = try run.run(
                "inspect", "issue", "--patrol", "1", "--location", "卷包车间", "--description", description, "--category", "安全",
                "--grade", "一般", "--by", "王代表", "--deadline", deadline, "--ledger", ledger)
            #expect(issue.code == 0, "\(issue.err)")
        }
        let path = run.path("整改台账.xlsx")
        let result = try run.run("ledger", "export", "--format", "xlsx", "--output", path, "--today", "2019-07-01", "--ledger", ledger)
        #expect(result.code == 0, "\(result.err)")
        let head = try run.run("ledger", "verify", "--ledger", ledger, "--lang", "en").out
        let sheet = try #require(try Self.describe(path)["整改台账"])
        let rows = Self.rows(sheet)
        #expect(rows[0][0] == "整改台账（截至 2019-07-01）")
        #expect(
            rows[1] == [
                "序号", "来源", "对应指标", "发现日期", "发现人", "地点", "问题描述", "问题类别", "问题等级", "整改措施", "整改资金(元)", "责任部门",
                "责任人", "整改期限", "复查人", "状态", "提交人", "验证人", "销号日期", "佐证材料",
            ])
        #expect(rows[2][6] == "'=HYPERLINK(\"x\")消防通道堆放物料", "formula-safe: \(rows[2])")
        #expect(rows[2][15].hasSuffix("（逾期）") && !rows[3][15].hasSuffix("（逾期）"), "\(rows[2][15]) \(rows[3][15])")
        let fills = try #require(sheet["fills"] as? [String: String])
        #expect(fills["A3"] == "FFFFC7CE" && fills["A4"] == nil, "\(fills)")
        #expect(sheet["autofilter"] as? String == "A2:T4")
        #expect(sheet["freeze"] as? String == "A3")
        let chain = try #require(head.split(separator: " ").last.map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) })
        #expect((sheet["footer"] as? String)?.contains(chain) == true, "\(sheet["footer"] ?? "") vs \(chain)")
        #expect(sheet["landscape"] as? Bool == true)
    }
}
