import HeguiBase
import HeguiXLSX

/// `hegui check … --format xlsx`: the 自评表 a review asks for. A summary sheet (each pack's score,
/// grade, vetoes and gap to pass), per pack a sheet in the review's shape 序号 | 项目及分值 | 子项及分值 |
/// 具体工作情况 | 自评分 | 核实情况 | 核定分 (the last two left blank for the reviewers), and a sheet of
/// every failing evidence row.
public enum SelfAssessmentWorkbook {
    static let header = XLSXStyle(bold: true, wrap: true, centered: true, border: true, fill: 0xDDEBF7)
    static let cell = XLSXStyle(wrap: true, border: true)
    static let centered = XLSXStyle(wrap: true, centered: true, border: true)
    static let number = XLSXStyle(centered: true, border: true, numberFormat: "0.##")
    static let failing = XLSXStyle(wrap: true, border: true, fill: 0xFFC7CE)
    static let title = XLSXStyle(bold: true, centered: true, fontSize: 16)

    /// Writes the assessment in `language` to `path`.
    public static func write(_ assessment: Assessment, language: Language, to path: String) throws(XLSXWriteError) {
        let book = try XLSXWorkbookWriter(path: path)
        summary(assessment, language, book.addSheet(language.pick("汇总", "Summary")))
        for pack in assessment.packs {
            packSheet(pack, period: assessment.period, language, book.addSheet(pack.title.text(language)))
        }
        evidenceSheet(assessment, language, book.addSheet(language.pick("问题明细", "Failing rows")))
        try book.close()
    }

    /// `第 1 页，共 3 页` centred at the foot of every printed page.
    static func pageNumbers(_ language: Language) -> String { language.pick("&C第 &P 页，共 &N 页", "&CPage &P of &N") }

    /// Header cells in row `row`, with the columns' widths.
    static func headers(_ sheet: XLSXSheetWriter, row: Int, _ names: [String], widths: [Double]) {
        for (column, name) in names.enumerated() {
            sheet.text(row, column, name, header)
            sheet.columnWidth(column, widths[column])
        }
    }

    /// The summary: one row per pack.
    static func summary(_ assessment: Assessment, _ language: Language, _ sheet: XLSXSheetWriter) {
        let names = [
            language.pick("规则包", "Pack"), language.pick("版本", "Version"), language.pick("得分", "Score"),
            language.pick("满分", "Out of"), language.pick("合格线", "Pass line"), language.pick("等级", "Grade"),
            language.pick("是否达标", "Passed"), language.pick("否决项", "Vetoes"), language.pick("达标还差", "Gap to pass"),
        ]
        let enterprise = assessment.enterprise.map { "\($0) " } ?? ""
        sheet.merge(
            0, 0, 0, names.count - 1,
            enterprise + language.pick("\(assessment.period.label) 自评汇总", "\(assessment.period.label) self-assessment"), title)
        sheet.rowHeight(0, 28)
        headers(sheet, row: 1, names, widths: [28, 8, 8, 8, 8, 16, 10, 30, 34])
        for (offset, pack) in assessment.packs.enumerated() {
            let row = offset + 2
            let vetoes = pack.firedVetoes.map { "\($0.id) \($0.title.text(language))" }.joined(separator: "\n")
            sheet.text(row, 0, pack.title.text(language), cell)
            sheet.text(row, 1, pack.version, cell)
            sheet.number(row, 2, pack.score, number)
            sheet.number(row, 3, pack.maxScore, number)
            sheet.number(row, 4, pack.passLine, number)
            sheet.text(row, 5, pack.grade.title.text(language), cell)
            sheet.text(
                row, 6, pack.passed ? language.pick("达标", "passed") : language.pick("未达标", "failed"), pack.passed ? cell : failing)
            sheet.text(row, 7, vetoes.isEmpty ? language.pick("无", "none") : vetoes, vetoes.isEmpty ? cell : failing)
            sheet.text(row, 8, pack.passed ? "—" : ReportFormat.gapItems(pack.gapToPass, language: language), cell)
        }
        sheet.freeze(rows: 2)
        sheet.page(XLSXPage(landscape: true, repeatRows: 1...1, footer: pageNumbers(language)))
    }

    /// One pack's self-assessment table: each category merged over its indicators, a 合计 row last.
    static func packSheet(_ pack: PackAssessment, period: Period, _ language: Language, _ sheet: XLSXSheetWriter) {
        let names = [
            language.pick("序号", "No."), language.pick("项目及分值", "Item (points)"), language.pick("子项及分值", "Sub-item (points)"),
            language.pick("具体工作情况", "Work done"), language.pick("自评分", "Self score"), language.pick("核实情况", "Verified"),
            language.pick("核定分", "Approved score"),
        ]
        let heading = language.pick("\(pack.title.zhCN)自评表（\(period.label)）", "\(pack.title.en) self-assessment (\(period.label))")
        sheet.merge(0, 0, 0, names.count - 1, heading, title)
        sheet.rowHeight(0, 28)
        headers(sheet, row: 1, names, widths: [6, 16, 30, 60, 8, 24, 8])
        var row = 2
        var index = 1
        for category in pack.categories {
            let findings = pack.findings.filter { $0.category == category.id }
            guard !findings.isEmpty else { continue }
            let first = row
            for finding in findings {
                let style = finding.outcome == .fail || finding.outcome == .error ? failing : cell
                sheet.number(row, 0, Double(index), number)
                sheet.text(row, 2, "\(finding.id) \(finding.title.text(language))（\(formatNumber(finding.points))）", style)
                sheet.text(row, 3, workDone(finding, language), style)
                sheet.number(row, 4, finding.awarded, number)
                sheet.blank(row, 5, cell)
                sheet.blank(row, 6, number)
                row += 1
                index += 1
            }
            let label = "\(category.title.text(language))（\(formatNumber(category.maxScore))）"
            if row - 1 > first { sheet.merge(first, 1, row - 1, 1, label, centered) } else { sheet.text(first, 1, label, centered) }
        }
        let bold = XLSXStyle(bold: true, border: true)
        sheet.blank(row, 0, bold)
        sheet.blank(row, 1, bold)
        sheet.blank(row, 2, bold)
        sheet.text(row, 3, language.pick("合计", "Total"), bold)
        sheet.number(row, 4, pack.score, XLSXStyle(bold: true, centered: true, border: true, numberFormat: "0.##"))
        sheet.blank(row, 5, cell)
        sheet.blank(row, 6, number)
        sheet.freeze(rows: 2)
        sheet.page(XLSXPage(landscape: true, repeatRows: 1...1, footer: pageNumbers(language)))
    }

    /// 具体工作情况: the outcome, what was measured against what, and the first offenders.
    static func workDone(_ finding: Finding, _ language: Language) -> String {
        var lines = [
            finding.outcome.title.text(language)
                + language.pick(
                    "：实测 \(ReportFormat.measured(finding, language: language))，要求 \(ReportFormat.threshold(finding, language: language))",
                    ": measured \(ReportFormat.measured(finding, language: language)), required \(ReportFormat.threshold(finding, language: language))")
        ]
        lines += ReportFormat.messages(finding, language: language)
        let checks = ReportFormat.failingChecks(finding)
        let evidence = checks.flatMap(\.evidence)
        for item in evidence.prefix(3) {
            let note = item.note.map { language.pick("：", ": ") + $0.text(language) } ?? ""
            lines.append("· \(item.key)\(note)（\(ReportFormat.location(item))）")
        }
        let shown = min(evidence.count, 3)
        let total = ReportFormat.evidenceTotal(checks)
        if total > shown { lines.append(ReportFormat.more(total - shown, language: language)) }
        if let waiver = finding.waiver {
            lines.append(
                language.pick(
                    "豁免：\(waiver.reason)（\(waiver.approver)，至 \(waiver.expires)）",
                    "waived: \(waiver.reason) (\(waiver.approver), until \(waiver.expires))"))
        }
        return lines.joined(separator: "\n")
    }

    /// Every evidence row of every failing or erroring indicator and fired veto.
    static func evidenceSheet(_ assessment: Assessment, _ language: Language, _ sheet: XLSXSheetWriter) {
        let names = [
            language.pick("规则包", "Pack"), language.pick("指标", "Indicator"), language.pick("名称", "Title"),
            language.pick("结论", "Outcome"), language.pick("记录", "Record"), language.pick("位置", "Where"),
            language.pick("实测", "Measured"), language.pick("说明", "Note"),
        ]
        headers(sheet, row: 0, names, widths: [20, 8, 24, 10, 18, 40, 8, 40])
        var row = 1
        for pack in assessment.packs {
            var rows: [(id: String, title: String, outcome: String, checks: [CheckResult])] = pack.findings
                .filter { $0.outcome == .fail || $0.outcome == .error }
                .map { ($0.id, $0.title.text(language), $0.outcome.title.text(language), ReportFormat.failingChecks($0)) }
            rows += pack.firedVetoes.map {
                ($0.id, $0.title.text(language), language.pick("否决", "veto"), ReportFormat.failingChecks($0))
            }
            for entry in rows {
                let items = entry.checks.flatMap(\.evidence)
                for item in items.isEmpty ? [nil] : items.map(Optional.some) {
                    sheet.text(row, 0, pack.title.text(language), cell)
                    sheet.text(row, 1, entry.id, cell)
                    sheet.text(row, 2, entry.title, cell)
                    sheet.text(row, 3, entry.outcome, cell)
                    sheet.text(row, 4, item?.key ?? "", cell)
                    sheet.text(row, 5, item.map(ReportFormat.location) ?? "", cell)
                    if let measured = item?.measured { sheet.number(row, 6, measured, number) } else { sheet.blank(row, 6, cell) }
                    let note = item?.note?.text(language) ?? entry.checks.compactMap(\.message).first?.text(language) ?? ""
                    sheet.text(row, 7, note, cell)
                    row += 1
                }
            }
        }
        sheet.autofilter(0, 0, max(row - 1, 1), names.count - 1)
        sheet.freeze(rows: 1)
        sheet.page(XLSXPage(landscape: true, repeatRows: 0...0, footer: pageNumbers(language)))
    }
}
