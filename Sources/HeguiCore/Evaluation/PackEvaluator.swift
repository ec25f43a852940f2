import HeguiBase

/// Evaluates one pack over a period: findings, vetoes, scores, grade and the gap to pass.
public struct PackEvaluator {
    /// The pack.
    public var pack: RulePack
    /// Parameter values: defaults with the profile's overrides.
    public var parameters: [String: Value]
    /// Waivers that may excuse indicators.
    public var waivers: [Waiver]
    /// The day waivers are judged on (an expired waiver no longer applies).
    public var today: Day
    /// Later parameter values, each in force from its date: the pack's, with the profile's.
    public var schedules: [String: [EffectiveValue]]
    /// Indicators the profile leaves out, with the reason.
    public var deselected: [String: String]
    /// Indicators whose points the profile moved (`pack` already carries the new points), with the reason.
    public var tailoring: [String: PointsTailoring]

    /// Creates an evaluator.
    public init(
        pack: RulePack, parameters: [String: Value]? = nil, waivers: [Waiver] = [], today: Day,
        schedules: [String: [EffectiveValue]]? = nil, deselected: [String: String] = [:],
        tailoring: [String: PointsTailoring] = [:]
    ) {
        self.pack = pack
        self.parameters = parameters ?? Dictionary(uniqueKeysWithValues: pack.parameters.map { ($0.name, $0.defaultValue) })
        self.waivers = waivers
        self.today = today
        self.schedules = schedules ?? Dictionary(uniqueKeysWithValues: pack.parameters.map { ($0.name, $0.schedule) })
        self.deselected = deselected
        self.tailoring = tailoring
    }

    /// Evaluates the pack over the records for a period.
    public func evaluate(_ records: RecordSet, period: Period) -> PackAssessment {
        let context = EvaluationContext(
            records: records, parameters: parameters, nonEmptyKinds: Set(pack.recordKinds.filter(\.nonEmpty).map(\.id)),
            schedules: schedules)
        let findings = pack.indicators.map { finding(for: $0, context: context, period: period) }
        let vetoes = pack.vetoes.map { result(for: $0, context: context, period: period) }
        return assess(findings: findings, vetoes: vetoes, context: context, period: period)
    }

    // MARK: - Indicators

    private func finding(for indicator: Indicator, context: EvaluationContext, period: Period) -> Finding {
        var result = untailoredFinding(for: indicator, context: context, period: period)
        result.tailoring = tailoring[indicator.id]
        return result
    }

    private func untailoredFinding(for indicator: Indicator, context: EvaluationContext, period: Period) -> Finding {
        if let reason = deselected[indicator.id] {
            // A tailoring decision, not a result: full points like 不适用, never shown as passed.
            return Finding(
                id: indicator.id, category: indicator.categoryID, title: indicator.title, outcome: .notSelected,
                points: indicator.points, awarded: indicator.points, checks: [],
                message: Message.evaluation(.notSelected(reason: "\(reason)")).text)
        }
        context.usedSchedules = []
        var result = judged(indicator, context: context, period: period)
        if let note = scheduleNote(context.usedSchedules, period: period) {
            result.message = result.message.map { LocalizedText(joining: [$0, note], separator: .clauses) } ?? note
        }
        return result
    }

    /// Which value of each dated parameter applied: rows by their own date, totals on the last day.
    private func scheduleNote(_ names: Set<String>, period: Period) -> LocalizedText? {
        guard !names.isEmpty else { return nil }
        var notes: [LocalizedText] = []
        for name in names.sorted() {
            guard let base = parameters[name], let schedule = schedules[name] else { continue }
            // Only the values in force during the period; one value throughout needs no note.
            var stretches: [(from: Day?, value: Value)] = [(nil, base)]
            for effective in schedule where effective.from <= period.end {
                if effective.from <= period.start { stretches = [(nil, effective.value)] } else {
                    stretches.append((effective.from, effective.value))
                }
            }
            guard stretches.count > 1 else { continue }
            let values = stretches.map { s in
                Message.evaluation(s.from.map { .valueFrom(day: "\($0)", value: "\(s.value)") } ?? .valueBefore(value: "\(s.value)")).text
            }
            notes.append(Message.evaluation(.parameterValues(name: name, values: LocalizedText(joining: values, separator: .phrases))).text)
        }
        guard !notes.isEmpty else { return nil }
        return Message.evaluation(.parametersByDate(end: "\(period.end)", parameters: LocalizedText(joining: notes, separator: .clauses))).text
    }

    private func judged(_ indicator: Indicator, context: EvaluationContext, period: Period) -> Finding {
        func make(
            _ outcome: Outcome, _ awarded: Double, _ checks: [CheckResult], _ message: LocalizedText? = nil,
            _ waiver: Waiver? = nil
        ) -> Finding {
            Finding(
                id: indicator.id, category: indicator.categoryID, title: indicator.title, outcome: outcome,
                points: indicator.points,
                awarded: awarded, checks: checks, waiver: waiver, message: message)
        }
        if let applies = indicator.appliesWhen {
            let result = context.evaluate(applies, in: period, indicator: indicator.id)
            switch result.outcome {
            case .error:
                return make(.error, 0, [result], result.message)
            case .pass:
                break
            default:
                return make(
                    .notApplicable, indicator.points, [result],
                    Message.evaluation(.doesNotApply(condition: result.description)).text)
            }
        }
        let checks = indicator.checks.map { context.evaluate($0, in: period, indicator: indicator.id) }
        let outcome: Outcome =
            if checks.contains(where: { $0.outcome == .error }) { .error } else if checks.contains(where: { $0.outcome == .fail })
            { .fail } else if checks.contains(where: { $0.outcome == .unattested }) { .unattested } else { .pass }
        guard outcome != .pass else { return make(.pass, indicator.points, checks) }

        let applicable = waivers.filter { ($0.pack == nil || $0.pack == pack.id) && $0.indicator == indicator.id }
        if let waiver = applicable.first(where: { $0.expires >= today }) {
            return make(
                .waived, indicator.points, checks,
                Message.evaluation(.waived(reason: waiver.reason, approver: waiver.approver, expires: "\(waiver.expires)")).text,
                waiver)
        }
        var message: LocalizedText?
        if let expired = applicable.max(by: { $0.expires < $1.expires }) {
            message = Message.evaluation(.waiverExpired(expires: "\(expired.expires)")).text
        }
        var awarded = 0.0
        if outcome == .fail, let deduction = indicator.deduction,
            let shortfall = checks.first(where: { $0.outcome == .fail })?.shortfall
        {
            // Units short, rounded up: 0.5 percentage point short costs a whole unit.
            let units = (shortfall / deduction.per - 1e-9).rounded(.up)
            awarded = max(0, indicator.points - units * deduction.points)
        }
        return make(outcome, rounded(awarded), checks, message ?? checks.first { $0.outcome == .error }?.message)
    }

    // MARK: - Vetoes

    private func result(for veto: Veto, context: EvaluationContext, period: Period) -> VetoResult {
        var window = period
        if let lookBack = veto.lookBack, case .duration(let duration)? = try? context.resolve(lookBack, in: period) {
            window = period.lookBack(duration)
        }
        let checks = veto.checks.map { context.evaluate($0, in: window, indicator: veto.id) }
        return VetoResult(
            id: veto.id, title: veto.title, fired: checks.contains { $0.outcome == .fail }, window: window, checks: checks,
            coverage: context.uncoveredYears(of: veto, window: window, period: period))
    }

    // MARK: - Scoring

    private func assess(findings: [Finding], vetoes: [VetoResult], context: EvaluationContext, period: Period) -> PackAssessment {
        let score = rounded(findings.reduce(0) { $0 + $1.awarded })
        let passLine = (try? context.number(pack.grading.passLine, in: period)) ?? pack.maxScore
        let categories = pack.categories.map { category -> CategoryScore in
            let scored = rounded(findings.filter { $0.category == category.id }.reduce(0) { $0 + $1.awarded })
            var minimum = (try? context.number(category.minimum, in: period)) ?? nil
            if let share = (try? context.number(category.minimumShare, in: period)) ?? nil {
                minimum = max(minimum ?? 0, rounded(share * category.points))
            }
            return CategoryScore(
                id: category.id, title: category.title, score: scored, maxScore: category.points, minimum: minimum)
        }
        let blocking = vetoes.filter { $0.fired || $0.hasError }.map(\.id)
        let passed = score >= passLine - 1e-9 && blocking.isEmpty && categories.allSatisfy(\.meetsMinimum)
        var grade = GradeResult(id: "fail", title: pack.grading.failingGrade)
        if passed {
            grade = GradeResult(id: "pass", title: Message.evaluation(.gradePassed).text)
            for candidate in pack.grading.grades {
                if let line = (try? context.number(candidate.atLeast, in: period)) ?? nil, score >= line - 1e-9 {
                    grade = GradeResult(id: candidate.id, title: candidate.title)
                }
            }
        }
        return PackAssessment(
            pack: pack.id, version: pack.version, title: pack.title, score: score, maxScore: pack.maxScore, passLine: passLine,
            passed: passed, grade: grade, categories: categories, vetoes: vetoes, findings: findings,
            gapToPass: gap(findings: findings, categories: categories, score: score, passLine: passLine, blocking: blocking))
    }

    /// The fewest repairs that reach the pass line and every category minimum: first the largest gains
    /// inside each category short of its minimum, then the largest gains overall.
    private func gap(
        findings: [Finding], categories: [CategoryScore], score: Double, passLine: Double, blocking: [String]
    ) -> GapToPass {
        var candidates = findings.enumerated()
            .filter {
                [.fail, .error, .unattested].contains($0.element.outcome) && $0.element.points - $0.element.awarded > 1e-9
            }
            .sorted { a, b in
                let ga = a.element.points - a.element.awarded, gb = b.element.points - b.element.awarded
                return ga != gb ? ga > gb : a.offset < b.offset
            }
            .map(\.element)
        var chosen: [Finding] = []
        var total = score
        func take(_ finding: Finding) {
            chosen.append(finding)
            total += finding.points - finding.awarded
            candidates.removeAll { $0.id == finding.id }
        }
        var reachable = true
        for category in categories where !category.meetsMinimum {
            var categoryScore = category.score
            while let minimum = category.minimum, categoryScore < minimum - 1e-9 {
                guard let next = candidates.first(where: { $0.category == category.id }) else {
                    reachable = false
                    break
                }
                categoryScore += next.points - next.awarded
                take(next)
            }
        }
        while total < passLine - 1e-9 {
            guard let next = candidates.first else {
                reachable = false
                break
            }
            take(next)
        }
        let order = Dictionary(uniqueKeysWithValues: findings.enumerated().map { ($0.element.id, $0.offset) })
        let items =
            chosen
            .sorted { a, b in
                let ga = a.points - a.awarded, gb = b.points - b.awarded
                return ga != gb ? ga > gb : order[a.id, default: 0] < order[b.id, default: 0]
            }
            .map { GapItem(id: $0.id, title: $0.title, category: $0.category, gain: rounded($0.points - $0.awarded)) }
        return GapToPass(
            pointsShort: rounded(max(0, passLine - score)), items: items, blockingVetoes: blocking,
            reachable: reachable && blocking.isEmpty)
    }
}

/// Rounds to four decimals so sums of quarter points print cleanly and compare exactly.
func rounded(_ value: Double) -> Double {
    (value * 10_000).rounded() / 10_000
}
