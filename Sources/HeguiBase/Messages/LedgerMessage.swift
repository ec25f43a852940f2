/// Messages of the rectification ledger: 公示, the overdue history, the chain head in exports, and
/// check failures linked to items already in the ledger.
public enum LedgerMessage: Hashable, Sendable {
    case publishBeforeRecheck(item: Int64, status: String)
    case alreadyPublished(item: Int64, day: String)
    case publishedBeforeFound(item: Int64, day: String, foundOn: String)
    case everOverdue(deadline: String)
    case overdueNow
    case published(day: String)
    case chainHead(count: Int, hash: String)
    case linkedItems(count: Int)

    /// The zh-CN and en templates side by side.
    public var entry: MessageEntry {
        switch self {
        case .publishBeforeRecheck(let item, let status):
            MessageEntry(
                zh: "整改项 {item} 尚未复查通过（当前为 {status}），不能公示",
                en: "item {item} cannot be published before its re-check has passed (it is {status})",
                ["item": String(item), "status": status])
        case .alreadyPublished(let item, let day):
            MessageEntry(zh: "整改项 {item} 已于 {day} 公示", en: "item {item} was already published on {day}", ["item": String(item), "day": day])
        case .publishedBeforeFound(let item, let day, let foundOn):
            MessageEntry(
                zh: "整改项 {item} 的公示日期 {day} 早于发现日期 {foundOn}",
                en: "the publication day {day} of item {item} is before it was found on {foundOn}",
                ["item": String(item), "day": day, "foundOn": foundOn])
        case .everOverdue(let deadline):
            MessageEntry(zh: "曾逾期（期限 {deadline}）", en: "was overdue (deadline {deadline} missed)", ["deadline": deadline])
        case .overdueNow:
            MessageEntry(zh: "逾期", en: "overdue")
        case .published(let day):
            MessageEntry(zh: "已公示 {day}", en: "published {day}", ["day": day])
        case .chainHead(let count, let hash):
            MessageEntry(
                zh: "审计链头：{count} 个事件，{hash}（复核时用 {command}）",
                en: "audit chain head: {count} events, {hash} (anchor it with {command})",
                ["count": String(count), "hash": hash, "command": "hegui ledger verify --anchor \(count):\(hash)"])
        case .linkedItems(let count):
            MessageEntry(
                zh: "{count} 项未达标关联到台账中已有的整改项（同一问题不重复立项）",
                en: "{count} failures linked to items already in the ledger (one problem, one item)",
                ["count": String(count)])
        }
    }
}
