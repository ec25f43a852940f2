/// Messages the command line prints when a command cannot run or stops without a score.
public enum CommandMessage: Hashable, Sendable {
    case recordsProblems(count: Int)
    case noRecords(examples: String)
    case unknownPacks(packs: String, available: String)
    case unknownRule(id: String, packs: String)
    case unknownRuleAnywhere(id: String)
    case cannotOpenLedger(reason: LocalizedText)
    case cannotReadItems(reason: LocalizedText)
    case cannotRecordRun(reason: LocalizedText)
    case cannotWriteReport(reason: LocalizedText)
    case reportFolderNotWritable(folder: String)

    /// The zh-CN and en templates side by side.
    public var entry: MessageEntry {
        switch self {
        case .recordsProblems(let count):
            MessageEntry(
                zh: "记录中有 {count} 处问题；检查已停止，不计分",
                en: count == 1
                    ? "{count} problem in the records; the check stopped without a score"
                    : "{count} problems in the records; the check stopped without a score",
                ["count": String(count)])
        case .noRecords(let examples):
            MessageEntry(
                zh: "没有可识别的记录文件（如 {examples}，或 XML <records> 记录包）；检查已停止，不计分",
                en: "no records file of a known kind (e.g. {examples}, or an XML <records> bundle); the check stopped without a score",
                ["examples": examples])
        case .unknownPacks(let packs, let available):
            MessageEntry(
                zh: "未知规则包 {packs}（现有：{available}）", en: "unknown pack {packs} (have: {available})",
                ["packs": packs, "available": available])
        case .unknownRule(let id, let packs):
            MessageEntry(
                zh: "{packs} 中没有编号为“{id}”的指标或否决项", en: "no indicator or veto '{id}' in {packs}", ["id": id, "packs": packs])
        case .unknownRuleAnywhere(let id):
            MessageEntry(zh: "没有编号为“{id}”的指标或否决项", en: "no indicator or veto '{id}'", ["id": id])
        case .cannotOpenLedger(let reason):
            MessageEntry(zh: "无法打开台账：{reason}", en: "cannot open the ledger: {reason}", localized: ["reason": reason])
        case .cannotReadItems(let reason):
            MessageEntry(zh: "无法读取整改项：{reason}", en: "cannot read rectification items: {reason}", localized: ["reason": reason])
        case .cannotRecordRun(let reason):
            MessageEntry(zh: "无法记录本次检查：{reason}", en: "cannot record the run: {reason}", localized: ["reason": reason])
        case .cannotWriteReport(let reason):
            MessageEntry(zh: "无法写入报告：{reason}", en: "cannot write the report: {reason}", localized: ["reason": reason])
        case .reportFolderNotWritable(let folder):
            MessageEntry(
                zh: "无法写入报告：{folder} 不是可写的目录", en: "cannot write the report: {folder} is not a writable folder",
                ["folder": folder])
        }
    }
}

/// Messages about the assessment period and dates given on the command line.
public enum PeriodMessage: Hashable, Sendable {
    case notAPeriod(text: String)
    case periodOrRangeNeeded
    case periodAndRange
    case notADate(text: String)
    case fromNotADate(text: String)
    case toNotADate(text: String)
    case fromAfterTo(from: String, to: String)
    case periodOutsideYears(period: String, first: Int, last: Int)
    case dateOutsideYears(date: String, first: Int, last: Int)

    /// The zh-CN and en templates side by side.
    public var entry: MessageEntry {
        switch self {
        case .notAPeriod(let text):
            MessageEntry(
                zh: "“{text}”不是评价期（请用 2019、2019Q2、2019H1、2019-03 或 --from/--to）",
                en: "'{text}' is not a period (use 2019, 2019Q2, 2019H1, 2019-03 or --from/--to)", ["text": text])
        case .periodOrRangeNeeded:
            MessageEntry(zh: "请给出 --period（如 2019），或同时给出 --from 和 --to", en: "give --period (e.g. 2019) or both --from and --to")
        case .periodAndRange:
            MessageEntry(zh: "--period 与 --from/--to 只能二选一", en: "give --period or --from/--to, not both")
        case .notADate(let text):
            MessageEntry(zh: "“{text}”不是日期（格式 YYYY-MM-DD）", en: "'{text}' is not a date (YYYY-MM-DD)", ["text": text])
        case .fromNotADate(let text):
            MessageEntry(zh: "--from“{text}”不是日期（格式 YYYY-MM-DD）", en: "--from '{text}' is not a date (YYYY-MM-DD)", ["text": text])
        case .toNotADate(let text):
            MessageEntry(zh: "--to“{text}”不是日期（格式 YYYY-MM-DD）", en: "--to '{text}' is not a date (YYYY-MM-DD)", ["text": text])
        case .fromAfterTo(let from, let to):
            MessageEntry(zh: "--from {from} 晚于 --to {to}", en: "--from {from} is after --to {to}", ["from": from, "to": to])
        case .periodOutsideYears(let period, let first, let last):
            MessageEntry(
                zh: "评价期 {period} 超出 hegui 可评价的年份（{first}–{last}）",
                en: "period {period} is outside the years {first}–{last} hegui assesses",
                ["period": period, "first": String(first), "last": String(last)])
        case .dateOutsideYears(let date, let first, let last):
            MessageEntry(
                zh: "日期 {date} 超出 hegui 可处理的年份（{first}–{last}）",
                en: "date {date} is outside the years {first}–{last} hegui assesses",
                ["date": date, "first": String(first), "last": String(last)])
        }
    }
}
