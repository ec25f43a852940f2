extension CheckRule {
    /// The record kinds a check counts or walks (not the kinds its conditions link to).
    var primaryKinds: [String] {
        switch self {
        case .measure(let measure), .inEvery(_, let measure), .growth(let measure): measure.kinds
        case .every(let kind, _, _), .forEachGroup(let kind, _, _, _, _): [kind]
        case .attested: ["attestation"]
        }
    }
}

extension EvaluationContext {
    /// For a veto that looks back before the period: the calendar years of the look-back (before the
    /// period) in which a dated kind it reads has no record at all. "No accident in 2017" and "no
    /// accident log for 2017" look the same to a count, so the report must say which years are bare.
    func uncoveredYears(of veto: Veto, window: Period, period: Period) -> LocalizedText? {
        guard window.start < period.start else { return nil }
        let earlier = Period(start: window.start, end: period.start.adding(days: -1))
        var seen = Set<String>()
        var gaps: [(kind: String, years: [String])] = []
        for kind in veto.checks.flatMap(\.rule.primaryKinds) where seen.insert(kind).inserted {
            guard let table = records.tables[kind], table.kind.dateField != nil else { continue }
            var bare: [String] = []
            for year in earlier.buckets(.year) {
                if let rows = try? rows(of: kind, in: year), rows.isEmpty { bare.append(year.label) }
            }
            if !bare.isEmpty { gaps.append((kind, bare)) }
        }
        guard !gaps.isEmpty else { return nil }
        let notes = gaps.map { gap in
            let years = LocalizedText(joining: gap.years.map(LocalizedText.init(verbatim:)), separator: .list)
            return Message.evaluation(.yearsWithoutRecords(kind: gap.kind, years: years)).text
        }
        return Message.evaluation(
            .lookBackUnattested(
                veto: veto.id, start: "\(window.start)", end: "\(window.end)", gaps: LocalizedText(joining: notes, separator: .clauses))
        ).text
    }
}
