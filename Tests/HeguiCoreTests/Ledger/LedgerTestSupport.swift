import Foundation
import HeguiCore
import HeguiXML

/// The ledger stores every backend-neutral ledger test runs against (`@Test(arguments:)`): a server
/// database joins this list and must pass the same tests unchanged.
enum LedgerBackend: String, CaseIterable, CustomStringConvertible, Sendable {
    /// One SQLite file (GRDB).
    case sqlite

    var description: String { rawValue }
}

/// A fresh, empty ledger of a backend with a fixed clock, and where it is.
func makeLedger(_ backend: LedgerBackend) throws -> (any LedgerStore, String) {
    switch backend {
    case .sqlite:
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hegui-ledger-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("hegui.sqlite").path
        let ledger = try Ledger(path: path, clock: { Date(timeIntervalSince1970: 1_714_550_400) })
        return (ledger, path)
    }
}

let nowhere = SourceLocation(file: "test.xml")

/// A pack with indicators L01 (sign-off) and L02 (no sign-off) and veto V1.
func testPack() -> RulePack {
    RulePack(
        id: "p", version: "1", title: LocalizedText(zh: "包", en: "pack"),
        indicators: [
            Indicator(
                id: "L01", categoryID: "c", points: 5, provenance: .law, title: LocalizedText(zh: "加班", en: "overtime"),
                requirement: LocalizedText(zh: "每名职工每月加班不超过 36 小时", en: "at most 36 h of overtime a month"), basis: "",
                checks: [],
                rectification: RectificationDefaults(department: "人力资源部", deadlineDays: 20, requiresSignOff: true),
                location: nowhere),
            Indicator(
                id: "L02", categoryID: "c", points: 5, provenance: .law, title: LocalizedText(zh: "培训", en: "training"),
                requirement: LocalizedText(zh: "", en: ""), basis: "", checks: [], location: nowhere),
        ],
        vetoes: [
            Veto(
                id: "V1", provenance: .law, title: LocalizedText(zh: "重大事故", en: "fatal accident"),
                requirement: LocalizedText(zh: "不发生死亡事故", en: "no fatal accident"), basis: "", checks: [], location: nowhere)
        ],
        grading: Grading(
            passLine: .literal(.number(60)), grades: [], failingGrade: LocalizedText(zh: "不合格", en: "fail"), location: nowhere),
        location: nowhere)
}

/// An assessment of `testPack` with the given outcomes for L01, L02 and whether V1 fired.
func assessment(
    _ l01: Outcome, _ l02: Outcome, veto: Bool = false, period: String = "2024Q1", offenders: Int = 0
)
    -> Assessment
{
    let evidence = (0..<offenders).map { EvidenceItem(key: "E\($0 + 1)") }
    func finding(_ id: String, _ outcome: Outcome) -> Finding {
        Finding(
            id: id, category: "c", title: LocalizedText(zh: id == "L01" ? "加班" : "培训", en: id), outcome: outcome,
            points: 5, awarded: outcome == .pass ? 5 : 0,
            checks: [
                CheckResult(
                    description: LocalizedText(zh: "月加班不超过36小时", en: "≤ 36 h"), outcome: outcome == .pass ? .pass : .fail,
                    unit: .offenders, evidence: Array(evidence.prefix(20)), evidenceTotal: offenders)
            ])
    }
    let p = Period(parsing: period)!
    let pack = PackAssessment(
        pack: "p", version: "1", title: LocalizedText(zh: "包", en: "pack"), score: 50, maxScore: 100, passLine: 60,
        passed: false, grade: GradeResult(id: "fail", title: LocalizedText(zh: "不合格", en: "fail")),
        categories: [],
        vetoes: [
            VetoResult(
                id: "V1", title: LocalizedText(zh: "重大事故", en: "fatal"), fired: veto, window: p,
                checks: [CheckResult(description: LocalizedText(zh: "无死亡事故", en: "no deaths"), outcome: veto ? .fail : .pass)])
        ],
        findings: [finding("L01", l01), finding("L02", l02)],
        gapToPass: GapToPass(pointsShort: 10, items: [], blockingVetoes: [], reachable: true))
    return Assessment(
        period: p, enterprise: "某厂", packs: [pack],
        inputs: [InputFile(path: "overtime.csv", kind: "overtime", sha256: String(repeating: "a", count: 64), records: 3)])
}

/// An offender check failing with `keys` (each with a note repeating its key), of which `total` exist.
func offenderCheck(_ keys: [String], total: Int? = nil) -> CheckResult {
    CheckResult(
        description: LocalizedText(zh: "月加班不超过36小时", en: "≤ 36 h"), outcome: keys.isEmpty && total == nil ? .pass : .fail,
        measured: Double(total ?? keys.count), unit: .offenders, threshold: Threshold(equals: 0),
        evidence: keys.prefix(50).map {
            EvidenceItem(key: $0, measured: 37, note: LocalizedText(zh: "\($0)：37，要求 ≤ 36", en: "\($0): 37, required ≤ 36"))
        },
        evidenceTotal: total ?? keys.count)
}

/// An assessment of `testPack` where L01 has the given checks (failing unless all pass), L02 passes,
/// and V1 fires when given failing checks.
func groupAssessment(
    _ l01: [CheckResult], outcome: Outcome? = nil, veto: [CheckResult] = [], period: String = "2024Q1"
) -> Assessment {
    var base = assessment(.pass, .pass, period: period)
    let failing = l01.contains { $0.outcome != .pass }
    base.packs[0].findings[0].checks = l01
    base.packs[0].findings[0].outcome = outcome ?? (failing ? .fail : .pass)
    if !veto.isEmpty {
        base.packs[0].vetoes[0].checks = veto
        base.packs[0].vetoes[0].fired = veto.contains { $0.outcome == .fail }
    }
    return base
}
