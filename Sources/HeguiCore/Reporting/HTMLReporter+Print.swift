import Foundation
import HeguiBase

extension HTMLReporter {
    // MARK: Items to fix first

    /// What to fix first, right after the cover: per pack, the failing indicators that reach the pass
    /// line (the gap), then the other failures by points lost, each with its first offending row.
    func priorities(_ input: ReportInput) -> String {
        let lang = input.language
        var rows: [(pack: PackAssessment, finding: Finding, needed: Bool)] = []
        for pack in input.assessment.packs {
            let needed = Set(pack.gapToPass.items.map(\.id))
            let failing = pack.findings.filter { $0.outcome == .fail || $0.outcome == .error }
            let ordered = failing.sorted { lhs, rhs in
                let (l, r) = (needed.contains(lhs.id), needed.contains(rhs.id))
                if l != r { return l }
                let (lostL, lostR) = (lhs.points - lhs.awarded, rhs.points - rhs.awarded)
                return lostL != lostR ? lostL > lostR : lhs.id < rhs.id
            }
            rows += ordered.map { (pack, $0, needed.contains($0.id)) }
        }
        var out = "<section class=\"priorities\">\n<h2>\(h(lang.label(.itemsToFixFirst)))</h2>\n"
        guard !rows.isEmpty else {
            return out + "<p class=\"ok\">\(h(lang.label(.noIndicatorFailed)))</p>\n</section>\n"
        }
        out += "<table class=\"priorities\">\n<thead><tr>"
        out += headerCells([
            "#", lang.label(.headingIndicator), lang.label(.headingLost), lang.label(.headingWhatIsWrong),
            lang.label(.headingNeededToPass),
        ])
        out += "</tr></thead>\n<tbody>\n"
        for (index, row) in rows.enumerated() {
            let finding = row.finding
            var what = h(ReportFormat.messages(finding, language: lang).first ?? finding.outcome.title.text(lang))
            let evidence = ReportFormat.failingChecks(finding).flatMap(\.evidence)
            if let first = evidence.first {
                what += "<br/><small>\(h(first.key))\(first.note.map { " · " + h($0.text(lang)) } ?? "") · "
                what += "<code>\(h(ReportFormat.location(first)))</code></small>"
            }
            let total = ReportFormat.evidenceTotal(ReportFormat.failingChecks(finding))
            if total > 1 { what += "<br/><small>\(h(ReportFormat.more(total - 1, language: lang)))</small>" }
            out += "<tr><td class=\"num\">\(index + 1)</td>"
            out += "<td><code>\(h(finding.id))</code> \(h(finding.title.text(lang)))<br/><small>\(h(row.pack.title.text(lang)))</small></td>"
            out += "<td class=\"num\">\(formatNumber(finding.points - finding.awarded))</td><td>\(what)</td>"
            out += "<td>\(row.needed ? h(lang.label(.yes)) : "")</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    // MARK: Signatures

    /// The sign-off a review accepts: union chair, enterprise head, date, seal.
    func signatures(_ input: ReportInput) -> String {
        let lang = input.language
        var out = "<section class=\"signatures\">\n<h2>\(h(lang.label(.signOff)))</h2>\n"
        out += "<p>\(h(lang.label(.confirmation)))</p>\n<table class=\"signatures\">\n<tbody>\n"
        out += "<tr><th>\(h(lang.label(.unionChairSignature)))</th><td></td>"
        out += "<th>\(h(lang.label(.enterpriseHeadSignature)))</th><td></td></tr>\n"
        out += "<tr><th>\(h(lang.label(.date)))</th><td></td>"
        out += "<th>\(h(lang.label(.seal)))</th><td class=\"seal\"></td></tr>\n"
        return out + "</tbody>\n</table>\n</section>\n"
    }
}

/// Times as the enterprise reads them: hegui stores UTC (ISO 8601), reports show China Standard Time.
enum LocalTime {
    /// The enterprise's time zone (UTC+8, no daylight saving).
    static let zone = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600) ?? .gmt

    /// `2020-01-15T02:30:00Z` → `2020-01-15 10:30（北京时间）`; other text unchanged.
    static func text(_ iso: String, _ lang: Language) -> String {
        guard let date = ISO8601DateFormatter().date(from: iso) else { return iso }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let text = String(
            format: "%04d-%02d-%02d %02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
        return text + lang.label(.beijingTime)
    }
}
