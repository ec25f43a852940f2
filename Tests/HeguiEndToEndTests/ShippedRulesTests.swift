import Foundation
import Testing

/// The shipped packs, fixture year and failing scenarios, through the built binary as a user runs them.
@Suite struct ShippedRulesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func shippedPacksAreValid() throws {
        let result = try HeguiRun.execute(["validate", "rules/"], in: Self.root)
        #expect(result.code == 0, "\(result.out)\(result.err)")
        #expect(result.out.hasSuffix(": 0 errors, 0 warnings\n"))
    }

    @Test func shippedPacksPassTheirOwnTests() throws {
        let result = try HeguiRun.execute(["test", "rules/", "--today", "2020-01-15"], in: Self.root)
        #expect(result.code == 0, "\(result.out)\(result.err)")
        #expect(result.out.hasSuffix(" 0 failed\n"))
        // Every indicator and veto is shown both passing and failing by some test case.
        #expect(!result.out.contains(": warning: "), "\(result.out)")
    }

    @Test("rules show and rules list --format json give the range a profile may tailor points within")
    func pointBoundsAreShown() throws {
        let zh = try HeguiRun.execute(["rules", "show", "D01", "--lang", "zh-CN"], in: Self.root)
        #expect(zh.code == 0)
        #expect(zh.out.contains("\n可调分值：1–6 分（企业画像的 <points> 可在此范围内调整）\n"))
        let en = try HeguiRun.execute(["rules", "show", "D01", "--lang", "en"], in: Self.root)
        #expect(en.out.contains("\ntailorable points: 1–6 (a profile's <points> may set any value in this range)\n"))
        // 安康杯 points are fixed: no range line.
        let fixed = try HeguiRun.execute(["rules", "show", "AK01", "--lang", "zh-CN"], in: Self.root)
        #expect(fixed.code == 0 && !fixed.out.contains("可调分值"))
        let list = try HeguiRun.execute(["rules", "list", "--format", "json"], in: Self.root)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(list.out.utf8)) as? [[String: Any]])
        let d01 = try #require(entries.first { $0["id"] as? String == "D01" })
        #expect(d01["points"] as? Double == 3 && d01["minPoints"] as? Double == 1 && d01["maxPoints"] as? Double == 6)
        let ak01 = try #require(entries.first { $0["id"] as? String == "AK01" })
        #expect(ak01["minPoints"] as? Double == 12 && ak01["maxPoints"] as? Double == 12)
    }

    @Test func harmoniousEnterpriseHas33IndicatorsAnd8Vetoes() throws {
        let result = try HeguiRun.execute(["rules", "list", "--format", "json"], in: Self.root)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [[String: Any]])
        let pack = entries.filter { $0["pack"] as? String == "harmonious-enterprise" }
        #expect(pack.filter { $0["kind"] as? String == "indicator" }.count == 33)
        #expect(pack.filter { $0["kind"] as? String == "veto" }.map { $0["id"] as? String } == (1...8).map { "V\($0)" })
        #expect(pack.filter { $0["kind"] as? String == "indicator" }.reduce(0.0) { $0 + ($1["points"] as? Double ?? 0) } == 100)
        for entry in entries {
            let title = entry["title"] as? [String: String]
            #expect(
                title?["zh-CN"]?.isEmpty == false && title?["en"]?.isEmpty == false, "\(entry["id"] ?? "?") needs both titles")
        }
    }

    @Test func ningbo2019PassesAllThreePacks() throws {
        let result = try HeguiRun.execute(
            [
                "check", "--records", "fixtures/ningbo-2019", "--period", "2019", "--format", "json", "--no-ledger", "--today",
                "2020-01-15",
            ],
            in: Self.root)
        #expect(result.code == 0, "\(result.err)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        let packs = try #require(report["packs"] as? [[String: Any]])
        #expect(Set(packs.compactMap { $0["pack"] as? String }) == ["harmonious-enterprise", "ankang-cup", "union-finance"])
        for pack in packs {
            #expect(pack["passed"] as? Bool == true, "\(pack["pack"] ?? "?"): \(Self.failingIDs(pack))")
        }
    }

    /// The shipped packs are written for a year; a quarter still runs, with a warning saying why yearly rules fail.
    @Test func aQuarterWithYearlyPacksRunsWithAWarning() throws {
        let result = try HeguiRun.execute(
            ["check", "--records", "fixtures/ningbo-2019", "--period", "2019Q2", "--pack", "union-finance", "--no-ledger"],
            in: Self.root)
        #expect(result.code == 0, "\(result.err)")
        #expect(
            result.err.contains(
                "hegui: warning: union-finance is written for one year at a time; 2019Q2 is not one, so rules about a whole year may fail"
            ))
        let year = try HeguiRun.execute(
            ["check", "--records", "fixtures/ningbo-2019", "--period", "2019", "--no-ledger"], in: Self.root)
        #expect(!year.err.contains("warning"), "\(year.err)")
    }

    /// Each scenario's README names, on its first line, the ids that must fail; exactly those fail.
    @Test(arguments: try scenarioNames())
    func scenarioFailsExactlyTheIDsItsReadmeNames(_ name: String) throws {
        let folder = Self.root.appendingPathComponent("fixtures/scenarios/\(name)")
        let readme = try String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8)
        let firstLine = readme.split(separator: "\n").first.map(String.init) ?? ""
        let pattern = try NSRegularExpression(pattern: #"\b(?:[DLESC]\d\d|V\d|AK\d\d|AKV\d|F\d\d)\b"#)
        let named = Set(
            pattern.matches(in: firstLine, range: NSRange(firstLine.startIndex..., in: firstLine)).compactMap {
                Range($0.range, in: firstLine).map { String(firstLine[$0]) }
            })
        #expect(!named.isEmpty, "the README's first line names no ids")
        let result = try HeguiRun.execute(
            [
                "check", "--records", "fixtures/scenarios/\(name)", "--period", "2019", "--format", "json", "--no-ledger",
                "--today", "2020-01-15",
            ],
            in: Self.root)
        #expect(result.code == 1, "\(result.err)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        let packs = try #require(report["packs"] as? [[String: Any]])
        let failing = packs.reduce(into: Set<String>()) { $0.formUnion(Self.failingIDs($1)) }
        #expect(failing == named, "\(name): README names \(named.sorted()), the check fails \(failing.sorted())")
        // Evidence points at rows of the scenario's own files.
        for pack in packs {
            for finding in pack["findings"] as? [[String: Any]] ?? [] where named.contains(finding["id"] as? String ?? "") {
                for item in finding["evidence"] as? [[String: Any]] ?? [] {
                    if let file = item["file"] as? String {
                        #expect(file.hasPrefix("fixtures/scenarios/\(name)/"), "\(file)")
                        #expect((item["line"] as? Int ?? 0) > 1)
                    }
                }
            }
        }
    }

    static func scenarioNames() throws -> [String] {
        let folder = root.appendingPathComponent("fixtures/scenarios")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            FileManager.default.fileExists(atPath: folder.appendingPathComponent("\($0)/README.md").path)
        }.sorted()
    }

    /// Ids of findings that did not pass (fail, error, unattested) and vetoes that fired.
    static func failingIDs(_ pack: [String: Any]) -> Set<String> {
        var ids = Set<String>()
        for finding in pack["findings"] as? [[String: Any]] ?? [] {
            if let outcome = finding["outcome"] as? String, ["fail", "error", "unattested"].contains(outcome) {
                ids.insert(finding["id"] as? String ?? "?")
            }
        }
        for veto in pack["vetoes"] as? [[String: Any]] ?? [] where veto["fired"] as? Bool == true {
            ids.insert(veto["id"] as? String ?? "?")
        }
        return ids
    }
}
