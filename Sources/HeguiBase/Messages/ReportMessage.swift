/// Sentences of the reports (text, Markdown, HTML, JUnit, workbooks) with values in them; the
/// labels without values are `ReportLabel`s. Markup that belongs to a format stays at the call site.
public enum ReportMessage: Hashable, Sendable {
    case label(ReportLabel)
    case offending(count: String)
    case more(count: Int)
    case withOneItemToFix(verdict: String)
    case withItemsToFix(verdict: String, count: Int)
    case chainBroken(event: String, reason: LocalizedText)
    case chainInconsistent(items: String)
    case chainIntact(events: Int, head: String)
    case rectificationCounts(open: Int, overdue: Int)
    case scoreLine(score: String, passLine: String, grade: String)
    case scoreOutOf(score: String, maxScore: String, passLine: String, grade: String)
    case scoreOutOfTitle(score: String, maxScore: String, passLine: String, grade: String)
    case categoryBelowMinimum(id: String, title: String, score: String, minimum: String)
    case categoryBelowMinimumTitle(id: String, title: String, score: String, minimum: String)
    case pointsShort(points: String)
    case pointsShortOfPassLine(points: String)
    case ledgerCounts(open: Int, overdue: Int, submitted: Int, disputed: Int, verified: Int)
    case ledgerCountsAsOf(today: String, open: Int, overdue: Int, submitted: Int, disputed: Int, verified: Int)
    case vetoWindowEvidence(window: String, evidence: Int)
    case vetoWindow(window: String)
    case noVetoFired(count: Int)
    case waived(reason: String, approver: String, expires: String)
    case waivedShort(reason: String, approver: String, expires: String)
    case pointsTailored(from: String, to: String, reason: String)
    case alsoTailored(message: String, note: String)
    case valueFrom(from: String, value: String)
    case inputFiles(files: Int, records: Int)
    case measuredThresholdPoints(measured: String, threshold: String, points: String)
    case measuredRequired(measured: String, threshold: String)
    case selfAssessmentSummary(period: String)
    case selfAssessmentSheet(title: LocalizedText, period: String)
    case pageOfPages(page: String, pages: String)
    case ledgerSheetTitle(today: String)
    case ledgerAnchorNote(anchor: String)
    case chainHead(anchor: String)

    /// The zh-CN and en templates side by side.
    public var entry: MessageEntry {
        switch self {
        case .label(let label):
            label.entry
        case .offending(let count):
            MessageEntry(zh: "{count} 项不符", en: "{count} offending", ["count": count])
        case .more(let count):
            MessageEntry(zh: "… 另有 {count} 条", en: "… and {count} more", ["count": String(count)])
        case .withOneItemToFix(let verdict):
            MessageEntry(zh: "{verdict}，但有 1 项需整改", en: "{verdict}, with 1 item to fix", ["verdict": verdict])
        case .withItemsToFix(let verdict, let count):
            MessageEntry(
                zh: "{verdict}，但有 {count} 项需整改", en: "{verdict}, with {count} items to fix",
                ["verdict": verdict, "count": String(count)])
        case .chainBroken(let event, let reason):
            MessageEntry(
                zh: "审计链损坏：第 {event} 条事件（{reason}）", en: "audit chain BROKEN at event {event} ({reason})", ["event": event],
                localized: ["reason": reason])
        case .chainInconsistent(let items):
            MessageEntry(zh: "审计链与整改项不一致：{items}", en: "audit chain disagrees with items {items}", ["items": items])
        case .chainIntact(let events, let head):
            MessageEntry(
                zh: "审计链完整：{events} 条事件，末条哈希 {head}", en: "audit chain intact: {events} events, head {head}",
                ["events": String(events), "head": head])
        case .rectificationCounts(let open, let overdue):
            MessageEntry(
                zh: "整改台账：未销号 {open} 项，逾期 {overdue} 项", en: "rectification: {open} open, {overdue} overdue",
                ["open": String(open), "overdue": String(overdue)])
        case .scoreLine(let score, let passLine, let grade):
            MessageEntry(
                zh: "得分 {score}，合格线 {passLine}，等级：{grade}，", en: "score {score}, pass line {passLine}, grade: {grade}, ",
                ["score": score, "passLine": passLine, "grade": grade])
        case .scoreOutOf(let score, let maxScore, let passLine, let grade):
            MessageEntry(
                zh: "得分 {score} / {maxScore}，合格线 {passLine}，等级：{grade}",
                en: "score {score} / {maxScore}, pass line {passLine}, grade: {grade}",
                ["score": score, "maxScore": maxScore, "passLine": passLine, "grade": grade])
        case .scoreOutOfTitle(let score, let maxScore, let passLine, let grade):
            MessageEntry(
                zh: "得分 {score} / {maxScore}，合格线 {passLine}，等级：{grade}",
                en: "Score {score} / {maxScore}, pass line {passLine}, grade: {grade}",
                ["score": score, "maxScore": maxScore, "passLine": passLine, "grade": grade])
        case .categoryBelowMinimum(let id, let title, let score, let minimum):
            MessageEntry(
                zh: "类别 {id} {title} 得分 {score} 低于最低分 {minimum}", en: "category {id} {title} scored {score}, below its minimum {minimum}",
                ["id": id, "title": title, "score": score, "minimum": minimum])
        case .categoryBelowMinimumTitle(let id, let title, let score, let minimum):
            MessageEntry(
                zh: "类别 {id} {title} 得分 {score} 低于最低分 {minimum}", en: "Category {id} {title} scored {score}, below its minimum {minimum}",
                ["id": id, "title": title, "score": score, "minimum": minimum])
        case .pointsShort(let points):
            MessageEntry(zh: "（差 {points} 分）", en: " ({points} points short)", ["points": points])
        case .pointsShortOfPassLine(let points):
            MessageEntry(zh: "距合格线差 {points} 分。", en: "{points} points short of the pass line.", ["points": points])
        case .ledgerCounts(let open, let overdue, let submitted, let disputed, let verified):
            MessageEntry(
                zh: "未销号 **{open}** 项，逾期 **{overdue}** 项，待审核 {submitted} 项，有异议 {disputed} 项，已销号 {verified} 项",
                en: "**{open}** open, **{overdue}** overdue, {submitted} awaiting re-check, {disputed} disputed, {verified} verified",
                counts(open, overdue, submitted, disputed, verified))
        case .ledgerCountsAsOf(let today, let open, let overdue, let submitted, let disputed, let verified):
            MessageEntry(
                zh: "截至 {today}：未销号 {open} 项，逾期 {overdue} 项，待审核 {submitted} 项，有异议 {disputed} 项，已销号 {verified} 项。",
                en: "As of {today}: {open} open, {overdue} overdue, {submitted} awaiting re-check, {disputed} disputed, {verified} verified.",
                counts(open, overdue, submitted, disputed, verified).merging(["today": today]) { $1 })
        case .vetoWindowEvidence(let window, let evidence):
            MessageEntry(
                zh: "（窗口 {window}，证据 {evidence} 条）", en: " (window {window}, evidence: {evidence})",
                ["window": window, "evidence": String(evidence)])
        case .vetoWindow(let window):
            MessageEntry(zh: "（窗口 {window}）", en: " (window {window})", ["window": window])
        case .noVetoFired(let count):
            MessageEntry(zh: "未触发任何否决项（共 {count} 项）。", en: "No veto fired ({count} checked).", ["count": String(count)])
        case .waived(let reason, let approver, let expires):
            MessageEntry(
                zh: "豁免：{reason}（批准人 {approver}，有效至 {expires}）", en: "Waived: {reason} (approved by {approver}, until {expires})",
                ["reason": reason, "approver": approver, "expires": expires])
        case .waivedShort(let reason, let approver, let expires):
            MessageEntry(
                zh: "豁免：{reason}（{approver}，至 {expires}）", en: "waived: {reason} ({approver}, until {expires})",
                ["reason": reason, "approver": approver, "expires": expires])
        case .pointsTailored(let from, let to, let reason):
            MessageEntry(
                zh: "分值调整：{from} → {to}（{reason}）", en: "points tailored: {from} → {to} ({reason})",
                ["from": from, "to": to, "reason": reason])
        case .alsoTailored(let message, let note):
            MessageEntry(zh: "{message}；{note}", en: "{message}; {note}", ["message": message, "note": note])
        case .valueFrom(let from, let value):
            MessageEntry(zh: "；{from} 起 {value}", en: "; {value} from {from}", ["from": from, "value": value])
        case .inputFiles(let files, let records):
            MessageEntry(
                zh: "{files} 个文件，共 {records} 条记录（清单与 SHA-256 见附录）",
                en: "{files} files, {records} records (list and SHA-256 in the appendix)",
                ["files": String(files), "records": String(records)])
        case .measuredThresholdPoints(let measured, let threshold, let points):
            MessageEntry(
                zh: "实测 {measured}，阈值 {threshold}，得分 {points}", en: "measured {measured}, threshold {threshold}, points {points}",
                ["measured": measured, "threshold": threshold, "points": points])
        case .measuredRequired(let measured, let threshold):
            MessageEntry(
                zh: "：实测 {measured}，要求 {threshold}", en: ": measured {measured}, required {threshold}",
                ["measured": measured, "threshold": threshold])
        case .selfAssessmentSummary(let period):
            MessageEntry(zh: "{period} 自评汇总", en: "{period} self-assessment", ["period": period])
        case .selfAssessmentSheet(let title, let period):
            MessageEntry(
                zh: "{title}自评表（{period}）", en: "{title} self-assessment ({period})", ["period": period], localized: ["title": title])
        case .pageOfPages(let page, let pages):
            MessageEntry(zh: "第 {page} 页，共 {pages} 页", en: "Page {page} of {pages}", ["page": page, "pages": pages])
        case .ledgerSheetTitle(let today):
            MessageEntry(zh: "整改台账（截至 {today}）", en: "Rectification ledger (as of {today})", ["today": today])
        case .ledgerAnchorNote(let anchor):
            MessageEntry(
                zh: "注：审计链末条 {anchor}，可用 hegui ledger verify --anchor {anchor} 核对台账未被改动",
                en: "Note: audit chain head {anchor}; hegui ledger verify --anchor {anchor} shows the ledger was not altered",
                ["anchor": anchor])
        case .chainHead(let anchor):
            MessageEntry(zh: "审计链末条 {anchor}", en: "Audit chain head {anchor}", ["anchor": anchor])
        }
    }

    /// The five ledger counts as named arguments.
    private func counts(_ open: Int, _ overdue: Int, _ submitted: Int, _ disputed: Int, _ verified: Int) -> [String: String] {
        [
            "open": String(open), "overdue": String(overdue), "submitted": String(submitted), "disputed": String(disputed),
            "verified": String(verified),
        ]
    }
}
