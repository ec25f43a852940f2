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
            let summary = lang.report(.rectificationCounts(open: c.open, overdue: c.overdue))
            lines.append(c.overdue > 0 ? paint(summary, .red) : summary)
        }
        lines.append("")
        let overall = lang.label(.overallLine) + ReportFormat.overall(a, language: lang)
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
                + lang.report(.scoreLine(score: score, passLine: formatNumber(pack.passLine), grade: pack.grade.title.text(lang)))
                + verdict)
        for category in pack.categories where !category.meetsMinimum {
            let minimum = formatNumber(category.minimum ?? 0)
            let text =
                "  "
                + lang.report(
                    .categoryBelowMinimum(
                        id: category.id, title: category.title.text(lang), score: formatNumber(category.score), minimum: minimum))
            lines.append(paint(text, .red))
        }
        for veto in pack.vetoes where veto.fired || veto.hasError {
            let label = veto.fired ? lang.label(.vetoFired) : lang.label(.vetoNotEvaluated)
            lines.append(
                paint("  \(label)\(lang.label(.colon))\(veto.id) \(veto.title.text(lang))", veto.fired ? .red : .yellow))
            for message in ReportFormat.failingChecks(veto).compactMap({ $0.message?.text(lang) }) {
                lines.append("    " + ReportEscape.plain(message))
            }
            lines += ReportFormat.evidenceLines(ReportFormat.failingChecks(veto), language: lang).map { "    " + $0 }
        }
        for coverage in pack.vetoes.compactMap(\.coverage) {
            lines.append(paint("  " + lang.label(.note) + ReportEscape.plain(coverage.text(lang)), .yellow))
        }
        lines += table(pack.findings, lang)
        lines += gapLines(pack, lang)
        return lines
    }

    private func table(_ findings: [Finding], _ lang: Language) -> [String] {
        guard !findings.isEmpty else { return [] }
        let header = [
            lang.label(.columnID), lang.label(.columnOutcome), lang.label(.columnPoints),
            lang.label(.columnMeasured), lang.label(.columnThreshold), lang.label(.columnIndicator),
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
                "  " + lang.label(.fixFirst) + ReportFormat.gapItems(gap, language: lang)
                    + (gap.pointsShort > 0
                        ? lang.report(.pointsShort(points: formatNumber(gap.pointsShort)))
                        : ""))
        }
        if !gap.blockingVetoes.isEmpty {
            lines.append(
                paint(
                    "  " + lang.label(.blockedByVetoes)
                        + gap.blockingVetoes.joined(separator: lang.label(.listSeparator)), .red))
        } else if !pack.passed, !gap.reachable {
            lines.append("  " + lang.label(.repairsCannotReachPassLine))
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
