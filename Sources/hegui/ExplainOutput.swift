import Foundation
import HeguiCore

/// `hegui explain`: why one indicator or veto came out as it did — the measure, the filter, the
/// numbers and the rows, in plain words.
enum ExplainOutput {
    /// Explains one id over the records; exit 0 pass, 1 otherwise, 2 unknown id or bad input.
    static func run(id: String, request: CheckRequest) throws(CommandFailure) -> CommandResult {
        let explanation: Explanation
        do {
            explanation = try HeguiService.explain(id: id, request: request)
        } catch {
            throw CommandFailure.from(error, language: request.language)
        }
        let text: String
        switch explanation {
        case .indicator(let finding, let indicator, let pack, let period):
            text = explain(finding, indicator: indicator, pack: pack, period: period, language: request.language)
        case .veto(let veto, let definition, let pack):
            text = explain(veto, definition: definition, pack: pack, language: request.language)
        }
        return CommandResult(output: text, exitCode: explanation.needsFixing ? 1 : 0)
    }

    /// The explanation of an indicator's finding.
    static func explain(
        _ finding: Finding, indicator: Indicator, pack: RulePack, period: Period, language: Language
    ) -> String {
        func say(_ message: ExplainMessage) -> String { Message.explain(message).text(language) }
        var lines = [
            "\(finding.id)  \(finding.title.text(language))  [\(pack.id) \(pack.version)]",
            say(.requirement(text: indicator.requirement)),
            say(.period(label: period.label, start: "\(period.start)", end: "\(period.end)")),
            say(
                .outcomeWithPoints(
                    outcome: finding.outcome.title, awarded: formatNumber(finding.awarded), points: formatNumber(finding.points))),
        ]
        if let message = finding.message { lines.append("  " + message.text(language)) }
        if let tailoring = finding.tailoring { lines.append("  " + tailoring.note.text(language)) }
        if let deduction = indicator.deduction, finding.outcome == .fail {
            lines.append(say(.deductionRoundedUp(points: formatNumber(deduction.points), per: deduction.perText)))
        }
        for (number, check) in finding.checks.enumerated() {
            lines.append("")
            lines += describe(check, number: number + 1, language: language)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The explanation of a veto's result.
    static func explain(_ veto: VetoResult, definition: Veto, pack: RulePack, language: Language) -> String {
        func say(_ message: ExplainMessage) -> String { Message.explain(message).text(language) }
        var lines = [
            say(.vetoHeading(id: veto.id, title: veto.title, pack: pack.id, version: pack.version)),
            say(.requirement(text: definition.requirement)),
            say(.window(start: "\(veto.window.start)", end: "\(veto.window.end)")),
            say(veto.fired ? .vetoFired : veto.hasError ? .vetoNotEvaluable : .vetoNotFired),
        ]
        for (number, check) in veto.checks.enumerated() {
            lines.append("")
            lines += describe(check, number: number + 1, language: language)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func describe(_ check: CheckResult, number: Int, language: Language) -> [String] {
        func say(_ message: ExplainMessage) -> String { Message.explain(message).text(language) }
        var lines = [say(.checkHeading(number: number, description: check.description))]
        lines.append("  " + say(.outcome(outcome: check.outcome.title)))
        if let measured = check.measured {
            let value = ReportFormat.value(measured, unit: check.unit)
            lines.append("  " + say(check.unit == .offenders ? .measuredOffenders(value: value) : .measured(value: value)))
        }
        if let threshold = check.threshold {
            let text = ReportFormat.threshold(threshold, unit: check.unit)
            lines.append("  " + say(check.unit == .offenders ? .requiredForEach(threshold: text) : .required(threshold: text)))
        }
        if let message = check.message { lines.append("  " + message.text(language)) }
        if !check.evidence.isEmpty {
            lines.append("  " + say(.rows))
            for item in check.evidence {
                var parts = [ReportFormat.location(item), item.key]
                if let measured = item.measured, item.note == nil { parts.append(formatNumber(measured)) }
                if let records = item.records, records > 1 { parts.append(say(.records(count: records))) }
                if let note = item.note { parts.append(note.text(language)) }
                lines.append("    " + parts.filter { !$0.isEmpty }.joined(separator: "  "))
            }
            if check.evidenceTotal > check.evidence.count {
                lines.append("    " + ReportFormat.more(check.evidenceTotal - check.evidence.count, language: language))
            }
        }
        return lines
    }
}
