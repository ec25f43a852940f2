import HeguiBase

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
        out += priorities(input)
        for (index, pack) in a.packs.enumerated() {
            out += packSection(pack, index: index, lang)
        }
        out += ledger(input)
        out += trend(input)
        out += signatures(input)
        out += inputsAppendix(input)
        out += "</body>\n</html>\n"
        return out
    }

    // MARK: Header

    func header(_ input: ReportInput) -> String {
        let lang = input.language
        let a = input.assessment
        // The cover page when printed: who, which period, which packs, the verdict.
        var out = "<header class=\"cover\">\n<h1>\(h(lang.label(.reportTitle)))</h1>\n"
        if let enterprise = a.enterprise, !enterprise.isEmpty { out += "<p class=\"enterprise\">\(h(enterprise))</p>\n" }
        out += "<dl class=\"meta\">\n"
        func item(_ term: String, _ value: String) { out += "<dt>\(h(term))</dt><dd>\(value)</dd>\n" }
        if let enterprise = a.enterprise { item(lang.label(.enterprise), h(enterprise)) }
        item(lang.label(.period), h("\(a.period.label) (\(a.period.start) – \(a.period.end))"))
        if let ranAt = input.ranAt { item(lang.label(.runAt), h(LocalTime.text(ranAt, lang))) }
        if !a.inputs.isEmpty {
            // The full list with hashes is an appendix, so the scores stay on the first page.
            let records = a.inputs.reduce(0) { $0 + $1.records }
            item(
                lang.label(.inputFiles),
                h(
                    lang.report(.inputFiles(files: a.inputs.count, records: records))))
        }
        // A passing run with failed items says so beside the badge: check exits 1 for it.
        let overall = ReportFormat.overall(a, language: lang)
        let note =
            overall == ReportFormat.verdict(a.passed, language: lang)
            ? "" : " " + h(String(overall.drop { !"，,".contains($0) }.dropFirst()).trimmingCharacters(in: .whitespaces))
        item(lang.label(.overall), verdictBadge(a.passed, lang) + note)
        out += "</dl>\n"
        out += "<table class=\"packs\">\n<thead><tr>"
        out += headerCells([
            lang.label(.headingPack), lang.label(.headingVersion), lang.label(.headingTitle), lang.label(.headingScore),
            lang.label(.headingPassLine), lang.label(.headingGrade), lang.label(.headingVerdict),
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
    func inputsAppendix(_ input: ReportInput) -> String {
        let lang = input.language
        let a = input.assessment
        var out = ""
        if !a.inputs.isEmpty {
            out += "<section class=\"appendix\">\n<h2>\(h(lang.label(.appendixInputFiles)))</h2>\n"
            out += "<table class=\"inputs\">\n<thead><tr>"
            out += headerCells([
                lang.label(.headingFile), lang.label(.headingKind), lang.label(.headingRecords), "SHA-256",
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

    // MARK: Pieces

    func headerCells(_ titles: [String]) -> String {
        titles.map { "<th>\(h($0))</th>" }.joined()
    }

    func verdictBadge(_ passed: Bool, _ lang: Language) -> String {
        "<span class=\"badge \(passed ? "pass" : "fail")\">\(h(ReportFormat.verdict(passed, language: lang)))</span>"
    }

    func outcomeBadge(_ outcome: Outcome, _ lang: Language) -> String {
        "<span class=\"badge \(outcome.rawValue)\">\(h(outcome.title.text(lang)))</span>"
    }

    func h(_ text: String) -> String { ReportEscape.xml(text) }

    /// SVG coordinates with at most 4 decimals, so output is stable.
    func n(_ value: Double) -> String { formatNumber(value) }
}
