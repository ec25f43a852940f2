import Foundation
import HeguiCore

/// An assessment the server made, with the packs it used.
struct Evaluated: Sendable {
    /// The assessment.
    var assessment: Assessment
    /// The packs evaluated.
    var packs: [RulePack]
    /// Warnings from loading (skipped rows), one per line.
    var notes: [String]
    /// The run it was recorded as, when it was.
    var runID: Int64?
    /// How many runs the ledger held when it was made (the dashboard re-evaluates when that changes).
    var runCount: Int
}

/// The latest assessment of each ledger the server serves (by enterprise credit code, "" for its own),
/// kept between requests.
actor AssessmentCache {
    private var latest: [String: Evaluated] = [:]

    func latest(_ key: String) -> Evaluated? { latest[key] }
    func store(_ evaluated: Evaluated, _ key: String) { latest[key] = evaluated }
}

/// A core call that could not run, worded for a page: located problems one per line.
struct CoreFailure: Error {
    var lines: String
}

/// The core calls behind the review pages: `HeguiService.check` and `.report`, the same calls as
/// `hegui check` and `hegui report`.
enum CoreCalls {
    /// The request for a check into (or a report from) the one ledger the page may use.
    static func request(records: String, period: Period, ledger: Ledger, configuration: WebConfiguration, language: Language)
        -> CheckRequest
    {
        var request = CheckRequest(records: records, period: period, today: configuration.currentDay)
        request.rules = configuration.rules
        request.profile = configuration.profile
        request.ledger = ledger.path
        request.store = ledger
        request.language = language
        request.ranAt = configuration.clock()
        return request
    }

    /// Imports a records folder, evaluates every pack and, when `record`, records the run in the ledger.
    static func assess(
        records: String, period: Period, ledger: Ledger, configuration: WebConfiguration, record: Bool, language: Language
    ) throws(CoreFailure) -> Evaluated {
        var request = request(records: records, period: period, ledger: ledger, configuration: configuration, language: language)
        request.recordRun = record
        let run: CheckRun
        do {
            run = try record ? HeguiService.check(request) : HeguiService.report(request)
        } catch {
            throw CoreFailure(lines: describe(error, language))
        }
        return Evaluated(
            assessment: run.assessment, packs: run.packs, notes: run.warnings.map { $0.line(language) },
            runID: run.recorded?.runID, runCount: run.history.count)
    }

    /// The review pack: `hegui report`'s HTML document for the records folder and period.
    static func reviewPack(
        records: String, period: Period, ledger: Ledger, configuration: WebConfiguration, language: Language
    ) throws(CoreFailure) -> String {
        let request = request(records: records, period: period, ledger: ledger, configuration: configuration, language: language)
        do {
            return HTMLReporter().render(try HeguiService.report(request).reportInput(language: language))
        } catch {
            throw CoreFailure(lines: describe(error, language))
        }
    }

    /// A service failure in the page's language, worded as the command line words it (one catalogue).
    static func describe(_ error: ServiceError, _ language: Language) -> String { error.lines(language) }

    /// Each finding's and veto's evidence in words, keyed `pack/id`: every check with its measured value,
    /// threshold and rows (file, line, key), as the core's report formatting writes them.
    static func explanations(_ evaluated: Evaluated, language: Language) -> [String: String] {
        var result: [String: String] = [:]
        for pack in evaluated.assessment.packs {
            let rulePack = evaluated.packs.first { $0.id == pack.pack }
            for finding in pack.findings {
                var lines: [String] = []
                if let requirement = rulePack?.indicators.first(where: { $0.id == finding.id })?.requirement {
                    lines.append(WebText.text(.requirement(text: requirement), language))
                }
                if let message = finding.message { lines.append(message.text(language)) }
                result[pack.pack + "/" + finding.id] = (lines + finding.checks.flatMap { describe($0, language) })
                    .joined(separator: "\n")
            }
            for veto in pack.vetoes {
                var lines: [String] = []
                if let requirement = rulePack?.vetoes.first(where: { $0.id == veto.id })?.requirement {
                    lines.append(WebText.text(.requirement(text: requirement), language))
                }
                result[pack.pack + "/" + veto.id] = (lines + veto.checks.flatMap { describe($0, language) })
                    .joined(separator: "\n")
            }
        }
        return result
    }

    static func describe(_ check: CheckResult, _ language: Language) -> [String] {
        var lines = ["· " + check.description.text(language) + " — " + check.outcome.title.text(language)]
        if let measured = check.measured {
            lines.append("  " + WebText.text(.measured(value: ReportFormat.value(measured, unit: check.unit)), language))
        }
        if let threshold = check.threshold {
            lines.append("  " + WebText.text(.required(threshold: ReportFormat.threshold(threshold, unit: check.unit)), language))
        }
        if let message = check.message { lines.append("  " + message.text(language)) }
        for item in check.evidence {
            var parts = [ReportFormat.location(item), item.key]
            if let measured = item.measured, item.note == nil { parts.append(formatNumber(measured)) }
            if let note = item.note { parts.append(note.text(language)) }
            lines.append("    " + parts.filter { !$0.isEmpty }.joined(separator: "  "))
        }
        if check.evidenceTotal > check.evidence.count {
            lines.append("    " + ReportFormat.more(check.evidenceTotal - check.evidence.count, language: language))
        }
        return lines
    }
}

/// The enterprises' ledgers a server has opened, each on its own connection, kept for later requests.
final class EnterpriseLedgers: @unchecked Sendable {
    let federation: Federation
    let clock: @Sendable () -> Date
    private let lock = NSLock()
    private var open: [String: (ledger: Ledger, enterprise: Enterprise)] = [:]
    /// At most this many are kept open (each holds a database connection).
    static let limit = 64

    init(federation: Federation, clock: @escaping @Sendable () -> Date) {
        self.federation = federation
        self.clock = clock
    }

    /// A registered enterprise's ledger, or nil when no enterprise has the code.
    func ledger(_ code: String) throws -> (ledger: Ledger, enterprise: Enterprise)? {
        if let hit = lock.withLock({ open[code] }) { return hit }
        guard let enterprise = try federation.enterprise(creditCode: code) else { return nil }
        let opened = (ledger: try federation.ledger(creditCode: code, clock: clock), enterprise: enterprise)
        lock.withLock {
            if open.count >= Self.limit { open.removeAll() }
            open[code] = opened
        }
        return opened
    }
}
