import Foundation
import HeguiXML

/// The formats `hegui check` and `hegui report` write.
public enum ReportFormatName: String, Sendable, CaseIterable {
    case text
    case json
    case junit
    case markdown
    case html

    /// The reporter for this format.
    public func reporter(useColour: Bool) -> any Reporter {
        switch self {
        case .text: TextReporter(useColour: useColour)
        case .json: JSONReporter()
        case .junit: JUnitReporter()
        case .markdown: MarkdownReporter()
        case .html: HTMLReporter()
        }
    }
}

/// Everything `hegui check` needs, already parsed from flags.
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
    /// The output format.
    public var format: ReportFormatName = .text
    /// The output language.
    public var language: Language = .zhCN
    /// Whether to colour text output.
    public var useColour = false
    /// How CSV files are encoded.
    public var encoding: TextEncoding = .automatic
    /// The day for waivers and deadlines.
    public var today: Day
    /// The ledger file; nil for `hegui.sqlite` in the records folder.
    public var ledger: String?
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
        ledger ?? (records.hasSuffix("/") ? records : records + "/") + "hegui.sqlite"
    }
}

/// `hegui check` (and `hegui report`): import, evaluate every selected pack, record the run, report.
public enum CheckCommand {
    /// Runs a check; a failure to load input throws with exit code 2 and no score.
    public static func run(_ request: CheckRequest) throws(CommandFailure) -> CommandResult {
        let loaded = try RunInputs.packs(rules: request.rules)
        let packs = try RunInputs.select(request.packIDs, from: loaded)
        // Import with every loaded pack's kinds, so files other packs read are not "unknown".
        var records = try RunInputs.records(
            request.records, packs: loaded, encoding: request.encoding, language: request.language)
        var notes = records.warnings.map { DiagnosticText.line($0, request.language) }
        let assessor: Assessor
        do {
            assessor = Assessor(
                packs: packs, profile: try request.profile.map { try Profile.load($0, packs: packs) } ?? Profile(),
                waivers: try request.waivers.map { try WaiverFile.load($0, packs: packs) } ?? [], today: request.today)
        } catch {
            throw CommandFailure.from(error, language: request.language)
        }
        for pack in packs {
            if let unit = pack.periodUnit, !request.period.isOne(unit) {
                notes.append(RunInputs.periodWarning(pack, unit: unit, period: request.period, language: request.language))
            }
            if let warning = RunInputs.versionWarning(pack, period: request.period, language: request.language) {
                notes.append(warning)
            }
        }
        let ledger = try RunInputs.ledger(request)
        try RunInputs.attach(ledger, to: &records, packs: loaded, request: request)
        let assessment = assessor.assess(records, period: request.period)

        var items: [RectificationItem] = []
        var history: [RunSummary] = []
        var auditChain: ChainReport?
        if let ledger {
            do {
                if request.recordRun {
                    let outcome = try ledger.recordRun(assessment, packs: packs, ranAt: request.ranAt, today: request.today)
                    notes.append(
                        request.language == .en
                            ? "ledger: run #\(outcome.runID) recorded in \(request.ledgerPath); items opened \(outcome.opened), reopened \(outcome.reopened), closed \(outcome.closed)"
                            : "台账：第 \(outcome.runID) 次检查已记入 \(request.ledgerPath)；新开整改项 \(outcome.opened)，重开 \(outcome.reopened)，关闭 \(outcome.closed)"
                    )
                }
                items = try ledger.items()
                history = try ledger.runs()
                auditChain = try ledger.verifyChain()
            } catch {
                throw CommandFailure("\(request.ledgerPath): error: cannot record the run: \(error)")
            }
        }
        let input = ReportInput(
            assessment: assessment, language: request.language, ranAt: ISO8601DateFormatter().string(from: request.ranAt),
            items: items, history: history, today: request.today, auditChain: auditChain)
        let report = request.format.reporter(useColour: request.useColour).render(input)
        return CommandResult(
            output: report, errors: notes.map { $0 + "\n" }.joined(), exitCode: assessment.isClean ? 0 : 1)
    }
}
