import HeguiBase
import HeguiXLSX

/// `hegui check … --format xlsx`: the 自评表 a review asks for. Per pack a sheet 序号 | 项目及分值 |
/// 子项及分值 | 具体工作情况 | 自评分 | 核实情况 | 核定分 (the last two left for the reviewers), a 汇总
/// sheet with each pack's score, grade, vetoes and gap to pass, and a 问题明细 sheet of the failing
/// evidence rows.
public enum SelfAssessmentWorkbook {
    static let header = XLSXStyle(bold: true, wrap: true, centered: true, border: true, fill: 0xDDEBF7)
    static let cell = XLSXStyle(wrap: true, border: true)
    static let number = XLSXStyle(centered: true, border: true, numberFormat: "0.##")
    static let failing = XLSXStyle(wrap: true, border: true, fill: 0xFFC7CE)
    static let title = XLSXStyle(bold: true, centered: true, fontSize: 16)

    /// Writes the assessment (Chinese, as reviews are) to `path`.
    public static func write(_ assessment: Assessment, to path: String) throws(XLSXWriteError) {
        let book = try XLSXWorkbookWriter(path: path)
        summary(assessment, book.addSheet("汇总"))
        for pack in assessment.packs { packSheet(pack, period: assessment.period, book.addSheet(pack.title.zhCN)) }
        evidenceSheet(assessment, book.addSheet("问题明细"))
        try book.close()
    }

    /// One pack's self-assessment table: categories merged over their indicators.
    static func packSheet(_ pack: PackAssessment, period: Period, _ sheet: XLSXSheetWriter) {
        let headers = ["序号", "项目及分值", "子项及分值", "具体工作情况", "自评分", "核实情况", "核定分"]
        let widths: [Double] = [6, 16, 30, 60, 8, 24, 8]
        sheet.merge(0, 0, 0, headers.count - 1, "\(pack.title.zhCN)自评表（\(period.label)）", title)
        sheet.rowHeight(0, 28)
        for (column, name) in headers.enumerated() {
            sheet.text(1, column, name, header)
            sheet.columnWidth(column, widths[column])
        }
        var row = 2
        var number = 1
        for category in pack.categories {
            let findings = pack.findings.filter { $0.category == category.id }
            guard !findings.isEmpty else { continue }
            let first = row
            for finding in findings {
                let style = finding.outcome == .fail || finding.outcome == .error ? failing : cell
                sheet.number(row, 0, Double(number), Self.number)
                sheet.text(row, 2, "\(finding.id) \(finding.title.zhCN)（\(formatNumber(finding.points))分）", style)
                sheet.text(row, 3, workDone(finding), style)
                sheet.number(row, 4, finding.awarded, Self.number)
                sheet.blank(row, 5, cell)
                sheet.blank(row, 6, Self.number)
                row += 1
                number += 1
            }
            let label = "\(category.title.zhCN)（\(formatNumber(category.maxScore))分）"
            if row - 1 > first {
                sheet.merge(first, 1, row - 1, 1, label, XLSXStyle(wrap: true, centered: true, border: true))
            } else {
                sheet.text(first, 1, label, XLSXStyle(wrap: true, centered: true, border: true))
            }
        }
        sheet.text(row, 3, "合计", XLSXStyle(bold: true, border: true))
        sheet.number(row, 4, pack.score, XLSXStyle(bold: true, centered: true, border: true, numberFormat: "0.##"))
        sheet.blank(row, 5, cell)
        sheet.blank(row, 6, Self.number)
        sheet.freeze(rows: 2)
        sheet.printSetup(landscape: true, repeatRows: 1...1, footer: "&C第 &P 页，共 &N 页")
    }

    /// 具体工作情况: the outcome, what was measured against what, and the first offenders.
    static func workDone(_ finding: Finding) -> String {
        var lines = [
            "\(finding.outcome.title.zhCN)：实测 \(ReportFormat.measured(finding, language: .zhCN))，要求 \(ReportFormat.threshold(finding, language: .zhCN))"
        ]
        lines += ReportFormat.messages(finding, language: .zhCN)
        let checks = ReportFormat.failingChecks(finding)
        let evidence = checks.flatMap(\.evidence)
        for item in evidence.prefix(3) {
            lines.append("· \(item.key)\(item.note.map { "：" + $0.zhCN } ?? "")（\(ReportFormat.location(item))）")
        }
        let total = ReportFormat.evidenceTotal(checks)
        if total > min(evidence.count, 3) { lines.append(ReportFormat.more(total - min(evidence.count, 3), language: .zhCN)) }
        if let waiver = finding.waiver { lines.append("豁免：\(waiver.reason)（\(waiver.approver)，至 \(waiver.expires)）") }
        return lines.joined(separator: "\n")
    }

    /// 汇总: one row per pack.
    static func summary(_ assessment: Assessment, _ sheet: XLSXSheetWriter) {
        let headers = ["规则包", "版本", "得分", "满分", "合格线", "等级", "是否达标", "否决项", "达标还差"]
        let widths: [Double] = [28, 8, 8, 8, 8, 16, 10, 30, 30]
        let name = assessment.enterprise.map { "\($0) " } ?? ""
        sheet.merge(0, 0, 0, headers.count - 1, "\(name)\(assessment.period.label) 自评汇总", title)
        sheet.rowHeight(0, 28)
        for (column, text) in headers.enumerated() {
            sheet.text(1, column, text, header)
            sheet.columnWidth(column, widths[column])
        }
        for (offset, pack) in assessment.packs.enumerated() {
            let row = offset + 2
            let vetoes = pack.firedVetoes.map { "\($0.id) \($0.title.zhCN)" }.joined(separator: "\n")
            sheet.text(row, 0, pack.title.zhCN, cell)
            sheet.text(row, 1, pack.version, cell)
            sheet.number(row, 2, pack.score, number)
            sheet.number(row, 3, pack.maxScore, number)
            sheet.number(row, 4, pack.passLine, number)
            sheet.text(row, 5, pack.grade.title.zhCN, cell)
            sheet.text(row, 6, pack.passed ? "达标" : "未达标", pack.passed ? cell : failing)
            sheet.text(row, 7, vetoes.isEmpty ? "无" : vetoes, vetoes.isEmpty ? cell : failing)
            sheet.text(row, 8, pack.passed ? "—" : ReportFormat.gapItems(pack.gapToPass, language: .zhCN), cell)
        }
        sheet.freeze(rows: 2)
        sheet.printSetup(landscape: true, footer: "&C第 &P 页，共 &N 页")
    }

    /// 问题明细: every evidence row of every failing or erroring indicator and fired veto.
    static func evidenceSheet(_ assessment: Assessment, _ sheet: XLSXSheetWriter) {
        let headers = ["规则包", "指标", "名称", "结论", "记录", "位置", "实测", "说明"]
        let widths: [Double] = [20, 8, 24, 10, 18, 40, 8, 40]
        for (column, text) in headers.enumerated() {
            sheet.text(0, column, text, header)
            sheet.columnWidth(column, widths[column])
        }
        var row = 1
        for pack in assessment.packs {
            var rows: [(String, String, String, [CheckResult])] = pack.findings
                .filter { $0.outcome == .fail || $0.outcome == .error }
                .map { ($0.id, $0.title.zhCN, $0.outcome.title.zhCN, ReportFormat.failingChecks($0)) }
            rows += pack.firedVetoes.map { ($0.id, $0.title.zhCN, "否决", ReportFormat.failingChecks($0)) }
            for (id, name, outcome, checks) in rows {
                let items = checks.flatMap(\.evidence)
                for item in items.isEmpty ? [nil] : items.map(Optional.some) {
                    sheet.text(row, 0, pack.title.zhCN, cell)
                    sheet.text(row, 1, id, cell)
                    sheet.text(row, 2, name, cell)
                    sheet.text(row, 3, outcome, cell)
                    sheet.text(row, 4, item?.key ?? "", cell)
                    sheet.text(row, 5, item.map(ReportFormat.location) ?? "", cell)
                    if let measured = item?.measured { sheet.number(row, 6, measured, number) } else { sheet.blank(row, 6, cell) }
                    let note = item?.note?.zhCN ?? checks.compactMap(\.message).first?.zhCN ?? ""
                    sheet.text(row, 7, note, cell)
                    row += 1
                }
            }
        }
        sheet.autofilter(0, 0, max(row - 1, 1), headers.count - 1)
        sheet.freeze(rows: 1)
        sheet.printSetup(landscape: true, repeatRows: 0...0, footer: "&C第 &P 页，共 &N 页")
    }
}
