import Foundation
import HeguiBase

/// Runs the test cases packs carry: each unmet expectation is a diagnostic at its line.
public enum PackTestRunner {
    /// The result of one pack test case.
    public struct CaseResult: Sendable {
        /// The pack id.
        public var pack: String
        /// The test's name.
        public var name: String
        /// One diagnostic per unmet expectation (or per bad record in the test).
        public var failures: [Diagnostic]
    }

    /// A warning at each indicator or veto that no test case shows both passing (or clear) and failing
    /// (or firing): a rule whose failure is never exercised may not do what it says.
    public static func coverageGaps(_ pack: RulePack) -> [Diagnostic] {
        guard !pack.testCases.isEmpty else { return [] }
        var passes = Set<String>(), fails = Set<String>()
        for expectation in pack.testCases.flatMap(\.expectations) {
            switch expectation.target {
            case .indicator(let id, let outcome, _):
                if [.pass, .notApplicable].contains(outcome) { passes.insert(id) } else { fails.insert(id) }
            case .veto(let id, let fires):
                if fires { fails.insert(id) } else { passes.insert(id) }
            case .pack:
                break
            }
        }
        let items = pack.indicators.map { ($0.id, $0.location) } + pack.vetoes.map { ($0.id, $0.location) }
        return items.compactMap { id, location in
            let message: TestMessage
            switch (passes.contains(id), fails.contains(id)) {
            case (true, true): return nil
            case (false, false): message = .noPassingOrFailingCase(id: id)
            case (false, true): message = .noPassingCase(id: id)
            case (true, false): message = .noFailingCase(id: id)
            }
            return Diagnostic(.warning, at: location, .test(message))
        }
    }

    /// Runs one test case: every kind the pack declares is present (empty when the test gives no rows).
    public static func run(_ test: PackTestCase, of pack: RulePack, today: Day) -> CaseResult {
        let path = pack.location.file
        var tables: [String: RecordTable]
        do {
            tables = try RecordImporter(kinds: pack.recordKinds).importXML(root: test.records, bytes: nil, path: path)
        } catch let error as DiagnosticsError {
            return CaseResult(pack: pack.id, name: test.name, failures: error.diagnostics.map { prefixed($0, test) })
        } catch {
            return CaseResult(
                pack: pack.id, name: test.name, failures: [Diagnostic(at: test.location, .test(.inCase(test: test.name, problem: Message.files(.cannotRead).text)))])
        }
        for kind in pack.recordKinds where tables[kind.id] == nil {
            tables[kind.id] = RecordTable(emptyOf: kind)
        }
        let assessment = PackEvaluator(pack: pack, today: today).evaluate(
            RecordSet(tables: tables, inputs: []), period: test.period)
        var failures: [Diagnostic] = []
        for expectation in test.expectations {
            if let problem = unmet(expectation, in: assessment) {
                failures.append(Diagnostic(at: expectation.location, .test(.inCase(test: test.name, problem: Message.test(problem).text))))
            }
        }
        return CaseResult(pack: pack.id, name: test.name, failures: failures)
    }

    /// Why an expectation is not met, or nil when it is.
    static func unmet(_ expectation: Expectation, in assessment: PackAssessment) -> TestMessage? {
        switch expectation.target {
        case .indicator(let id, let outcome, let points):
            guard let finding = assessment.findings.first(where: { $0.id == id }) else { return .notEvaluated(id: id) }
            let detail = describe(finding)
            if finding.outcome != outcome {
                return .outcomeMismatch(id: id, expected: outcome.rawValue, got: finding.outcome.rawValue, detail: detail)
            }
            if let points, abs(points - finding.awarded) > 1e-9 {
                return .pointsMismatch(id: id, expected: formatNumber(points), got: formatNumber(finding.awarded), detail: detail)
            }
            return nil
        case .veto(let id, let fires):
            guard let veto = assessment.vetoes.first(where: { $0.id == id }) else { return .notEvaluated(id: id) }
            if veto.hasError {
                let reasons = veto.checks.compactMap(\.message)
                return .vetoNotEvaluable(
                    id: id,
                    reasons: LocalizedText(
                        zh: reasons.map(\.zhCN).joined(separator: "；"), en: reasons.map(\.en).joined(separator: "; ")))
            }
            guard veto.fired != fires else { return nil }
            return fires ? .vetoExpectedToFire(id: id) : .vetoExpectedNotToFire(id: id)
        case .pack(let score, let passed):
            if let score, abs(score - assessment.score) > 1e-9 {
                return .scoreMismatch(expected: formatNumber(score), got: formatNumber(assessment.score))
            }
            if let passed, passed != assessment.passed {
                let score = formatNumber(assessment.score)
                return passed ? .expectedPackToPass(score: score) : .expectedPackToFail(score: score)
            }
            return nil
        }
    }

    /// ` (measured 98%, required ≥ 100%; why)` for the check that decided.
    private static func describe(_ finding: Finding) -> LocalizedText {
        guard let check = finding.primaryCheck else { return LocalizedText(verbatim: "") }
        var parts: [LocalizedText] = []
        if let measured = check.measured {
            parts.append(Message.test(.measured(value: ReportFormat.value(measured, unit: check.unit))).text)
        }
        if let threshold = check.threshold {
            parts.append(Message.test(.required(threshold: ReportFormat.threshold(threshold, unit: check.unit))).text)
        }
        if let message = check.message ?? finding.message { parts.append(message) }
        guard !parts.isEmpty else { return LocalizedText(verbatim: "") }
        let joined = LocalizedText(joining: parts, separator: .clauses)
        return Message.test(.detail(parts: joined)).text
    }

    private static func prefixed(_ diagnostic: Diagnostic, _ test: PackTestCase) -> Diagnostic {
        Diagnostic(diagnostic.severity, at: diagnostic.location, .test(.inCase(test: test.name, problem: diagnostic.text)))
    }
}
