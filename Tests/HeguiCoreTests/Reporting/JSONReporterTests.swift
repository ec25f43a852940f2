import Foundation
import HeguiCore
import Testing

extension Reporting {
    @Suite("JSONReporter")
    struct JSONReporterTests {
        private func decode(_ input: ReportInput) throws -> [String: Any] {
            let output = JSONReporter().render(input)
            let object = try JSONSerialization.jsonObject(with: Data(output.utf8))
            return try #require(object as? [String: Any])
        }

        @Test("two renders are byte-identical")
        func deterministic() {
            let input = ReportFixture.input(.zhCN)
            #expect(JSONReporter().render(input) == JSONReporter().render(input))
            #expect(JSONReporter().render(input).hasSuffix("}\n"))
        }

        @Test("top level: format, period, passed, packs, inputs, rectification")
        func topLevel() throws {
            let json = try decode(ReportFixture.input(.en))
            #expect(json["format"] as? Int == 1)
            let period = try #require(json["period"] as? [String: Any])
            #expect(period["label"] as? String == "2024")
            #expect(period["start"] as? String == "2024-01-01")
            #expect(period["end"] as? String == "2024-12-31")
            #expect(json["passed"] as? Bool == false)
            #expect(json["enterprise"] as? String == "宁波示例制造有限公司")
            #expect(json["ranAt"] is NSNull)
            let inputs = try #require(json["inputs"] as? [[String: Any]])
            #expect(inputs.count == 2)
            #expect(inputs[0]["path"] as? String == "records/employees.xml")
            #expect(inputs[0]["kind"] as? String == "employee")
            #expect(inputs[0]["sha256"] as? String == "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
            #expect(inputs[0]["records"] as? Int == 120)
            let ledger = try #require(json["rectification"] as? [String: Any])
            #expect(ledger["open"] as? Int == 3)
            #expect(ledger["overdue"] as? Int == 2)
        }

        @Test("packs: scores, grade, categories, vetoes, gap to pass")
        func packs() throws {
            let json = try decode(ReportFixture.input(.zhCN))
            let packs = try #require(json["packs"] as? [[String: Any]])
            #expect(packs.map { $0["pack"] as? String } == ["union-finance", "ningbo-hexie"])
            let hexie = packs[1]
            #expect(hexie["version"] as? String == "2024.1")
            let title = try #require(hexie["title"] as? [String: Any])
            #expect(title["zh-CN"] as? String == "宁波市和谐企业评价")
            #expect(title["en"] as? String == "Ningbo harmonious enterprise")
            #expect(hexie["score"] as? Double == 8)
            #expect(hexie["maxScore"] as? Double == 20)
            #expect(hexie["passLine"] as? Double == 12)
            #expect(hexie["passed"] as? Bool == false)
            #expect((hexie["grade"] as? [String: Any])?["id"] as? String == "fail")
            let categories = try #require(hexie["categories"] as? [[String: Any]])
            #expect(categories.count == 2)
            #expect(categories[1]["minimum"] as? Double == 6)
            #expect(categories[1]["meetsMinimum"] as? Bool == false)
            let vetoes = try #require(hexie["vetoes"] as? [[String: Any]])
            #expect(vetoes.map { $0["id"] as? String } == ["V01", "V02"])
            #expect(vetoes[0]["fired"] as? Bool == true)
            #expect((vetoes[0]["window"] as? [String: Any])?["start"] as? String == "2022-01-01")
            let vetoChecks = try #require(vetoes[0]["checks"] as? [[String: Any]])
            let vetoEvidence = try #require(vetoChecks[0]["evidence"] as? [[String: Any]])
            #expect(vetoEvidence[0]["line"] as? Int == 7)
            let gap = try #require(hexie["gapToPass"] as? [String: Any])
            #expect(gap["pointsShort"] as? Double == 4)
            #expect(gap["blockingVetoes"] as? [String] == ["V01"])
            #expect(gap["reachable"] as? Bool == false)
            let items = try #require(gap["items"] as? [[String: Any]])
            #expect(items[0]["id"] as? String == "S01")
            #expect(items[0]["gain"] as? Double == 5)
        }

        @Test("findings: measured, threshold, evidence, checks")
        func findings() throws {
            let json = try decode(ReportFixture.input(.zhCN))
            let packs = try #require(json["packs"] as? [[String: Any]])
            let findings = try #require(packs[1]["findings"] as? [[String: Any]])
            let l01 = findings[0]
            #expect(l01["id"] as? String == "L01")
            #expect(l01["category"] as? String == "L")
            #expect(l01["outcome"] as? String == "fail")
            #expect(l01["points"] as? Double == 4)
            #expect(l01["awarded"] as? Double == 0)
            #expect(l01["measured"] as? Double == 12)
            #expect(l01["unit"] as? String == "offenders")
            let threshold = try #require(l01["threshold"] as? [String: Any])
            #expect(threshold["equals"] as? Double == 0)
            #expect(threshold["atLeast"] is NSNull)
            let evidence = try #require(l01["evidence"] as? [[String: Any]])
            #expect(evidence.count == 12)
            #expect(evidence[0]["key"] as? String == ReportFixture.script)
            #expect(evidence[0]["file"] as? String == "records/employees.xml")
            #expect(evidence[0]["line"] as? Int == 5)
            #expect(l01["evidenceTotal"] as? Int == 12)
            #expect((l01["checks"] as? [[String: Any]])?.count == 1)
            let l02 = findings[1]
            #expect(l02["outcome"] as? String == "error")
            #expect(l02["measured"] is NSNull)
            #expect((l02["message"] as? [String: Any])?["en"] as? String == "payroll lacks field paid_on")
            let l03 = findings[2]
            #expect(l03["measured"] as? Double == 0.9235)
            #expect((l03["threshold"] as? [String: Any])?["atLeast"] as? Double == 0.9)
            let s02 = findings[4]
            #expect(s02["outcome"] as? String == "notApplicable")
            #expect(s02["threshold"] is NSNull)
        }

        @Test("numbers are rounded to 4 decimals")
        func rounding() throws {
            var input = ReportFixture.input(.en)
            input.assessment.packs[0].score = 0.1 + 0.2
            input.assessment.packs[0].findings[0].checks[0].measured = 2.0 / 3.0
            let output = JSONReporter().render(input)
            #expect(output.contains("\"score\": 0.3,"))
            #expect(output.contains("\"measured\": 0.6667,"))
            #expect(!output.contains("0.30000000000000004"))
        }

        @Test("strings are escaped")
        func escaping() throws {
            var input = ReportFixture.input(.en)
            input.assessment.enterprise = "A \"quoted\"\\name\nline\u{1}"
            let json = try decode(input)
            #expect(json["enterprise"] as? String == "A \"quoted\"\\name\nline\u{1}")
        }
    }
}
