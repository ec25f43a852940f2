/// Every label the web pages show; templates read them by key as `{{t.key}}`, so each case's raw value
/// is its template key. Sentences with values are `WebMessage`s.
public enum WebLabel: String, Hashable, Sendable, CaseIterable {
    case app
    case dashboard
    case runs
    case check
    case report
    case board
    case patrols
    case publicBoard = "public"
    case audit
    case admin
    case password
    case logout
    case login
    case username
    case passwordField
    case oldPassword
    case newPassword
    case newPasswordAgain
    case save
    case signedInAs
    case role
    case roleAdmin = "role.admin"
    case roleOfficer = "role.officer"
    case roleRepresentative = "role.representative"
    case roleDepartment = "role.department"
    case roleVerifier = "role.verifier"
    case roleViewer = "role.viewer"
    case roleFederation = "role.federation"
    case sourceCheck = "source.check"
    case sourcePatrol = "source.patrol"
    case otherLanguage
    case loginFailed
    case throttled
    case passwordChanged
    case passwordMismatch
    case passwordTooShort
    case forbidden
    case notFound
    case badRequest
    case serverError
    case csrf
    case pack
    case score
    case grade
    case passLine
    case passed
    case failed
    case vetoes
    case gap
    case gapItems
    case points
    case trend
    case run
    case period
    case ranAt
    case department
    case openItems = "open"
    case overdue
    case nothing = "none"
    case noRuns
    case findings
    case outcome
    case explain
    case records
    case useFolder
    case upload
    case runCheck
    case running
    case checkErrors
    case noRecords
    case viewReport
    case print
    case status
    case all
    case filter
    case onlyOverdue
    case item
    case description
    case location
    case category
    case deadline
    case responsible
    case rechecker
    case foundOn
    case finder
    case source
    case indicator
    case submittedBy
    case verifiedBy
    case verifiedOn
    case evidence
    case history
    case actions
    case noActions
    case note
    case photo
    case afterPhoto
    case startPatrol
    case date
    case team
    case scope
    case leader
    case addIssue
    case issues
    case defaultDeadline
    case publicTitle
    case found
    case struckOff
    case publicEnabled
    case chainIntact
    case chainBroken
    case events
    case head
    case actor
    case action
    case users
    case done
    case actAssign = "act_assign"
    case actStart = "act_start"
    case actSubmit = "act_submit"
    case actVerify = "act_verify"
    case actReject = "act_reject"
    case actDispute = "act_dispute"
    case actReopen = "act_reopen"
    case federation
    case enterprises
    case enterprise
    case creditCode
    case reviewDue
    case reviewOverdue
    case notChecked
    case noEnterprises
    case federationNote
    case passedAll

    /// The zh-CN and en texts side by side.
    public var entry: MessageEntry {
        let (zh, en): (String, String) =
            switch self {
            case .app: ("合规 · 整改台账", "hegui · rectification ledger")
            case .dashboard: ("总览", "Dashboard")
            case .runs: ("检查结果", "Check results")
            case .check: ("运行检查", "Run a check")
            case .report: ("评审资料", "Review pack")
            case .board: ("整改台账", "Rectification board")
            case .patrols: ("巡视", "Patrols")
            case .publicBoard: ("公示栏", "Notice board")
            case .audit: ("审计", "Audit")
            case .admin: ("设置", "Settings")
            case .password: ("修改密码", "Change password")
            case .logout: ("退出", "Sign out")
            case .login: ("登录", "Sign in")
            case .username: ("用户名", "User name")
            case .passwordField: ("密码", "Password")
            case .oldPassword: ("原密码", "Current password")
            case .newPassword: ("新密码", "New password")
            case .newPasswordAgain: ("再次输入新密码", "New password again")
            case .save: ("保存", "Save")
            case .signedInAs: ("当前用户", "Signed in as")
            case .role: ("角色", "Role")
            case .roleAdmin: ("管理员", "administrator")
            case .roleOfficer: ("工会办", "compliance officer")
            case .roleRepresentative: ("职工代表", "worker representative")
            case .roleDepartment: ("责任部门", "department")
            case .roleVerifier: ("复查人", "verifier")
            case .roleViewer: ("只读", "viewer")
            case .roleFederation: ("总工会", "federation")
            case .sourceCheck: ("检查发现", "found by a check")
            case .sourcePatrol: ("巡视发现", "found on a patrol")
            case .otherLanguage: ("English", "中文")
            case .loginFailed: ("用户名或密码错误", "Wrong user name or password")
            case .throttled: ("登录失败次数过多，请稍后再试", "Too many failed sign-ins; try again later")
            case .passwordChanged: ("密码已修改", "Password changed")
            case .passwordMismatch: ("两次输入的新密码不一致", "The new passwords differ")
            case .passwordTooShort: ("新密码至少 8 个字符", "A new password has at least 8 characters")
            case .forbidden: ("您的角色不能执行此操作", "Your role may not do this")
            case .notFound: ("找不到该页面", "Page not found")
            case .badRequest: ("请求无效", "Bad request")
            case .serverError: ("服务器出错，请稍后重试或联系管理员", "The server failed; try again or ask the administrator")
            case .csrf: ("表单已过期，请返回重试", "The form has expired; go back and try again")
            case .pack: ("检查包", "Pack")
            case .score: ("得分", "Score")
            case .grade: ("等级", "Grade")
            case .passLine: ("合格线", "Pass line")
            case .passed: ("通过", "passed")
            case .failed: ("未通过", "failed")
            case .vetoes: ("否决项", "Vetoes")
            case .gap: ("距合格", "Gap to pass")
            case .gapItems: ("优先整改", "Fix first")
            case .points: ("分", "points")
            case .trend: ("得分趋势", "Score trend")
            case .run: ("检查", "Run")
            case .period: ("评价期", "Period")
            case .ranAt: ("时间", "When")
            case .department: ("责任部门", "Department")
            case .openItems: ("未销号", "Open")
            case .overdue: ("逾期", "Overdue")
            case .nothing: ("无", "none")
            case .noRuns: ("台账中还没有检查记录", "No check runs in the ledger yet")
            case .findings: ("各项指标", "Indicators")
            case .outcome: ("结论", "Outcome")
            case .explain: ("依据", "Evidence")
            case .records: ("记录", "Records")
            case .useFolder: ("使用服务器配置的记录目录", "Use the server's records folder")
            case .upload: ("上传记录文件（CSV 或 XLSX）", "Upload record files (CSV or XLSX)")
            case .runCheck: ("开始检查", "Run the check")
            case .running: ("检查进行中，大的年份需要一些时间…", "Checking; a large year takes a while…")
            case .checkErrors: ("输入有误，检查未计分", "Bad input: the check stopped without a score")
            case .noRecords: ("服务器未配置记录目录（hegui serve --records DIR）", "No records folder configured (hegui serve --records DIR)")
            case .viewReport: ("查看评审资料", "Open the review pack")
            case .print: ("打印", "Print")
            case .status: ("状态", "Status")
            case .all: ("全部", "all")
            case .filter: ("筛选", "Filter")
            case .onlyOverdue: ("只看逾期", "Overdue only")
            case .item: ("整改项", "Item")
            case .description: ("问题描述", "Description")
            case .location: ("地点", "Location")
            case .category: ("类别", "Category")
            case .deadline: ("整改期限", "Deadline")
            case .responsible: ("责任人", "Responsible")
            case .rechecker: ("复查人", "Re-checker")
            case .foundOn: ("发现日期", "Found on")
            case .finder: ("发现人", "Found by")
            case .source: ("来源", "Source")
            case .indicator: ("指标", "Indicator")
            case .submittedBy: ("提交人", "Submitted by")
            case .verifiedBy: ("验证人", "Verified by")
            case .verifiedOn: ("销号日期", "Struck off on")
            case .evidence: ("佐证", "Evidence")
            case .history: ("处理记录", "History")
            case .actions: ("可执行操作", "What you can do")
            case .noActions: ("您当前不能对该项执行操作", "Nothing you can do on this item now")
            case .note: ("说明", "Note")
            case .photo: ("照片", "Photo")
            case .afterPhoto: ("整改后照片", "After photo")
            case .startPatrol: ("开始巡视", "Start a patrol")
            case .date: ("日期", "Date")
            case .team: ("巡视组", "Team")
            case .scope: ("巡视范围", "Scope")
            case .leader: ("组长", "Leader")
            case .addIssue: ("登记问题", "Record an issue")
            case .issues: ("发现的问题", "Issues found")
            case .defaultDeadline: ("留空则按规则包期限", "Leave empty for the pack's deadline")
            case .publicTitle: ("职工代表巡视问题整改公示", "Patrol issues and their rectification")
            case .found: ("已发现", "Found")
            case .struckOff: ("已销号", "Struck off")
            case .publicEnabled: ("公示栏对外公开（无需登录）", "Notice board public (no sign-in)")
            case .chainIntact: ("审计链完整", "Audit chain intact")
            case .chainBroken: ("审计链断裂", "Audit chain broken")
            case .events: ("事件", "Events")
            case .head: ("末条哈希", "Chain head")
            case .actor: ("操作人", "Actor")
            case .action: ("操作", "Action")
            case .users: ("用户", "Users")
            case .done: ("已完成", "Done")
            case .actAssign: ("分派", "Assign")
            case .actStart: ("开始整改", "Start the fix")
            case .actSubmit: ("提交整改", "Submit the fix")
            case .actVerify: ("验证销号", "Verify and strike off")
            case .actReject: ("退回", "Reject")
            case .actDispute: ("提出异议", "Dispute")
            case .actReopen: ("重新打开", "Reopen")
            case .federation: ("联合会", "Federation")
            case .enterprises: ("企业", "Enterprises")
            case .enterprise: ("企业", "Enterprise")
            case .creditCode: ("统一社会信用代码", "Credit code")
            case .reviewDue: ("复评到期", "Re-evaluation due")
            case .reviewOverdue: ("复评已到期", "re-evaluation due")
            case .notChecked: ("尚未检查", "not checked yet")
            case .noEnterprises: ("共享台账中还没有企业", "No enterprises in the shared ledger yet")
            case .federationNote: ("各企业最近一次检查的得分、等级与否决项，以及未销号和逾期的整改项；点击表头排序，点击企业进入其总览（只读）。", "Each enterprise's latest scores, grades and vetoes, with its open and overdue items; sort by a column heading, open an enterprise's dashboard (read-only) by its name.")
            case .passedAll: ("全部通过", "Passed everything")
            }
        return MessageEntry(zh: zh, en: en)
    }
}
