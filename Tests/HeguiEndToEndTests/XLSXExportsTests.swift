import Foundation
import Testing

/// The 自评表 (`check --format xlsx`) and the 整改台账 (`ledger export --format xlsx`), opened with
/// openpyxl: sheets, headers, values, styles, and the ledger export read back as `rectification` records.
@Suite(.serialized)
struct XLSXExportsTests {
    typealias Book = [(name: String, sheet: XLSXWritersTests.Sheet)]

    @Test("the self-assessment workbook: a summary, a sheet per pack in the review's shape, the failing rows")
    func selfAssessment() throws {
        let run = try HeguiRun()
        let path = run.path("自评表.xlsx")
        let source = XLSXRecordsTests.root.appendingPathComponent("fixtures/scenarios/overtime-37h").path
        let result = try run.run(
            ["check", "--records", source, "--period", "2019", "--no-ledger", "--today", "2020-01-15", "--format", "xlsx",
             "--output", path, "--lang", "zh-CN"],
            timeout: 120)
        #expect(result.code == 1, "exit 1: an item to fix. \(result.err)")
        #expect(result.err.hasSuffix("hegui: 已写入 \(path)\n"), "\(result.err)")
        let json = try jsonObject(try XLSXRecordsTests.check(source, in: run).out)
        let packs = try #require(json["packs"] as? [[String: Any]])
        let book = try XLSXWritersTests.describe(path)
        #expect(book.first?.name == "汇总" && book.last?.name == "问题明细" && book.count == packs.count + 2, "\(book.map(\.name))")
        let summary = try XLSXWritersTests.sheet(book, "汇总").rows
        #expect(summary[1] == ["规则包", "版本", "得分", "满分", "合格线", "等级", "是否达标", "否决项", "达标还差"])
        for (index, pack) in packs.enumerated() {
            let title = try #require((pack["title"] as? [String: String])?["zh-CN"])
            let score = XLSXWritersTests.formatted(pack["score"])
            #expect(summary[index + 2][0] == title && summary[index + 2][2] == score, "\(summary[index + 2])")
            #expect(summary[index + 2][6] == ((pack["passed"] as? Bool) == true ? "达标" : "未达标"))
            let sheet = try XLSXWritersTests.sheet(book, title)
            #expect(sheet.rows[1] == ["序号", "项目及分值", "子项及分值", "具体工作情况", "自评分", "核实情况", "核定分"], "\(title)")
            #expect(sheet.rows.last?[3] == "合计" && sheet.rows.last?[4] == score, "\(sheet.rows.last ?? [])")
            let findings = try #require(pack["findings"] as? [[String: Any]])
            #expect(sheet.rows.count == findings.count + 3, "title, header, one row per indicator, 合计")
            #expect(sheet["landscape"] as? Bool == true && sheet["freeze"] as? String == "A3")
            #expect((sheet["footer"] as? [String: String])?["center"] == "第 &P 页，共 &N 页")
        }
        let harmonious = try XLSXWritersTests.sheet(book, "宁波市和谐企业评价")
        let l06 = try #require(harmonious.rows.first { $0[2].hasPrefix("L06 ") })
        #expect(l06[4] == "0" && l06[3].hasPrefix("未达标：实测 1 项不符，要求 每项 ≤ 36"), "\(l06)")
        #expect(l06[3].contains("· E0001 2019-05"), "\(l06[3])")
        #expect(l06[5].isEmpty && l06[6].isEmpty, "核实情况 and 核定分 are the reviewers'")
        // Each category's label is merged down over its indicators.
        #expect((harmonious["merged"] as? [String])?.contains { $0.hasPrefix("B3:B") } == true, "\(harmonious["merged"] ?? "")")
        let evidence = try XLSXWritersTests.sheet(book, "问题明细")
        #expect(evidence.rows[0] == ["规则包", "指标", "名称", "结论", "记录", "位置", "实测", "说明"])
        #expect(
            evidence.rows.contains { $0[1] == "L06" && $0[4] == "E0001 2019-05" && $0[5].hasSuffix("timesheet.csv:8268") && $0[6] == "37" },
            "\(evidence.rows)")
        #expect(evidence["autofilter"] as? String == "A1:H\(evidence.rows.count)")
    }

    /// A ledger with a patrol and two issues: one overdue on 2019-07-01 whose description starts like a
    /// formula, one with every 六定 field.
    static func ledger(in run: HeguiRun) throws -> String {
        let ledger = run.path("hegui.sqlite")
        let patrol = try run.run(
            "inspect", "add", "--date", "2019-06-10", "--team", "第一巡视组", "--scope", "卷包车间", "--by", "工会办", "--ledger", ledger)
        #expect(patrol.code == 0, "\(patrol.err)")
        let issues: [[String]] = [
            ["--description", "=HYPERLINK(\"http://x\")消防通道堆放物料", "--deadline", "2019-06-20"],
            [
                "--description", "配电箱未上锁", "--deadline", "2019-12-31", "--measure", "加装门锁并张贴警示标识", "--funds", "1200.5",
                "--department", "安全环保部", "--responsible", "李明", "--rechecker", "张主任",
            ],
        ]
        for extra in issues {
            let issue = try run.run(
                [
                    "inspect", "issue", "--patrol", "1", "--location", "卷包车间", "--category", "安全", "--grade", "一般", "--by", "王代表",
                    "--ledger", ledger,
                ] + extra)
            #expect(issue.code == 0, "\(issue.err)")
        }
        return ledger
    }

    @Test("the ledger export: every 六定 field, typed cells, overdue rows highlighted, a filter, the chain head")
    func ledgerExport() throws {
        let run = try HeguiRun()
        let ledger = try Self.ledger(in: run)
        let path = run.path("整改台账.xlsx")
        let result = try run.run(
            "ledger", "export", "--format", "xlsx", "--output", path, "--today", "2019-07-01", "--ledger", ledger, "--lang", "zh-CN")
        #expect(result.code == 0 && result.err.hasPrefix("已导出到 \(path)\n"), "\(result.err)")
        let verify = try run.run("ledger", "verify", "--ledger", ledger, "--lang", "en").out
        let hash = try #require(verify.split(separator: " ").last).trimmingCharacters(in: .whitespacesAndNewlines)
        let anchor = "3:" + hash
        let book = try XLSXWritersTests.describe(path)
        #expect(book.map(\.name) == ["整改台账"])
        let sheet = book[0].sheet
        let rows = sheet.rows
        #expect(rows[0][0] == "整改台账（截至 2019-07-01）")
        #expect(
            rows[1] == [
                "问题编号", "来源", "规则包", "对应指标", "考核期间", "涉及对象", "巡视批次", "发现日期", "发现人", "地点", "问题描述", "问题类别", "问题等级",
                "整改措施", "资金", "责任部门", "责任人", "整改期限", "复查人", "状态", "提交人", "验证人", "验证日期", "已销号", "已逾期", "曾逾期",
                "逾期的期限", "已公示", "公示日期", "佐证数",
            ])
        #expect(rows[2][10] == "=HYPERLINK(\"http://x\")消防通道堆放物料", "the text as typed: \(rows[2])")
        #expect(!sheet.types.values.contains("f"), "no formula anywhere: \(sheet.types)")
        #expect(rows[2][0] == "1" && rows[2][1] == "patrol" && rows[2][6] == "1" && rows[2][7] == "2019-06-10" && rows[2][17] == "2019-06-20")
        #expect(rows[2][19] == "已通知待整改（逾期）" && rows[2][23] == "否" && rows[2][24] == "是", "\(rows[2])")
        // 六定: the item, measure, funds, department and person, deadline, re-checker.
        #expect(Array(rows[3][13...18]) == ["加装门锁并张贴警示标识", "1200.5", "安全环保部", "李明", "2019-12-31", "张主任"], "\(rows[3])")
        #expect(rows[3][24] == "否")
        #expect(sheet.types["A3"] == "n" && sheet.types["H3"] == "d" && sheet.types["O4"] == "n" && sheet.types["R4"] == "d", "\(sheet.types)")
        let fills = try #require(sheet["fills"] as? [String: String])
        #expect(fills["A3"] == "FFFFC7CE" && fills["A4"] == nil, "only the overdue row is red: \(fills)")
        #expect(sheet["autofilter"] as? String == "A2:AD4")
        #expect(sheet["freeze"] as? String == "A3")
        #expect(rows[5][0].hasPrefix("注：审计链末条 \(anchor)"), "\(rows.suffix(2))")
        let footer = try #require(sheet["footer"] as? [String: String])
        #expect(footer["left"] == "审计链末条 \(anchor)" && footer["right"] == "第 &P 页，共 &N 页", "\(footer)")
        #expect(sheet["landscape"] as? Bool == true && sheet["repeatRows"] as? String == "$2:$2")
    }

    @Test("the ledger export reads back as rectification records, in Chinese and in English", arguments: ["zh-CN", "en"])
    func ledgerExportReadsBack(language: String) throws {
        let run = try HeguiRun()
        let ledger = try Self.ledger(in: run)
        let records = run.path("records")
        try FileManager.default.copyItem(
            atPath: XLSXRecordsTests.root.appendingPathComponent("fixtures/ningbo-2019").path, toPath: records)
        try FileManager.default.removeItem(atPath: records + "/rectification.csv")
        let path = records + "/整改台账.xlsx"
        let export = try run.run(
            "ledger", "export", "--format", "xlsx", "--output", path, "--today", "2019-07-01", "--ledger", ledger, "--lang", language)
        #expect(export.code == 0, "\(export.err)")
        if language == "en" {
            let sheet = try XLSXWritersTests.describe(path)
            #expect(sheet.map(\.name) == ["rectification"])
            #expect(sheet[0].sheet.rows[1].prefix(4) == ["id", "source", "pack", "indicator"])
            #expect(sheet[0].sheet.rows[2][23] == "no" && sheet[0].sheet.rows[2][24] == "yes")
        }
        let check = try XLSXRecordsTests.check(records, in: run)
        #expect(check.code == 0 || check.code == 1, "read without a records error: \(check.err)")
        let json = try jsonObject(check.out)
        let inputs = try #require(json["inputs"] as? [[String: Any]])
        let input = try #require(inputs.first { $0["kind"] as? String == "rectification" }, "\(inputs)")
        #expect((input["path"] as? String)?.contains("整改台账.xlsx") == true && input["records"] as? Int == 2, "\(input)")
        #expect(check.err.contains("skipped"), "the title and the note row are reported: \(check.err)")
    }
}
