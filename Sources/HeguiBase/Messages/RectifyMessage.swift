/// What the ledger commands (`inspect`, `rectify`, `ledger`, `history`, `diff`) print: confirmations,
/// the labels of an item's fields, the audit chain's verdict and the comparison of two runs.
public enum RectifyMessage: Hashable, Sendable {
    case flagNeedsDate(flag: String, text: String)
    case patrolAdded(id: Int64)
    case itemAdded(id: Int64, deadline: String)
    case warning(text: LocalizedText)
    case leader(name: String)
    case due(deadline: String)
    case overdue
    case deadlineOverdue(deadline: String)
    case unknownStatus(status: String, known: String)
    case field(ItemField)
    case events
    case moved(item: Int64, from: LocalizedText, to: LocalizedText)
    case newDeadline(deadline: String)
    case itemPublished(item: Int64, published: LocalizedText)
    case cannotReadAnchors(file: String)
    case notAChainHead(text: String)
    case chainBroken(events: Int, head: String)
    case chainIntact(events: Int, head: String)
    case cannotWriteExport(file: String, reason: LocalizedText)
    case exported(file: String)
    case runPassed
    case runFailed
    case noRuns
    case diffHeader(from: Int64, to: Int64)
    case changedOutcomes
    case itemsOpened
    case itemsReopened
    case itemsStruckOff
    case defaultLedger
    case ledgersSummary(count: Int, broken: Int)

    /// The zh-CN and en templates side by side.
    public var entry: MessageEntry {
        switch self {
        case .flagNeedsDate(let flag, let text):
            MessageEntry(
                zh: "{flag} 需要 YYYY-MM-DD 日期，而不是 {text}", en: "{flag} needs a YYYY-MM-DD date, not {text}",
                ["flag": flag, "text": text])
        case .patrolAdded(let id):
            MessageEntry(zh: "已登记巡视 {id}", en: "added patrol {id}", ["id": String(id)])
        case .itemAdded(let id, let deadline):
            MessageEntry(
                zh: "已登记整改项 {id}，期限 {deadline}", en: "added item {id}, deadline {deadline}",
                ["id": String(id), "deadline": deadline])
        case .warning(let text):
            MessageEntry(zh: "警告：{text}", en: "warning: {text}", localized: ["text": text])
        case .leader(let name):
            MessageEntry(zh: "组长 {name}", en: "leader {name}", ["name": name])
        case .due(let deadline):
            MessageEntry(zh: "期限 {deadline}", en: "due {deadline}", ["deadline": deadline])
        case .overdue:
            MessageEntry(zh: "【逾期】", en: "OVERDUE")
        case .deadlineOverdue(let deadline):
            MessageEntry(zh: "{deadline}【逾期】", en: "{deadline} OVERDUE", ["deadline": deadline])
        case .unknownStatus(let status, let known):
            MessageEntry(
                zh: "未知状态 {status}（可用：{known}）", en: "unknown status {status} (known: {known})", ["status": status, "known": known])
        case .field(let field): field.entry
        case .events:
            MessageEntry(zh: "事件:", en: "events:")
        case .moved(let item, let from, let to):
            MessageEntry(
                zh: "整改项 {item}：{from} → {to}", en: "item {item}: {from} → {to}", ["item": String(item)],
                localized: ["from": from, "to": to])
        case .newDeadline(let deadline):
            MessageEntry(zh: "，新期限 {deadline}", en: ", new deadline {deadline}", ["deadline": deadline])
        case .itemPublished(let item, let published):
            MessageEntry(zh: "整改项 {item}：{published}", en: "item {item}: {published}", ["item": String(item)], localized: ["published": published])
        case .cannotReadAnchors(let file):
            MessageEntry(zh: "无法读取锚点文件 {file}", en: "cannot read the anchors file {file}", ["file": file])
        case .notAChainHead(let text):
            MessageEntry(
                zh: "“{text}”不是链头（COUNT:HASH 或 64 位十六进制哈希）",
                en: "'{text}' is not a chain head (COUNT:HASH or a 64-digit hex hash)", ["text": text])
        case .chainBroken(let events, let head):
            MessageEntry(
                zh: "审计链未通过校验：{events} 条事件，最后完好的哈希 {head}",
                en: "audit chain NOT intact: {events} events, last good head {head}", ["events": String(events), "head": head])
        case .chainIntact(let events, let head):
            MessageEntry(
                zh: "审计链完整：{events} 条事件，末条哈希 {head}", en: "audit chain intact: {events} events, head {head}",
                ["events": String(events), "head": head])
        case .cannotWriteExport(let file, let reason):
            MessageEntry(zh: "无法写入 {file}：{reason}", en: "cannot write {file}: {reason}", ["file": file], localized: ["reason": reason])
        case .exported(let file):
            MessageEntry(zh: "已导出到 {file}", en: "exported to {file}", ["file": file])
        case .runPassed:
            MessageEntry(zh: "通过", en: "pass")
        case .runFailed:
            MessageEntry(zh: "未通过", en: "fail")
        case .noRuns:
            MessageEntry(zh: "台账中还没有检查记录（运行 hegui check）", en: "no check runs in the ledger yet (run hegui check)")
        case .diffHeader(let from, let to):
            MessageEntry(zh: "检查 {from} → {to}", en: "run {from} → {to}", ["from": String(from), "to": String(to)])
        case .changedOutcomes:
            MessageEntry(zh: "结果变化：", en: "changed outcomes:")
        case .itemsOpened:
            MessageEntry(zh: "新开整改项：", en: "items opened:")
        case .itemsReopened:
            MessageEntry(zh: "重开整改项：", en: "items reopened:")
        case .itemsStruckOff:
            MessageEntry(zh: "已销号整改项：", en: "items struck off:")
        case .defaultLedger:
            MessageEntry(zh: "默认台账", en: "default ledger")
        case .ledgersSummary(let count, let broken):
            MessageEntry(
                zh: "共 {count} 本台账，{broken} 本审计链有问题", en: "{count} ledgers, {broken} with a broken audit chain",
                ["count": String(count), "broken": String(broken)])
        }
    }
}

/// The label of a rectification item's field, as `rectify show` lists them.
public enum ItemField: Hashable, Sendable, CaseIterable {
    case id
    case source
    case pack
    case indicator
    case period
    case patrol
    case foundOn
    case finder
    case location
    case description
    case category
    case grade
    case measure
    case funds
    case department
    case responsible
    case deadline
    case rechecker
    case status
    case submittedBy
    case verifiedBy
    case verifiedOn
    case overdueHistory
    case published
    case evidence
    case allowed

    /// The zh-CN and en labels side by side.
    public var entry: MessageEntry {
        switch self {
        case .id: MessageEntry(zh: "编号", en: "id")
        case .source: MessageEntry(zh: "来源", en: "source")
        case .pack: MessageEntry(zh: "检查包", en: "pack")
        case .indicator: MessageEntry(zh: "指标", en: "indicator")
        case .period: MessageEntry(zh: "期间", en: "period")
        case .patrol: MessageEntry(zh: "巡视", en: "patrol")
        case .foundOn: MessageEntry(zh: "发现日期", en: "found on")
        case .finder: MessageEntry(zh: "发现人", en: "finder")
        case .location: MessageEntry(zh: "地点", en: "location")
        case .description: MessageEntry(zh: "问题描述", en: "description")
        case .category: MessageEntry(zh: "类别", en: "category")
        case .grade: MessageEntry(zh: "等级", en: "grade")
        case .measure: MessageEntry(zh: "整改措施", en: "measure")
        case .funds: MessageEntry(zh: "资金", en: "funds")
        case .department: MessageEntry(zh: "责任部门", en: "department")
        case .responsible: MessageEntry(zh: "责任人", en: "responsible")
        case .deadline: MessageEntry(zh: "整改期限", en: "deadline")
        case .rechecker: MessageEntry(zh: "复查人", en: "rechecker")
        case .status: MessageEntry(zh: "状态", en: "status")
        case .submittedBy: MessageEntry(zh: "提交人", en: "submitted by")
        case .verifiedBy: MessageEntry(zh: "验证人", en: "verified by")
        case .verifiedOn: MessageEntry(zh: "销号日期", en: "struck off on")
        case .overdueHistory: MessageEntry(zh: "逾期记录", en: "overdue history")
        case .published: MessageEntry(zh: "公示", en: "published")
        case .evidence: MessageEntry(zh: "佐证", en: "evidence")
        case .allowed: MessageEntry(zh: "可执行", en: "allowed")
        }
    }
}
