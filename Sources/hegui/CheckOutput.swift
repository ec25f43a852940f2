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
                Message.explain(
                    .runRecorded(
                        run: Int(outcome.runID), path: path, opened: outcome.opened, reopened: outcome.reopened, closed: outcome.closed)
                ).text(language))
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
        return Message.explain(.versionOutOfForce(pack: pack.id, version: pack.version, span: span, period: period.label)).text(language)
    }

    /// The warning for a pack checked over a span it was not written for: its yearly rules will fail.
    static func periodWarning(_ pack: String, unit: PeriodUnit, period: Period, language: Language) -> String {
        let name: ExplainMessage =
            switch unit {
            case .year: .oneYear
            case .halfYear: .oneHalfYear
            case .quarter: .oneQuarter
            case .month: .oneMonth
            }
        return Message.explain(.periodUnitMismatch(pack: pack, unit: Message.explain(name).text, period: period.label)).text(language)
    }
}
