/// Messages about a federation's shared store: enterprises, their accounts and what each may see.
public enum FederationMessage: Hashable, Sendable {
    case enterpriseNeedsSharedStore
    case unknownEnterprise(code: String)
    case profileNamesOtherEnterprise(profile: String, flag: String)
    case federationAccountHasNoEnterprise
    case unknownRole(role: String)
    case evidenceMissing(sha256: String)
    case evidenceAltered(sha256: String, actual: String)

    /// The zh-CN and en templates side by side.
    public var entry: MessageEntry {
        switch self {
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
