import HeguiBase

extension HTMLReporter {
    // MARK: Packs

    func packSection(_ pack: PackAssessment, index: Int, _ lang: Language) -> String {
        var out = "<section class=\"pack\" id=\"pack-\(index + 1)\">\n"
        out += "<h2>\(h(pack.title.text(lang))) <span class=\"code\">\(h(pack.pack)) \(h(pack.version))</span></h2>\n"
        out += "<p class=\"score\">\(verdictBadge(pack.passed, lang)) "
        out += h(
            lang.report(
                .scoreOutOfTitle(
                    score: formatNumber(pack.score), maxScore: formatNumber(pack.maxScore), passLine: formatNumber(pack.passLine),
                    grade: pack.grade.title.text(lang))))
        out += "</p>\n"
        for category in pack.categories where !category.meetsMinimum {
            out += "<p class=\"warn\">"
            out += h(
                lang.report(
                    .categoryBelowMinimumTitle(
                        id: category.id, title: category.title.text(lang), score: formatNumber(category.score),
                        minimum: formatNumber(category.minimum ?? 0))))
            out += "</p>\n"
        }
        out += vetoes(pack, lang)
        out += "<h3>\(h(lang.label(.pointsByCategory)))</h3>\n"
        out += categoryChart(pack, lang)
        out += gap(pack, lang)
        out += findings(pack, lang)
        return out + "</section>\n"
    }

    func vetoes(_ pack: PackAssessment, _ lang: Language) -> String {
        let shown = pack.vetoes.filter { $0.fired || $0.hasError }
        guard !pack.vetoes.isEmpty else { return "" }
        var out = "<h3>\(h(lang.label(.vetoes)))</h3>\n"
        for coverage in pack.vetoes.compactMap(\.coverage) {
            out += "<p class=\"message\">\(h(coverage.text(lang)))</p>\n"
        }
        if shown.isEmpty {
            out +=
                "<p class=\"ok\">\(h(lang.report(.noVetoFired(count: pack.vetoes.count))))</p>\n"
            return out
        }
        for veto in shown {
            let label = veto.fired ? lang.label(.vetoFiredTitle) : lang.label(.vetoNotEvaluatedTitle)
            out += "<div class=\"veto \(veto.fired ? "fired" : "error")\">\n"
            out += "<h4>\(h(label)): \(h(veto.id)) \(h(veto.title.text(lang)))</h4>\n"
            out +=
                "<p>\(h(lang.label(.window))): \(h(veto.window.label)) (\(veto.window.start) – \(veto.window.end))</p>\n"
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
    func categoryChart(_ pack: PackAssessment, _ lang: Language) -> String {
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
        out += "<title>\(h(lang.label(.pointsByCategory)))</title>\n"
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

    func gap(_ pack: PackAssessment, _ lang: Language) -> String {
        let gap = pack.gapToPass
        guard !gap.items.isEmpty || !gap.blockingVetoes.isEmpty || !pack.passed else { return "" }
        var out = "<h3>\(h(lang.label(.gapToPass)))</h3>\n"
        if gap.pointsShort > 0 {
            out +=
                "<p>\(h(lang.report(.pointsShortOfPassLine(points: formatNumber(gap.pointsShort)))))</p>\n"
        }
        if !gap.items.isEmpty {
            out += "<p>\(h(lang.label(.fixFirstHeading)))</p>\n<ol class=\"gap\">\n"
            for item in gap.items {
                out += "<li><strong>\(h(item.id))</strong> \(h(item.title.text(lang))) "
                out += "<span class=\"gain\">+\(formatNumber(item.gain))</span></li>\n"
            }
            out += "</ol>\n"
        }
        if !gap.blockingVetoes.isEmpty {
            out +=
                "<p class=\"fail\">\(h(lang.label(.blockedByVetoesTitle) + lang.label(.colon) + gap.blockingVetoes.joined(separator: ", ")))</p>\n"
        } else if !pack.passed, !gap.reachable {
            out +=
                "<p class=\"warn\">\(h(lang.label(.repairsCannotReachPassLineSentence)))</p>\n"
        }
        return out
    }

    func findings(_ pack: PackAssessment, _ lang: Language) -> String {
        guard !pack.findings.isEmpty else { return "" }
        var out = "<h3>\(h(lang.label(.findings)))</h3>\n<table class=\"findings\">\n<thead><tr>"
        out += headerCells([
            lang.label(.headingID), lang.label(.headingIndicator), lang.label(.headingOutcome), lang.label(.headingPoints),
            lang.label(.headingMeasured), lang.label(.headingThreshold),
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
                waiver = lang.report(.waived(reason: w.reason, approver: w.approver, expires: "\(w.expires)"))
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
    func evidenceList(_ checks: [CheckResult], _ lang: Language) -> String {
        let items = checks.flatMap(\.evidence)
        let total = ReportFormat.evidenceTotal(checks)
        guard total > 0 else { return "" }
        // The value column only appears when some item carries a number (group sums, bucket counts).
        let hasValues = items.contains { $0.measured != nil }
        var out = "<table class=\"evidence\">\n<thead><tr>"
        out += headerCells(
            [lang.label(.headingLocation), lang.label(.headingKey)] + (hasValues ? [lang.label(.headingValue)] : [])
                + [lang.label(.headingNote)])
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
}
