import Foundation
import HeguiCore
import Testing

/// A run with more findings than one statement binds (the ledger inserts findings and reads event rows a
/// few hundred at a time): every finding is stored, every item opened and struck off, the chain intact.
@Suite struct LedgerManyFindingsTests {
    let today = Day(iso: "2024-04-10")!

    /// `testPack`'s assessment with `count` indicators, each with the outcome given for its index.
    func manyFindings(count: Int, _ outcome: (Int) -> Outcome) -> Assessment {
        var base = assessment(.pass, .pass)
        let template = base.packs[0].findings[1]
        base.packs[0].findings = (1...count).map { index in
            var finding = template
            finding.id = String(format: "M%04d", index)
            finding.outcome = outcome(index)
            finding.awarded = finding.outcome == .pass ? 5 : 0
            return finding
        }
        return base
    }

    @Test(arguments: LedgerBackend.allCases)
    func sixHundredFindingsAreStoredOpenedAndStruckOffWithTheChainIntact(backend: LedgerBackend) throws {
        let (ledger, _) = try makeLedger(backend)
        let pack = testPack()
        let passing = try ledger.recordRun(manyFindings(count: 600) { _ in .pass }, packs: [pack], ranAt: Date(), today: today)
        #expect(passing.opened == 0 && passing.closed == 0)
        // Every fiftieth indicator fails: 12 items, one event each.
        let failing = try ledger.recordRun(
            manyFindings(count: 600) { $0 % 50 == 0 ? .fail : .pass }, packs: [pack], ranAt: Date(), today: today)
        #expect(failing.opened == 12 && failing.closed == 0)
        let changes = try ledger.diff(from: passing.runID, to: failing.runID).changes
        #expect(changes.count == 12)
        #expect(changes.first?.indicator == "M0050" && changes.last?.indicator == "M0600")
        #expect(changes.allSatisfy { $0.before == .pass && $0.after == .fail })
        // All pass again: the 12 open items (no sign-off needed) are struck off by this run.
        let fixed = try ledger.recordRun(manyFindings(count: 600) { _ in .pass }, packs: [pack], ranAt: Date(), today: today)
        #expect(fixed.closed == 12 && fixed.opened == 0)
        #expect(try ledger.items().map(\.status) == Array(repeating: .verified, count: 12))
        #expect(try ledger.diff(from: passing.runID, to: fixed.runID).changes.isEmpty)
        let report = try ledger.verifyChain()
        #expect(report.isIntact && report.events == 3 + 12 + 12)
    }
}
