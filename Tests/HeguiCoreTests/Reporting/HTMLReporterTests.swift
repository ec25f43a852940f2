import Foundation
import HeguiCore
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Collects what the page is made of while Foundation's XMLParser proves it well-formed.
private final class PageCollector: NSObject, XMLParserDelegate {
    var elements: [String] = []
    var rootLanguage: String?
    var chartBars: [Int] = []
    /// The right edge (x) of every chart label: labels are right-aligned against the bars.
    var labelEdges: [Double] = []
    var text = ""
    var inChart = false
    var error: Error?

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        elements.append(elementName)
        if elementName == "html" { rootLanguage = attributes["lang"] }
        let classes = (attributes["class"] ?? "").split(separator: " ")
        if elementName == "svg", classes.contains("chart") {
            inChart = true
            chartBars.append(0)
        }
        if inChart, elementName == "rect", classes.contains("bar-score") { chartBars[chartBars.count - 1] += 1 }
        if inChart, elementName == "text", classes.contains("label") { labelEdges.append(Double(attributes["x"] ?? "") ?? 0) }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if elementName == "svg" { inChart = false }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = parseError }
}

extension Reporting {
    @Suite("HTMLReporter")
    struct HTMLReporterTests {
        /// Parses the page as XML after dropping the doctype (XML parsers here refuse DOCTYPEs).
        private func parse(_ html: String) throws -> PageCollector {
            let prefix = "<!DOCTYPE html>\n"
            #expect(html.hasPrefix(prefix))
            let body = String(html.dropFirst(prefix.count))
            let parser = XMLParser(data: Data(body.utf8))
            let collector = PageCollector()
            parser.delegate = collector
            let ok = parser.parse()
            #expect(collector.error == nil, "\(String(describing: collector.error))")
            try #require(ok, "page is not well-formed XML: \(String(describing: parser.parserError))")
            return collector
        }

        @Test("well-formed, one bar per category, record values escaped")
        func wellFormed() throws {
            let html = HTMLReporter().render(ReportFixture.input(.zhCN))
            let page = try parse(html)
            #expect(page.rootLanguage == "zh-CN")
            #expect(page.chartBars == ReportFixture.assessment.packs.map(\.categories.count))
            #expect(!page.elements.contains("script"))
            // The parser hands back the record key as text: it was character data, not markup.
            #expect(page.text.contains(ReportFixture.script))
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!html.lowercased().contains("<script"))
            #expect(html.contains("补签劳动合同 &lt;b&gt;12&lt;/b&gt; 人 &amp; &quot;核对&quot;"))
        }

        @Test("a long English category title gets a label column wide enough not to be clipped")
        func longLabelsFit() throws {
            var input = ReportFixture.input(.en)
            let title = "Labour protection and occupational health and safety"
            input.assessment.packs[0].categories[0].title = LocalizedText(zh: "劳动保护", en: title)
            let page = try parse(HTMLReporter().render(input))
            // About 6.6 px a character at the chart's 12 px font, right-aligned at the column's edge.
            let edge = try #require(page.labelEdges.first)
            #expect(edge >= Double(title.count) * 6.6, "label column ends at \(edge)")
            #expect(
                !page.text.contains("\(input.assessment.packs[0].categories[0].id) \(title)"), "the id stays out of the label")
        }

        @Test("self-contained: no URLs, no scripts, system CJK fonts, A4 print styles")
        func selfContained() {
            let html = HTMLReporter().render(ReportFixture.input(.zhCN))
            #expect(!html.contains("http://"))
            #expect(!html.contains("https://"))
            #expect(!html.contains("url("))
            #expect(!html.contains("@import"))
            #expect(html.contains("\"Noto Sans CJK SC\", \"Source Han Sans SC\", \"Microsoft YaHei\", sans-serif"))
            #expect(html.contains("@page { size: A4; margin: 15mm; }"))
            #expect(html.contains("page-break-before: always"))
            #expect(html.contains("thead { display: table-header-group; }"))
            #expect(html.contains("tr { page-break-inside: avoid; }"))
        }

        @Test("printed: a cover, the items to fix first before the packs, the ledger on landscape pages, a sign-off block")
        func printedPack() throws {
            let html = HTMLReporter().render(ReportFixture.input(.zhCN))
            _ = try parse(html)
            let order = try [
                "<header class=\"cover\">", "<section class=\"priorities\">", "<section class=\"pack\"", "<section class=\"ledger\">",
                "<section class=\"signatures\">", "<section class=\"appendix\">",
            ].map { try #require(html.range(of: $0), "\($0)").lowerBound }
            #expect(order == order.sorted(), "cover, fix first, packs, ledger, sign-off, appendix")
            let priorities = String(html[order[1]..<order[2]])
            #expect(priorities.contains("<h2>优先整改事项</h2>"))
            // The failures by points lost, each with its first offending row and how many more.
            let first = try #require(priorities.range(of: "<tr><td class=\"num\">1</td>").map { String(priorities[$0.lowerBound...]) })
            #expect(first.hasPrefix("<tr><td class=\"num\">1</td><td><code>L01</code> 劳动合同签订率"), "\(first.prefix(300))")
            #expect(first.contains("<td class=\"num\">4</td>") && first.contains("<code>records/employees.xml:5</code>"))
            #expect(first.contains("<tr><td class=\"num\">2</td><td><code>L02</code>"))
            for label in ["工会主席（签字）", "企业负责人（签字）", "日期", "盖章"] { #expect(html.contains("<th>\(label)</th>"), "\(label)") }
            #expect(html.contains("section.ledger { page: landscape; page-break-before: always; }"))
            #expect(html.contains("@page landscape { size: A4 landscape;"))
            #expect(html.contains("@bottom-center { content: counter(page) \" / \" counter(pages);"))
            #expect(html.contains("header.cover { break-after: page;"))
        }

        @Test("header, vetoes, gap, ledger and trend sections")
        func sections() throws {
            let html = HTMLReporter().render(ReportFixture.input(.en))
            _ = try parse(html)
            #expect(html.contains("<html lang=\"en\">"))
            #expect(html.contains("<dd>宁波示例制造有限公司</dd>"))
            #expect(
                html.contains(
                    "<code title=\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\">9f86d081884c</code>"))
            #expect(html.contains("<div class=\"veto fired\">"))
            #expect(html.contains("<h4>Veto fired: V01 Major safety accident</h4>"))
            #expect(html.contains("<li><strong>S01</strong> Safety training for all <span class=\"gain\">+5</span></li>"))
            #expect(html.contains("<td class=\"num\">92.35%</td><td>≥ 90%</td>"))
            #expect(html.contains("<tr class=\"status-open overdue\">"))
            #expect(html.contains("<tr class=\"status-disputed overdue\">"))
            #expect(html.contains("<tr class=\"status-submitted\">"))
            #expect(html.contains("<td>陈静 (2024-06-28)</td>"))
            #expect(html.contains("<svg class=\"trend-chart\""))
            #expect(html.contains("… and 0 more") == false)
        }

        @Test("run time shown when given; trend omitted with fewer than two runs")
        func runTimeAndTrend() throws {
            var input = ReportFixture.input(.en, ledger: false)
            input.ranAt = "2025-01-15T08:00:00Z"
            input.history = [ReportFixture.history[0]]
            let html = HTMLReporter().render(input)
            _ = try parse(html)
            // Stored in UTC, shown in the enterprise's time (China Standard Time).
            #expect(html.contains("<dd>2025-01-15 16:00 (UTC+8)</dd>"))
            #expect(!html.contains("trend-chart"))
            #expect(!html.contains("<table class=\"items\">"))
        }

        @Test("hostile values everywhere stay text")
        func hostile() throws {
            var input = ReportFixture.input(.en)
            input.assessment.enterprise = "<img src=x onerror=alert(1)>"
            input.assessment.inputs[0].path = "a&b\"<c>'.xml"
            input.items[0].department = "</td><script>x</script>"
            input.history[0].packs[0].pack = "<svg onload=alert(1)>"
            let html = HTMLReporter().render(input)
            let page = try parse(html)
            #expect(!page.elements.contains("script"))
            #expect(!page.elements.contains("img"))
            #expect(!html.contains("<img"))
            #expect(!html.lowercased().contains("<script"))
            #expect(!html.contains("<svg onload"))
        }
    }
}
