import Foundation
import HeguiCore
import Testing

/// Pins what the three packs find in a small generated benchmark year, so optimisations of the
/// importer and evaluator cannot move a single outcome, point, count or evidence line.
@Suite struct BenchmarkFindingsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let expected = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Expected/benchmark-findings-60.txt")

    @Test func sixtyEmployeesSeed7FindingsArePinned() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hegui-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let bench = Self.root.appendingPathComponent(".build/debug/hegui-bench")
        let process = Process()
        process.executableURL = bench
        process.arguments = ["generate", "--out", folder.path, "--employees", "60", "--seed", "7", "--rules", "rules"]
        process.currentDirectoryURL = Self.root
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "hegui-bench generate failed")

        let loaded = try RulePackLoader.shipped().load(paths: [Self.root.appendingPathComponent("rules").path])
        try #require(loaded.isValid)
        let records = try RecordImporter(kinds: RecordCatalog.merge(loaded.packs).kinds).importDirectory(folder.path)
        let assessment = Assessor(packs: loaded.packs, today: Day(iso: "2020-01-15")!).assess(
            records, period: Period(parsing: "2019")!)
        let actual = Self.canonical(assessment, root: folder.path)
        if ProcessInfo.processInfo.environment["HEGUI_UPDATE_EXPECTED"] == "1" {
            try actual.write(to: Self.expected, atomically: true, encoding: .utf8)
        }
        let pinned = try String(contentsOf: Self.expected, encoding: .utf8)
        #expect(actual == pinned, "findings moved; diff against \(Self.expected.path)")
        // The same year parsed in many small chunks finds exactly the same.
        let chunked = try RecordImporter(kinds: RecordCatalog.merge(loaded.packs).kinds, chunkBytes: 4096).importDirectory(
            folder.path)
        let again = Assessor(packs: loaded.packs, today: Day(iso: "2020-01-15")!).assess(
            chunked, period: Period(parsing: "2019")!)
        #expect(Self.canonical(again, root: folder.path) == pinned)
        // The generator promises a mix of outcomes in every pack.
        for pack in assessment.packs {
            #expect(pack.findings.contains { $0.outcome == .fail }, "\(pack.pack) has no failing indicator")
            #expect(pack.findings.contains { $0.outcome == .pass }, "\(pack.pack) has no passing indicator")
        }
    }

    /// One line per pack, finding, check and veto: outcome, points, measure, evidence count and the
    /// first evidence keys with their file and line.
    static func canonical(_ assessment: Assessment, root: String) -> String {
        func check(_ c: CheckResult) -> String {
            let measured = c.measured.map { String(format: "%.6g", $0) } ?? "-"
            let evidence = c.evidence.prefix(5).map { item in
                "\(item.key)@\((item.file ?? "").replacingOccurrences(of: root + "/", with: "")):\(item.line.map(String.init) ?? "-")"
            }
            return "    \(c.outcome.rawValue) measured=\(measured) evidence=\(c.evidenceTotal) \(evidence.joined(separator: " "))"
        }
        var lines: [String] = []
        for pack in assessment.packs {
            lines.append("pack \(pack.pack) score=\(pack.score) passed=\(pack.passed) grade=\(pack.grade.id)")
            for finding in pack.findings {
                lines.append("  \(finding.id) \(finding.outcome.rawValue) awarded=\(finding.awarded)")
                lines += finding.checks.map(check)
            }
            for veto in pack.vetoes {
                lines.append("  veto \(veto.id) fired=\(veto.fired)")
                lines += veto.checks.map(check)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
