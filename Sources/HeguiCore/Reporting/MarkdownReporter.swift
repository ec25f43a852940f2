import HeguiBase

/// GitHub-flavoured Markdown for a pull-request comment: verdicts, vetoes, failing items, gap to pass, ledger counts.
public struct MarkdownReporter: Reporter {
    /// Creates a Markdown reporter.
    public init() {}

    /// Renders the report; ends with a newline.
    public func render(_ input: ReportInput) -> String {
        let lang = input.language
        let a = input.assessment
        var lines: [String] = []
        var title = "# hegui · " + cell(a.period.label)
        if let enterprise = a.enterprise, !enterprise.isEmpty { title += " · " + cell(enterprise) }
        lines.append(title)
        lines.append("")
        lines.append(lang.label(.overallLineTitle) + "**\(ReportFormat.overall(a, language: lang))**")
        for pack in a.packs {
            lines.append("")
            lines += packLines(pack, lang)
        }
        let c = RectificationCounts(input.items, today: input.today)
        lines.append("")
        lines.append("## " + lang.label(.rectification))
        lines.append("")
        lines.append(
            lang.report(
                .ledgerCounts(open: c.open, overdue: c.overdue, submitted: c.submitted, disputed: c.disputed, verified: c.verified)))
        if let chain = ReportFormat.auditChain(input.auditChain, language: lang) {
            lines.append("")
            lines.append("`\(chain)`")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func packLines(_ pack: PackAssessment, _ lang: Language) -> [String] {
        var lines: [String] = []
        lines.append("## \(cell(pack.title.text(lang))) (`\(pack.pack)` \(cell(pack.version)))")
        lines.append("")
        let icon = pack.passed ? "✅" : "❌"
        lines.append(
            "\(icon) **\(ReportFormat.verdict(pack.passed, language: lang))** — "
                + lang.report(
                    .scoreOutOf(
                        score: formatNumber(pack.score), maxScore: formatNumber(pack.maxScore), passLine: formatNumber(pack.passLine),
                        grade: cell(pack.grade.title.text(lang)))))
        let belowMinimum = pack.categories.filter { !$0.meetsMinimum }
        let vetoes = pack.vetoes.filter { $0.fired || $0.hasError }
        if !vetoes.isEmpty || !belowMinimum.isEmpty { lines.append("") }
        for veto in vetoes {
            let label = veto.fired ? lang.label(.vetoFiredTitle) : lang.label(.vetoNotEvaluatedTitle)
            let evidence = ReportFormat.evidenceTotal(ReportFormat.failingChecks(veto))
            lines.append(
                "- 🚫 **\(label)**\(lang.label(.colon))\(cell(veto.id)) \(cell(veto.title.text(lang)))"
                    + lang.report(.vetoWindowEvidence(window: cell(veto.window.label), evidence: evidence)))
        }
        for coverage in pack.vetoes.compactMap(\.coverage) {
            lines.append("- ⚠️ " + cell(coverage.text(lang)))
        }
        for category in belowMinimum {
            lines.append(
                "- "
                    + lang.report(
                        .categoryBelowMinimumTitle(
                            id: cell(category.id), title: cell(category.title.text(lang)), score: formatNumber(category.score),
                            minimum: formatNumber(category.minimum ?? 0))))
        }
        lines.append("")
        let failing = pack.findings.filter { $0.outcome.needsAttention }
        if failing.isEmpty {
            lines.append(lang.label(.noFailingIndicators))
        } else {
            lines.append(
                "| "
                    + [.headingID, .headingIndicator, .headingOutcome, .headingMeasured, .headingThreshold, .headingEvidence]
                    .map(lang.label).joined(separator: " | ") + " |")
            lines.append("| --- | --- | --- | ---: | --- | ---: |")
            for f in failing {
                let evidence = ReportFormat.evidenceTotal(ReportFormat.failingChecks(f))
                let cells = [
                    f.id, f.title.text(lang), f.outcome.title.text(lang), ReportFormat.measured(f, language: lang),
                    ReportFormat.threshold(f, language: lang),
                    String(evidence),
                ]
                lines.append("| " + cells.map(cell).joined(separator: " | ") + " |")
            }
        }
        let gap = pack.gapToPass
        if !gap.items.isEmpty || !gap.blockingVetoes.isEmpty || (!pack.passed && !gap.reachable) {
            lines.append("")
            if !gap.items.isEmpty {
                lines.append(
                    "**\(lang.label(.fixFirstTitle))**\(lang.label(.colon))" + cell(ReportFormat.gapItems(gap, language: lang))
                        + (gap.pointsShort > 0
                            ? lang.report(.pointsShort(points: formatNumber(gap.pointsShort)))
                            : ""))
            }
            if !gap.blockingVetoes.isEmpty {
                if !gap.items.isEmpty { lines.append("") }
                lines.append(
                    "**\(lang.label(.blockedByVetoesTitle))**\(lang.label(.colon))"
                        + gap.blockingVetoes.map(cell).joined(separator: lang.label(.listSeparator)))
            } else if !pack.passed, !gap.reachable {
                if !gap.items.isEmpty { lines.append("") }
                lines.append(lang.label(.repairsCannotReachPassLineSentence))
            }
        }
        return lines
    }

    private func cell(_ text: String) -> String { ReportEscape.markdownCell(text) }
}
