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
    case passwordTooShort(minimum: Int)
    case userAdded(name: String, role: String)
    case userAddedOfEnterprise(name: String, role: String, enterprise: String)
    case accountState(disabled: Bool)
    case userDisabled(name: String)
    case userEnabled(name: String)
    case passwordChanged(name: String)
    case workerChecked(count: Int)
    case couldNotBeChecked
    case batchPass
    case batchFail
    case batchEnterprise(vetoes: String, open: Int, overdue: Int)
    case batchSummary(total: Int, period: String, checked: Int, passed: Int, failed: Int)
    case checking
    case usageError
    case passwordPrompt
    case passwordAgainPrompt
    case passwordsDiffer
    case serving(url: String, ledger: String)
    case servingWithRecords(url: String, ledger: String, records: String)

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
        case .passwordTooShort(let minimum):
            MessageEntry(zh: "密码至少 {minimum} 个字符", en: "a password has at least {minimum} characters", ["minimum": String(minimum)])
        case .userAdded(let name, let role):
            MessageEntry(zh: "已添加用户 {name}（{role}）", en: "added user {name} ({role})", ["name": name, "role": role])
        case .userAddedOfEnterprise(let name, let role, let enterprise):
            MessageEntry(
                zh: "已添加用户 {name}（{role}，企业 {enterprise}）", en: "added user {name} ({role}, enterprise {enterprise})",
                ["name": name, "role": role, "enterprise": enterprise])
        case .accountState(let disabled):
            disabled ? MessageEntry(zh: "已停用", en: "disabled") : MessageEntry(zh: "正常", en: "active")
        case .userDisabled(let name):
            MessageEntry(zh: "已停用用户 {name}", en: "disabled user {name}", ["name": name])
        case .userEnabled(let name):
            MessageEntry(zh: "已启用用户 {name}", en: "enabled user {name}", ["name": name])
        case .passwordChanged(let name):
            MessageEntry(zh: "已修改 {name} 的密码", en: "password of {name} changed", ["name": name])
        case .workerChecked(let count):
            MessageEntry(zh: "本进程检查了 {count} 家企业", en: "this worker checked {count} enterprises", ["count": String(count)])
        case .couldNotBeChecked:
            MessageEntry(zh: "无法检查：", en: "could not be checked:")
        case .batchPass:
            MessageEntry(zh: "通过", en: "pass")
        case .batchFail:
            MessageEntry(zh: "未通过", en: "fail")
        case .batchEnterprise(let vetoes, let open, let overdue):
            MessageEntry(
                zh: "否决项：{vetoes}  未销号整改项：{open}  逾期：{overdue}", en: "vetoes: {vetoes}  open items: {open}  overdue: {overdue}",
                ["vetoes": vetoes, "open": String(open), "overdue": String(overdue)])
        case .batchSummary(let total, let period, let checked, let passed, let failed):
            MessageEntry(
                zh: "共 {total} 家企业（{period}）：{checked} 家已检查，{passed} 家全部通过，{failed} 家无法检查",
                en: "{total} enterprises ({period}): {checked} checked, {passed} passed everything, {failed} could not be checked",
                [
                    "total": String(total), "period": period, "checked": String(checked), "passed": String(passed),
                    "failed": String(failed),
                ])
        case .checking:
            MessageEntry(zh: "检查中", en: "checking")
        case .passwordPrompt:
            MessageEntry(zh: "密码：", en: "Password:")
        case .passwordAgainPrompt:
            MessageEntry(zh: "再次输入：", en: "Again:")
        case .passwordsDiffer:
            MessageEntry(zh: "hegui: error: 两次输入的密码不一致", en: "hegui: error: the passwords differ")
        case .serving(let url, let ledger):
            MessageEntry(zh: "hegui serve: {url}  （台账 {ledger}）", en: "hegui serve: {url}  (ledger {ledger})", ["url": url, "ledger": ledger])
        case .servingWithRecords(let url, let ledger, let records):
            MessageEntry(
                zh: "hegui serve: {url}  （台账 {ledger}，记录 {records}）", en: "hegui serve: {url}  (ledger {ledger}, records {records})",
                ["url": url, "ledger": ledger, "records": records])
        case .usageError:
            MessageEntry(
                zh: "hegui: error: 命令行参数有误；以下是参数解析库 ArgumentParser 的英文说明",
                en: "hegui: error: the command line is not valid; ArgumentParser's explanation follows")
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
