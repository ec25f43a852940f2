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
        summary(assessment, language, book.addSheet(language.label(.sheetSummary)))
        for pack in assessment.packs {
            packSheet(pack, period: assessment.period, language, book.addSheet(pack.title.text(language)))
        }
        evidenceSheet(assessment, language, book.addSheet(language.label(.sheetFailingRows)))
        try book.close()
    }

    /// `第 1 页，共 3 页` centred at the foot of every printed page.
    static func pageNumbers(_ language: Language) -> String { "&C" + language.report(.pageOfPages(page: "&P", pages: "&N")) }

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
            language.label(.headingPack), language.label(.headingVersion), language.label(.headingScore),
            language.label(.outOf), language.label(.headingPassLine), language.label(.headingGrade),
            language.label(.passedQuestion), language.label(.vetoes), language.label(.stillShort),
        ]
        let enterprise = assessment.enterprise.map { "\($0) " } ?? ""
        sheet.merge(
            0, 0, 0, names.count - 1,
            enterprise + language.report(.selfAssessmentSummary(period: assessment.period.label)), title)
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
                row, 6, pack.passed ? language.label(.packPassed) : language.label(.packFailed), pack.passed ? cell : failing)
            sheet.text(row, 7, vetoes.isEmpty ? language.label(.none) : vetoes, vetoes.isEmpty ? cell : failing)
            sheet.text(row, 8, pack.passed ? "—" : ReportFormat.gapItems(pack.gapToPass, language: language), cell)
        }
        sheet.freeze(rows: 2)
        sheet.page(XLSXPage(landscape: true, repeatRows: 1...1, footer: pageNumbers(language)))
    }

    /// One pack's self-assessment table: each category merged over its indicators, a 合计 row last.
    static func packSheet(_ pack: PackAssessment, period: Period, _ language: Language, _ sheet: XLSXSheetWriter) {
        let names = [
            language.label(.number), language.label(.itemAndPoints), language.label(.subItemAndPoints),
            language.label(.workDone), language.label(.selfScore), language.label(.verification),
            language.label(.approvedScore),
        ]
        let heading = language.report(.selfAssessmentSheet(title: pack.title, period: period.label))
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
        sheet.text(row, 3, language.label(.total), bold)
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
                + language.report(
                    .measuredRequired(
                        measured: ReportFormat.measured(finding, language: language),
                        threshold: ReportFormat.threshold(finding, language: language)))
        ]
        lines += ReportFormat.messages(finding, language: language)
        let checks = ReportFormat.failingChecks(finding)
        let evidence = checks.flatMap(\.evidence)
        for item in evidence.prefix(3) {
            let note = item.note.map { language.label(.colon) + $0.text(language) } ?? ""
            lines.append("· \(item.key)\(note)（\(ReportFormat.location(item))）")
        }
        let shown = min(evidence.count, 3)
        let total = ReportFormat.evidenceTotal(checks)
        if total > shown { lines.append(ReportFormat.more(total - shown, language: language)) }
        if let waiver = finding.waiver {
            lines.append(
                language.report(.waivedShort(reason: waiver.reason, approver: waiver.approver, expires: "\(waiver.expires)")))
        }
        return lines.joined(separator: "\n")
    }

    /// Every evidence row of every failing or erroring indicator and fired veto.
    static func evidenceSheet(_ assessment: Assessment, _ language: Language, _ sheet: XLSXSheetWriter) {
        let names = [
            language.label(.headingPack), language.label(.headingIndicator), language.label(.headingTitle),
            language.label(.outcome), language.label(.record), language.label(.whereFound),
            language.label(.headingMeasured), language.label(.headingNote),
        ]
        headers(sheet, row: 0, names, widths: [20, 8, 24, 10, 18, 40, 8, 40])
        var row = 1
        for pack in assessment.packs {
            var rows: [(id: String, title: String, outcome: String, checks: [CheckResult])] = pack.findings
                .filter { $0.outcome == .fail || $0.outcome == .error }
                .map { ($0.id, $0.title.text(language), $0.outcome.title.text(language), ReportFormat.failingChecks($0)) }
            rows += pack.firedVetoes.map {
                ($0.id, $0.title.text(language), language.label(.vetoWord), ReportFormat.failingChecks($0))
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
