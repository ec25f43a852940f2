import HeguiBase

/// Renders checks, measures and conditions as words a compliance officer can read aloud, in both languages.
public enum RuleDescription {
    /// A check in words: `count of hazard where grade = 重大 ≤ 0`.
    public static func describe(_ check: Check) -> LocalizedText {
        let bounds = describe(check.requirement)
        switch check.rule {
        case .measure(let measure):
            let m = describe(measure)
            return LocalizedText(zh: "\(m.zhCN) \(bounds)", en: "\(m.en) \(bounds)")
        case .every(let kind, let filter, let that):
            let w = filter.map(describe)
            let t = describe(that)
            return LocalizedText(
                zh: "每条\(kind)记录\(w.map { "（\($0.zhCN)）" } ?? "")均须满足：\(t.zhCN)",
                en: "every \(kind)\(w.map { " where \($0.en)" } ?? "") must have \(t.en)")
        case .forEachGroup(let kind, let by, let per, let filter, let measure):
            let m = describe(measure)
            let w = filter.map(describe)
            let groupZH = (by + (per.map { [unitZH($0)] } ?? [])).joined(separator: "、")
            let groupEN = (by + (per.map { [$0.rawValue] } ?? [])).joined(separator: " and ")
            return LocalizedText(
                zh: "按\(groupZH)分组的每组\(kind)\(w.map { "（\($0.zhCN)）" } ?? "")：\(m.zhCN) \(bounds)",
                en: "for each \(groupEN) of \(kind)\(w.map { " where \($0.en)" } ?? ""): \(m.en) \(bounds)")
        case .inEvery(let unit, let measure):
            let m = describe(measure)
            return LocalizedText(zh: "每个\(unitZH(unit))：\(m.zhCN) \(bounds)", en: "in every \(unit.rawValue): \(m.en) \(bounds)")
        case .growth(let measure):
            let m = describe(measure)
            return LocalizedText(zh: "\(m.zhCN)较上期增长率 \(bounds)", en: "growth of \(m.en) over the previous period \(bounds)")
        case .attested:
            return LocalizedText(zh: "有佐证记录（佐证人、佐证文件）", en: "attested by a person with a document")
        }
    }

    /// A measure in words: `share of employee that contractSigned = true`.
    public static func describe(_ measure: Measure) -> LocalizedText {
        switch measure {
        case .count(let kind, let filter):
            let w = filter.map(describe)
            return LocalizedText(
                zh: "\(kind)记录数\(w.map { "（\($0.zhCN)）" } ?? "")", en: "count of \(kind)\(w.map { " where \($0.en)" } ?? "")")
        case .aggregate(let aggregate, let kind, let field, let filter):
            let w = filter.map(describe)
            let zh: String =
                switch aggregate {
                case .sum: "合计"
                case .average: "平均"
                case .minimum: "最小"
                case .maximum: "最大"
                case .distinct: "不同值个数"
                }
            let en = aggregate == .distinct ? "distinct count" : aggregate.rawValue
            return LocalizedText(
                zh: "\(kind).\(field)\(zh)\(w.map { "（\($0.zhCN)）" } ?? "")",
                en: "\(en) of \(kind).\(field)\(w.map { " where \($0.en)" } ?? "")")
        case .share(let kind, let filter, let that):
            let w = filter.map(describe)
            let t = describe(that)
            return LocalizedText(
                zh: "\(kind)\(w.map { "（\($0.zhCN)）" } ?? "")中满足「\(t.zhCN)」的比例",
                en: "share of \(kind)\(w.map { " where \($0.en)" } ?? "") that have \(t.en)")
        case .ratio(let a, let b):
            let x = describe(a)
            let y = describe(b)
            return LocalizedText(zh: "\(x.zhCN) ÷ \(y.zhCN)", en: "\(x.en) ÷ \(y.en)")
        }
    }

    /// A condition in words: `grade in 较大, 重大`.
    public static func describe(_ condition: Condition) -> LocalizedText {
        switch condition {
        case .field(let name, let comparison):
            let (zh, en) = describe(comparison)
            return LocalizedText(zh: "\(name) \(zh)", en: "\(name) \(en)")
        case .all(let parts):
            let items = parts.map(describe)
            return LocalizedText(zh: items.map(\.zhCN).joined(separator: " 且 "), en: items.map(\.en).joined(separator: " and "))
        case .any(let parts):
            let items = parts.map(describe)
            return LocalizedText(
                zh: "(" + items.map(\.zhCN).joined(separator: " 或 ") + ")",
                en: "(" + items.map(\.en).joined(separator: " or ") + ")")
        case .not(let inner):
            let item = describe(inner)
            return LocalizedText(zh: "非(\(item.zhCN))", en: "not (\(item.en))")
        case .has(let kind, let by, let to, let filter):
            let w = filter.map(describe)
            let link = by == to ? by : "\(by)→\(to)"
            return LocalizedText(
                zh: "有对应的\(kind)记录（按\(link)\(w.map { "，\($0.zhCN)" } ?? "")）",
                en: "a matching \(kind) (by \(link)\(w.map { ", \($0.en)" } ?? ""))")
        case .distinct(let fields):
            let list = fields.joined(separator: ", ")
            return LocalizedText(zh: "\(list) 均已填写且互不相同", en: "\(list) all present and different")
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

    private static func describe(_ comparison: Comparison) -> (String, String) {
        switch comparison {
        case .equals(let v): ("= \(v)", "= \(v)")
        case .notEquals(let v): ("≠ \(v)", "≠ \(v)")
        case .lessThan(let v): ("< \(v)", "< \(v)")
        case .atMost(let v): ("≤ \(v)", "≤ \(v)")
        case .greaterThan(let v): ("> \(v)", "> \(v)")
        case .atLeast(let v): ("≥ \(v)", "≥ \(v)")
        case .isIn(let values):
            ("属于 " + values.map(\.description).joined(separator: "、"), "in " + values.map(\.description).joined(separator: ", "))
        case .between(let a, let b): ("介于 \(a) 与 \(b)", "between \(a) and \(b)")
        case .isEmpty(let empty): empty ? ("为空", "is empty") : ("已填写", "is present")
        }
    }

    private static func unitZH(_ unit: PeriodUnit) -> String {
        switch unit {
        case .month: "月"
        case .quarter: "季度"
        case .halfYear: "半年"
        case .year: "年"
        }
    }
}
