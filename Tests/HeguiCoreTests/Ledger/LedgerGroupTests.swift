import Foundation
import HeguiCore
import Testing

/// A failure that names every offender opens one item per offender (group) and period.
@Suite struct LedgerGroupTests {
    let today = Day(iso: "2024-04-10")!
    let pack = testPack()
    let e1 = "E0001 2019-05"
    let e2 = "E0002 2019-06"

    func run(_ ledger: any LedgerStore, _ assessment: Assessment) throws -> RunOutcome {
        try ledger.recordRun(assessment, packs: [pack], ranAt: Date(), today: today)
    }

    /// What a user sees: the items still to fix, as group key and status.
    func open(_ ledger: any LedgerStore) throws -> [String] {
        try ledger.items().filter { $0.status != .verified && $0.status != .checkPassed }
            .map { "\($0.indicator ?? "?") \($0.groupKey ?? "-")" }
    }

    @Test(arguments: LedgerBackend.allCases)
    func twoOffendersOpenTwoItemsFixedOnesCloseAndAReOffenceReopens(backend: LedgerBackend) throws {
        let (ledger, _) = try makeLedger(backend)
        let first = try run(ledger, groupAssessment([offenderCheck([e1, e2])]))
        #expect(first.opened == 2 && first.reopened == 0 && first.closed == 0 && first.itemIDs == [1, 2])
        let items = try ledger.items()
        #expect(items.map(\.groupKey) == [e1, e2])
        #expect(items[0].description == "加班：每名职工每月加班不超过 36 小时；涉及：E0001 2019-05（37，要求 ≤ 36）")
        #expect(items[1].description == "加班：每名职工每月加班不超过 36 小时；涉及：E0002 2019-06（37，要求 ≤ 36）")
        #expect(items.allSatisfy { $0.department == "人力资源部" && $0.deadline == today.adding(days: 20) })

        // Re-running the same failure opens nothing.
        let again = try run(ledger, groupAssessment([offenderCheck([e1, e2])]))
        #expect(again.opened == 0 && again.reopened == 0 && again.closed == 0)
        #expect(try ledger.items().count == 2)

        // E0001 fixed, E0002 still offends: exactly item 1 moves (L01 asks for a sign-off).
        let fixed = try run(ledger, groupAssessment([offenderCheck([e2])]))
        #expect(fixed.opened == 0 && fixed.reopened == 0 && fixed.closed == 1 && fixed.itemIDs == [1])
        #expect(try ledger.item(1).status == .checkPassed && ledger.item(2).status == .open)
        #expect(try open(ledger) == ["L01 \(e2)"])
        let pass = try #require(try ledger.events(itemID: 1).last)
        #expect(pass.action == "check-pass" && pass.actor == "hegui check")
        #expect(pass.note == "run 3: E0001 2019-05 no longer fails L01 for 2024Q1")

        // A passing run closes the rest.
        let passing = try run(ledger, groupAssessment([offenderCheck([])]))
        #expect(passing.closed == 1 && passing.itemIDs == [2])
        #expect(try ledger.items().map(\.status) == [.checkPassed, .checkPassed])

        // E0001 offends again: its item reopens with an event, E0002's stays closed.
        let again2 = try run(ledger, groupAssessment([offenderCheck([e1])]))
        #expect(again2.opened == 0 && again2.reopened == 1 && again2.closed == 0 && again2.itemIDs == [1])
        #expect(try ledger.item(1).status == .open && ledger.item(2).status == .checkPassed)
        #expect(try ledger.events(itemID: 1).map(\.action) == ["create", "check-pass", "reopen"])
        #expect(try ledger.diff(from: 4, to: 5).reopened.map(\.id) == [1])
        #expect(try ledger.diff(from: 4, to: 5).opened.isEmpty)
        #expect(try ledger.diff(from: 1, to: 2).opened.isEmpty)

        // A new offender in the same period gets its own item; another period, its own items.
        let third = try run(ledger, groupAssessment([offenderCheck([e1, "E0003 2019-07"])]))
        #expect(third.opened == 1 && third.itemIDs == [3])
        #expect(try ledger.diff(from: 5, to: 6).opened.map(\.groupKey) == ["E0003 2019-07"])
        let q2 = try run(ledger, groupAssessment([offenderCheck([e1])], period: "2024Q2"))
        #expect(q2.opened == 1 && q2.closed == 0)
        #expect(try ledger.items().map(\.period) == ["2024Q1", "2024Q1", "2024Q1", "2024Q2"])
        #expect(try ledger.verifyChain().isIntact)
    }

    @Test(arguments: LedgerBackend.allCases)
    func aDisputedOffenderItemIsLeftAlone(backend: LedgerBackend) throws {
        let (ledger, _) = try makeLedger(backend)
        _ = try run(ledger, groupAssessment([offenderCheck([e1, e2])]))
        _ = try run(ledger, groupAssessment([offenderCheck([e2])]))
        _ = try ledger.perform(RectificationCommand(.dispute, by: "职工代表", note: "仍在加班"), on: 1, today: today)
        let reoffence = try run(ledger, groupAssessment([offenderCheck([e1, e2])]))
        #expect(reoffence.opened == 0 && reoffence.reopened == 0 && reoffence.closed == 0)
        let pass = try run(ledger, groupAssessment([offenderCheck([])]))
        #expect(pass.closed == 1 && pass.itemIDs == [2])
        #expect(try ledger.item(1).status == .disputed)
    }

    @Test(arguments: LedgerBackend.allCases)
    func moreThanFiftyOffendersOrAMeasureGiveOneIndicatorLevelItem(backend: LedgerBackend) throws {
        let keys = (1...51).map { String(format: "E%04d 2019-05", $0) }
        // 51 offenders, 50 shown: the evidence does not name them all.
        let (many, _) = try makeLedger(backend)
        #expect(try run(many, groupAssessment([offenderCheck(keys)])).opened == 1)
        let item = try many.item(1)
        #expect(item.groupKey == nil)
        #expect(
            item.description
                == "加班：每名职工每月加班不超过 36 小时；涉及 51 项：E0001 2019-05、E0002 2019-05、E0003 2019-05、E0004 2019-05、E0005 2019-05 等")

        // Exactly 50, all named: one item each.
        let (fifty, _) = try makeLedger(backend)
        #expect(try run(fifty, groupAssessment([offenderCheck(Array(keys.prefix(50)))])).opened == 50)
        #expect(try fifty.items().compactMap(\.groupKey) == Array(keys.prefix(50)))

        // A rate, or an offender check failing beside a rate, or an error: the indicator.
        let rate = CheckResult(
            description: LocalizedText(zh: "培训率", en: "training rate"), outcome: .fail, measured: 0.8, unit: .ratio,
            threshold: Threshold(atLeast: 0.95))
        let error = CheckResult(
            description: LocalizedText(zh: "工时", en: "hours"), outcome: .error, unit: .offenders,
            message: LocalizedText(zh: "缺少数据", en: "no data"))
        for (checks, outcome) in [([rate], Outcome.fail), ([offenderCheck([e1]), rate], .fail), ([error], .error)] {
            let (ledger, _) = try makeLedger(backend)
            #expect(try run(ledger, groupAssessment(checks, outcome: outcome)).opened == 1)
            #expect(try ledger.items().map(\.groupKey) == [nil])
        }
        // Unattested: the indicator, whatever its checks say.
        let (unattested, _) = try makeLedger(backend)
        _ = try run(unattested, groupAssessment([offenderCheck([e1])], outcome: .unattested))
        #expect(try unattested.items().map(\.groupKey) == [nil])
    }

    @Test(arguments: LedgerBackend.allCases)
    func aFiredVetoNamingItsOffendersOpensOneItemEach(backend: LedgerBackend) throws {
        let (ledger, _) = try makeLedger(backend)
        let fired = try run(ledger, groupAssessment([offenderCheck([])], veto: [offenderCheck(["事故 A-17"])]))
        #expect(fired.opened == 1)
        let item = try ledger.item(1)
        #expect(item.indicator == "V1" && item.groupKey == "事故 A-17" && item.grade == "重大")
        #expect(item.description == "否决项 重大事故：不发生死亡事故；涉及：事故 A-17（37，要求 ≤ 36）")
    }

    @Test(arguments: LedgerBackend.allCases)
    func switchingShapeSupersedesTheOtherItems(backend: LedgerBackend) throws {
        let many = (1...51).map { String(format: "E%04d 2019-05", $0) }
        let (ledger, _) = try makeLedger(backend)
        #expect(try run(ledger, groupAssessment([offenderCheck(many)])).opened == 1)

        // Now the failure names its two offenders: they get items, the indicator-level one is struck off.
        let narrowed = try run(ledger, groupAssessment([offenderCheck([e1, e2])]))
        #expect(narrowed.opened == 2 && narrowed.closed == 1 && narrowed.itemIDs == [1, 2, 3])
        #expect(try open(ledger) == ["L01 \(e1)", "L01 \(e2)"])
        let first = try ledger.item(1)
        #expect(first.status == .verified && first.verifiedBy == "hegui check" && first.verifiedOn == today)
        let event = try #require(try ledger.events(itemID: 1).last)
        #expect(event.action == "supersede" && event.actor == "hegui check")
        #expect(event.note == "run 2: superseded by per-offender items")
        let diff = try ledger.diff(from: 1, to: 2)
        #expect(diff.opened.map(\.id) == [2, 3] && diff.closed.map(\.id) == [1])

        // Back to too many to name: the indicator-level item reopens, the per-offender ones are struck off.
        let widened = try run(ledger, groupAssessment([offenderCheck(many)]))
        #expect(widened.opened == 0 && widened.reopened == 1 && widened.closed == 2)
        #expect(try open(ledger) == ["L01 -"])
        #expect(try ledger.events(itemID: 2).last?.note == "run 3: superseded by an indicator-level item")
        #expect(try ledger.events(itemID: 1).map(\.action) == ["create", "supersede", "reopen"])
        #expect(try ledger.verifyChain().isIntact)
    }
}
