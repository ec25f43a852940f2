/// One self-contained HTML file for people and for print: inline CSS and SVG, no scripts, no external resources.
/// The markup is XHTML-compatible (every element closed, only XML's predefined entities) so it can be parsed as XML.
public struct HTMLReporter: Reporter {
    /// Creates an HTML reporter.
    public init() {}

    /// Renders the whole page.
    public func render(_ input: ReportInput) -> String {
        let lang = input.language
        let a = input.assessment
        var out = "<!DOCTYPE html>\n"
        out += "<html lang=\"\(lang.rawValue)\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        var title = "hegui · " + a.period.label
        if let enterprise = a.enterprise, !enterprise.isEmpty { title = enterprise + " · " + title }
        out += "<title>\(h(title))</title>\n<style>\n\(HTMLReporter.css)</style>\n</head>\n<body>\n"
        out += header(input)
        for (index, pack) in a.packs.enumerated() {
            out += packSection(pack, index: index, lang)
        }
        out += ledger(input)
        out += trend(input)
        out += inputsAppendix(input)
        out += "</body>\n</html>\n"
        return out
    }

    // MARK: Header

    private func header(_ input: ReportInput) -> String {
        let lang = input.language
        let a = input.assessment
        var out = "<header>\n<h1>\(h(lang.pick("工会工作合规检查报告", "Trade-union compliance report")))</h1>\n<dl class=\"meta\">\n"
        func item(_ term: String, _ value: String) { out += "<dt>\(h(term))</dt><dd>\(value)</dd>\n" }
        if let enterprise = a.enterprise { item(lang.pick("企业", "Enterprise"), h(enterprise)) }
        item(lang.pick("期间", "Period"), h("\(a.period.label) (\(a.period.start) – \(a.period.end))"))
        if let ranAt = input.ranAt { item(lang.pick("检查时间", "Run at"), h(ranAt)) }
        if !a.inputs.isEmpty {
            // The full list with hashes is an appendix, so the scores stay on the first page.
            let records = a.inputs.reduce(0) { $0 + $1.records }
            item(
                lang.pick("输入文件", "Input files"),
                h(
                    lang.pick(
                        "\(a.inputs.count) 个文件，共 \(records) 条记录（清单与 SHA-256 见附录）",
                        "\(a.inputs.count) files, \(records) records (list and SHA-256 in the appendix)")))
        }
        // A passing run with failed items says so beside the badge: check exits 1 for it.
        let overall = ReportFormat.overall(a, language: lang)
        let note =
            overall == ReportFormat.verdict(a.passed, language: lang)
            ? "" : " " + h(String(overall.drop { !"，,".contains($0) }.dropFirst()).trimmingCharacters(in: .whitespaces))
        item(lang.pick("总体结论", "Overall"), verdictBadge(a.passed, lang) + note)
        out += "</dl>\n"
        out += "<table class=\"packs\">\n<thead><tr>"
        out += headerCells([
            lang.pick("规则包", "Pack"), lang.pick("版本", "Version"), lang.pick("名称", "Title"), lang.pick("得分", "Score"),
            lang.pick("合格线", "Pass line"), lang.pick("等级", "Grade"), lang.pick("结论", "Verdict"),
        ])
        out += "</tr></thead>\n<tbody>\n"
        for pack in a.packs {
            out += "<tr><td><code>\(h(pack.pack))</code></td><td>\(h(pack.version))</td><td>\(h(pack.title.text(lang)))</td>"
            out += "<td class=\"num\">\(formatNumber(pack.score)) / \(formatNumber(pack.maxScore))</td>"
            out += "<td class=\"num\">\(formatNumber(pack.passLine))</td><td>\(h(pack.grade.title.text(lang)))</td>"
            out += "<td>\(verdictBadge(pack.passed, lang))</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
        return out + "</header>\n"
    }

    // MARK: Appendix

    /// Every input file with its SHA-256, so a reviewer can confirm which files were checked.
    private func inputsAppendix(_ input: ReportInput) -> String {
        let lang = input.language
        let a = input.assessment
        var out = ""
        if !a.inputs.isEmpty {
            out += "<section class=\"appendix\">\n<h2>\(h(lang.pick("附录：输入文件", "Appendix: input files")))</h2>\n"
            out += "<table class=\"inputs\">\n<thead><tr>"
            out += headerCells([
                lang.pick("文件", "File"), lang.pick("类型", "Kind"), lang.pick("记录数", "Records"), "SHA-256",
            ])
            out += "</tr></thead>\n<tbody>\n"
            for file in a.inputs {
                // The short hash is enough to compare by eye; the full one stays in the tooltip.
                out += "<tr><td><code>\(h(file.path))</code></td><td>\(h(file.kind))</td><td class=\"num\">\(file.records)</td>"
                out += "<td><code title=\"\(h(file.sha256))\">\(h(String(file.sha256.prefix(12))))</code></td></tr>\n"
            }
            out += "</tbody>\n</table>\n</section>\n"
        }
        return out
    }

    // MARK: Packs

    private func packSection(_ pack: PackAssessment, index: Int, _ lang: Language) -> String {
        var out = "<section class=\"pack\" id=\"pack-\(index + 1)\">\n"
        out += "<h2>\(h(pack.title.text(lang))) <span class=\"code\">\(h(pack.pack)) \(h(pack.version))</span></h2>\n"
        out += "<p class=\"score\">\(verdictBadge(pack.passed, lang)) "
        out += h(
            lang.pick(
                "得分 \(formatNumber(pack.score)) / \(formatNumber(pack.maxScore))，合格线 \(formatNumber(pack.passLine))，等级：\(pack.grade.title.text(lang))",
                "Score \(formatNumber(pack.score)) / \(formatNumber(pack.maxScore)), pass line \(formatNumber(pack.passLine)), grade: \(pack.grade.title.text(lang))"
            ))
        out += "</p>\n"
        for category in pack.categories where !category.meetsMinimum {
            out += "<p class=\"warn\">"
            out += h(
                lang.pick(
                    "类别 \(category.id) \(category.title.text(lang)) 得分 \(formatNumber(category.score)) 低于最低分 \(formatNumber(category.minimum ?? 0))",
                    "Category \(category.id) \(category.title.text(lang)) scored \(formatNumber(category.score)), below its minimum \(formatNumber(category.minimum ?? 0))"
                ))
            out += "</p>\n"
        }
        out += vetoes(pack, lang)
        out += "<h3>\(h(lang.pick("各类别得分", "Points by category")))</h3>\n"
        out += categoryChart(pack, lang)
        out += gap(pack, lang)
        out += findings(pack, lang)
        return out + "</section>\n"
    }

    private func vetoes(_ pack: PackAssessment, _ lang: Language) -> String {
        let shown = pack.vetoes.filter { $0.fired || $0.hasError }
        guard !pack.vetoes.isEmpty else { return "" }
        var out = "<h3>\(h(lang.pick("否决项", "Vetoes")))</h3>\n"
        for coverage in pack.vetoes.compactMap(\.coverage) {
            out += "<p class=\"message\">\(h(coverage.text(lang)))</p>\n"
        }
        if shown.isEmpty {
            out +=
                "<p class=\"ok\">\(h(lang.pick("未触发任何否决项（共 \(pack.vetoes.count) 项）。", "No veto fired (\(pack.vetoes.count) checked).")))</p>\n"
            return out
        }
        for veto in shown {
            let label = veto.fired ? lang.pick("否决项触发", "Veto fired") : lang.pick("否决项无法判定", "Veto not evaluated")
            out += "<div class=\"veto \(veto.fired ? "fired" : "error")\">\n"
            out += "<h4>\(h(label)): \(h(veto.id)) \(h(veto.title.text(lang)))</h4>\n"
            out +=
                "<p>\(h(lang.pick("检查窗口", "Window"))): \(h(veto.window.label)) (\(veto.window.start) – \(veto.window.end))</p>\n"
            let checks = ReportFormat.failingChecks(veto)
            for message in checks.compactMap({ $0.message?.text(lang) }) {
                out += "<p class=\"message\">\(h(message))</p>\n"
            }
            out += evidenceList(checks, lang)
            out += "</div>\n"
        }
        return out
    }

    /// Horizontal bars, one per category: the full points in grey, the scored points over it, the minimum as a tick.
    private func categoryChart(_ pack: PackAssessment, _ lang: Language) -> String {
        // The label column fits the longest title at 12 px: about 6.6 px a column, CJK counting two,
        // so long English titles are not clipped at the left edge.
        let widest = pack.categories.map { displayWidth($0.title.text(lang)) }.max() ?? 0
        let labelWidth = min(max(Double(widest) * 6.6 + 16, 100), 420).rounded(.up)
        let barWidth = 340.0
        let rowHeight = 30.0
        let width = labelWidth + barWidth + 90
        let height = rowHeight * Double(pack.categories.count) + 10
        let scale = pack.categories.map(\.maxScore).max().map { $0 > 0 ? barWidth / $0 : 0 } ?? 0
        var out = "<svg class=\"chart\" role=\"img\" width=\"\(n(width))\" height=\"\(n(height))\" "
        out += "viewBox=\"0 0 \(n(width)) \(n(height))\">\n"
        out += "<title>\(h(lang.pick("各类别得分", "Points by category")))</title>\n"
        for (i, category) in pack.categories.enumerated() {
            let y = 5 + rowHeight * Double(i)
            let barY = y + 6
            let full = max(0, category.maxScore) * scale
            let scored = min(max(0, category.score), max(0, category.maxScore)) * scale
            let cls = category.meetsMinimum ? (category.score >= category.maxScore ? "full" : "part") : "low"
            out += "<text class=\"label\" x=\"\(n(labelWidth - 8))\" y=\"\(n(y + 20))\" text-anchor=\"end\">"
            out += "\(h(category.title.text(lang)))</text>\n"
            out += "<rect class=\"bar-max\" x=\"\(n(labelWidth))\" y=\"\(n(barY))\" width=\"\(n(full))\" height=\"18\"/>\n"
            out +=
                "<rect class=\"bar-score \(cls)\" x=\"\(n(labelWidth))\" y=\"\(n(barY))\" width=\"\(n(scored))\" height=\"18\">"
            out +=
                "<title>\(h(category.id)): \(formatNumber(category.score)) / \(formatNumber(category.maxScore))</title></rect>\n"
            if let minimum = category.minimum {
                let x = labelWidth + min(max(0, minimum), max(0, category.maxScore)) * scale
                out += "<line class=\"minimum\" x1=\"\(n(x))\" y1=\"\(n(barY - 3))\" x2=\"\(n(x))\" y2=\"\(n(barY + 21))\"/>\n"
            }
            out += "<text class=\"value\" x=\"\(n(labelWidth + full + 8))\" y=\"\(n(y + 20))\">"
            out += "\(formatNumber(category.score)) / \(formatNumber(category.maxScore))</text>\n"
        }
        return out + "</svg>\n"
    }

    private func gap(_ pack: PackAssessment, _ lang: Language) -> String {
        let gap = pack.gapToPass
        guard !gap.items.isEmpty || !gap.blockingVetoes.isEmpty || !pack.passed else { return "" }
        var out = "<h3>\(h(lang.pick("达标差距", "Gap to pass")))</h3>\n"
        if gap.pointsShort > 0 {
            out +=
                "<p>\(h(lang.pick("距合格线差 \(formatNumber(gap.pointsShort)) 分。", "\(formatNumber(gap.pointsShort)) points short of the pass line.")))</p>\n"
        }
        if !gap.items.isEmpty {
            out += "<p>\(h(lang.pick("优先整改：", "Fix first:")))</p>\n<ol class=\"gap\">\n"
            for item in gap.items {
                out += "<li><strong>\(h(item.id))</strong> \(h(item.title.text(lang))) "
                out += "<span class=\"gain\">+\(formatNumber(item.gain))</span></li>\n"
            }
            out += "</ol>\n"
        }
        if !gap.blockingVetoes.isEmpty {
            out +=
                "<p class=\"fail\">\(h(lang.pick("否决项阻止通过：", "Blocked by vetoes: ") + gap.blockingVetoes.joined(separator: ", ")))</p>\n"
        } else if !pack.passed, !gap.reachable {
            out +=
                "<p class=\"warn\">\(h(lang.pick("仅整改指标无法达到合格线。", "Indicator repairs alone cannot reach the pass line.")))</p>\n"
        }
        return out
    }

    private func findings(_ pack: PackAssessment, _ lang: Language) -> String {
        guard !pack.findings.isEmpty else { return "" }
        var out = "<h3>\(h(lang.pick("指标明细", "Findings")))</h3>\n<table class=\"findings\">\n<thead><tr>"
        out += headerCells([
            lang.pick("编号", "ID"), lang.pick("指标", "Indicator"), lang.pick("结果", "Outcome"), lang.pick("得分", "Points"),
            lang.pick("实测", "Measured"), lang.pick("阈值", "Threshold"),
        ])
        out += "</tr></thead>\n<tbody>\n"
        for f in pack.findings {
            out += "<tr class=\"finding \(f.outcome.rawValue)\"><td><code>\(h(f.id))</code></td><td>\(h(f.title.text(lang)))</td>"
            out += "<td>\(outcomeBadge(f.outcome, lang))</td><td class=\"num\">\(h(ReportFormat.points(f)))</td>"
            out +=
                "<td class=\"num\">\(h(ReportFormat.measured(f, language: lang)))</td><td>\(h(ReportFormat.threshold(f, language: lang)))</td></tr>\n"
            let checks = ReportFormat.failingChecks(f)
            let messages = ReportFormat.messages(f, language: lang)
            var waiver = ""
            if let w = f.waiver {
                waiver = lang.pick(
                    "豁免：\(w.reason)（批准人 \(w.approver)，有效至 \(w.expires)）",
                    "Waived: \(w.reason) (approved by \(w.approver), until \(w.expires))")
            }
            let hasEvidence = checks.contains { !$0.evidence.isEmpty || $0.evidenceTotal > 0 }
            guard !messages.isEmpty || hasEvidence || !waiver.isEmpty else { continue }
            out += "<tr class=\"detail\"><td></td><td colspan=\"5\">\n"
            for message in messages { out += "<p class=\"message\">\(h(message))</p>\n" }
            if !waiver.isEmpty { out += "<p class=\"message\">\(h(waiver))</p>\n" }
            if hasEvidence { out += evidenceList(checks, lang) }
            out += "</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    /// Every evidence item the checks carry, as `file:line  key  measured  note` rows, then how many were cut.
    private func evidenceList(_ checks: [CheckResult], _ lang: Language) -> String {
        let items = checks.flatMap(\.evidence)
        let total = ReportFormat.evidenceTotal(checks)
        guard total > 0 else { return "" }
        // The value column only appears when some item carries a number (group sums, bucket counts).
        let hasValues = items.contains { $0.measured != nil }
        var out = "<table class=\"evidence\">\n<thead><tr>"
        out += headerCells(
            [lang.pick("位置", "Location"), lang.pick("键", "Key")] + (hasValues ? [lang.pick("数值", "Value")] : [])
                + [lang.pick("说明", "Note")])
        out += "</tr></thead>\n<tbody>\n"
        for item in items {
            out += "<tr><td><code>\(h(ReportFormat.location(item)))</code></td><td>\(h(item.key))</td>"
            if hasValues { out += "<td class=\"num\">\(h(item.measured.map(formatNumber) ?? ""))</td>" }
            out += "<td>\(h(item.note?.text(lang) ?? ""))</td></tr>\n"
        }
        if total > items.count {
            out += "<tr><td colspan=\"\(hasValues ? 4 : 3)\" class=\"more\">"
            out += "\(h(ReportFormat.more(total - items.count, language: lang)))</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    // MARK: Ledger

    private func ledger(_ input: ReportInput) -> String {
        let lang = input.language
        let c = RectificationCounts(input.items, today: input.today)
        var out = "<section class=\"ledger\">\n<h2>\(h(lang.pick("整改台账", "Rectification ledger")))</h2>\n"
        out +=
            "<p>\(h(lang.pick("截至 \(input.today)：未销号 \(c.open) 项，逾期 \(c.overdue) 项，待审核 \(c.submitted) 项，有异议 \(c.disputed) 项，已销号 \(c.verified) 项。", "As of \(input.today): \(c.open) open, \(c.overdue) overdue, \(c.submitted) awaiting re-check, \(c.disputed) disputed, \(c.verified) verified.")))</p>\n"
        if let chain = ReportFormat.auditChain(input.auditChain, language: lang) {
            let broken = input.auditChain.map { !$0.isIntact } ?? false
            out += "<p class=\"chain\(broken ? " veto" : "")\"><code>\(h(chain))</code></p>\n"
        }
        guard !input.items.isEmpty else { return out + "</section>\n" }
        out += "<table class=\"items\">\n<thead><tr>"
        out += headerCells([
            "#", lang.pick("状态", "Status"), lang.pick("来源", "Source"), lang.pick("问题描述", "Issue"),
            lang.pick("类别", "Category"), lang.pick("等级", "Grade"), lang.pick("责任部门", "Department"),
            lang.pick("责任人", "Responsible"), lang.pick("发现日期", "Found"), lang.pick("整改期限", "Deadline"),
            lang.pick("复查/验证人", "Verifier"),
        ])
        out += "</tr></thead>\n<tbody>\n"
        for item in input.items {
            let overdue = item.isOverdue(on: input.today)
            out += "<tr class=\"status-\(item.status.rawValue)\(overdue ? " overdue" : "")\">"
            out += "<td class=\"num\">\(item.id)</td>"
            var status = h(item.status.title.text(lang))
            if overdue { status += " <span class=\"badge fail\">\(h(lang.pick("逾期", "overdue")))</span>" }
            out += "<td>\(status)</td>"
            let source: String
            switch item.source {
            case .check: source = [item.pack, item.indicator, item.groupKey].compactMap { $0 }.joined(separator: " ")
            case .patrol: source = lang.pick("巡视", "patrol") + (item.patrolID.map { " #\($0)" } ?? "")
            }
            out += "<td>\(h(source))</td>"
            var issue = h(item.description)
            if let location = item.location { issue += "<br/><small>\(h(location))</small>" }
            if let measure = item.measure { issue += "<br/><small>\(h(lang.pick("措施：", "Measure: ") + measure))</small>" }
            out += "<td>\(issue)</td><td>\(h(item.category))</td><td>\(h(item.grade))</td>"
            out += "<td>\(h(item.department ?? ""))</td><td>\(h(item.responsible ?? ""))</td>"
            out += "<td>\(item.foundOn)</td><td>\(item.deadline)</td>"
            let verifier = item.verifiedBy.map { $0 + (item.verifiedOn.map { " (\($0))" } ?? "") } ?? item.rechecker ?? ""
            out += "<td>\(h(verifier))</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    // MARK: Trend

    /// Score as a share of full points by run, one line per pack; shares let packs of different size share an axis.
    private func trend(_ input: ReportInput) -> String {
        let runs = input.history
        guard runs.count >= 2 else { return "" }
        let lang = input.language
        var packs: [String] = []
        for run in runs {
            for score in run.packs where !packs.contains(score.pack) { packs.append(score.pack) }
        }
        let left = 50.0
        let top = 10.0
        let plotWidth = 520.0
        let plotHeight = 160.0
        let width = left + plotWidth + 170
        let height = top + plotHeight + 40
        let step = plotWidth / Double(runs.count - 1)
        func y(_ share: Double) -> Double { top + plotHeight * (1 - min(max(share, 0), 1)) }
        var out = "<section class=\"trend\">\n<h2>\(h(lang.pick("得分趋势", "Score trend")))</h2>\n"
        out += "<svg class=\"trend-chart\" role=\"img\" width=\"\(n(width))\" height=\"\(n(height))\" "
        out += "viewBox=\"0 0 \(n(width)) \(n(height))\">\n"
        out += "<title>\(h(lang.pick("得分率趋势", "Score share by run")))</title>\n"
        for tick in [0.0, 0.5, 1.0] {
            out +=
                "<line class=\"grid\" x1=\"\(n(left))\" y1=\"\(n(y(tick)))\" x2=\"\(n(left + plotWidth))\" y2=\"\(n(y(tick)))\"/>\n"
            out +=
                "<text class=\"axis\" x=\"\(n(left - 6))\" y=\"\(n(y(tick) + 4))\" text-anchor=\"end\">\(ReportFormat.percent(tick))</text>\n"
        }
        for (i, run) in runs.enumerated() {
            out +=
                "<text class=\"axis\" x=\"\(n(left + step * Double(i)))\" y=\"\(n(top + plotHeight + 18))\" text-anchor=\"middle\">"
            out += "\(h(String(run.ranAt.prefix(10))))</text>\n"
        }
        for (p, pack) in packs.enumerated() {
            var points: [String] = []
            var markers = ""
            let series = "series-\(p % 6)"
            for (i, run) in runs.enumerated() {
                guard let score = run.packs.first(where: { $0.pack == pack }), score.maxScore > 0 else { continue }
                let x = n(left + step * Double(i))
                let py = n(y(score.score / score.maxScore))
                points.append("\(x),\(py)")
                markers += "<circle class=\"dot \(series)\" cx=\"\(x)\" cy=\"\(py)\" r=\"3.5\">"
                markers +=
                    "<title>\(h(pack)) \(h(run.ranAt)): \(formatNumber(score.score)) / \(formatNumber(score.maxScore))</title></circle>\n"
            }
            out += "<polyline class=\"line \(series)\" points=\"\(points.joined(separator: " "))\"/>\n" + markers
            let legendY = top + 14 + 18 * Double(p)
            out += "<line class=\"line \(series)\" x1=\"\(n(left + plotWidth + 16))\" y1=\"\(n(legendY - 4))\" "
            out += "x2=\"\(n(left + plotWidth + 36))\" y2=\"\(n(legendY - 4))\"/>\n"
            out += "<text class=\"legend\" x=\"\(n(left + plotWidth + 42))\" y=\"\(n(legendY))\">\(h(pack))</text>\n"
        }
        return out + "</svg>\n</section>\n"
    }

    // MARK: Pieces

    private func headerCells(_ titles: [String]) -> String {
        titles.map { "<th>\(h($0))</th>" }.joined()
    }

    private func verdictBadge(_ passed: Bool, _ lang: Language) -> String {
        "<span class=\"badge \(passed ? "pass" : "fail")\">\(h(ReportFormat.verdict(passed, language: lang)))</span>"
    }

    private func outcomeBadge(_ outcome: Outcome, _ lang: Language) -> String {
        "<span class=\"badge \(outcome.rawValue)\">\(h(outcome.title.text(lang)))</span>"
    }

    private func h(_ text: String) -> String { ReportEscape.xml(text) }

    /// SVG coordinates with at most 4 decimals, so output is stable.
    private func n(_ value: Double) -> String { formatNumber(value) }

    /// The page's styles; no `<` or `&`, so the markup stays well-formed XML.
    static let css = """
        body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif;
          color: #1f2328; margin: 24px auto; max-width: 1000px; padding: 0 16px; line-height: 1.5; }
        h1 { font-size: 1.6em; margin-bottom: 0.3em; }
        h2 { border-bottom: 2px solid #d0d7de; padding-bottom: 4px; margin-top: 1.6em; }
        h2 .code { font-size: 0.6em; color: #57606a; font-weight: normal; }
        code { font-family: "Noto Sans Mono CJK SC", "Sarasa Mono SC", monospace; font-size: 0.9em; }
        dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; }
        dl.meta dt { color: #57606a; }
        dl.meta dd { margin: 0; }
        table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 0.92em; }
        caption { text-align: left; font-weight: bold; padding: 4px 0; }
        th, td { border: 1px solid #d0d7de; padding: 4px 8px; text-align: left; vertical-align: top; }
        th { background: #f6f8fa; }
        td.num { text-align: right; white-space: nowrap; }
        tr.detail td { background: #fbfbfc; border-top: none; }
        table.evidence { width: auto; margin: 4px 0; font-size: 0.9em; }
        table.evidence th, table.evidence td { padding: 2px 6px; }
        td.more { color: #57606a; font-style: italic; }
        .badge { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 0.85em; color: #fff;
          background: #6e7781; white-space: nowrap; }
        .badge.pass { background: #1a7f37; }
        .badge.fail { background: #cf222e; }
        .badge.error, .badge.unattested { background: #9a6700; }
        .badge.notApplicable { background: #8c959f; }
        .badge.waived { background: #0969da; }
        p.score { font-size: 1.1em; }
        p.warn { color: #9a6700; }
        p.fail { color: #cf222e; font-weight: bold; }
        p.ok { color: #1a7f37; }
        p.message { margin: 2px 0; }
        .veto { border: 2px solid #cf222e; background: #ffebe9; padding: 4px 12px; margin: 8px 0; border-radius: 6px; }
        .veto.error { border-color: #9a6700; background: #fff8c5; }
        .veto h4 { color: #cf222e; margin: 4px 0; }
        .veto.error h4 { color: #9a6700; }
        ol.gap .gain { color: #1a7f37; font-weight: bold; }
        svg text { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; font-size: 12px;
          fill: #1f2328; }
        .bar-max { fill: #eaeef2; }
        .bar-score.full { fill: #1a7f37; }
        .bar-score.part { fill: #4ac26b; }
        .bar-score.low { fill: #cf222e; }
        .minimum { stroke: #1f2328; stroke-width: 2; stroke-dasharray: 3 2; }
        .grid { stroke: #d0d7de; stroke-width: 1; }
        .line { fill: none; stroke-width: 2.5; }
        .dot { fill: #fff; stroke-width: 2; }
        .series-0 { stroke: #0969da; }
        .series-1 { stroke: #bf3989; }
        .series-2 { stroke: #1a7f37; }
        .series-3 { stroke: #9a6700; }
        .series-4 { stroke: #8250df; }
        .series-5 { stroke: #cf222e; }
        tr.overdue td { background: #ffebe9; }
        tr.status-verified td { color: #57606a; }
        tr.status-disputed td { background: #fff8c5; }
        @page { size: A4; margin: 15mm; }
        @media print {
          body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
          section.pack + section.pack, section.ledger { page-break-before: always; }
          thead { display: table-header-group; }
          tr { page-break-inside: avoid; }
          .veto, svg { page-break-inside: avoid; }
        }

        """
}
