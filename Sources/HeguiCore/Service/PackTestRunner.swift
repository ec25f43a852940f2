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
            let missing = [passes.contains(id) ? nil : "passing", fails.contains(id) ? nil : "failing"].compactMap { $0 }
            guard !missing.isEmpty else { return nil }
            return Diagnostic(.warning, at: location, "'\(id)' has no \(missing.joined(separator: " or ")) test case")
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
                pack: pack.id, name: test.name, failures: [Diagnostic(at: test.location, "test '\(test.name)': \(error)")])
        }
        for kind in pack.recordKinds where tables[kind.id] == nil {
            tables[kind.id] = RecordTable(emptyOf: kind)
        }
        let assessment = PackEvaluator(pack: pack, today: today).evaluate(
            RecordSet(tables: tables, inputs: []), period: test.period)
        var failures: [Diagnostic] = []
        for expectation in test.expectations {
            if let problem = unmet(expectation, in: assessment) {
                failures.append(Diagnostic(at: expectation.location, "test '\(test.name)': \(problem)"))
            }
        }
        return CaseResult(pack: pack.id, name: test.name, failures: failures)
    }

    /// Why an expectation is not met, or nil when it is.
    static func unmet(_ expectation: Expectation, in assessment: PackAssessment) -> String? {
        switch expectation.target {
        case .indicator(let id, let outcome, let points):
            guard let finding = assessment.findings.first(where: { $0.id == id }) else { return "\(id) was not evaluated" }
            let detail = describe(finding)
            if finding.outcome != outcome {
                return "\(id): expected \(outcome.rawValue), got \(finding.outcome.rawValue)\(detail)"
            }
            if let points, abs(points - finding.awarded) > 1e-9 {
                return "\(id): expected \(formatNumber(points)) points, got \(formatNumber(finding.awarded))\(detail)"
            }
            return nil
        case .veto(let id, let fires):
            guard let veto = assessment.vetoes.first(where: { $0.id == id }) else { return "\(id) was not evaluated" }
            if veto.hasError {
                return "\(id): could not be evaluated: \(veto.checks.compactMap(\.message?.en).joined(separator: "; "))"
            }
            return veto.fired == fires
                ? nil
                : "\(id): expected the veto \(fires ? "to fire" : "not to fire"), but it \(veto.fired ? "fired" : "did not fire")"
        case .pack(let score, let passed):
            if let score, abs(score - assessment.score) > 1e-9 {
                return "expected score \(formatNumber(score)), got \(formatNumber(assessment.score))"
            }
            if let passed, passed != assessment.passed {
                return
                    "expected the pack to \(passed ? "pass" : "fail"), but it \(assessment.passed ? "passed" : "failed") with \(formatNumber(assessment.score))"
            }
            return nil
        }
    }

    /// ` (measured 98%, required ≥ 100%; why)` for the check that decided.
    private static func describe(_ finding: Finding) -> String {
        guard let check = finding.primaryCheck else { return "" }
        var parts: [String] = []
        if let measured = check.measured { parts.append("measured \(ReportFormat.value(measured, unit: check.unit))") }
        if let threshold = check.threshold { parts.append("required \(ReportFormat.threshold(threshold, unit: check.unit))") }
        if let message = check.message ?? finding.message { parts.append(message.en) }
        return parts.isEmpty ? "" : " (\(parts.joined(separator: "; ")))"
    }

    private static func prefixed(_ diagnostic: Diagnostic, _ test: PackTestCase) -> Diagnostic {
        Diagnostic(diagnostic.severity, at: diagnostic.location, "test '\(test.name)': \(diagnostic.message)")
    }
}
