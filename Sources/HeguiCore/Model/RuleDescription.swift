import HeguiBase

/// Renders checks, measures and conditions as words a compliance officer can read aloud, in both languages.
public enum RuleDescription {
    /// A check in words: `count of hazard where grade = 重大 ≤ 0`.
    public static func describe(_ check: Check) -> LocalizedText {
        let bounds = describe(check.requirement)
        switch check.rule {
        case .measure(let measure):
            let m = describe(measure)
            return m.map { "\($0) \(bounds)" }
        case .every(let kind, let filter, let that):
            return say(.every(kind: kind, filter: whereFilter(filter), that: describe(that)))
        case .forEachGroup(let kind, let by, let per, let filter, let measure):
            let groups = by.map(LocalizedText.init(verbatim:)) + (per.map { [unit($0)] } ?? [])
            return say(
                .forEachGroup(
                    groups: joined(groups, by: .groupSeparator), kind: kind, filter: whereFilter(filter), measure: describe(measure),
                    bounds: bounds))
        case .inEvery(let unit, let measure):
            return say(.inEvery(unit: self.unit(unit), measure: describe(measure), bounds: bounds))
        case .growth(let measure):
            return say(.growth(measure: describe(measure), bounds: bounds))
        case .attested:
            return say(.attested)
        }
    }

    /// A measure in words: `share of employee that contractSigned = true`.
    public static func describe(_ measure: Measure) -> LocalizedText {
        switch measure {
        case .count(let kind, let filter):
            return say(.count(kind: kind, filter: whereFilter(filter)))
        case .aggregate(let aggregate, let kind, let field, let filter):
            let name: DescriptionMessage =
                switch aggregate {
                case .sum: .sum
                case .average: .average
                case .minimum: .minimum
                case .maximum: .maximum
                case .distinct: .distinctCount
                }
            return say(.aggregate(aggregate: say(name), kind: kind, field: field, filter: whereFilter(filter)))
        case .share(let kind, let filter, let that):
            return say(.share(kind: kind, filter: whereFilter(filter), that: describe(that)))
        case .ratio(let a, let b):
            let x = describe(a)
            let y = describe(b)
            return LocalizedText(joining: [x, y], separator: LocalizedText(verbatim: " ÷ "))
        }
    }

    /// A condition in words: `grade in 较大, 重大`.
    public static func describe(_ condition: Condition) -> LocalizedText {
        switch condition {
        case .field(let name, let comparison):
            let text = describe(comparison)
            return text.map { "\(name) \($0)" }
        case .all(let parts):
            return joined(parts.map(describe), by: .and)
        case .any(let parts):
            let items = joined(parts.map(describe), by: .or)
            return items.map { "(\($0))" }
        case .not(let inner):
            return say(.not(condition: describe(inner)))
        case .has(let kind, let by, let to, let filter):
            let link = by == to ? by : "\(by)→\(to)"
            let linkFilter = filter.map { say(.linkFilter(condition: describe($0))) } ?? LocalizedText(verbatim: "")
            return say(.has(kind: kind, link: link, filter: linkFilter))
        case .distinct(let fields):
            return say(.allDifferent(fields: fields.joined(separator: ", ")))
        }
    }

    /// Bounds in symbols: `≥ 95%`… operands as written (`$minContractRate`).
    public static func describe(_ requirement: Requirement) -> String {
        var parts: [String] = []
        if let v = requirement.atLeast { parts.append("≥ \(v)") }
        if let v = requirement.atMost { parts.append("≤ \(v)") }
        if let v = requirement.equals { parts.append("= \(v)") }
        return parts.joined(separator: " , ")
    }

    /// A comparison in symbols, or in words for sets, ranges and emptiness.
    private static func describe(_ comparison: Comparison) -> LocalizedText {
        switch comparison {
        case .equals(let v): LocalizedText(verbatim: "= \(v)")
        case .notEquals(let v): LocalizedText(verbatim: "≠ \(v)")
        case .lessThan(let v): LocalizedText(verbatim: "< \(v)")
        case .atMost(let v): LocalizedText(verbatim: "≤ \(v)")
        case .greaterThan(let v): LocalizedText(verbatim: "> \(v)")
        case .atLeast(let v): LocalizedText(verbatim: "≥ \(v)")
        case .isIn(let values):
            say(.isIn(values: LocalizedText(joining: values.map { LocalizedText(verbatim: $0.description) }, separator: Message.report(.label(.listSeparator)).text)))
        case .between(let a, let b): say(.between(low: "\(a)", high: "\(b)"))
        case .isEmpty(let empty): say(empty ? .isEmpty : .isPresent)
        }
    }

    private static func unit(_ unit: PeriodUnit) -> LocalizedText {
        switch unit {
        case .month: say(.month)
        case .quarter: say(.quarter)
        case .halfYear: say(.halfYear)
        case .year: say(.year)
        }
    }

    /// ` where …` / `（…）` after a kind, or nothing without a filter.
    private static func whereFilter(_ filter: Condition?) -> LocalizedText {
        filter.map { say(.whereFilter(condition: describe($0))) } ?? LocalizedText(verbatim: "")
    }

    /// Parts joined by a separator word of the catalogue, each language on its own.
    private static func joined(_ parts: [LocalizedText], by separator: DescriptionMessage) -> LocalizedText {
        LocalizedText(joining: parts, separator: say(separator))
    }

    private static func say(_ message: DescriptionMessage) -> LocalizedText { Message.ruleWords(message).text }
}
