import Foundation
import HeguiCore

/// `hegui check` and `hegui report`: one service call, its report and notes as text, exit 0 clean,
/// 1 something to fix.
enum CheckOutput {
    /// Runs the check (recording the run when the request says so) and renders the report.
    static func run(_ request: CheckRequest, format: ReportFormatName, useColour: Bool, workbook: String? = nil)
        throws(CommandFailure) -> CommandResult
    {
        let run: CheckRun
        do {
            run = try HeguiService.check(request)
        } catch {
            throw CommandFailure.from(error, language: request.language)
        }
        let language = request.language
        var notes = run.warnings.map { $0.line(language) }
        for mismatch in run.periodMismatches {
            notes.append(periodWarning(mismatch.pack, unit: mismatch.unit, period: request.period, language: language))
        }
        for pack in run.packs {
            if let warning = versionWarning(pack, period: request.period, language: language) { notes.append(warning) }
        }
        if let outcome = run.recorded, let path = run.ledgerPath {
            notes.append(
                language == .en
                    ? "ledger: run #\(outcome.runID) recorded in \(path); items opened \(outcome.opened), reopened \(outcome.reopened), closed \(outcome.closed)"
                    : "台账：第 \(outcome.runID) 次检查已记入 \(path)；新开整改项 \(outcome.opened)，重开 \(outcome.reopened)，关闭 \(outcome.closed)"
            )
        }
        if let outcome = run.recorded, outcome.linked > 0 {
            notes.append(Message.ledger(.linkedItems(count: outcome.linked)).text(language))
        }
        guard let reporter = format.reporter(useColour: useColour) else {
            // The 自评表 workbook goes straight to its file.
            guard let workbook else { throw CommandFailure("hegui", .spreadsheets(.workbookNeedsOutput)) }
            do {
                try SelfAssessmentWorkbook.write(run.assessment, language: language, to: workbook)
            } catch {
                throw CommandFailure(error.line(language))
            }
            notes.append("hegui: " + Message.spreadsheets(.wroteWorkbook(path: workbook)).text(language))
            return CommandResult(errors: notes.map { $0 + "\n" }.joined(), exitCode: run.assessment.isClean ? 0 : 1)
        }
        let report = reporter.render(run.reportInput(language: language))
        return CommandResult(
            output: report, errors: notes.map { $0 + "\n" }.joined(), exitCode: run.assessment.isClean ? 0 : 1)
    }

    /// The warning for a period outside the pack's `effective-from`…`effective-to`: the rules of this
    /// version are applied anyway, and the warning names it.
    static func versionWarning(_ pack: RulePack, period: Period, language: Language) -> String? {
        let before = pack.effectiveFrom.map { period.start < $0 } ?? false
        let after = pack.effectiveTo.map { period.end > $0 } ?? false
        guard before || after else { return nil }
        let span = "\(pack.effectiveFrom.map(\.description) ?? "…")–\(pack.effectiveTo.map(\.description) ?? "…")"
        return language == .en
            ? "hegui: warning: \(pack.id) version \(pack.version) is in force \(span); \(period.label) is not wholly inside it, so version \(pack.version) was used anyway"
            : "hegui: warning: \(pack.id) \(pack.version) 版的有效期为 \(span)；\(period.label) 不全在有效期内，仍按 \(pack.version) 版评价"
    }

    /// The warning for a pack checked over a span it was not written for: its yearly rules will fail.
    static func periodWarning(_ pack: String, unit: PeriodUnit, period: Period, language: Language) -> String {
        let zh: [PeriodUnit: String] = [.year: "一年", .halfYear: "半年", .quarter: "一个季度", .month: "一个月"]
        return language == .en
            ? "hegui: warning: \(pack) is written for one \(unit.rawValue) at a time; \(period.label) is not one, so rules about a whole \(unit.rawValue) may fail"
            : "hegui: warning: \(pack) 按\(zh[unit] ?? unit.rawValue)为评价期编写；\(period.label) 不是\(zh[unit] ?? unit.rawValue)，按整期计的规则可能不达标"
    }
}
