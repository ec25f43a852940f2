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
    case evidenceUnreadable(path: String, reason: LocalizedText)
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
    case cannotOpen(path: String, reason: LocalizedText)
    /// The ledger's database refused or lost a statement after it was opened (a server gone, a constraint).
    case storeFailed(path: String, reason: LocalizedText)
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

    /// The message in both languages, from the catalogue (an invalid argument carries its own).
    public var message: LocalizedText {
        func say(_ message: LedgerMessage) -> LocalizedText { Message.ledger(message).text }
        func list(_ allowed: [RectificationAction]) -> String {
            allowed.isEmpty ? "—" : allowed.map(\.rawValue).joined(separator: ", ")
        }
        switch self {
        case .illegalMove(let item, let status, let action, let allowed):
            return say(
                .illegalMove(
                    action: action.rawValue, item: item, status: status.rawValue, title: status.titleCase, allowed: list(allowed)))
        case .strikeOffByCheckRun(let item, let indicator, _, let allowed):
            return say(.strikeOffByCheckRun(item: item, indicator: indicator, allowed: list(allowed)))
        case .verifierIsSubmitter(let item, let actor): return say(.verifierIsSubmitter(item: item, actor: actor))
        case .notIndependent(let item, let actor, let rule): return say(.notIndependent(item: item, actor: actor, rule: rule.text))
        case .evidenceUnreadable(let path, let reason): return say(.evidenceUnreadable(path: path, reason: reason))
        case .deadlineBeforeFound(let item, let deadline, let foundOn):
            return say(.deadlineBeforeFound(item: item, deadline: deadline.description, foundOn: foundOn.description))
        case .noteRequired(let item, let action): return say(.noteRequired(item: item, action: action.rawValue))
        case .evidenceRequired(let item): return say(.evidenceRequired(item: item))
        case .itemNotFound(let id): return say(.itemNotFound(id: id))
        case .patrolNotFound(let id): return say(.patrolNotFound(id: id))
        case .runNotFound(let id): return say(.runNotFound(id: id))
        case .invalidArgument(let text): return text
        case .refused(let message): return say(message)
        case .cannotOpen(let path, let reason): return say(.cannotOpen(path: path, reason: reason))
        case .storeFailed(let path, let reason): return say(.storeFailed(path: path, reason: reason))
        case .brokenChain(let broken): return say(.brokenChain(event: broken.eventID, reason: broken.reason))
        case .inconsistentItems(let ids): return say(.inconsistentItems(items: ids.map(String.init).joined(separator: ", ")))
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
