/// Messages about an enterprise profile (`--profile`): tailored parameters and points, deselected indicators.
public enum ProfileMessage: Hashable, Sendable {
    case wrongRoot(root: String)
    case unexpectedElement(element: String)
    case parameterNeedsAttributes
    case unknownPack(pack: String)
    case unknownParameter(pack: String, parameter: String)
    case notOfType(value: String, type: String, parameter: String)
    case belowMinimum(value: String, minimum: String, parameter: String)
    case aboveMaximum(value: String, maximum: String, parameter: String)
    case notADate(value: String)
    case setTwiceFrom(parameter: String, pack: String, from: String)
    case setTwice(parameter: String, pack: String)
    case deselectNeeds(missing: String)
    case unknownIndicator(pack: String, indicator: String)
    case deselectedTwice(indicator: String, pack: String)
    case pointsNeeds(missing: String)
    case unknownScoredIndicator(pack: String, indicator: String)
    case pointsNotANumber(value: String, indicator: String)
    case pointsNotTailorable(indicator: String, pack: String, points: String)
    case pointsOutOfBounds(value: String, indicator: String, pack: String, minimum: String, maximum: String)
    case pointsSetTwice(indicator: String, pack: String)
    case pointsUnbalanced(pack: String, category: String, net: String)

    /// The zh-CN and en templates side by side.
    public var entry: MessageEntry {
        switch self {
        case .wrongRoot(let root):
            MessageEntry(zh: "根元素是 <{root}>，应为 <profile>", en: "the root element is <{root}>, expected <profile>", ["root": root])
        case .unexpectedElement(let element):
            MessageEntry(
                zh: "不应有 <{element}>（应为 <parameter pack name value effective-from?/>、<deselect pack indicator reason/> 或 <points pack indicator value reason/>）",
                en: "unexpected <{element}> (expected <parameter pack name value effective-from?/>, <deselect pack indicator reason/> or <points pack indicator value reason/>)",
                ["element": element])
        case .parameterNeedsAttributes:
            MessageEntry(zh: "<parameter> 需要 pack、name 和 value 属性", en: "<parameter> needs pack, name and value")
        case .unknownPack(let pack):
            MessageEntry(zh: "未知规则包“{pack}”", en: "unknown pack '{pack}'", ["pack": pack])
        case .unknownParameter(let pack, let parameter):
            MessageEntry(
                zh: "规则包“{pack}”没有参数“{parameter}”", en: "pack '{pack}' has no parameter '{parameter}'",
                ["pack": pack, "parameter": parameter])
        case .notOfType(let value, let type, let parameter):
            MessageEntry(
                zh: "“{value}”不是 {type} 类型的值（参数“{parameter}”）", en: "'{value}' is not a {type} (parameter '{parameter}')",
                ["value": value, "type": type, "parameter": parameter])
        case .belowMinimum(let value, let minimum, let parameter):
            MessageEntry(
                zh: "{value} 低于参数“{parameter}”的下限 {minimum}", en: "{value} is below the minimum {minimum} of parameter '{parameter}'",
                ["value": value, "minimum": minimum, "parameter": parameter])
        case .aboveMaximum(let value, let maximum, let parameter):
            MessageEntry(
                zh: "{value} 高于参数“{parameter}”的上限 {maximum}", en: "{value} is above the maximum {maximum} of parameter '{parameter}'",
                ["value": value, "maximum": maximum, "parameter": parameter])
        case .notADate(let value):
            MessageEntry(zh: "“{value}”不是日期（格式 YYYY-MM-DD）", en: "'{value}' is not a date (YYYY-MM-DD)", ["value": value])
        case .setTwiceFrom(let parameter, let pack, let from):
            MessageEntry(
                zh: "规则包“{pack}”的参数“{parameter}”自 {from} 起被设置了两次",
                en: "parameter '{parameter}' of pack '{pack}' is set twice from {from}",
                ["parameter": parameter, "pack": pack, "from": from])
        case .setTwice(let parameter, let pack):
            MessageEntry(
                zh: "规则包“{pack}”的参数“{parameter}”被设置了两次", en: "parameter '{parameter}' of pack '{pack}' is set twice",
                ["parameter": parameter, "pack": pack])
        case .deselectNeeds(let missing):
            MessageEntry(
                zh: "<deselect> 需要 {missing} 属性（不选用指标必须说明理由）",
                en: "<deselect> needs {missing} (a deselected indicator must say why)", ["missing": missing])
        case .unknownIndicator(let pack, let indicator):
            MessageEntry(
                zh: "规则包“{pack}”没有指标“{indicator}”（否决项不能不选用）",
                en: "pack '{pack}' has no indicator '{indicator}' (vetoes cannot be deselected)",
                ["pack": pack, "indicator": indicator])
        case .deselectedTwice(let indicator, let pack):
            MessageEntry(
                zh: "规则包“{pack}”的指标“{indicator}”被重复列为不选用", en: "indicator '{indicator}' of pack '{pack}' is deselected twice",
                ["indicator": indicator, "pack": pack])
        case .pointsNeeds(let missing):
            MessageEntry(
                zh: "<points> 需要 {missing} 属性（调整分值必须说明理由）",
                en: "<points> needs {missing} (a change of points must say why)", ["missing": missing])
        case .unknownScoredIndicator(let pack, let indicator):
            MessageEntry(
                zh: "规则包“{pack}”没有指标“{indicator}”（否决项没有分值）",
                en: "pack '{pack}' has no indicator '{indicator}' (vetoes carry no points)",
                ["pack": pack, "indicator": indicator])
        case .pointsNotANumber(let value, let indicator):
            MessageEntry(
                zh: "“{value}”不是分值（指标“{indicator}”）", en: "'{value}' is not a number of points (indicator '{indicator}')",
                ["value": value, "indicator": indicator])
        case .pointsNotTailorable(let indicator, let pack, let points):
            MessageEntry(
                zh: "规则包“{pack}”的指标“{indicator}”分值固定为 {points} 分（规则包未声明 min-points/max-points）",
                en: "indicator '{indicator}' of pack '{pack}' has fixed points ({points}): the pack declares no min-points/max-points for it",
                ["indicator": indicator, "pack": pack, "points": points])
        case .pointsOutOfBounds(let value, let indicator, let pack, let minimum, let maximum):
            MessageEntry(
                zh: "{value} 分超出规则包“{pack}”允许指标“{indicator}”调整的范围 {minimum}–{maximum}",
                en: "{value} points is outside the {minimum}–{maximum} that pack '{pack}' allows for indicator '{indicator}'",
                ["value": value, "indicator": indicator, "pack": pack, "minimum": minimum, "maximum": maximum])
        case .pointsSetTwice(let indicator, let pack):
            MessageEntry(
                zh: "规则包“{pack}”的指标“{indicator}”分值被调整了两次", en: "the points of indicator '{indicator}' of pack '{pack}' are set twice",
                ["indicator": indicator, "pack": pack])
        case .pointsUnbalanced(let pack, let category, let net):
            MessageEntry(
                zh: "规则包“{pack}”类别“{category}”的分值调整合计 {net} 分，应为 0（类别分值、总分和合格线保持不变）",
                en: "the points changes in category '{category}' of pack '{pack}' add up to {net}, not 0 (the category's points, the total and the pass line stay as the pack sets them)",
                ["pack": pack, "category": category, "net": net])
        }
    }
}

/// Messages about a waivers file (`--waivers`) and the waivers it grants.
public enum WaiverMessage: Hashable, Sendable {
    case wrongRoot(root: String)
    case unexpectedElement(element: String)
    case unknownPack(pack: String)
    case unknownIndicator(indicator: String)
    case notADate(value: String)
    case needs(missing: String)

    /// The zh-CN and en templates side by side.
    public var entry: MessageEntry {
        switch self {
        case .wrongRoot(let root):
            MessageEntry(zh: "根元素是 <{root}>，应为 <waivers>", en: "the root element is <{root}>, expected <waivers>", ["root": root])
        case .unexpectedElement(let element):
            MessageEntry(zh: "不应有 <{element}>（应为 <waiver/>）", en: "unexpected <{element}> (expected <waiver/>)", ["element": element])
        case .unknownPack(let pack):
            MessageEntry(zh: "未知规则包“{pack}”", en: "unknown pack '{pack}'", ["pack": pack])
        case .unknownIndicator(let indicator):
            MessageEntry(zh: "未知指标“{indicator}”", en: "unknown indicator '{indicator}'", ["indicator": indicator])
        case .notADate(let value):
            MessageEntry(zh: "“{value}”不是日期（格式 YYYY-MM-DD）", en: "'{value}' is not a date (YYYY-MM-DD)", ["value": value])
        case .needs(let missing):
            MessageEntry(zh: "豁免需要 {missing} 属性", en: "a waiver needs {missing}", ["missing": missing])
        }
    }
}
