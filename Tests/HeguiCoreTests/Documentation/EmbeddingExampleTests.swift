import Foundation
import HeguiCore
import Testing

// BEGIN the example of HeguiCore.docc/EmbeddingHegui.md, compiled here; a test keeps the two identical.
func summary(of recordsFolder: String, period: Period, today: Day) throws -> [String] {
    let packs = try HeguiService.packs(rules: [])  // the packs built into hegui
    let records = try RecordImporter(kinds: RecordCatalog.merge(packs).kinds).importDirectory(recordsFolder)
    let assessment = Assessor(packs: packs, today: today).assess(records, period: period)
    var lines: [String] = []
    for pack in assessment.packs {
        lines.append("\(pack.pack): \(formatNumber(pack.score))/\(formatNumber(pack.maxScore)), passed: \(pack.passed)")
        let failing = pack.findings.filter { $0.outcome == .fail }
        lines += failing.map { "  \($0.id) \($0.title.text(.en))" }
    }
    return lines
}
// END

/// The "Embedding hegui" article's example is this file's code, at most 15 lines, and it runs.
@Suite struct EmbeddingExampleTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test func theArticleShowsTheCompiledExample() throws {
        let article = try String(
            contentsOf: Self.root.appendingPathComponent("Sources/HeguiCore/HeguiCore.docc/EmbeddingHegui.md"), encoding: .utf8)
        let block = try #require(
            article.components(separatedBy: "```swift\n").dropFirst().first?.components(separatedBy: "```\n").first)
        let lines = block.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count <= 15, "the example has \(lines.count) lines")
        #expect(lines.prefix(2) == ["import HeguiCore", ""])
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let compiled = try #require(
            source.components(separatedBy: "\n// END").first?.components(separatedBy: "identical.\n").last)
        #expect(lines.dropFirst(2).joined(separator: "\n") == compiled)
    }

    @Test func theExampleScoresTheOvertimeScenario() throws {
        let folder = Self.root.appendingPathComponent("fixtures/scenarios/overtime-37h").path
        let lines = try summary(
            of: folder, period: try #require(Period(parsing: "2019")), today: try #require(Day(iso: "2020-01-15")))
        let packLines = lines.filter { !$0.hasPrefix(" ") }
        #expect(
            packLines.map { $0.components(separatedBy: ":")[0] }.sorted() == [
                "ankang-cup", "harmonious-enterprise", "union-finance",
            ])
        #expect(packLines.allSatisfy { $0.hasSuffix(", passed: true") }, "\(lines)")
        let harmonious = try #require(lines.firstIndex { $0.hasPrefix("harmonious-enterprise: ") })
        #expect(
            lines[harmonious...].dropFirst().prefix { $0.hasPrefix("  ") }.contains("  L06 Working time and leave"), "\(lines)")
    }
}
