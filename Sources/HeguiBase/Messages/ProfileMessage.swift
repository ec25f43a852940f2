/// Messages about an enterprise profile (`--profile`): tailored parameters and deselected indicators.
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

    /// The zh-CN and en templates side by side.
    public var entry: MessageEntry {
        switch self {
        case .wrongRoot(let root):
            MessageEntry(zh: "根元素是 <{root}>，应为 <profile>", en: "the root element is <{root}>, expected <profile>", ["root": root])
        case .unexpectedElement(let element):
            MessageEntry(
                zh: "不应有 <{element}>（应为 <parameter pack name value effective-from?/> 或 <deselect pack indicator reason/>）",
                en: "unexpected <{element}> (expected <parameter pack name value effective-from?/> or <deselect pack indicator reason/>)",
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
