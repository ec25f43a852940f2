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
        lines.append(lang.pick("总体：", "Overall: ") + "**\(ReportFormat.overall(a, language: lang))**")
        for pack in a.packs {
            lines.append("")
            lines += packLines(pack, lang)
        }
        let c = RectificationCounts(input.items, today: input.today)
        lines.append("")
        lines.append(lang.pick("## 整改台账", "## Rectification"))
        lines.append("")
        lines.append(
            lang.pick(
                "未销号 **\(c.open)** 项，逾期 **\(c.overdue)** 项，待审核 \(c.submitted) 项，有异议 \(c.disputed) 项，已销号 \(c.verified) 项",
                "**\(c.open)** open, **\(c.overdue)** overdue, \(c.submitted) awaiting re-check, \(c.disputed) disputed, \(c.verified) verified"
            ))
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
                + lang.pick(
                    "得分 \(formatNumber(pack.score)) / \(formatNumber(pack.maxScore))，合格线 \(formatNumber(pack.passLine))，等级：\(cell(pack.grade.title.text(lang)))",
                    "score \(formatNumber(pack.score)) / \(formatNumber(pack.maxScore)), pass line \(formatNumber(pack.passLine)), grade: \(cell(pack.grade.title.text(lang)))"
                ))
        let belowMinimum = pack.categories.filter { !$0.meetsMinimum }
        let vetoes = pack.vetoes.filter { $0.fired || $0.hasError }
        if !vetoes.isEmpty || !belowMinimum.isEmpty { lines.append("") }
        for veto in vetoes {
            let label = veto.fired ? lang.pick("否决项触发", "Veto fired") : lang.pick("否决项无法判定", "Veto not evaluated")
            let evidence = ReportFormat.evidenceTotal(ReportFormat.failingChecks(veto))
            lines.append(
                "- 🚫 **\(label)**\(lang.pick("：", ": "))\(cell(veto.id)) \(cell(veto.title.text(lang)))"
                    + lang.pick(
                        "（窗口 \(cell(veto.window.label))，证据 \(evidence) 条）",
                        " (window \(cell(veto.window.label)), evidence: \(evidence))"))
        }
        for coverage in pack.vetoes.compactMap(\.coverage) {
            lines.append("- ⚠️ " + cell(coverage.text(lang)))
        }
        for category in belowMinimum {
            lines.append(
                "- "
                    + lang.pick(
                        "类别 \(cell(category.id)) \(cell(category.title.text(lang))) 得分 \(formatNumber(category.score)) 低于最低分 \(formatNumber(category.minimum ?? 0))",
                        "Category \(cell(category.id)) \(cell(category.title.text(lang))) scored \(formatNumber(category.score)), below its minimum \(formatNumber(category.minimum ?? 0))"
                    ))
        }
        lines.append("")
        let failing = pack.findings.filter { $0.outcome.needsAttention }
        if failing.isEmpty {
            lines.append(lang.pick("没有未达标的指标。", "No failing indicators."))
        } else {
            lines.append(
                lang.pick("| 编号 | 指标 | 结果 | 实测 | 阈值 | 证据 |", "| ID | Indicator | Outcome | Measured | Threshold | Evidence |"))
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
                    lang.pick("**优先整改**：", "**Fix first**: ") + cell(ReportFormat.gapItems(gap, language: lang))
                        + (gap.pointsShort > 0
                            ? lang.pick(
                                "（差 \(formatNumber(gap.pointsShort)) 分）", " (\(formatNumber(gap.pointsShort)) points short)")
                            : ""))
            }
            if !gap.blockingVetoes.isEmpty {
                if !gap.items.isEmpty { lines.append("") }
                lines.append(
                    lang.pick("**否决项阻止通过**：", "**Blocked by vetoes**: ")
                        + gap.blockingVetoes.map(cell).joined(separator: lang.pick("、", ", ")))
            } else if !pack.passed, !gap.reachable {
                if !gap.items.isEmpty { lines.append("") }
                lines.append(lang.pick("仅整改指标无法达到合格线。", "Indicator repairs alone cannot reach the pass line."))
            }
        }
        return lines
    }

    private func cell(_ text: String) -> String { ReportEscape.markdownCell(text) }
}
