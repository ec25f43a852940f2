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
        let en = language == .en
        var lines = [
            "\(finding.id)  \(finding.title.text(language))  [\(pack.id) \(pack.version)]",
            (en ? "requirement: " : "要求：") + indicator.requirement.text(language),
            (en ? "period: " : "评价期：") + period.label + "  (\(period.start) … \(period.end))",
            (en ? "outcome: " : "结论：") + finding.outcome.title.text(language)
                + (en
                    ? ", \(formatNumber(finding.awarded)) of \(formatNumber(finding.points)) points"
                    : "，得 \(formatNumber(finding.awarded)) 分（满分 \(formatNumber(finding.points))）"),
        ]
        if let message = finding.message { lines.append("  " + message.text(language)) }
        if let tailoring = finding.tailoring { lines.append("  " + tailoring.note.text(language)) }
        if let deduction = indicator.deduction, finding.outcome == .fail {
            lines.append(
                en
                    ? "deduction: \(formatNumber(deduction.points)) points per \(deduction.perText) short, rounded up, down to 0"
                    : "扣分：每差 \(deduction.perText) 扣 \(formatNumber(deduction.points)) 分（不足一个单位按一个单位计），扣完为止")
        }
        for (number, check) in finding.checks.enumerated() {
            lines.append("")
            lines += describe(check, number: number + 1, language: language)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The explanation of a veto's result.
    static func explain(_ veto: VetoResult, definition: Veto, pack: RulePack, language: Language) -> String {
        let en = language == .en
        var lines = [
            "\(veto.id)  \(veto.title.text(language))  [\(pack.id) \(pack.version)] (\(en ? "veto" : "否决项"))",
            (en ? "requirement: " : "要求：") + definition.requirement.text(language),
            (en ? "window: " : "追溯期：") + "\(veto.window.start) … \(veto.window.end)",
            (en ? "result: " : "结论：")
                + (veto.fired
                    ? (en ? "FIRED — the grade is void" : "触发——一票否决")
                    : veto.hasError ? (en ? "could not be evaluated" : "无法判定") : (en ? "not fired" : "未触发")),
        ]
        for (number, check) in veto.checks.enumerated() {
            lines.append("")
            lines += describe(check, number: number + 1, language: language)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func describe(_ check: CheckResult, number: Int, language: Language) -> [String] {
        let en = language == .en
        var lines = ["\(en ? "check" : "检查") \(number): \(check.description.text(language))"]
        lines.append("  " + (en ? "outcome: " : "结论：") + check.outcome.title.text(language))
        if let measured = check.measured {
            let value = ReportFormat.value(measured, unit: check.unit)
            let noun = check.unit == .offenders ? (en ? " offender(s)" : " 项不符合") : ""
            lines.append("  " + (en ? "measured: " : "实测：") + value + noun)
        }
        if let threshold = check.threshold {
            let per = check.unit == .offenders ? (en ? " (for each)" : "（逐项）") : ""
            lines.append("  " + (en ? "required: " : "要求：") + ReportFormat.threshold(threshold, unit: check.unit) + per)
        }
        if let message = check.message { lines.append("  " + message.text(language)) }
        if !check.evidence.isEmpty {
            lines.append("  " + (en ? "rows:" : "相关记录："))
            for item in check.evidence {
                var parts = [ReportFormat.location(item), item.key]
                if let measured = item.measured, item.note == nil { parts.append(formatNumber(measured)) }
                if let records = item.records, records > 1 { parts.append(en ? "(\(records) records)" : "（\(records) 条记录）") }
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
