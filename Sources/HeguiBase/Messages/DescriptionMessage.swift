/// A rule read aloud (`RuleDescription`): checks, measures and conditions in words. Kinds, fields
/// and values are identifiers and record values, so they stay as the pack writes them.
public enum DescriptionMessage: Hashable, Sendable {
    case whereFilter(condition: LocalizedText)
    case linkFilter(condition: LocalizedText)
    case every(kind: String, filter: LocalizedText, that: LocalizedText)
    case forEachGroup(groups: LocalizedText, kind: String, filter: LocalizedText, measure: LocalizedText, bounds: String)
    case inEvery(unit: LocalizedText, measure: LocalizedText, bounds: String)
    case growth(measure: LocalizedText, bounds: String)
    case attested
    case count(kind: String, filter: LocalizedText)
    case aggregate(aggregate: LocalizedText, kind: String, field: String, filter: LocalizedText)
    case share(kind: String, filter: LocalizedText, that: LocalizedText)
    case sum
    case average
    case minimum
    case maximum
    case distinctCount
    case month
    case quarter
    case halfYear
    case year
    case groupSeparator
    case and
    case or
    case not(condition: LocalizedText)
    case isIn(values: LocalizedText)
    case between(low: String, high: String)
    case isEmpty
    case isPresent
    case has(kind: String, link: String, filter: LocalizedText)
    case allDifferent(fields: String)

    /// The zh-CN and en templates side by side.
    public var entry: MessageEntry {
        switch self {
        case .whereFilter(let condition):
            MessageEntry(zh: "（{condition}）", en: " where {condition}", localized: ["condition": condition])
        case .linkFilter(let condition):
            MessageEntry(zh: "，{condition}", en: ", {condition}", localized: ["condition": condition])
        case .every(let kind, let filter, let that):
            MessageEntry(
                zh: "每条{kind}记录{filter}均须满足：{that}", en: "every {kind}{filter} must have {that}", ["kind": kind],
                localized: ["filter": filter, "that": that])
        case .forEachGroup(let groups, let kind, let filter, let measure, let bounds):
            MessageEntry(
                zh: "按{groups}分组的每组{kind}{filter}：{measure} {bounds}", en: "for each {groups} of {kind}{filter}: {measure} {bounds}",
                ["kind": kind, "bounds": bounds], localized: ["groups": groups, "filter": filter, "measure": measure])
        case .inEvery(let unit, let measure, let bounds):
            MessageEntry(
                zh: "每个{unit}：{measure} {bounds}", en: "in every {unit}: {measure} {bounds}", ["bounds": bounds],
                localized: ["unit": unit, "measure": measure])
        case .growth(let measure, let bounds):
            MessageEntry(
                zh: "{measure}较上期增长率 {bounds}", en: "growth of {measure} over the previous period {bounds}", ["bounds": bounds],
                localized: ["measure": measure])
        case .attested:
            MessageEntry(zh: "有佐证记录（佐证人、佐证文件）", en: "attested by a person with a document")
        case .count(let kind, let filter):
            MessageEntry(zh: "{kind}记录数{filter}", en: "count of {kind}{filter}", ["kind": kind], localized: ["filter": filter])
        case .aggregate(let aggregate, let kind, let field, let filter):
            MessageEntry(
                zh: "{kind}.{field}{aggregate}{filter}", en: "{aggregate} of {kind}.{field}{filter}", ["kind": kind, "field": field],
                localized: ["aggregate": aggregate, "filter": filter])
        case .share(let kind, let filter, let that):
            MessageEntry(
                zh: "{kind}{filter}中满足「{that}」的比例", en: "share of {kind}{filter} that have {that}", ["kind": kind],
                localized: ["filter": filter, "that": that])
        case .sum: MessageEntry(zh: "合计", en: "sum")
        case .average: MessageEntry(zh: "平均", en: "average")
        case .minimum: MessageEntry(zh: "最小", en: "minimum")
        case .maximum: MessageEntry(zh: "最大", en: "maximum")
        case .distinctCount: MessageEntry(zh: "不同值个数", en: "distinct count")
        case .month: MessageEntry(zh: "月", en: "month")
        case .quarter: MessageEntry(zh: "季度", en: "quarter")
        case .halfYear: MessageEntry(zh: "半年", en: "halfYear")
        case .year: MessageEntry(zh: "年", en: "year")
        case .groupSeparator: MessageEntry(zh: "、", en: " and ")
        case .and: MessageEntry(zh: " 且 ", en: " and ")
        case .or: MessageEntry(zh: " 或 ", en: " or ")
        case .not(let condition):
            MessageEntry(zh: "非({condition})", en: "not ({condition})", localized: ["condition": condition])
        case .isIn(let values):
            MessageEntry(zh: "属于 {values}", en: "in {values}", localized: ["values": values])
        case .between(let low, let high):
            MessageEntry(zh: "介于 {low} 与 {high}", en: "between {low} and {high}", ["low": low, "high": high])
        case .isEmpty: MessageEntry(zh: "为空", en: "is empty")
        case .isPresent: MessageEntry(zh: "已填写", en: "is present")
        case .has(let kind, let link, let filter):
            MessageEntry(
                zh: "有对应的{kind}记录（按{link}{filter}）", en: "a matching {kind} (by {link}{filter})", ["kind": kind, "link": link],
                localized: ["filter": filter])
        case .allDifferent(let fields):
            MessageEntry(zh: "{fields} 均已填写且互不相同", en: "{fields} all present and different", ["fields": fields])
        }
    }
}
