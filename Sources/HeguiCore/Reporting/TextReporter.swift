import HeguiBase

/// A terminal report: per pack a verdict, fired vetoes, an aligned findings table with evidence, and the gap to pass.
public struct TextReporter: Reporter {
    /// Whether to colour with ANSI escapes (only for a terminal that wants them).
    public var useColour: Bool

    /// Creates a text reporter.
    public init(useColour: Bool) {
        self.useColour = useColour
    }

    /// Renders the report; lines end with `\n`, none carries trailing spaces.
    public func render(_ input: ReportInput) -> String {
        let lang = input.language
        let a = input.assessment
        var lines: [String] = []
        var heading = "hegui · " + a.period.label
        if let enterprise = a.enterprise, !enterprise.isEmpty { heading += " · " + ReportEscape.plain(enterprise) }
        lines.append(heading)
        for pack in a.packs {
            lines.append("")
            lines += packLines(pack, lang)
        }
        if !input.items.isEmpty {
            let c = RectificationCounts(input.items, today: input.today)
            lines.append("")
            let summary = lang.pick(
                "整改台账：未销号 \(c.open) 项，逾期 \(c.overdue) 项", "rectification: \(c.open) open, \(c.overdue) overdue")
            lines.append(c.overdue > 0 ? paint(summary, .red) : summary)
        }
        lines.append("")
        let overall = lang.pick("总体：", "overall: ") + ReportFormat.overall(a, language: lang)
        lines.append(paint(overall, a.isClean ? .green : a.passed ? .yellow : .red))
        return lines.joined(separator: "\n") + "\n"
    }

    private func packLines(_ pack: PackAssessment, _ lang: Language) -> [String] {
        var lines: [String] = []
        lines.append("\(pack.title.text(lang)) (\(pack.pack) \(pack.version))")
        let verdict = paint(ReportFormat.verdict(pack.passed, language: lang), pack.passed ? .green : .red)
        let score = "\(formatNumber(pack.score))/\(formatNumber(pack.maxScore))"
        lines.append(
            "  "
                + lang.pick(
                    "得分 \(score)，合格线 \(formatNumber(pack.passLine))，等级：\(pack.grade.title.text(lang))，",
                    "score \(score), pass line \(formatNumber(pack.passLine)), grade: \(pack.grade.title.text(lang)), ")
                + verdict)
        for category in pack.categories where !category.meetsMinimum {
            let minimum = formatNumber(category.minimum ?? 0)
            let text = lang.pick(
                "  类别 \(category.id) \(category.title.text(lang)) 得分 \(formatNumber(category.score)) 低于最低分 \(minimum)",
                "  category \(category.id) \(category.title.text(lang)) scored \(formatNumber(category.score)), below its minimum \(minimum)"
            )
            lines.append(paint(text, .red))
        }
        for veto in pack.vetoes where veto.fired || veto.hasError {
            let label = veto.fired ? lang.pick("否决项触发", "veto fired") : lang.pick("否决项无法判定", "veto not evaluated")
            lines.append(
                paint("  \(label)\(lang.pick("：", ": "))\(veto.id) \(veto.title.text(lang))", veto.fired ? .red : .yellow))
            for message in ReportFormat.failingChecks(veto).compactMap({ $0.message?.text(lang) }) {
                lines.append("    " + ReportEscape.plain(message))
            }
            lines += ReportFormat.evidenceLines(ReportFormat.failingChecks(veto), language: lang).map { "    " + $0 }
        }
        for coverage in pack.vetoes.compactMap(\.coverage) {
            lines.append(paint("  " + lang.pick("注意：", "note: ") + ReportEscape.plain(coverage.text(lang)), .yellow))
        }
        lines += table(pack.findings, lang)
        lines += gapLines(pack, lang)
        return lines
    }

    private func table(_ findings: [Finding], _ lang: Language) -> [String] {
        guard !findings.isEmpty else { return [] }
        let header = [
            lang.pick("编号", "id"), lang.pick("结果", "outcome"), lang.pick("得分", "points"),
            lang.pick("实测", "measured"), lang.pick("阈值", "threshold"), lang.pick("指标", "indicator"),
        ]
        let rows = findings.map { f in
            [
                f.id, f.outcome.title.text(lang), ReportFormat.points(f), ReportFormat.measured(f, language: lang),
                ReportFormat.threshold(f, language: lang), f.title.text(lang),
            ].map(ReportEscape.plain)
        }
        // The last column is left ragged so lines carry no trailing spaces; the outcome is coloured.
        let table = TextTable.lines([header] + rows) { row, column, cell in
            row > 0 && column == 1 ? paint(cell, colour(for: findings[row - 1].outcome)) : cell
        }
        var lines = ["  " + table[0]]
        for (finding, line) in zip(findings, table.dropFirst()) {
            lines.append("  " + line)
            // A waiver's reason, approver and expiry, a deselection's reason, a profile's change of
            // points and the dated parameter values used are shown under the row as well as failures.
            let explained =
                [.waived, .notSelected].contains(finding.outcome) || (finding.outcome == .pass && finding.message != nil)
                || finding.tailoring != nil
            guard finding.outcome.needsAttention || explained else { continue }
            for message in ReportFormat.messages(finding, language: lang) {
                lines.append("      " + ReportEscape.plain(message))
            }
            guard finding.outcome.needsAttention else { continue }
            lines += ReportFormat.evidenceLines(ReportFormat.failingChecks(finding), language: lang).map { "      " + $0 }
        }
        return lines
    }

    private func gapLines(_ pack: PackAssessment, _ lang: Language) -> [String] {
        let gap = pack.gapToPass
        var lines: [String] = []
        if !gap.items.isEmpty {
            lines.append(
                "  " + lang.pick("优先整改：", "fix first: ") + ReportFormat.gapItems(gap, language: lang)
                    + (gap.pointsShort > 0
                        ? lang.pick("（差 \(formatNumber(gap.pointsShort)) 分）", " (\(formatNumber(gap.pointsShort)) points short)")
                        : ""))
        }
        if !gap.blockingVetoes.isEmpty {
            lines.append(
                paint(
                    "  " + lang.pick("否决项阻止通过：", "blocked by vetoes: ")
                        + gap.blockingVetoes.joined(separator: lang.pick("、", ", ")), .red))
        } else if !pack.passed, !gap.reachable {
            lines.append("  " + lang.pick("仅整改指标无法达到合格线", "indicator repairs alone cannot reach the pass line"))
        }
        return lines
    }

    private enum Colour: String {
        case red = "31"
        case green = "32"
        case yellow = "33"
    }

    private func colour(for outcome: Outcome) -> Colour? {
        switch outcome {
        case .pass: .green
        case .fail: .red
        case .error, .unattested: .yellow
        case .notApplicable, .waived, .notSelected: nil
        }
    }

    private func paint(_ text: String, _ colour: Colour?) -> String {
        guard useColour, let colour else { return text }
        return "\u{1B}[\(colour.rawValue)m\(text)\u{1B}[0m"
    }
}
