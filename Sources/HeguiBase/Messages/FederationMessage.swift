/// Messages about enterprises in a shared (federated) ledger: credit codes and the profiles that name them.
public enum FederationMessage: Hashable, Sendable {
    case creditCodeLength(code: String, count: Int)
    case creditCodeCharacter(code: String, character: String, position: Int)
    case creditCodeCheck(code: String, expected: String)
    case unknownEnterprise(code: String)
    case noProfile
    case profileNeedsIdentity

    /// The zh-CN and en templates side by side.
    public var entry: MessageEntry {
        switch self {
        case .creditCodeLength(let code, let count):
            MessageEntry(
                zh: "统一社会信用代码 {code} 应为 18 位（实际 {count} 位）", en: "credit code {code} must have 18 characters (it has {count})",
                ["code": code, "count": String(count)])
        case .creditCodeCharacter(let code, let character, let position):
            MessageEntry(
                zh: "统一社会信用代码 {code} 第 {position} 位 {character} 不是有效字符",
                en: "credit code {code} has an invalid character {character} at position {position}",
                ["code": code, "character": character, "position": String(position)])
        case .creditCodeCheck(let code, let expected):
            MessageEntry(
                zh: "统一社会信用代码 {code} 的校验位应为 {expected}",
                en: "credit code {code} has a wrong check character (expected {expected})", ["code": code, "expected": expected])
        case .unknownEnterprise(let code):
            MessageEntry(
                zh: "共享台账中没有统一社会信用代码为 {code} 的企业", en: "the shared ledger has no enterprise with credit code {code}",
                ["code": code])
        case .noProfile:
            MessageEntry(
                zh: "没有 profile.xml：共享台账需要企业名称和统一社会信用代码",
                en: "no profile.xml: a shared ledger needs the enterprise's name and credit code")
        case .profileNeedsIdentity:
            MessageEntry(
                zh: "共享台账要求 <profile> 写明 enterprise=\"企业名称\" 和 code=\"统一社会信用代码\"",
                en: "<profile> needs enterprise=\"name\" and code=\"credit code\" for a shared ledger")
        }
    }
}
