import Foundation
import HeguiCore

extension WebServer {
    /// The assessment for the dashboard's pass lines and gaps: the cached one while no run was added
    /// since, else a fresh evaluation of the records folder (recording nothing), else the cached one.
    /// The configured records folder is the server's own ledger's: an enterprise's dashboard uses only the
    /// assessments its own checks made.
    func currentAssessment(_ ledger: Ledger, _ context: WebContext) async -> Evaluated? {
        let key = context.enterprise?.creditCode ?? ""
        let runCount = (try? ledger.runs().count) ?? 0
        let cached = await assessments.latest(key)
        if let cached, cached.runCount == runCount { return cached }
        guard context.enterprise == nil, let records = configuration.recordsDirectory, let period = try? defaultPeriod(ledger),
            let fresh = try? CoreCalls.assess(
                records: records, period: period, ledger: ledger, configuration: configuration, record: false,
                language: context.language)
        else { return cached }
        await assessments.store(fresh, key)
        return fresh
    }

    /// The dashboard: each pack's latest run, its trend, and open and overdue items by department.
    func dashboard(_ context: WebContext) async throws -> [String: Any] {
        let language = context.language
        let ledger = try self.ledger(context)
        let runs = try ledger.runs()
        let evaluated = await currentAssessment(ledger, context)
        var packIDs: [String] = []
        for run in runs { for score in run.packs where !packIDs.contains(score.pack) { packIDs.append(score.pack) } }
        var packs: [[String: Any]] = []
        for id in packIDs {
            let history = runs.compactMap { run in run.packs.first { $0.pack == id }.map { (run, $0) } }
            guard let (run, score) = history.last else { continue }
            let vetoes = try ledger.findings(ofRun: run.id).filter { $0.pack == id && $0.isVeto && $0.outcome == .fail }
            // Pass line, grade title and gap come from an assessment of the same result only.
            let assessed = evaluated?.assessment.packs.first {
                $0.pack == id && abs($0.score - score.score) < 1e-9 && $0.passed == score.passed
            }
            var values: [String: Any] = [
                "title": assessed?.title.text(language) ?? id, "score": formatNumber(score.score),
                "maxScore": formatNumber(score.maxScore), "gradeTitle": assessed?.grade.title.text(language) ?? score.grade,
                "passLine": assessed.map { formatNumber($0.passLine) } ?? "—", "passed": score.passed, "runID": run.id,
                "period": run.period, "vetoes": vetoes.map(\.indicator),
                "trend": history.suffix(12).map { entry in
                    [
                        "run": entry.0.id, "period": entry.0.period, "score": formatNumber(entry.1.score),
                        "height": entry.1.maxScore > 0 ? max(0, min(10, Int((entry.1.score / entry.1.maxScore * 10).rounded()))) : 0,
                    ] as [String: Any]
                },
                "hasTrend": history.count > 1,
            ]
            if let assessed, !assessed.passed || assessed.gapToPass.pointsShort > 0 {
                values["gap"] = formatNumber(assessed.gapToPass.pointsShort)
                values["gapItems"] = assessed.gapToPass.items.map { "\($0.id) +\(formatNumber($0.gain))" }
                values["hasGapItems"] = !assessed.gapToPass.items.isEmpty
            }
            packs.append(values)
        }
        let today = configuration.currentDay
        var byDepartment: [String: (open: Int, overdue: Int)] = [:]
        for item in try ledger.items() where !item.status.isClosed {
            let name = item.department ?? "—"
            byDepartment[name, default: (0, 0)].open += 1
            if item.isOverdue(on: today) { byDepartment[name, default: (0, 0)].overdue += 1 }
        }
        let departments = byDepartment.sorted { $0.key < $1.key }.map { entry -> [String: Any] in
            [
                "name": entry.key, "open": entry.value.open, "overdue": entry.value.overdue,
                "query": entry.key == "—" ? "" : entry.key.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "",
            ]
        }
        return ["packs": packs, "departments": departments]
    }

    /// A full assessment: each pack's findings with their explanations.
    func assessmentPage(_ evaluated: Evaluated, _ language: Language) -> [String: Any] {
        let explanations = CoreCalls.explanations(evaluated, language: language)
        let packs = evaluated.assessment.packs.map { pack -> [String: Any] in
            let vetoes = pack.vetoes.filter(\.fired).map { "\($0.id) \($0.title.text(language))" }
            var rows = pack.findings.map { finding -> [String: Any] in
                [
                    "id": finding.id, "title": finding.title.text(language), "outcome": finding.outcome.title.text(language),
                    "outcomeClass": finding.outcome.rawValue, "awarded": formatNumber(finding.awarded),
                    "points": formatNumber(finding.points), "explain": explanations[pack.pack + "/" + finding.id] ?? "",
                ]
            }
            rows += pack.vetoes.map { veto in
                [
                    "id": veto.id, "title": veto.title.text(language),
                    "outcome": veto.fired ? WebText.text(.vetoes, language) : Outcome.pass.title.text(language),
                    "outcomeClass": veto.fired ? "fail" : "pass", "awarded": "", "points": "",
                    "explain": explanations[pack.pack + "/" + veto.id] ?? "",
                ]
            }
            return [
                "title": pack.title.text(language), "score": formatNumber(pack.score), "maxScore": formatNumber(pack.maxScore),
                "gradeTitle": pack.grade.title.text(language), "passLine": formatNumber(pack.passLine), "passed": pack.passed,
                "vetoes": vetoes, "hasVetoes": !vetoes.isEmpty, "findings": rows,
            ]
        }
        let heading =
            WebText.text(.runs, language) + " · " + evaluated.assessment.period.label
            + (evaluated.runID.map { " · " + WebText.text(.run, language) + " #\($0)" } ?? "")
        return ["heading": heading, "packs": packs, "notes": evaluated.notes.joined(separator: "\n")]
    }

    /// A stored run: its scores and each indicator's outcome as recorded.
    func storedRunPage(_ run: RunSummary, _ ledger: Ledger, _ language: Language) throws -> [String: Any] {
        let findings = try ledger.findings(ofRun: run.id)
        let packs = run.packs.map { score -> [String: Any] in
            let rows = findings.filter { $0.pack == score.pack }
            let vetoes = rows.filter { $0.isVeto && $0.outcome == .fail }.map(\.indicator)
            return [
                "title": score.pack + " " + score.version, "score": formatNumber(score.score),
                "maxScore": formatNumber(score.maxScore), "gradeTitle": score.grade, "passLine": "—", "passed": score.passed,
                "vetoes": vetoes, "hasVetoes": !vetoes.isEmpty,
                "findings": rows.map { row -> [String: Any] in
                    [
                        "id": row.indicator, "title": row.isVeto ? WebText.text(.vetoes, language) : "",
                        "outcome": row.outcome?.title.text(language) ?? "?", "outcomeClass": row.outcome?.rawValue ?? "error",
                        "awarded": row.isVeto ? "" : formatNumber(row.awarded), "points": row.isVeto ? "" : formatNumber(row.points),
                        "explain": "",
                    ]
                },
            ]
        }
        return [
            "heading": WebText.text(.run, language) + " #\(run.id) · \(run.period) · \(run.ranAt)", "packs": packs, "notes": "",
        ]
    }
}
