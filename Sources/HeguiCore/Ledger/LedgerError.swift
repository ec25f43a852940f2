import HeguiBase

/// Why a ledger operation was refused or could not run; every message comes in zh-CN and en.
public enum LedgerError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The action is not allowed from the item's current status.
    case illegalMove(item: Int64, status: RectificationStatus, action: RectificationAction, allowed: [RectificationAction])
    /// A check item cannot be struck off by hand from its status: a passing check run strikes it off.
    case strikeOffByCheckRun(
        item: Int64, indicator: String, status: RectificationStatus, allowed: [RectificationAction])
    /// The verifier is the person who submitted the fix (four-eyes rule).
    case verifierIsSubmitter(item: Int64, actor: String)
    /// The sign-off would break an independence rule (named in the message).
    case notIndependent(item: Int64, actor: String, rule: IndependenceRule)
    /// An evidence file that does not exist or cannot be read.
    case evidenceUnreadable(path: String, reason: String)
    /// A deadline before the day the problem was found.
    case deadlineBeforeFound(item: Int64, deadline: Day, foundOn: Day)
    /// The action needs a note (a dispute's statement).
    case noteRequired(item: Int64, action: RectificationAction)
    /// A submit without evidence or a note: nothing for the re-checker to look at.
    case evidenceRequired(item: Int64)
    /// No item with this id.
    case itemNotFound(Int64)
    /// No patrol with this id.
    case patrolNotFound(Int64)
    /// No run with this id.
    case runNotFound(Int64)
    /// A flag or value is unusable (empty actor, unknown grade …).
    case invalidArgument(LocalizedText)
    /// The ledger file could not be opened or created.
    case cannotOpen(path: String, reason: String)
    /// The ledger's database refused or lost a statement after it was opened (a server gone, a constraint).
    case storeFailed(path: String, reason: String)
    /// The audit chain is broken at an event.
    case brokenChain(ChainBreak)
    /// Items whose status was changed without an event.
    case inconsistentItems([Int64])
    /// A ledger rule refused the change (the catalogue message says which).
    case refused(LedgerMessage)

    /// Whether the operation was refused (exit 1) rather than unable to run (exit 2).
    public var isRefusal: Bool {
        switch self {
        case .illegalMove, .strikeOffByCheckRun, .verifierIsSubmitter, .notIndependent, .deadlineBeforeFound, .noteRequired,
            .evidenceRequired, .brokenChain, .inconsistentItems, .refused:
            true
        default: false
        }
    }

    /// The message in both languages.
    public var message: LocalizedText {
        switch self {
        case .illegalMove(let item, let status, let action, let allowed):
            let list = allowed.isEmpty ? "—" : allowed.map(\.rawValue).joined(separator: ", ")
            return LocalizedText(
                zh: "不能 \(action.rawValue)：整改项 \(item) 当前为「\(status.title.zhCN)」(\(status.rawValue))；允许：\(list)",
                en: "cannot \(action.rawValue): item \(item) is \(status.rawValue); allowed: \(list)")
        case .strikeOffByCheckRun(let item, let indicator, _, let allowed):
            let list = allowed.isEmpty ? "—" : allowed.map(\.rawValue).joined(separator: ", ")
            return LocalizedText(
                zh: "整改项 \(item) 来自检查：须待检查复跑通过 \(indicator) 后销号"
                    + "（运行 hegui check）；允许：\(list)",
                en: "item \(item) comes from a check: it is struck off when a check run passes "
                    + "\(indicator) (run hegui check); allowed: \(list)")
        case .verifierIsSubmitter(let item, let actor):
            return LocalizedText(
                zh: "整改项 \(item) 由 \(actor) 提交，验证人必须是另一人",
                en: "item \(item) was submitted by \(actor); the verifier must be someone else")
        case .notIndependent(let item, let actor, let rule):
            return LocalizedText(
                zh: "\(actor) 不能为整改项 \(item) 销号（独立性规则：\(rule.text.zhCN)）",
                en: "\(actor) cannot strike off item \(item) (independence rule: \(rule.text.en))")
        case .evidenceUnreadable(let path, let reason):
            return LocalizedText(zh: "佐证文件 \(path) 无法使用：\(reason)", en: "evidence file \(path) cannot be used: \(reason)")
        case .deadlineBeforeFound(let item, let deadline, let foundOn):
            return LocalizedText(
                zh: "整改项 \(item) 的期限 \(deadline) 早于发现日期 \(foundOn)",
                en: "the deadline \(deadline) of item \(item) is before it was found on \(foundOn)")
        case .noteRequired(let item, let action):
            return LocalizedText(
                zh: "整改项 \(item) 的 \(action.rawValue) 需要 --note 说明",
                en: "\(action.rawValue) of item \(item) needs a --note statement")
        case .evidenceRequired(let item):
            return LocalizedText(
                zh: "整改项 \(item) 提交整改需要佐证或说明：--evidence 文件… 或 --note 说明",
                en: "submitted needs evidence or a note: give item \(item) --evidence FILE… or --note TEXT")
        case .itemNotFound(let id):
            return LocalizedText(zh: "没有编号为 \(id) 的整改项", en: "no item \(id)")
        case .patrolNotFound(let id):
            return LocalizedText(zh: "没有编号为 \(id) 的巡视", en: "no patrol \(id)")
        case .runNotFound(let id):
            return LocalizedText(zh: "没有编号为 \(id) 的检查记录", en: "no run \(id)")
        case .invalidArgument(let text):
            return text
        case .refused(let message):
            return LocalizedText(.ledger(message))
        case .cannotOpen(let path, let reason):
            return LocalizedText(zh: "无法打开台账 \(path)：\(reason)", en: "cannot open ledger \(path): \(reason)")
        case .storeFailed(let path, let reason):
            return LocalizedText(zh: "台账 \(path) 读写失败：\(reason)", en: "ledger \(path) could not be read or written: \(reason)")
        case .brokenChain(let broken):
            return LocalizedText(
                zh: "审计链在事件 \(broken.eventID) 处断开：\(broken.reason.zhCN)",
                en: "audit chain broken at event \(broken.eventID): \(broken.reason.en)")
        case .inconsistentItems(let ids):
            let list = ids.map(String.init).joined(separator: ", ")
            return LocalizedText(
                zh: "整改项 \(list) 的状态与其事件记录不符（在 hegui 之外被改动）",
                en: "items \(list) have a status their events do not record (edited outside hegui)")
        }
    }

    /// The English message.
    public var description: String { message.en }
}

/// The first event where the audit chain does not hold, and what did not match.
public struct ChainBreak: Hashable, Sendable, Codable {
    /// The event's id.
    public var eventID: Int64
    /// What mismatched (prev_hash link, recomputed hash, id sequence).
    public var reason: LocalizedText

    /// Creates a break.
    public init(eventID: Int64, reason: LocalizedText) {
        self.eventID = eventID
        self.reason = reason
    }
}
