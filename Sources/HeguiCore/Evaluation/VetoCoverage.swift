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
        let zh = gaps.map { "“\($0.kind)”在 \($0.years.joined(separator: "、")) 没有任何记录" }.joined(separator: "；")
        let en = gaps.map { "no '\($0.kind)' records at all in \($0.years.joined(separator: ", "))" }.joined(separator: "; ")
        return LocalizedText(
            zh: "\(veto.id) 追溯期 \(window.start)–\(window.end)：\(zh)；这些年份未经核实，否决项不能据此排除",
            en: "\(veto.id) look-back \(window.start)–\(window.end): \(en); those years are unattested, not cleared")
    }
}
