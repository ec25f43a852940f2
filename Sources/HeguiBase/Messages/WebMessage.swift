/// What the web pages say with values in it: refusals of a form, counts, account states. The
/// labels without values are `WebLabel`s.
public enum WebMessage: Hashable, Sendable {
    case label(WebLabel)
    case roleInDepartment(role: LocalizedText, department: String)
    case requirement(text: LocalizedText)
    case measured(value: String)
    case required(threshold: String)
    case deadlineFormat(text: String)
    case dateFormat
    case periodFormat
    case recordsFileName(name: String)
    case uploadRecords
    case photoTooLarge(megabytes: String)
    case notAPhoto
    case itemCount(count: Int)
    case enterpriseCount(count: Int)
    case issueCount(count: Int)
    case gradeDeadline(grade: String, days: Int)

    /// The zh-CN and en templates side by side.
    public var entry: MessageEntry {
        switch self {
        case .label(let label):
            label.entry
        case .roleInDepartment(let role, let department):
            MessageEntry(zh: "{role}：{department}", en: "{role}: {department}", ["department": department], localized: ["role": role])
        case .requirement(let text):
            MessageEntry(zh: "要求：{text}", en: "requirement: {text}", localized: ["text": text])
        case .measured(let value):
            MessageEntry(zh: "实测：{value}", en: "measured: {value}", ["value": value])
        case .required(let threshold):
            MessageEntry(zh: "要求：{threshold}", en: "required: {threshold}", ["threshold": threshold])
        case .deadlineFormat(let text):
            MessageEntry(zh: "期限应为 YYYY-MM-DD：{text}", en: "a deadline is YYYY-MM-DD: {text}", ["text": text])
        case .dateFormat:
            MessageEntry(zh: "日期应为 YYYY-MM-DD", en: "a date is YYYY-MM-DD")
        case .periodFormat:
            MessageEntry(zh: "评价期应为 2019、2019Q2、2019H1 或 2019-03", en: "a period is 2019, 2019Q2, 2019H1 or 2019-03")
        case .recordsFileName(let name):
            MessageEntry(
                zh: "记录文件名应为“类别.csv/.xlsx/.xml”：{name}", en: "a records file is named kind.csv, .xlsx or .xml: {name}", ["name": name])
        case .uploadRecords:
            MessageEntry(zh: "请上传记录文件", en: "upload the records files")
        case .photoTooLarge(let megabytes):
            MessageEntry(
                zh: "照片超过 {megabytes} MB 上限", en: "the photo is larger than the {megabytes} MB limit", ["megabytes": megabytes])
        case .notAPhoto:
            MessageEntry(zh: "只接受 JPEG、PNG、HEIC 或 WebP 照片", en: "only JPEG, PNG, HEIC or WebP photos are accepted")
        case .itemCount(let count):
            MessageEntry(zh: "共 {count} 项", en: "{count} items", ["count": String(count)])
        case .enterpriseCount(let count):
            MessageEntry(zh: "共 {count} 家企业", en: "{count} enterprises", ["count": String(count)])
        case .issueCount(let count):
            MessageEntry(zh: "{count} 个问题", en: "{count} issues", ["count": String(count)])
        case .gradeDeadline(let grade, let days):
            MessageEntry(zh: "{grade}（{days} 天）", en: "{grade} ({days} days)", ["grade": grade, "days": String(days)])
        }
    }
}
