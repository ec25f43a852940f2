/// `hegui rules params` and the resolved values in `hegui rules show`.
public enum ParameterListing {
    /// A parameter's value in words: the default, then each later value with its date.
    public static func valueText(_ parameter: Parameter, language: Language) -> String {
        var text = parameter.defaultValue.description
        for effective in parameter.schedule {
            text += language.report(.valueFrom(from: "\(effective.from)", value: "\(effective.value)"))
        }
        return text
    }

    /// The text with every `$parameter` of the pack replaced by `$name=value` (period boundaries stay).
    public static func resolved(_ text: String, pack: RulePack, language: Language) -> String {
        let byName = Dictionary(uniqueKeysWithValues: pack.parameters.map { ($0.name, $0) })
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            guard character == "$" else {
                result.append(character)
                index = text.index(after: index)
                continue
            }
            var end = text.index(after: index)
            while end < text.endIndex, text[end].isLetter || text[end].isNumber || text[end] == "_" { end = text.index(after: end) }
            let name = String(text[text.index(after: index)..<end])
            if let parameter = byName[name] {
                result += "$\(name)=\(valueText(parameter, language: language))"
            } else {
                result += text[index..<end]
            }
            index = end
        }
        return result
    }

    /// The ids of the indicators, vetoes and categories whose rules read `$name`.
    public static func users(of name: String, in pack: RulePack) -> [String] {
        func reads(_ text: String) -> Bool {
            var rest = Substring(text)
            while let range = rest.range(of: "$" + name) {
                let after = rest[range.upperBound...].first
                if !(after.map { $0.isLetter || $0.isNumber || $0 == "_" } ?? false) { return true }
                rest = rest[range.upperBound...]
            }
            return false
        }
        var ids: [String] = []
        for indicator in pack.indicators {
            let checks = indicator.checks + [indicator.appliesWhen].compactMap { $0 }
            if checks.contains(where: { reads(RuleDescription.describe($0).en) }) { ids.append(indicator.id) }
        }
        for veto in pack.vetoes {
            if veto.checks.contains(where: { reads(RuleDescription.describe($0).en) }) || veto.lookBack == .parameter(name) {
                ids.append(veto.id)
            }
        }
        for category in pack.categories where category.minimum == .parameter(name) || category.minimumShare == .parameter(name) {
            ids.append(category.id)
        }
        if pack.grading.passLine == .parameter(name) || pack.grading.grades.contains(where: { $0.atLeast == .parameter(name) }) {
            ids.append("grading")
        }
        return ids
    }

    /// Every parameter of the packs: default, bounds, unit, dated values and the rules that read it.
    public static func text(_ packs: [RulePack], language: Language) -> String {
        var rows: [[String]] = [
            [
                language.label(.columnPack), language.label(.columnParameter), language.label(.columnType),
                language.label(.columnValue), language.label(.columnBounds), language.label(.columnUsedBy),
                language.label(.columnTitle),
            ]
        ]
        for pack in packs {
            for parameter in pack.parameters {
                let low = parameter.minimum.map(formatNumber) ?? ""
                let high = parameter.maximum.map(formatNumber) ?? ""
                rows.append([
                    pack.id, "$" + parameter.name, parameter.type.rawValue, valueText(parameter, language: language),
                    low.isEmpty && high.isEmpty ? "—" : "\(low)…\(high)",
                    users(of: parameter.name, in: pack).joined(separator: " "), parameter.title.text(language),
                ])
            }
        }
        return TextTable.render(rows)
    }
}
