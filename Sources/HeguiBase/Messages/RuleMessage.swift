/// Messages about a rule pack's meaning (`hegui validate`): ids, references to kinds, fields and
/// parameters, fitting types, totals and ranges, and the packs' own tests.
public enum RuleMessage: Hashable, Sendable {
    case wrongRoot(root: String)
    case notADate(value: String)
    case notADateYMD(value: String)
    case notAPeriod(value: String)
    case duplicateKind(id: String, line: Int)
    case duplicateParameter(name: String, line: Int)
    case duplicateCategory(id: String, line: Int)
    case duplicateID(id: String, line: Int)
    case duplicateTest(name: String, line: Int)
    case duplicateField(field: String, kind: String, line: Int)
    case duplicatePack(id: String, place: String)
    case needsBothLanguages(element: String)
    case forEachRatioOfSums
    case needsBound(element: String)
    case needsOf(element: String)
    case unknownKind(id: String)
    case countTakesNoField
    case needsField(element: String)
    case unknownField(field: String, kind: String)
    case needsNumberField(element: String, field: String, type: TypeName)
    case ratioNeedsTwoMeasures
    case notAMeasure(element: String)
    case boundOnInnerMeasure(attribute: String)
    case needsDateField(element: String, kind: String)
    case negativeCount(bound: String, value: String)
    case shareOutOfRange(value: String)
    case passLineAboveMaximum(line: String, maximum: String)
    case gradeBelowPassLine(grade: String, line: String, passLine: String)
    case gradeLineAboveMaximum(line: String, maximum: String)
    case gradesOutOfOrder
    case categoryTotal(category: String, total: String, declared: String)
    case deductionAboveIndicator(points: String, indicator: String)
    case pointBoundsExcludePoints(minimum: String, maximum: String, points: String)
    case maxPointsAboveCategory(maximum: String, category: String, points: String)
    case expectsUnknownIndicator(test: String, indicator: String)
    case expectationNeedsOutcome
    case expectsUnknownVeto(test: String, veto: String)
    case expectationNeedsFires
    case expectNeedsTarget
    case cannotLink(from: String, fromType: String, to: String, toType: String)
    case distinctNeedsTwoFields
    case needsOneComparison(field: String, count: Int)
    case notAllowedValue(value: String, allowed: String, field: String)
    case comparisonTakesNoField(comparison: String)
    case comparesOnlyOrdered(comparison: String, field: String, type: TypeName)
    case inNeedsAValue
    case betweenNeedsTwoValues
    case labelShared(label: String, field: String, owner: String)
    case enumNeedsValues(field: String)
    case valuesOnlyForEnum
    case nonNegativeOnlyForNumbers
    case dueNotADateField(field: String, kind: String)
    case keyNotAField(field: String, kind: String)
    case dateFieldNotADate(field: String, kind: String, type: TypeName)
    case dateNotAField(field: String, kind: String)
    case defaultNotOfType(value: String, parameter: String, type: TypeName)
    case defaultBelowMinimum(value: String, parameter: String, minimum: String)
    case defaultAboveMaximum(value: String, parameter: String, maximum: String)
    case scheduledNotOfType(value: String, parameter: String, type: TypeName)
    case scheduledOutsideRange(value: String, parameter: String)
    case scheduledTwice(parameter: String, from: String)
    case minimumAboveCategory(minimum: String, points: String)
    case unknownCategory(indicator: String, category: String)
    case perNotPositive
    case attestedDeduction
    case periodBoundOnlyDate(value: String, type: TypeName)
    case shiftNeedsSign(value: String, bound: String)
    case unknownParameter(name: String)
    case parameterWrongType(name: String, actual: TypeName, expected: TypeName)
    case onlyDateFieldShifts(value: String)
    case noRecordInScope(name: String)
    case unknownFieldReference(name: String)
    case fieldWrongType(name: String, actual: TypeName, expected: TypeName)
    case noOuterRecord(name: String)
    case unknownOuterField(name: String)
    case outerFieldWrongType(name: String, actual: TypeName, expected: TypeName)
    case notOfType(value: String, type: TypeName)
    case kindAttributeDiffers(kind: String, attribute: String, mine: String, theirs: String, place: String)
    case fieldTypeDiffers(field: String, type: TypeName, other: TypeName, place: String)
    case groupByNotAField(field: String, kind: String)
    case perNeedsDateField(per: String, kind: String)
    case attestedNeedsKind
    case groupedMeasureTakesNoOf
    case summary(packs: Int, indicators: Int, vetoes: Int, errors: Int, warnings: Int)

    /// The zh-CN and en templates side by side.
    public var entry: MessageEntry {
        switch self {
        case .wrongRoot(let root):
            MessageEntry(zh: "根元素是 <{root}>，应为 <pack>", en: "the root element is <{root}>, expected <pack>", ["root": root])
        case .notADate(let value):
            MessageEntry(zh: "“{value}”不是日期", en: "'{value}' is not a date", ["value": value])
        case .notADateYMD(let value):
            MessageEntry(zh: "“{value}”不是日期（格式 YYYY-MM-DD）", en: "'{value}' is not a date (YYYY-MM-DD)", ["value": value])
        case .notAPeriod(let value):
            MessageEntry(
                zh: "“{value}”不是评价期（2019、2019Q2、2019H1 或 2019-03）",
                en: "'{value}' is not a period (2019, 2019Q2, 2019H1 or 2019-03)", ["value": value])
        case .duplicateKind(let id, let line):
            MessageEntry(
                zh: "记录类型“{id}”重复（首次出现在第 {line} 行）", en: "duplicate record kind '{id}' (first at line {line})",
                ["id": id, "line": String(line)])
        case .duplicateParameter(let name, let line):
            MessageEntry(
                zh: "参数“{name}”重复（首次出现在第 {line} 行）", en: "duplicate parameter '{name}' (first at line {line})",
                ["name": name, "line": String(line)])
        case .duplicateCategory(let id, let line):
            MessageEntry(
                zh: "类别“{id}”重复（首次出现在第 {line} 行）", en: "duplicate category '{id}' (first at line {line})",
                ["id": id, "line": String(line)])
        case .duplicateID(let id, let line):
            MessageEntry(
                zh: "编号“{id}”重复（首次出现在第 {line} 行）", en: "duplicate id '{id}' (first at line {line})",
                ["id": id, "line": String(line)])
        case .duplicateTest(let name, let line):
            MessageEntry(
                zh: "测试“{name}”重复（首次出现在第 {line} 行）", en: "duplicate test '{name}' (first at line {line})",
                ["name": name, "line": String(line)])
        case .duplicateField(let field, let kind, let line):
            MessageEntry(
                zh: "记录类型“{kind}”中字段“{field}”重复（首次出现在第 {line} 行）",
                en: "duplicate field '{field}' in kind '{kind}' (first at line {line})",
                ["field": field, "kind": kind, "line": String(line)])
        case .duplicatePack(let id, let place):
            MessageEntry(
                zh: "规则包编号“{id}”重复（另见 {place}）", en: "duplicate pack id '{id}' (also in {place})", ["id": id, "place": place])
        case .needsBothLanguages(let element):
            MessageEntry(
                zh: "<{element}> 需要中文和英文文字各一段", en: "<{element}> needs one text in zh-CN and one in en",
                ["element": element])
        case .forEachRatioOfSums:
            MessageEntry(
                zh: "在 <for-each> 内，<ratio> 只能是两个不带 <where> 的 <sum> 之比",
                en: "inside <for-each>, a <ratio> divides two <sum> elements without <where>")
        case .needsBound(let element):
            MessageEntry(
                zh: "<{element}> 需要一个界限：at-least、at-most 或 equals",
                en: "<{element}> needs a bound: at-least, at-most or equals", ["element": element])
        case .needsOf(let element):
            MessageEntry(zh: "<{element}> 需要 of=\"记录类型\"", en: "<{element}> needs of=\"kind\"", ["element": element])
        case .unknownKind(let id):
            MessageEntry(zh: "未知记录类型“{id}”", en: "unknown record kind '{id}'", ["id": id])
        case .countTakesNoField:
            MessageEntry(zh: "<count> 统计记录条数，不带 field", en: "<count> counts records; it takes no field")
        case .needsField(let element):
            MessageEntry(zh: "<{element}> 需要 field=\"…\"", en: "<{element}> needs field=\"…\"", ["element": element])
        case .unknownField(let field, let kind):
            MessageEntry(
                zh: "记录类型“{kind}”没有字段“{field}”", en: "unknown field '{field}' of kind '{kind}'", ["field": field, "kind": kind])
        case .needsNumberField(let element, let field, let type):
            MessageEntry(
                zh: "<{element}> 需要数值字段，而“{field}”是{type}", en: "<{element}> needs a number field, but '{field}' is {type}",
                ["element": element, "field": field], localized: ["type": type.text])
        case .ratioNeedsTwoMeasures:
            MessageEntry(
                zh: "<ratio> 需要恰好两个度量：分子和分母", en: "<ratio> needs exactly two measures: numerator, denominator")
        case .notAMeasure(let element):
            MessageEntry(zh: "<{element}> 不是度量", en: "<{element}> is not a measure", ["element": element])
        case .boundOnInnerMeasure(let attribute):
            MessageEntry(
                zh: "{attribute} 应写在外层元素上，而不是这个内层度量上",
                en: "{attribute} belongs on the enclosing element, not on this inner measure", ["attribute": attribute])
        case .needsDateField(let element, let kind):
            MessageEntry(
                zh: "<{element}> 要求记录类型“{kind}”声明日期字段，以便按期间归入记录",
                en: "<{element}> needs kind '{kind}' to declare a date field, so records fall into periods",
                ["element": element, "kind": kind])
        case .negativeCount(let bound, let value):
            MessageEntry(
                zh: "{bound} {value} 小于 0：条数不能为负", en: "{bound} {value} is below 0: a count cannot be negative",
                ["bound": bound, "value": value])
        case .shareOutOfRange(let value):
            MessageEntry(
                zh: "比例 {value} 超出 0…1（请写 95% 或 0.95）", en: "{value} is outside 0…1 for a share (write 95% or 0.95)",
                ["value": value])
        case .passLineAboveMaximum(let line, let maximum):
            MessageEntry(
                zh: "合格线 {line} 高于本包总分 {maximum} 分", en: "pass line {line} is above the pack's {maximum} points",
                ["line": line, "maximum": maximum])
        case .gradeBelowPassLine(let grade, let line, let passLine):
            MessageEntry(
                zh: "等级“{grade}”的分数线 {line} 低于合格线 {passLine}",
                en: "grade '{grade}' at {line} is below the pass line {passLine}",
                ["grade": grade, "line": line, "passLine": passLine])
        case .gradeLineAboveMaximum(let line, let maximum):
            MessageEntry(
                zh: "等级分数线 {line} 高于本包总分 {maximum} 分", en: "grade line {line} is above the pack's {maximum} points",
                ["line": line, "maximum": maximum])
        case .gradesOutOfOrder:
            MessageEntry(zh: "等级须按分数线从低到高排列", en: "grades must be listed from the lowest line up")
        case .categoryTotal(let category, let total, let declared):
            MessageEntry(
                zh: "类别“{category}”各指标合计 {total} 分，但类别声明为 {declared} 分",
                en: "indicators of category '{category}' add up to {total} points, but the category declares {declared}",
                ["category": category, "total": total, "declared": declared])
        case .deductionAboveIndicator(let points, let indicator):
            MessageEntry(
                zh: "每单位扣 {points} 分，超过该指标的 {indicator} 分",
                en: "deduction of {points} per unit is more than the indicator's {indicator} points",
                ["points": points, "indicator": indicator])
        case .pointBoundsExcludePoints(let minimum, let maximum, let points):
            MessageEntry(
                zh: "分值范围 {minimum}–{maximum} 不包含该指标的 {points} 分（应 min-points ≤ points ≤ max-points）",
                en: "the points bounds {minimum}–{maximum} do not include the indicator's {points} points (min-points ≤ points ≤ max-points)",
                ["minimum": minimum, "maximum": maximum, "points": points])
        case .maxPointsAboveCategory(let maximum, let category, let points):
            MessageEntry(
                zh: "max-points {maximum} 超过类别“{category}”的 {points} 分",
                en: "max-points {maximum} is more than category '{category}' holds ({points} points)",
                ["maximum": maximum, "category": category, "points": points])
        case .expectsUnknownIndicator(let test, let indicator):
            MessageEntry(
                zh: "测试“{test}”预期了未知指标“{indicator}”", en: "test '{test}' expects unknown indicator '{indicator}'",
                ["test": test, "indicator": indicator])
        case .expectationNeedsOutcome:
            MessageEntry(zh: "指标预期需要 outcome=\"…\"", en: "an indicator expectation needs outcome=\"…\"")
        case .expectsUnknownVeto(let test, let veto):
            MessageEntry(
                zh: "测试“{test}”预期了未知否决项“{veto}”", en: "test '{test}' expects unknown veto '{veto}'", ["test": test, "veto": veto])
        case .expectationNeedsFires:
            MessageEntry(zh: "否决项预期需要 fires=\"true|false\"", en: "a veto expectation needs fires=\"true|false\"")
        case .expectNeedsTarget:
            MessageEntry(
                zh: "<expect> 需要 indicator=、veto= 或 score=/passed=", en: "<expect> needs indicator=, veto= or score=/passed=")
        case .cannotLink(let from, let fromType, let to, let toType):
            MessageEntry(
                zh: "无法将“{from}”（{fromType}）关联到“{to}”（{toType}）", en: "cannot link '{from}' ({fromType}) to '{to}' ({toType})",
                ["from": from, "fromType": fromType, "to": to, "toType": toType])
        case .distinctNeedsTwoFields:
            MessageEntry(zh: "<distinct> 至少需要两个字段", en: "<distinct> needs at least two fields")
        case .needsOneComparison(let field, let count):
            MessageEntry(
                zh: "<field name=\"{field}\"> 需要恰好一个比较（equals、at-least、in 等），实有 {count} 个",
                en: "<field name=\"{field}\"> needs exactly one comparison (equals, at-least, in, …), found {count}",
                ["field": field, "count": String(count)])
        case .notAllowedValue(let value, let allowed, let field):
            MessageEntry(
                zh: "“{value}”不是可选值（{allowed}）之一（字段“{field}”）", en: "'{value}' is not one of {allowed} (field '{field}')",
                ["value": value, "allowed": allowed, "field": field])
        case .comparisonTakesNoField(let comparison):
            MessageEntry(
                zh: "{comparison}=\"…\" 只接受值和参数，不接受字段；与 @字段 比较请用 at-least/at-most",
                en: "{comparison}=\"…\" takes values and parameters, not fields; compare with @field using at-least/at-most",
                ["comparison": comparison])
        case .comparesOnlyOrdered(let comparison, let field, let type):
            MessageEntry(
                zh: "{comparison} 只比较数值或日期，而“{field}”是{type}",
                en: "{comparison} compares numbers or dates, but '{field}' is {type}",
                ["comparison": comparison, "field": field], localized: ["type": type.text])
        case .inNeedsAValue:
            MessageEntry(zh: "in=\"…\" 至少需要一个值", en: "in=\"…\" needs at least one value")
        case .betweenNeedsTwoValues:
            MessageEntry(zh: "between=\"下限 上限\" 需要恰好两个值", en: "between=\"low high\" needs exactly two values")
        case .labelShared(let label, let field, let owner):
            MessageEntry(
                zh: "字段“{field}”的列名“{label}”也被字段“{owner}”使用",
                en: "column name '{label}' of field '{field}' is also used by field '{owner}'",
                ["label": label, "field": field, "owner": owner])
        case .enumNeedsValues(let field):
            MessageEntry(zh: "枚举字段“{field}”需要 values=\"…\"", en: "enum field '{field}' needs values=\"…\"", ["field": field])
        case .valuesOnlyForEnum:
            MessageEntry(zh: "values=\"…\" 只用于枚举字段", en: "values=\"…\" is only for enum fields")
        case .nonNegativeOnlyForNumbers:
            MessageEntry(
                zh: "non-negative=\"true\" 只用于整数和小数字段", en: "non-negative=\"true\" is only for integer and decimal fields")
        case .dueNotADateField(let field, let kind):
            MessageEntry(
                zh: "期限字段“{field}”不是记录类型“{kind}”的日期字段", en: "due field '{field}' is not a date field of kind '{kind}'",
                ["field": field, "kind": kind])
        case .keyNotAField(let field, let kind):
            MessageEntry(
                zh: "主键字段“{field}”不是记录类型“{kind}”的字段", en: "key field '{field}' is not a field of kind '{kind}'",
                ["field": field, "kind": kind])
        case .dateFieldNotADate(let field, let kind, let type):
            MessageEntry(
                zh: "记录类型“{kind}”的日期字段“{field}”是{type}，不是日期",
                en: "date field '{field}' of kind '{kind}' is {type}, not a date",
                ["field": field, "kind": kind], localized: ["type": type.text])
        case .dateNotAField(let field, let kind):
            MessageEntry(
                zh: "日期字段“{field}”不是记录类型“{kind}”的字段", en: "date field '{field}' is not a field of kind '{kind}'",
                ["field": field, "kind": kind])
        case .defaultNotOfType(let value, let parameter, let type):
            MessageEntry(
                zh: "参数“{parameter}”的默认值“{value}”不是{type}",
                en: "default '{value}' of parameter '{parameter}' is not {type}",
                ["value": value, "parameter": parameter], localized: ["type": type.text])
        case .defaultBelowMinimum(let value, let parameter, let minimum):
            MessageEntry(
                zh: "参数“{parameter}”的默认值 {value} 低于下限 {minimum}",
                en: "default {value} of parameter '{parameter}' is below its minimum {minimum}",
                ["value": value, "parameter": parameter, "minimum": minimum])
        case .defaultAboveMaximum(let value, let parameter, let maximum):
            MessageEntry(
                zh: "参数“{parameter}”的默认值 {value} 高于上限 {maximum}",
                en: "default {value} of parameter '{parameter}' is above its maximum {maximum}",
                ["value": value, "parameter": parameter, "maximum": maximum])
        case .scheduledNotOfType(let value, let parameter, let type):
            MessageEntry(
                zh: "参数“{parameter}”的值“{value}”不是{type}", en: "'{value}' of parameter '{parameter}' is not {type}",
                ["value": value, "parameter": parameter], localized: ["type": type.text])
        case .scheduledOutsideRange(let value, let parameter):
            MessageEntry(
                zh: "参数“{parameter}”的值 {value} 超出其上下限", en: "{value} of parameter '{parameter}' is outside its min/max",
                ["value": value, "parameter": parameter])
        case .scheduledTwice(let parameter, let from):
            MessageEntry(
                zh: "参数“{parameter}”自 {from} 起有两个值", en: "parameter '{parameter}' has two values from {from}",
                ["parameter": parameter, "from": from])
        case .minimumAboveCategory(let minimum, let points):
            MessageEntry(
                zh: "最低分 {minimum} 高于该类别的 {points} 分", en: "minimum {minimum} is above the category's {points} points",
                ["minimum": minimum, "points": points])
        case .unknownCategory(let indicator, let category):
            MessageEntry(
                zh: "指标“{indicator}”引用了未知类别“{category}”", en: "indicator '{indicator}' names unknown category '{category}'",
                ["indicator": indicator, "category": category])
        case .perNotPositive:
            MessageEntry(zh: "per 必须大于 0", en: "per must be above 0")
        case .attestedDeduction:
            MessageEntry(
                zh: "佐证类指标不能设扣分：没有可度量的差距",
                en: "an attested indicator cannot have a deduction: there is no shortfall to measure")
        case .periodBoundOnlyDate(let value, let type):
            MessageEntry(
                zh: "“{value}”是日期，但此处应为{type}", en: "'{value}' is a date but {type} is expected here", ["value": value],
                localized: ["type": type.text])
        case .shiftNeedsSign(let value, let bound):
            MessageEntry(
                zh: "“{value}”：{bound} 之后应为 + 或 -，如 {bound}-3y", en: "'{value}': expected + or - after {bound}, e.g. {bound}-3y",
                ["value": value, "bound": bound])
        case .unknownParameter(let name):
            MessageEntry(zh: "未知参数“${name}”", en: "unknown parameter '${name}'", ["name": name])
        case .parameterWrongType(let name, let actual, let expected):
            MessageEntry(
                zh: "参数“${name}”是{actual}，但此处应为{expected}", en: "parameter '${name}' is {actual} but {expected} is expected here",
                ["name": name], localized: ["actual": actual.text, "expected": expected.text])
        case .onlyDateFieldShifts(let value):
            MessageEntry(zh: "“{value}”：只有日期字段可以平移", en: "'{value}': only a date field can be shifted", ["value": value])
        case .noRecordInScope(let name):
            MessageEntry(zh: "“@{name}”：此处没有可引用的记录", en: "'@{name}': no record is in scope here", ["name": name])
        case .unknownFieldReference(let name):
            MessageEntry(zh: "未知字段“@{name}”", en: "unknown field '@{name}'", ["name": name])
        case .fieldWrongType(let name, let actual, let expected):
            MessageEntry(
                zh: "字段“@{name}”是{actual}，但此处应为{expected}", en: "field '@{name}' is {actual} but {expected} is expected here",
                ["name": name], localized: ["actual": actual.text, "expected": expected.text])
        case .noOuterRecord(let name):
            MessageEntry(
                zh: "“^{name}”：只有 <has> 内的条件才能引用外层记录",
                en: "'^{name}': only the conditions inside a <has> can refer to the outer record", ["name": name])
        case .unknownOuterField(let name):
            MessageEntry(zh: "外层记录没有字段“^{name}”", en: "the outer record has no field '^{name}'", ["name": name])
        case .outerFieldWrongType(let name, let actual, let expected):
            MessageEntry(
                zh: "外层字段“^{name}”是{actual}，但此处应为{expected}",
                en: "outer field '^{name}' is {actual} but {expected} is expected here",
                ["name": name], localized: ["actual": actual.text, "expected": expected.text])
        case .notOfType(let value, let type):
            MessageEntry(
                zh: "“{value}”不是{type}{hint}", en: "'{value}' is not {type}{hint}", ["value": value],
                localized: ["type": type.text, "hint": type.hint])
        case .kindAttributeDiffers(let kind, let attribute, let mine, let theirs, let place):
            MessageEntry(
                zh: "记录类型“{kind}”此处为 {attribute}=\"{mine}\"，而 {place} 处为 {attribute}=\"{theirs}\"",
                en: "kind '{kind}' has {attribute}=\"{mine}\" here but {attribute}=\"{theirs}\" at {place}",
                ["kind": kind, "attribute": attribute, "mine": mine, "theirs": theirs, "place": place])
        case .fieldTypeDiffers(let field, let type, let other, let place):
            MessageEntry(
                zh: "字段“{field}”此处是{type}，而 {place} 处是{other}", en: "field '{field}' is {type} here but {other} at {place}",
                ["field": field, "place": place], localized: ["type": type.text, "other": other.text])
        case .groupByNotAField(let field, let kind):
            MessageEntry(
                zh: "分组字段“{field}”不是记录类型“{kind}”的字段", en: "group-by field '{field}' is not a field of kind '{kind}'",
                ["field": field, "kind": kind])
        case .perNeedsDateField(let per, let kind):
            MessageEntry(
                zh: "per=\"{per}\" 要求记录类型“{kind}”声明日期字段", en: "per=\"{per}\" needs kind '{kind}' to declare a date field",
                ["per": per, "kind": kind])
        case .attestedNeedsKind:
            MessageEntry(
                zh: "<attested/> 需要记录类型“attestation”，且有 indicator、attestedBy 和 document 字段",
                en: "<attested/> needs a record kind 'attestation' with fields indicator, attestedBy and document")
        case .groupedMeasureTakesNoOf:
            MessageEntry(
                zh: "在 <for-each> 内不要写 of：度量读取的是分组内的记录",
                en: "inside <for-each>, leave out 'of': the measure reads the grouped records")
        case .summary(let packs, let indicators, let vetoes, let errors, let warnings):
            MessageEntry(
                zh: "{packs} 个规则包，{indicators} 个指标，{vetoes} 个否决项：{errors} 个错误，{warnings} 个警告",
                en: "{packs} pack\(packs == 1 ? "" : "s"), {indicators} indicator\(indicators == 1 ? "" : "s"), {vetoes} veto\(vetoes == 1 ? "" : "es"): "
                    + "{errors} error\(errors == 1 ? "" : "s"), {warnings} warning\(warnings == 1 ? "" : "s")",
                [
                    "packs": String(packs), "indicators": String(indicators), "vetoes": String(vetoes), "errors": String(errors),
                    "warnings": String(warnings),
                ])
        }
    }
}
