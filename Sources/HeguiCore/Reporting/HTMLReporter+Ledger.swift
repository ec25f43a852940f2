extension HTMLReporter {
    // MARK: Ledger

    func ledger(_ input: ReportInput) -> String {
        let lang = input.language
        let c = RectificationCounts(input.items, today: input.today)
        var out = "<section class=\"ledger\">\n<h2>\(h(lang.label(.rectificationLedger)))</h2>\n"
        out +=
            "<p>\(h(lang.report(.ledgerCountsAsOf(today: "\(input.today)", open: c.open, overdue: c.overdue, submitted: c.submitted, disputed: c.disputed, verified: c.verified))))</p>\n"
        if let chain = ReportFormat.auditChain(input.auditChain, language: lang) {
            let broken = input.auditChain.map { !$0.isIntact } ?? false
            out += "<p class=\"chain\(broken ? " veto" : "")\"><code>\(h(chain))</code></p>\n"
        }
        guard !input.items.isEmpty else { return out + "</section>\n" }
        out += "<table class=\"items\">\n<thead><tr>"
        out += headerCells([
            "#", lang.label(.headingStatus), lang.label(.headingSource), lang.label(.headingIssue),
            lang.label(.headingCategory), lang.label(.headingGrade), lang.label(.headingDepartment),
            lang.label(.headingResponsible), lang.label(.headingFound), lang.label(.headingDeadline),
            lang.label(.headingVerifier),
        ])
        out += "</tr></thead>\n<tbody>\n"
        for item in input.items {
            let overdue = item.isOverdue(on: input.today)
            out += "<tr class=\"status-\(item.status.rawValue)\(overdue ? " overdue" : "")\">"
            out += "<td class=\"num\">\(item.id)</td>"
            var status = h(item.status.title.text(lang))
            if overdue { status += " <span class=\"badge fail\">\(h(lang.label(.overdue)))</span>" }
            out += "<td>\(status)</td>"
            let source: String
            switch item.source {
            case .check: source = [item.pack, item.indicator, item.groupKey].compactMap { $0 }.joined(separator: " ")
            case .patrol: source = lang.label(.patrol) + (item.patrolID.map { " #\($0)" } ?? "")
            }
            out += "<td>\(h(source))</td>"
            var issue = h(item.description)
            if let location = item.location { issue += "<br/><small>\(h(location))</small>" }
            if let measure = item.measure { issue += "<br/><small>\(h(lang.label(.measure) + measure))</small>" }
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
    func trend(_ input: ReportInput) -> String {
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
        var out = "<section class=\"trend\">\n<h2>\(h(lang.label(.scoreTrend)))</h2>\n"
        out += "<svg class=\"trend-chart\" role=\"img\" width=\"\(n(width))\" height=\"\(n(height))\" "
        out += "viewBox=\"0 0 \(n(width)) \(n(height))\">\n"
        out += "<title>\(h(lang.label(.scoreShareByRun)))</title>\n"
        for tick in [0.0, 0.5, 1.0] {
            out +=
                "<line class=\"grid\" x1=\"\(n(left))\" y1=\"\(n(y(tick)))\" x2=\"\(n(left + plotWidth))\" y2=\"\(n(y(tick)))\"/>\n"
            out +=
                "<text class=\"axis\" x=\"\(n(left - 6))\" y=\"\(n(y(tick) + 4))\" text-anchor=\"end\">\(ReportFormat.percent(tick))</text>\n"
        }
        for (i, run) in runs.enumerated() {
            out +=
                "<text class=\"axis\" x=\"\(n(left + step * Double(i)))\" y=\"\(n(top + plotHeight + 18))\" text-anchor=\"middle\">"
            out += "\(h(String(LocalTime.text(run.ranAt, lang).prefix(10))))</text>\n"
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
                    "<title>\(h(pack)) \(h(LocalTime.text(run.ranAt, lang))): \(formatNumber(score.score)) / \(formatNumber(score.maxScore))</title></circle>\n"
            }
            out += "<polyline class=\"line \(series)\" points=\"\(points.joined(separator: " "))\"/>\n" + markers
            let legendY = top + 14 + 18 * Double(p)
            out += "<line class=\"line \(series)\" x1=\"\(n(left + plotWidth + 16))\" y1=\"\(n(legendY - 4))\" "
            out += "x2=\"\(n(left + plotWidth + 36))\" y2=\"\(n(legendY - 4))\"/>\n"
            out += "<text class=\"legend\" x=\"\(n(left + plotWidth + 42))\" y=\"\(n(legendY))\">\(h(pack))</text>\n"
        }
        return out + "</svg>\n</section>\n"
    }
}
