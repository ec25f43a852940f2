/// What evaluating a pack says: why a check could not be judged, the notes under a finding, the
/// outcome and grade words, and how `hegui test` and the table reader summarise what they read.
public enum EvaluationMessage: Hashable, Sendable {
    case outcomePass
    case outcomeFail
    case outcomeNotApplicable
    case outcomeError
    case outcomeUnattested
    case outcomeWaived
    case outcomeNotSelected
    case gradePassed
    case gradeFailed
    case missingKind(kind: String)
    case absentColumn(location: String, kind: String, name: String)
    case absentLabelledColumn(location: String, kind: String, name: String, label: String)
    case emptyKind(place: String, title: LocalizedText, kind: String)
    case groupByTooMany
    case groupMeasureNotCountOrAggregate
    case noRecordsForGrowth(period: String, kind: String)
    case previousPeriodZero(period: String)
    case noShareBase(period: String, kind: String)
    case denominatorZero(measure: LocalizedText)
    case fieldNotNumber(field: String)
    case noValues(period: String, kind: String, field: String)
    case noField(kind: String, field: String)
    case parameterWithoutValue(name: String)
    case shiftNotDuration
    case boundNotNumber(bound: String)
    case booleanNotOrdered
    case textNotOrdered
    case comparisonWrongType
    case bucketBelow(bucket: String, threshold: String)
    case noAttestation(period: String, indicator: String)
    case shareDetail(meeting: Int, total: Int, kind: String)
    case ratioDetail(numerator: String, denominator: String)
    case groupValue(key: String, value: String, threshold: String)
    case groupNoValues(key: String)
    case notSelected(reason: String)
    case parametersByDate(end: String, parameters: LocalizedText)
    case parameterValues(name: String, values: LocalizedText)
    case valueFrom(day: String, value: String)
    case valueBefore(value: String)
    case doesNotApply(condition: LocalizedText)
    case waived(reason: String, approver: String, expires: String)
    case waiverExpired(expires: String)
    case yearsWithoutRecords(kind: String, years: LocalizedText)
    case lookBackUnattested(veto: String, start: String, end: String, gaps: LocalizedText)
    case signsTwice(value: String)
    case deadlinesFallback(problem: String, deadlines: LocalizedText)
    case deadlineDays(grade: String, days: Int)
    case skippedRows(count: Int, groups: LocalizedText)
    case skippedRow(groups: LocalizedText)
    case skippedGroupOne(group: LocalizedText, lines: LocalizedText, sheetRows: Bool)
    case skippedGroupMany(group: LocalizedText, lines: LocalizedText, sheetRows: Bool)
    case aboveHeader
    case repeatedHeader
    case totalRow
    case noteRow
    case blankRow
    case columnsNotRead(columns: LocalizedText)
    case columnNotRead(column: String)

    /// The zh-CN and en templates side by side.
    public var entry: MessageEntry {
        switch self {
        case .outcomePass: MessageEntry(zh: "达标", en: "pass")
        case .outcomeFail: MessageEntry(zh: "未达标", en: "fail")
        case .outcomeNotApplicable: MessageEntry(zh: "不适用", en: "not applicable")
        case .outcomeError: MessageEntry(zh: "数据错误", en: "error")
        case .outcomeUnattested: MessageEntry(zh: "未佐证", en: "unattested")
        case .outcomeWaived: MessageEntry(zh: "已豁免", en: "waived")
        case .outcomeNotSelected: MessageEntry(zh: "未选用", en: "not selected")
        case .gradePassed: MessageEntry(zh: "达标", en: "passed")
        case .gradeFailed: MessageEntry(zh: "不达标", en: "failed")
        case .missingKind(let kind):
            MessageEntry(
                zh: "缺少“{kind}”记录文件（记录目录中应有 {kind}.csv 或 XML 记录）",
                en: "no records file for kind '{kind}' (expected {kind}.csv or XML records in the records folder)", ["kind": kind])
        case .absentColumn(let location, let kind, let name):
            MessageEntry(
                zh: "{location}: “{kind}”记录文件缺少“{name}”列；本规则读取该列，无法判定",
                en: "{location}: the '{kind}' records file has no column '{name}'; this rule reads it and cannot be judged",
                ["location": location, "kind": kind, "name": name])
        case .absentLabelledColumn(let location, let kind, let name, let label):
            MessageEntry(
                zh: "{location}: “{kind}”记录文件缺少“{label}”（{name}）列；本规则读取该列，无法判定",
                en: "{location}: the '{kind}' records file has no column '{name}' ({label}); this rule reads it and cannot be judged",
                ["location": location, "kind": kind, "name": name, "label": label])
        case .emptyKind(let place, let title, let kind):
            MessageEntry(
                zh: "{place}“{title}”（{kind}）没有任何记录；本包要求该记录不能为空",
                en: "{place}'{title}' ({kind}) has no records; the pack requires at least one", ["place": place, "kind": kind],
                localized: ["title": title])
        case .groupByTooMany:
            MessageEntry(zh: "分组字段最多 3 个", en: "group-by takes at most three fields")
        case .groupMeasureNotCountOrAggregate:
            MessageEntry(zh: "分组内只能使用计数或汇总", en: "only count or an aggregate can be measured per group")
        case .noRecordsForGrowth(let period, let kind):
            MessageEntry(
                zh: "{period} 没有“{kind}”记录，无法计算增长率", en: "no '{kind}' records in {period}, so growth cannot be computed",
                ["period": period, "kind": kind])
        case .previousPeriodZero(let period):
            MessageEntry(
                zh: "上期（{period}）数值为 0，无法计算增长率", en: "the previous period ({period}) measures 0, so growth cannot be computed",
                ["period": period])
        case .noShareBase(let period, let kind):
            MessageEntry(
                zh: "{period} 没有可计算比例的“{kind}”记录", en: "no '{kind}' records in {period} to take a share of",
                ["period": period, "kind": kind])
        case .denominatorZero(let measure):
            MessageEntry(zh: "分母（{measure}）为 0", en: "the denominator ({measure}) is 0", localized: ["measure": measure])
        case .fieldNotNumber(let field):
            MessageEntry(zh: "字段 {field} 不是数值", en: "field '{field}' is not a number", ["field": field])
        case .noValues(let period, let kind, let field):
            MessageEntry(
                zh: "{period} 没有“{kind}.{field}”的数值", en: "no values of '{kind}.{field}' in {period}",
                ["period": period, "kind": kind, "field": field])
        case .noField(let kind, let field):
            MessageEntry(zh: "“{kind}”没有字段 {field}", en: "kind '{kind}' has no field '{field}'", ["kind": kind, "field": field])
        case .parameterWithoutValue(let name):
            MessageEntry(zh: "参数 ${name} 没有值", en: "parameter ${name} has no value", ["name": name])
        case .shiftNotDuration:
            MessageEntry(zh: "日期偏移量不是时长", en: "a date shift is not a duration")
        case .boundNotNumber(let bound):
            MessageEntry(zh: "界限 {bound} 不是数值", en: "bound {bound} is not a number", ["bound": bound])
        case .booleanNotOrdered:
            MessageEntry(zh: "布尔字段不能比较大小", en: "a boolean field cannot be ordered")
        case .textNotOrdered:
            MessageEntry(zh: "文本字段不能比较大小", en: "a text field cannot be ordered")
        case .comparisonWrongType:
            MessageEntry(zh: "比较值类型不符", en: "a comparison value has the wrong type")
        case .bucketBelow(let bucket, let threshold):
            MessageEntry(
                zh: "{bucket} 未达到 {threshold}", en: "{bucket} does not meet {threshold}", ["bucket": bucket, "threshold": threshold])
        case .noAttestation(let period, let indicator):
            MessageEntry(
                zh: "{period} 没有记载 {indicator} 的佐证记录（须写明佐证人和文件）",
                en: "no attestation for {indicator} in {period} naming a person and a document",
                ["period": period, "indicator": indicator])
        case .shareDetail(let meeting, let total, let kind):
            MessageEntry(
                zh: "符合 {meeting} 条 / 共 {total} 条“{kind}”记录", en: "{meeting} of {total} '{kind}' records meet it",
                ["meeting": String(meeting), "total": String(total), "kind": kind])
        case .ratioDetail(let numerator, let denominator):
            MessageEntry(
                zh: "分子 {numerator} ÷ 分母 {denominator}", en: "numerator {numerator} ÷ denominator {denominator}",
                ["numerator": numerator, "denominator": denominator])
        case .groupValue(let key, let value, let threshold):
            MessageEntry(
                zh: "{key}：{value}，要求 {threshold}", en: "{key}: {value}, required {threshold}",
                ["key": key, "value": value, "threshold": threshold])
        case .groupNoValues(let key):
            MessageEntry(
                zh: "{key}：没有可计算的数值，无法判定", en: "{key}: no values to measure, so the rule cannot be shown to hold", ["key": key])
        case .notSelected(let reason):
            MessageEntry(zh: "未选用：{reason}", en: "not selected: {reason}", ["reason": reason])
        case .parametersByDate(let end, let parameters):
            MessageEntry(
                zh: "按记录日期取参数值（无日期的汇总按期末 {end}）：{parameters}",
                en: "parameters by each record's date (totals by the period's last day, {end}): {parameters}", ["end": end],
                localized: ["parameters": parameters])
        case .parameterValues(let name, let values):
            MessageEntry(zh: "${name}：{values}", en: "${name}: {values}", ["name": name], localized: ["values": values])
        case .valueFrom(let day, let value):
            MessageEntry(zh: "{day} 起 {value}", en: "{value} from {day}", ["day": day, "value": value])
        case .valueBefore(let value):
            MessageEntry(zh: "此前 {value}", en: "{value} before", ["value": value])
        case .doesNotApply(let condition):
            MessageEntry(zh: "适用条件不成立：{condition}", en: "does not apply: {condition} does not hold", localized: ["condition": condition])
        case .waived(let reason, let approver, let expires):
            MessageEntry(
                zh: "已豁免：{reason}（{approver} 批准，至 {expires}）", en: "waived: {reason} (approved by {approver}, until {expires})",
                ["reason": reason, "approver": approver, "expires": expires])
        case .waiverExpired(let expires):
            MessageEntry(
                zh: "豁免已于 {expires} 到期，不再适用", en: "the waiver expired on {expires} and no longer applies", ["expires": expires])
        case .yearsWithoutRecords(let kind, let years):
            MessageEntry(
                zh: "“{kind}”在 {years} 没有任何记录", en: "no '{kind}' records at all in {years}", ["kind": kind],
                localized: ["years": years])
        case .lookBackUnattested(let veto, let start, let end, let gaps):
            MessageEntry(
                zh: "{veto} 追溯期 {start}–{end}：{gaps}；这些年份未经核实，否决项不能据此排除",
                en: "{veto} look-back {start}–{end}: {gaps}; those years are unattested, not cleared",
                ["veto": veto, "start": start, "end": end], localized: ["gaps": gaps])
        case .signsTwice(let value):
            MessageEntry(zh: "（“{value}”签了两次）", en: " ('{value}' signs twice)", ["value": value])
        case .deadlinesFallback(let problem, let deadlines):
            MessageEntry(
                zh: "无法使用规则包的整改期限（{problem}），按内置期限：{deadlines}",
                en: "cannot use the packs' rectification deadlines ({problem}); using the built-in ones: {deadlines}",
                ["problem": problem], localized: ["deadlines": deadlines])
        case .deadlineDays(let grade, let days):
            MessageEntry(zh: "{grade} {days} 天", en: "{grade} {days} days", ["grade": grade, "days": String(days)])
        case .skippedRows(let count, let groups):
            MessageEntry(
                zh: "跳过 {count} 行非记录行：{groups}", en: "skipped {count} rows that are not records: {groups}",
                ["count": String(count)], localized: ["groups": groups])
        case .skippedRow(let groups):
            MessageEntry(zh: "跳过 1 行非记录行：{groups}", en: "skipped 1 row that is not records: {groups}", localized: ["groups": groups])
        case .skippedGroupOne(let group, let lines, let sheetRows):
            MessageEntry(
                zh: "{group}（第 {lines} 行）", en: sheetRows ? "{group} (row {lines})" : "{group} (line {lines})", localized: ["group": group, "lines": lines])
        case .skippedGroupMany(let group, let lines, let sheetRows):
            MessageEntry(
                zh: "{group}（第 {lines} 行）", en: sheetRows ? "{group} (rows {lines})" : "{group} (lines {lines})", localized: ["group": group, "lines": lines])
        case .aboveHeader: MessageEntry(zh: "表头以上", en: "above the header")
        case .repeatedHeader: MessageEntry(zh: "重复的表头", en: "header")
        case .totalRow: MessageEntry(zh: "合计行", en: "total")
        case .noteRow: MessageEntry(zh: "表注", en: "note")
        case .blankRow: MessageEntry(zh: "空行", en: "blank")
        case .columnsNotRead(let columns):
            MessageEntry(zh: "未读取的列：{columns}", en: "columns not read: {columns}", localized: ["columns": columns])
        case .columnNotRead(let column):
            MessageEntry(zh: "未读取的列：{column}", en: "column not read: {column}", ["column": column])
        }
    }
}
