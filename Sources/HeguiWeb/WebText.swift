import HeguiCore

/// Every text the pages show, in zh-CN and en; templates read them as `{{t.key}}`.
enum WebText {
    /// The catalogue: key → (zh-CN, en).
    static let entries: [String: (zh: String, en: String)] = [
        "app": ("合规 · 整改台账", "hegui · rectification ledger"),
        "dashboard": ("总览", "Dashboard"),
        "runs": ("检查结果", "Check results"),
        "check": ("运行检查", "Run a check"),
        "report": ("评审资料", "Review pack"),
        "board": ("整改台账", "Rectification board"),
        "patrols": ("巡视", "Patrols"),
        "public": ("公示栏", "Notice board"),
        "audit": ("审计", "Audit"),
        "admin": ("设置", "Settings"),
        "password": ("修改密码", "Change password"),
        "logout": ("退出", "Sign out"),
        "login": ("登录", "Sign in"),
        "username": ("用户名", "User name"),
        "passwordField": ("密码", "Password"),
        "oldPassword": ("原密码", "Current password"),
        "newPassword": ("新密码", "New password"),
        "newPasswordAgain": ("再次输入新密码", "New password again"),
        "save": ("保存", "Save"),
        "signedInAs": ("当前用户", "Signed in as"),
        "role": ("角色", "Role"),
        "role.admin": ("管理员", "administrator"),
        "role.officer": ("工会办", "compliance officer"),
        "role.representative": ("职工代表", "worker representative"),
        "role.department": ("责任部门", "department"),
        "role.verifier": ("复查人", "verifier"),
        "role.viewer": ("只读", "viewer"),
        "source.check": ("检查发现", "found by a check"),
        "source.patrol": ("巡视发现", "found on a patrol"),
        "otherLanguage": ("English", "中文"),
        "loginFailed": ("用户名或密码错误", "Wrong user name or password"),
        "throttled": ("登录失败次数过多，请稍后再试", "Too many failed sign-ins; try again later"),
        "passwordChanged": ("密码已修改", "Password changed"),
        "passwordMismatch": ("两次输入的新密码不一致", "The new passwords differ"),
        "passwordTooShort": ("新密码至少 8 个字符", "A new password has at least 8 characters"),
        "forbidden": ("您的角色不能执行此操作", "Your role may not do this"),
        "notFound": ("找不到该页面", "Page not found"),
        "badRequest": ("请求无效", "Bad request"),
        "serverError": ("服务器出错，请稍后重试或联系管理员", "The server failed; try again or ask the administrator"),
        "csrf": ("表单已过期，请返回重试", "The form has expired; go back and try again"),
        "pack": ("检查包", "Pack"),
        "score": ("得分", "Score"),
        "grade": ("等级", "Grade"),
        "passLine": ("合格线", "Pass line"),
        "passed": ("通过", "passed"),
        "failed": ("未通过", "failed"),
        "vetoes": ("否决项", "Vetoes"),
        "gap": ("距合格", "Gap to pass"),
        "gapItems": ("优先整改", "Fix first"),
        "points": ("分", "points"),
        "trend": ("得分趋势", "Score trend"),
        "run": ("检查", "Run"),
        "period": ("评价期", "Period"),
        "ranAt": ("时间", "When"),
        "department": ("责任部门", "Department"),
        "open": ("未销号", "Open"),
        "overdue": ("逾期", "Overdue"),
        "none": ("无", "none"),
        "noRuns": ("台账中还没有检查记录", "No check runs in the ledger yet"),
        "findings": ("各项指标", "Indicators"),
        "outcome": ("结论", "Outcome"),
        "explain": ("依据", "Evidence"),
        "records": ("记录", "Records"),
        "useFolder": ("使用服务器配置的记录目录", "Use the server's records folder"),
        "upload": ("上传记录文件（CSV 或 XLSX）", "Upload record files (CSV or XLSX)"),
        "runCheck": ("开始检查", "Run the check"),
        "running": ("检查进行中，大的年份需要一些时间…", "Checking; a large year takes a while…"),
        "checkErrors": ("输入有误，检查未计分", "Bad input: the check stopped without a score"),
        "noRecords": ("服务器未配置记录目录（hegui serve --records DIR）", "No records folder configured (hegui serve --records DIR)"),
        "viewReport": ("查看评审资料", "Open the review pack"),
        "print": ("打印", "Print"),
        "status": ("状态", "Status"),
        "all": ("全部", "all"),
        "filter": ("筛选", "Filter"),
        "onlyOverdue": ("只看逾期", "Overdue only"),
        "item": ("整改项", "Item"),
        "description": ("问题描述", "Description"),
        "location": ("地点", "Location"),
        "category": ("类别", "Category"),
        "deadline": ("整改期限", "Deadline"),
        "responsible": ("责任人", "Responsible"),
        "rechecker": ("复查人", "Re-checker"),
        "foundOn": ("发现日期", "Found on"),
        "finder": ("发现人", "Found by"),
        "source": ("来源", "Source"),
        "indicator": ("指标", "Indicator"),
        "submittedBy": ("提交人", "Submitted by"),
        "verifiedBy": ("验证人", "Verified by"),
        "verifiedOn": ("销号日期", "Struck off on"),
        "evidence": ("佐证", "Evidence"),
        "history": ("处理记录", "History"),
        "actions": ("可执行操作", "What you can do"),
        "noActions": ("您当前不能对该项执行操作", "Nothing you can do on this item now"),
        "note": ("说明", "Note"),
        "photo": ("照片", "Photo"),
        "afterPhoto": ("整改后照片", "After photo"),
        "startPatrol": ("开始巡视", "Start a patrol"),
        "date": ("日期", "Date"),
        "team": ("巡视组", "Team"),
        "scope": ("巡视范围", "Scope"),
        "leader": ("组长", "Leader"),
        "addIssue": ("登记问题", "Record an issue"),
        "issues": ("发现的问题", "Issues found"),
        "defaultDeadline": ("留空则按规则包期限", "Leave empty for the pack's deadline"),
        "publicTitle": ("职工代表巡视问题整改公示", "Patrol issues and their rectification"),
        "found": ("已发现", "Found"),
        "struckOff": ("已销号", "Struck off"),
        "publicEnabled": ("公示栏对外公开（无需登录）", "Notice board public (no sign-in)"),
        "chainIntact": ("审计链完整", "Audit chain intact"),
        "chainBroken": ("审计链断裂", "Audit chain broken"),
        "events": ("事件", "Events"),
        "head": ("末条哈希", "Chain head"),
        "actor": ("操作人", "Actor"),
        "action": ("操作", "Action"),
        "users": ("用户", "Users"),
        "done": ("已完成", "Done"),
        "act_assign": ("分派", "Assign"),
        "act_start": ("开始整改", "Start the fix"),
        "act_submit": ("提交整改", "Submit the fix"),
        "act_verify": ("验证销号", "Verify and strike off"),
        "act_reject": ("退回", "Reject"),
        "act_dispute": ("提出异议", "Dispute"),
        "act_reopen": ("重新打开", "Reopen"),
    ]

    /// The catalogue in one language, for a template's `t`.
    static func table(_ language: Language) -> [String: String] {
        var table: [String: String] = [:]
        for (key, value) in entries {
            table[key] = language == .en ? value.en : value.zh
        }
        return table
    }

    /// One text in a language (the key itself when missing, so a gap shows rather than hides).
    /// A role as people call it: 职工代表, 责任部门：安全部.
    static func role(_ role: AccountRole, _ language: Language) -> String {
        let name = text("role." + role.kind, language)
        guard let department = role.department else { return name }
        return language == .en ? "\(name): \(department)" : "\(name)：\(department)"
    }

    static func text(_ key: String, _ language: Language) -> String {
        guard let entry = entries[key] else { return key }
        return language == .en ? entry.en : entry.zh
    }
}
