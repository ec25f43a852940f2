import HeguiCore
import Testing

extension Reporting {
    @Suite("MarkdownReporter")
    struct MarkdownReporterTests {
        @Test("canned English output")
        func canned() {
            #expect(MarkdownReporter().render(ReportFixture.input(.en)) == Self.expected)
        }

        @Test("pipes and line breaks in cells are escaped")
        func escaping() {
            var input = ReportFixture.input(.en)
            input.assessment.packs[1].findings[0].title = LocalizedText(zh: "a|b", en: "a|b\nc <x>")
            let output = MarkdownReporter().render(input)
            #expect(output.contains("| L01 | a\\|b<br>c &lt;x&gt; | fail | 12 offending | each = 0 | 12 |\n"))
        }

        @Test("links and images from any input are escaped, never rendered")
        func linksAndImages() {
            var input = ReportFixture.input(.en)
            input.assessment.enterprise = "![x](http://evil.example/p.png)"
            input.assessment.packs[1].findings[0].title = LocalizedText(zh: "x", en: "[click](http://evil.example)")
            let output = MarkdownReporter().render(input)
            #expect(output.hasPrefix("# hegui · 2024 · !\\[x\\](http://evil.example/p.png)\n"))
            #expect(output.contains("| L01 | \\[click\\](http://evil.example) | fail |"))
        }

        @Test("the audit chain's state closes the ledger section: intact with its head, or where it breaks")
        func auditChain() {
            var input = ReportFixture.input(.zhCN)
            input.auditChain = ChainReport(events: 12, firstBreak: nil, head: "ab12")
            #expect(MarkdownReporter().render(input).hasSuffix("\n\n`审计链完整：12 条事件，末条哈希 ab12`\n"))
            input.language = .en
            input.auditChain = ChainReport(
                events: 3, firstBreak: ChainBreak(eventID: 3, reason: LocalizedText(zh: "哈希不符", en: "hash mismatch")))
            #expect(MarkdownReporter().render(input).hasSuffix("\n\n`audit chain BROKEN at event 3 (hash mismatch)`\n"))
        }

        @Test("ledger counts in Chinese")
        func chinese() {
            let output = MarkdownReporter().render(ReportFixture.input(.zhCN))
            #expect(output.contains("未销号 **3** 项，逾期 **2** 项"))
            #expect(output.contains("| L01 | 劳动合同签订率 | 未达标 | 12 项不符 | 每项 = 0 | 12 |"))
        }

        static let expected = """
            # hegui · 2024 · 宁波示例制造有限公司

            Overall: **FAILED**

            ## Union finance norms (`union-finance` 2023.2)

            ✅ **PASSED** — score 20 / 20, pass line 16, grade: excellent

            No failing indicators.

            ## Ningbo harmonious enterprise (`ningbo-hexie` 2024.1)

            ❌ **FAILED** — score 8 / 20, pass line 12, grade: fail

            - 🚫 **Veto fired**: V01 Major safety accident (window 2024−3y, evidence: 1)
            - Category S Safety scored 5, below its minimum 6

            | ID | Indicator | Outcome | Measured | Threshold | Evidence |
            | --- | --- | --- | ---: | --- | ---: |
            | L01 | Labour contracts signed | fail | 12 offending | each = 0 | 12 |
            | L02 | Wages paid on time | error | — | each = 0 | 0 |
            | S01 | Safety training for all | unattested | — | — | 0 |

            **Fix first**: S01 (+5) (4 points short)

            **Blocked by vetoes**: V01

            ## Rectification

            **3** open, **2** overdue, 1 awaiting re-check, 1 disputed, 1 verified

            """
    }
}
