/// The type of a field, parameter or value, as a message names it (with its article in English).
public enum TypeName: Hashable, Sendable {
    case number
    case text
    case boolean
    case date
    case duration
    case integer
    case decimal
    case string
    case enumeration

    /// The type's name in both languages.
    public var text: LocalizedText {
        switch self {
        case .number: LocalizedText(zh: "数值", en: "a number")
        case .text: LocalizedText(zh: "文本", en: "a text")
        case .boolean: LocalizedText(zh: "布尔值", en: "a boolean")
        case .date: LocalizedText(zh: "日期", en: "a date")
        case .duration: LocalizedText(zh: "时长", en: "a duration")
        case .integer: LocalizedText(zh: "整数", en: "an integer")
        case .decimal: LocalizedText(zh: "小数", en: "a decimal")
        case .string: LocalizedText(zh: "字符串", en: "a string")
        case .enumeration: LocalizedText(zh: "枚举", en: "an enum")
        }
    }

    /// How to write a literal of the type, for a value that is not one (empty when there is no hint).
    public var hint: LocalizedText {
        switch self {
        case .number: LocalizedText(zh: "（如 3、0.5 或 95%）", en: " (e.g. 3, 0.5 or 95%)")
        case .date: LocalizedText(zh: "（格式 YYYY-MM-DD）", en: " (use YYYY-MM-DD)")
        case .duration: LocalizedText(zh: "（如 15d、2m、3y）", en: " (e.g. 15d, 2m, 3y)")
        case .boolean: LocalizedText(zh: "（true 或 false）", en: " (true or false)")
        default: LocalizedText(zh: "", en: "")
        }
    }
}
