/// Messages about the rectification ledger: refused moves, the independence of a strike-off, accounts,
/// patrols, evidence, the audit chain and the store behind it, 公示, the overdue history, the chain head in
/// exports, and check failures linked to items already in the ledger.
public enum LedgerMessage: Hashable, Sendable {
    case illegalMove(action: String, item: Int64, status: String, title: StatusTitle, allowed: String)
    case strikeOffByCheckRun(item: Int64, indicator: String, allowed: String)
    case verifierIsSubmitter(item: Int64, actor: String)
    case notIndependent(item: Int64, actor: String, rule: LocalizedText)
    case evidenceUnreadable(path: String, reason: LocalizedText)
    case deadlineBeforeFound(item: Int64, deadline: String, foundOn: String)
    case noteRequired(item: Int64, action: String)
    case evidenceRequired(item: Int64)
    case itemNotFound(id: Int64)
    case patrolNotFound(id: Int64)
    case runNotFound(id: Int64)
    case cannotOpen(path: String, reason: LocalizedText)
    case storeFailed(path: String, reason: LocalizedText)
    case brokenChain(event: Int64, reason: LocalizedText)
    case inconsistentItems(items: String)
    case actorRequired
    case assignNeedsAField
    case independence(IndependenceText)
    case status(StatusTitle)
    case badUserName
    case programName(name: String)
    case unknownRole(role: String)
    case userExists(name: String)
    case noSuchUser(name: String)
    case patrolNeedsTeamAndScope
    case issueNeedsDescription
    case unknownGrade(grade: String, known: String)
    case fundsNegative
    case deadlineFlagBeforeFound(deadline: String, found: String)
    case unreadableColumn(item: Int64, column: String)
    case unrecordedChanges(tables: String)
    case rowDiffers(table: String, row: Int64, column: String, stored: String, replayed: String)
    case rowWithoutEvent(table: String, row: Int64)
    case rowMissing(table: String, row: Int64)
    case noMAC(event: Int64)
    case wrongMAC(event: Int64)
    case unreadableState(event: Int64)
    case anchorMissing(anchor: String)
    case idGap(previous: Int64)
    case previousHashMismatch
    case hashMismatch
    case keyFileUnreadable(path: String)
    case keyFileEmpty(path: String)
    case noLedgerInSchema
    case noLedgerInDatabase
    case cannotCopyEvidence(folder: String, reason: LocalizedText)
    case cannotStoreEvidence(reason: LocalizedText)
    case noSuchFile
    case transactionReturnedNothing
    case noBatchID
    case postgresURL(url: String, problem: PostgresURLProblem)
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
        case .illegalMove(let action, let item, let status, let title, let allowed):
            MessageEntry(
                zh: "不能 {action}：整改项 {item} 当前为{status}；允许：{allowed}",
                en: "cannot {action}: item {item} is {status}; allowed: {allowed}",
                ["action": action, "item": String(item), "allowed": allowed],
                localized: ["status": LocalizedText(zh: "「\(title.entry.zh)」(\(status))", en: status)])
        case .strikeOffByCheckRun(let item, let indicator, let allowed):
            MessageEntry(
                zh: "整改项 {item} 来自检查：须待检查复跑通过 {indicator} 后销号（运行 hegui check）；允许：{allowed}",
                en: "item {item} comes from a check: it is struck off when a check run passes {indicator} (run hegui check); allowed: {allowed}",
                ["item": String(item), "indicator": indicator, "allowed": allowed])
        case .verifierIsSubmitter(let item, let actor):
            MessageEntry(
                zh: "整改项 {item} 由 {actor} 提交，验证人必须是另一人",
                en: "item {item} was submitted by {actor}; the verifier must be someone else", ["item": String(item), "actor": actor])
        case .notIndependent(let item, let actor, let rule):
            MessageEntry(
                zh: "{actor} 不能为整改项 {item} 销号（独立性规则：{rule}）",
                en: "{actor} cannot strike off item {item} (independence rule: {rule})", ["item": String(item), "actor": actor],
                localized: ["rule": rule])
        case .evidenceUnreadable(let path, let reason):
            MessageEntry(
                zh: "佐证文件 {path} 无法使用：{reason}", en: "evidence file {path} cannot be used: {reason}", ["path": path],
                localized: ["reason": reason])
        case .deadlineBeforeFound(let item, let deadline, let foundOn):
            MessageEntry(
                zh: "整改项 {item} 的期限 {deadline} 早于发现日期 {foundOn}",
                en: "the deadline {deadline} of item {item} is before it was found on {foundOn}",
                ["item": String(item), "deadline": deadline, "foundOn": foundOn])
        case .noteRequired(let item, let action):
            MessageEntry(
                zh: "整改项 {item} 的 {action} 需要 --note 说明", en: "{action} of item {item} needs a --note statement",
                ["item": String(item), "action": action])
        case .evidenceRequired(let item):
            MessageEntry(
                zh: "整改项 {item} 提交整改需要佐证或说明：--evidence 文件… 或 --note 说明",
                en: "submitted needs evidence or a note: give item {item} --evidence FILE… or --note TEXT", ["item": String(item)])
        case .itemNotFound(let id):
            MessageEntry(zh: "没有编号为 {id} 的整改项", en: "no item {id}", ["id": String(id)])
        case .patrolNotFound(let id):
            MessageEntry(zh: "没有编号为 {id} 的巡视", en: "no patrol {id}", ["id": String(id)])
        case .runNotFound(let id):
            MessageEntry(zh: "没有编号为 {id} 的检查记录", en: "no run {id}", ["id": String(id)])
        case .cannotOpen(let path, let reason):
            MessageEntry(
                zh: "无法打开台账 {path}：{reason}", en: "cannot open ledger {path}: {reason}", ["path": path], localized: ["reason": reason])
        case .storeFailed(let path, let reason):
            MessageEntry(
                zh: "台账 {path} 读写失败：{reason}", en: "ledger {path} could not be read or written: {reason}", ["path": path],
                localized: ["reason": reason])
        case .brokenChain(let event, let reason):
            MessageEntry(
                zh: "审计链在事件 {event} 处断开：{reason}", en: "audit chain broken at event {event}: {reason}",
                ["event": String(event)], localized: ["reason": reason])
        case .inconsistentItems(let items):
            MessageEntry(
                zh: "整改项 {items} 的状态与其事件记录不符（在 hegui 之外被改动）",
                en: "items {items} have a status their events do not record (edited outside hegui)", ["items": items])
        case .actorRequired:
            MessageEntry(zh: "必须用 --by 写明操作人", en: "--by must name who acts")
        case .assignNeedsAField:
            MessageEntry(
                zh: "assign 至少需要 --department、--responsible、--deadline 或 --rechecker 之一",
                en: "assign needs at least one of --department, --responsible, --deadline, --rechecker")
        case .independence(let rule): rule.entry
        case .status(let status): status.entry
        case .badUserName:
            MessageEntry(zh: "用户名须为 1–64 个字符，且不含控制字符", en: "a user name is 1–64 characters without control characters")
        case .programName(let name):
            MessageEntry(zh: "「{name}」是程序的名字，不能用作用户名", en: "'{name}' is the program's name, not a user's", ["name": name])
        case .unknownRole(let role):
            MessageEntry(zh: "未知角色 {role}", en: "unknown role {role}", ["role": role])
        case .userExists(let name):
            MessageEntry(zh: "用户 {name} 已存在", en: "user {name} already exists", ["name": name])
        case .noSuchUser(let name):
            MessageEntry(zh: "没有用户 {name}", en: "no user {name}", ["name": name])
        case .patrolNeedsTeamAndScope:
            MessageEntry(zh: "巡视需要 --team 和 --scope", en: "a patrol needs --team and --scope")
        case .issueNeedsDescription:
            MessageEntry(zh: "问题需要 --description 和 --category", en: "an issue needs --description and --category")
        case .unknownGrade(let grade, let known):
            MessageEntry(zh: "未知等级 {grade}（可用：{known}）", en: "unknown grade {grade} (known: {known})", ["grade": grade, "known": known])
        case .fundsNegative:
            MessageEntry(zh: "--funds 必须是非负数", en: "--funds must be a non-negative number")
        case .deadlineFlagBeforeFound(let deadline, let found):
            MessageEntry(
                zh: "--deadline {deadline} 早于发现日期 {found}", en: "--deadline {deadline} is before the day found, {found}",
                ["deadline": deadline, "found": found])
        case .unreadableColumn(let item, let column):
            MessageEntry(
                zh: "整改项 {item} 的 {column} 列无法读取", en: "item {item} has an unreadable {column}", ["item": String(item), "column": column])
        case .unrecordedChanges(let tables):
            MessageEntry(
                zh: "写入未记入事件的改动（{tables}），已撤销", en: "changes to {tables} that no event records; rolled back", ["tables": tables])
        case .rowDiffers(let table, let row, let column, let stored, let replayed):
            MessageEntry(
                zh: "{table} 第 {row} 行 {column} 列：存储为 {stored}，按事件应为 {replayed}",
                en: "{table} row {row}, column {column}: stored {stored}, the events give {replayed}",
                ["table": table, "row": String(row), "column": column, "stored": stored, "replayed": replayed])
        case .rowWithoutEvent(let table, let row):
            MessageEntry(
                zh: "{table} 第 {row} 行没有产生它的事件（在 hegui 之外写入）",
                en: "{table} row {row} has no event that made it (written outside hegui)", ["table": table, "row": String(row)])
        case .rowMissing(let table, let row):
            MessageEntry(
                zh: "{table} 第 {row} 行缺失（事件中有，存储中已删除）",
                en: "{table} row {row} is missing (the events have it; it was deleted)", ["table": table, "row": String(row)])
        case .noMAC(let event):
            MessageEntry(
                zh: "事件 {event} 没有 MAC（不是用该密钥写入的）", en: "event {event} carries no MAC (not written with this key)",
                ["event": String(event)])
        case .wrongMAC(let event):
            MessageEntry(
                zh: "事件 {event} 的 MAC 不符（事件被伪造或重新计算过哈希）", en: "event {event} has a wrong MAC (forged, or its hash recomputed)",
                ["event": String(event)])
        case .unreadableState(let event):
            MessageEntry(zh: "事件 {event} 的状态无法读取", en: "event {event} has an unreadable state", ["event": String(event)])
        case .anchorMissing(let anchor):
            MessageEntry(
                zh: "锚点 {anchor} 不在审计链中（账本被回滚或重新计算过）",
                en: "anchor {anchor} is not in the chain (the ledger was rolled back or re-chained)", ["anchor": anchor])
        case .idGap(let previous):
            MessageEntry(
                zh: "事件编号不接续上一条（{previous}），有事件缺失", en: "id does not follow {previous}: events are missing",
                ["previous": String(previous)])
        case .previousHashMismatch:
            MessageEntry(zh: "prev_hash 与上一条事件的 hash 不符", en: "prev_hash does not match the previous event's hash")
        case .hashMismatch:
            MessageEntry(zh: "内容与 hash 不符（事件被改动）", en: "hash does not match the event's columns (the event was edited)")
        case .keyFileUnreadable(let path):
            MessageEntry(
                zh: "无法读取密钥文件 {path}（HEGUI_LEDGER_KEY_FILE）", en: "cannot read the key file {path} (HEGUI_LEDGER_KEY_FILE)",
                ["path": path])
        case .keyFileEmpty(let path):
            MessageEntry(zh: "密钥文件 {path} 为空", en: "the key file {path} is empty", ["path": path])
        case .noLedgerInSchema:
            MessageEntry(zh: "该数据库和 schema 中没有 hegui 台账", en: "no hegui ledger in this database and schema")
        case .noLedgerInDatabase:
            MessageEntry(zh: "该数据库中没有 hegui 台账", en: "no hegui ledger in this database")
        case .cannotCopyEvidence(let folder, let reason):
            MessageEntry(
                zh: "无法复制到 {folder}：{reason}", en: "cannot copy it into {folder}: {reason}", ["folder": folder],
                localized: ["reason": reason])
        case .cannotStoreEvidence(let reason):
            MessageEntry(zh: "无法存入台账：{reason}", en: "cannot store it in the ledger: {reason}", localized: ["reason": reason])
        case .noSuchFile:
            MessageEntry(zh: "文件不存在", en: "no such file")
        case .transactionReturnedNothing:
            MessageEntry(zh: "事务未返回结果", en: "the transaction returned nothing")
        case .noBatchID:
            MessageEntry(zh: "未得到批次编号", en: "no batch id")
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
        case .postgresURL(let url, let problem):
            MessageEntry(
                zh: "PostgreSQL 地址 {url} {problem}", en: "PostgreSQL URL {url} {problem}", ["url": url],
                localized: ["problem": problem.entry.text])
        }
    }
}

/// The rules that keep a strike-off (销号) independent, as refusals name them.
public enum IndependenceText: Hashable, Sendable {
    case notTheProgram
    case notTheResponsibleDepartment(department: String)
    case notTheResponsiblePerson(person: String)
    case onlyThePlannedRechecker(rechecker: String)
    case notTheDisputer

    /// The zh-CN and en templates side by side.
    public var entry: MessageEntry {
        switch self {
        case .notTheProgram:
            MessageEntry(zh: "销号须由人签认，不能由程序", en: "a person signs off, not the program")
        case .notTheResponsibleDepartment(let department):
            MessageEntry(
                zh: "责任部门（{department}）不能为自己的整改销号", en: "the responsible department ({department}) cannot sign off its own fix",
                ["department": department])
        case .notTheResponsiblePerson(let person):
            MessageEntry(
                zh: "责任人（{person}）不能为自己的整改销号", en: "the responsible person ({person}) cannot sign off their own fix",
                ["person": person])
        case .onlyThePlannedRechecker(let rechecker):
            MessageEntry(
                zh: "已指定复查人 {rechecker}，只有复查人可以销号", en: "the planned re-checker {rechecker} is the only one who may sign off",
                ["rechecker": rechecker])
        case .notTheDisputer:
            MessageEntry(zh: "提出异议的人不能为该项销号", en: "whoever disputed the item cannot strike it off")
        }
    }
}

/// The title of a rectification item's status.
public enum StatusTitle: Hashable, Sendable {
    case open
    case inProgress
    case submitted
    case checkPassed
    case verified
    case rejected
    case disputed

    /// The zh-CN and en templates side by side.
    public var entry: MessageEntry {
        switch self {
        case .open: MessageEntry(zh: "已通知待整改", en: "open")
        case .inProgress: MessageEntry(zh: "整改中", en: "in progress")
        case .submitted: MessageEntry(zh: "已整改待审核", en: "submitted")
        case .checkPassed: MessageEntry(zh: "复查通过待签认", en: "passed check, awaiting sign-off")
        case .verified: MessageEntry(zh: "审核通过（已销号）", en: "verified (struck off)")
        case .rejected: MessageEntry(zh: "审核不通过", en: "rejected")
        case .disputed: MessageEntry(zh: "有异议", en: "disputed")
        }
    }
}

/// What is wrong with a PostgreSQL URL.
public enum PostgresURLProblem: Hashable, Sendable {
    case malformed
    case unknownParameter(name: String)
    case invalidPort(port: String)
    case noDatabase
    case invalidSSLMode(mode: String)
    case invalidSchema(schema: String)

    /// The zh-CN and en templates side by side.
    public var entry: MessageEntry {
        switch self {
        case .malformed:
            MessageEntry(
                zh: "无法解析（应为 postgresql://用户@主机:端口/数据库）", en: "is malformed (expected postgresql://user@host:port/database)")
        case .unknownParameter(let name):
            MessageEntry(zh: "有未知参数 {name}", en: "has an unknown parameter {name}", ["name": name])
        case .invalidPort(let port):
            MessageEntry(zh: "的端口 {port} 无效", en: "has an invalid port {port}", ["port": port])
        case .noDatabase:
            MessageEntry(zh: "没有写数据库名", en: "names no database")
        case .invalidSSLMode(let mode):
            MessageEntry(zh: "的 sslmode={mode} 无效", en: "has an invalid sslmode={mode}", ["mode": mode])
        case .invalidSchema(let schema):
            MessageEntry(
                zh: "的 schema={schema} 只能用小写字母、数字和下划线", en: "has schema={schema}: use lower-case letters, digits and _",
                ["schema": schema])
        }
    }
}
