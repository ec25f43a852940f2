import Foundation
import HeguiBase

/// What a check (or report, or explain) assesses, already parsed from whatever the front end took in.
public struct CheckRequest: Sendable {
    /// The records folder.
    public var records: String
    /// The period to assess.
    public var period: Period
    /// Rule pack files or folders; empty for the shipped rules.
    public var rules: [String] = []
    /// Pack ids to evaluate; empty for all.
    public var packIDs: [String] = []
    /// A profile file with the enterprise name and parameter overrides.
    public var profile: String?
    /// A waivers file.
    public var waivers: String?
    /// The language of the notes the run returns.
    public var language: Language = .zhCN
    /// How CSV files are encoded.
    public var encoding: TextEncoding = .automatic
    /// The day for waivers and deadlines.
    public var today: Day
    /// The ledger file; nil for `hegui.sqlite` in the current folder.
    public var ledger: String?
    /// In a shared PostgreSQL store, the enterprise (统一社会信用代码) whose ledger the run goes to; nil: the
    /// profile's code when it names one, else the store's own ledger.
    public var enterprise: String?
    /// A ledger already open to use instead of opening `ledger` (a batch opens each enterprise's once).
    public var store: (any LedgerStore)?
    /// Whether to read the ledger (rectification items, history).
    public var useLedger = true
    /// Whether to record this run in the ledger (`check` does; `report` only reads).
    public var recordRun = true
    /// When the run happens.
    public var ranAt = Date()

    /// Creates a request.
    public init(records: String, period: Period, today: Day) {
        self.records = records
        self.period = period
        self.today = today
    }

    /// The ledger path in effect.
    public var ledgerPath: String {
        ledger ?? "hegui.sqlite"
    }

    /// The ledger path as messages and evidence show it: a PostgreSQL password replaced by `***`.
    public var shownLedgerPath: String {
        PostgresURL.redact(ledgerPath)
    }
}

/// What a check found and did: the assessment, what the ledger holds after it, and the notes to show
/// beside the report.
public struct CheckRun: Sendable {
    /// The scores, findings and vetoes.
    public var assessment: Assessment
    /// The packs that were evaluated.
    public var packs: [RulePack]
    /// Warnings about the records (files ignored …).
    public var warnings: [Diagnostic]
    /// Packs checked over a span they were not written for, with the span they were.
    public var periodMismatches: [(pack: String, unit: PeriodUnit)]
    /// The recorded run, when the run was recorded.
    public var recorded: RunOutcome?
    /// The ledger that was read or written, when one was.
    public var ledgerPath: String?
    /// Every rectification item in the ledger after the run.
    public var items: [RectificationItem]
    /// Every recorded run.
    public var history: [RunSummary]
    /// The audit chain's state, when a ledger was read.
    public var auditChain: ChainReport?
    /// When the run happened.
    public var ranAt: Date
    /// The day for deadlines.
    public var today: Day

    /// What every report renders: the assessment with the ledger's items, history and chain.
    public func reportInput(language: Language) -> ReportInput {
        ReportInput(
            assessment: assessment, language: language, ranAt: ISO8601DateFormatter().string(from: ranAt),
            items: items, history: history, today: today, auditChain: auditChain)
    }
}

/// Why one indicator or veto came out as it did, with its definition.
public enum Explanation: Sendable {
    /// An indicator's finding over the period.
    case indicator(Finding, Indicator, pack: RulePack, period: Period)
    /// A veto's result.
    case veto(VetoResult, Veto, pack: RulePack)

    /// Whether the result is one to fix (a failed indicator, a fired or undecidable veto).
    public var needsFixing: Bool {
        switch self {
        case .indicator(let finding, _, _, _): ![.pass, .notApplicable, .waived].contains(finding.outcome)
        case .veto(let veto, _, _): veto.fired || veto.hasError
        }
    }
}

/// The outcome of every test case the packs carry.
public struct PackTestRun: Sendable {
    /// The packs tested.
    public var packs: [RulePack]
    /// One result per test case, packs in load order.
    public var results: [PackTestRunner.CaseResult]
    /// Indicators and vetoes no test shows both passing and failing.
    public var coverageGaps: [Diagnostic]
    /// The ids of packs with no test case.
    public var untested: [String]
    /// How many test cases had an unmet expectation.
    public var failed: Int { results.filter { !$0.failures.isEmpty }.count }
}
