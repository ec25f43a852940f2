import Foundation
import HeguiCore

/// An assessment the server made, with the packs it used.
struct Evaluated: Sendable {
    /// The assessment.
    var assessment: Assessment
    /// The packs evaluated.
    var packs: [RulePack]
    /// Warnings from loading (skipped rows, period mismatch), one per line.
    var notes: [String]
    /// The run it was recorded as, when it was.
    var runID: Int64?
    /// How many runs the ledger held when it was made (the dashboard re-evaluates when that changes).
    var runCount: Int
}

/// The latest assessment, kept between requests.
actor AssessmentCache {
    private(set) var latest: Evaluated?

    func store(_ evaluated: Evaluated) { latest = evaluated }
}

/// The core calls behind the review pages: the same loading, evaluation and recording steps as
/// `hegui check` and `hegui report`, returning values instead of printed text.
enum CoreCalls {
    /// Imports a records folder, evaluates every pack and, when `record`, records the run in the ledger.
    static func assess(
        records: String, period: Period, configuration: WebConfiguration, record: Bool, language: Language
    ) throws(CommandFailure) -> Evaluated {
        var request = CheckRequest(records: records, period: period, today: configuration.currentDay)
        request.rules = configuration.rules
        request.profile = configuration.profile
        request.ledger = configuration.ledgerPath
        request.recordRun = record
        request.language = language
        request.ranAt = configuration.clock()
        let loaded = try RunInputs.packs(rules: request.rules)
        var recordSet = try RunInputs.records(records, packs: loaded, encoding: .automatic, language: language)
        let notes = recordSet.warnings.map { DiagnosticText.line($0, language) }
        let assessor: Assessor
        do {
            assessor = Assessor(
                packs: loaded, profile: try request.profile.map { try Profile.load($0, packs: loaded) } ?? Profile(),
                today: request.today)
        } catch {
            throw CommandFailure.from(error, language: language)
        }
        let ledger = try RunInputs.ledger(request)
        try RunInputs.attach(ledger, to: &recordSet, packs: loaded, request: request)
        let assessment = assessor.assess(recordSet, period: period)
        var runID: Int64?
        var runCount = 0
        if let ledger {
            do {
                if record {
                    runID = try ledger.recordRun(assessment, packs: loaded, ranAt: request.ranAt, today: request.today).runID
                }
                runCount = try ledger.runs().count
            } catch {
                throw CommandFailure("\(request.ledgerPath): error: cannot record the run: \(error)")
            }
        }
        return Evaluated(assessment: assessment, packs: loaded, notes: notes, runID: runID, runCount: runCount)
    }

    /// The review pack (`hegui report`'s HTML document) for the records folder and period.
    static func reviewPack(records: String, period: Period, configuration: WebConfiguration, language: Language)
        throws(CommandFailure) -> String
    {
        var request = CheckRequest(records: records, period: period, today: configuration.currentDay)
        request.rules = configuration.rules
        request.profile = configuration.profile
        request.ledger = configuration.ledgerPath
        request.recordRun = false
        request.format = .html
        request.language = language
        request.ranAt = configuration.clock()
        return try CheckCommand.run(request).output
    }

    /// The explanation of every finding and veto, keyed `pack/id`, in the language.
    static func explanations(_ evaluated: Evaluated, language: Language) -> [String: String] {
        var result: [String: String] = [:]
        for pack in evaluated.assessment.packs {
            guard let rulePack = evaluated.packs.first(where: { $0.id == pack.pack }) else { continue }
            for finding in pack.findings {
                if let indicator = rulePack.indicators.first(where: { $0.id == finding.id }) {
                    result[pack.pack + "/" + finding.id] = ExplainCommand.explain(
                        finding, indicator: indicator, pack: rulePack, period: evaluated.assessment.period,
                        language: language)
                }
            }
            for veto in pack.vetoes {
                if let definition = rulePack.vetoes.first(where: { $0.id == veto.id }) {
                    result[pack.pack + "/" + veto.id] = ExplainCommand.explain(
                        veto, definition: definition, pack: rulePack, language: language)
                }
            }
        }
        return result
    }
}
