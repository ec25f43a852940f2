/// Messages about a federation's shared store: enterprises, their credit codes and profiles, their accounts
/// and what each may see.
public enum FederationMessage: Hashable, Sendable {
    case enterpriseNeedsSharedStore
    case unknownEnterprise(code: String)
    case profileNamesOtherEnterprise(profile: String, flag: String)
    case federationAccountHasNoEnterprise
    case unknownRole(role: String)
    case evidenceMissing(sha256: String)
    case evidenceAltered(sha256: String, actual: String)
    case creditCodeLength(code: String, count: Int)
    case creditCodeCharacter(code: String, character: String, position: Int)
    case creditCodeCheck(code: String, expected: String)
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
        case .noProfile:
            MessageEntry(
                zh: "没有 profile.xml：共享台账需要企业名称和统一社会信用代码",
                en: "no profile.xml: a shared ledger needs the enterprise's name and credit code")
        case .profileNeedsIdentity:
            MessageEntry(
                zh: "共享台账要求 <profile> 写明 enterprise=\"企业名称\" 和 code=\"统一社会信用代码\"",
                en: "<profile> needs enterprise=\"name\" and code=\"credit code\" for a shared ledger")
        case .enterpriseNeedsSharedStore:
            MessageEntry(
                zh: "--enterprise 只用于共享的 PostgreSQL 台账（SQLite 台账文件只属于一家企业）",
                en: "--enterprise needs a shared PostgreSQL ledger (a SQLite ledger file is one enterprise's)")
        case .unknownEnterprise(let code):
            MessageEntry(
                zh: "共享台账中没有统一社会信用代码为 {code} 的企业", en: "the shared ledger has no enterprise with credit code {code}",
                ["code": code])
        case .profileNamesOtherEnterprise(let profile, let flag):
            MessageEntry(
                zh: "企业档案的统一社会信用代码是 {profile}，而 --enterprise 是 {flag}",
                en: "the profile's credit code is {profile} but --enterprise is {flag}", ["profile": profile, "flag": flag])
        case .federationAccountHasNoEnterprise:
            MessageEntry(
                zh: "federation（联合会）账户看全部企业，不属于某一家：不要写 --enterprise",
                en: "a federation account sees every enterprise and belongs to none: leave out --enterprise")
        case .unknownRole(let role):
            MessageEntry(
                zh: "未知角色 {role}（可用：admin|officer|representative|department:部门|verifier|viewer|federation）",
                en: "unknown role {role} (known: admin|officer|representative|department:DEPT|verifier|viewer|federation)",
                ["role": role])
        case .evidenceMissing(let sha256):
            MessageEntry(zh: "佐证文件 {sha256} 不在存储中", en: "evidence file {sha256} is missing from the store", ["sha256": sha256])
        case .evidenceAltered(let sha256, let actual):
            MessageEntry(
                zh: "佐证文件 {sha256} 已被改动（现为 {actual}）", en: "evidence file {sha256} was altered (it now hashes to {actual})",
                ["sha256": sha256, "actual": actual])
        }
    }
}
