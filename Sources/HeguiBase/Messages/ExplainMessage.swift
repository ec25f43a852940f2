/// What `hegui explain`, `hegui rules list`/`show` and the notes around `hegui check`'s report say.
public enum ExplainMessage: Hashable, Sendable {
    case requirement(text: LocalizedText)
    case period(label: String, start: String, end: String)
    case outcomeWithPoints(outcome: LocalizedText, awarded: String, points: String)
    case deductionRoundedUp(points: String, per: String)
    case deduction(points: String, per: String)
    case vetoHeading(id: String, title: LocalizedText, pack: String, version: String)
    case window(start: String, end: String)
    case vetoFired
    case vetoNotEvaluable
    case vetoNotFired
    case checkHeading(number: Int, description: LocalizedText)
    case outcome(outcome: LocalizedText)
    case measured(value: String)
    case measuredOffenders(value: String)
    case required(threshold: String)
    case requiredForEach(threshold: String)
    case rows
    case records(count: Int)
    case runRecorded(run: Int, path: String, opened: Int, reopened: Int, closed: Int)
    case versionOutOfForce(pack: String, version: String, span: String, period: String)
    case periodUnitMismatch(pack: String, unit: LocalizedText, period: String)
    case oneYear
    case oneHalfYear
    case oneQuarter
    case oneMonth
    case columnPack
    case columnKind
    case columnCategory
    case columnPoints
    case columnTitle
    case kindIndicator
    case kindVeto
    case packLine(pack: String, version: String, category: String, points: String, provenance: String)
    case basis(text: String)
    case showRequirement(text: LocalizedText)
    case appliesWhen(condition: String)
    case rectification(department: String, days: Int)
    case rectificationSignedOff(department: String, days: Int)
    case vetoShowHeading(id: String, title: LocalizedText)
    case vetoPackLine(pack: String, version: String, lookBack: LocalizedText, provenance: String)
    case wholePeriod
    case pointBounds(minimum: String, maximum: String)

    /// The zh-CN and en templates side by side.
    public var entry: MessageEntry {
        switch self {
        case .requirement(let text):
            MessageEntry(zh: "要求：{text}", en: "requirement: {text}", localized: ["text": text])
        case .period(let label, let start, let end):
            MessageEntry(zh: "评价期：{label}  ({start} … {end})", en: "period: {label}  ({start} … {end})", ["label": label, "start": start, "end": end])
        case .outcomeWithPoints(let outcome, let awarded, let points):
            MessageEntry(
                zh: "结论：{outcome}，得 {awarded} 分（满分 {points}）", en: "outcome: {outcome}, {awarded} of {points} points",
                ["awarded": awarded, "points": points], localized: ["outcome": outcome])
        case .deductionRoundedUp(let points, let per):
            MessageEntry(
                zh: "扣分：每差 {per} 扣 {points} 分（不足一个单位按一个单位计），扣完为止",
                en: "deduction: {points} points per {per} short, rounded up, down to 0", ["points": points, "per": per])
        case .deduction(let points, let per):
            MessageEntry(
                zh: "扣分：每差 {per} 扣 {points} 分，扣完为止", en: "deduction: {points} points per {per} short, down to 0",
                ["points": points, "per": per])
        case .pointBounds(let minimum, let maximum):
            MessageEntry(
                zh: "可调分值：{minimum}–{maximum} 分（企业画像的 <points> 可在此范围内调整）",
                en: "tailorable points: {minimum}–{maximum} (a profile's <points> may set any value in this range)",
                ["minimum": minimum, "maximum": maximum])
        case .vetoHeading(let id, let title, let pack, let version):
            MessageEntry(
                zh: "{id}  {title}  [{pack} {version}] (否决项)", en: "{id}  {title}  [{pack} {version}] (veto)",
                ["id": id, "pack": pack, "version": version], localized: ["title": title])
        case .window(let start, let end):
            MessageEntry(zh: "追溯期：{start} … {end}", en: "window: {start} … {end}", ["start": start, "end": end])
        case .vetoFired: MessageEntry(zh: "结论：触发——一票否决", en: "result: FIRED — the grade is void")
        case .vetoNotEvaluable: MessageEntry(zh: "结论：无法判定", en: "result: could not be evaluated")
        case .vetoNotFired: MessageEntry(zh: "结论：未触发", en: "result: not fired")
        case .checkHeading(let number, let description):
            MessageEntry(
                zh: "检查 {number}: {description}", en: "check {number}: {description}", ["number": String(number)],
                localized: ["description": description])
        case .outcome(let outcome):
            MessageEntry(zh: "结论：{outcome}", en: "outcome: {outcome}", localized: ["outcome": outcome])
        case .measured(let value):
            MessageEntry(zh: "实测：{value}", en: "measured: {value}", ["value": value])
        case .measuredOffenders(let value):
            MessageEntry(zh: "实测：{value} 项不符合", en: "measured: {value} offender(s)", ["value": value])
        case .required(let threshold):
            MessageEntry(zh: "要求：{threshold}", en: "required: {threshold}", ["threshold": threshold])
        case .requiredForEach(let threshold):
            MessageEntry(zh: "要求：{threshold}（逐项）", en: "required: {threshold} (for each)", ["threshold": threshold])
        case .rows: MessageEntry(zh: "相关记录：", en: "rows:")
        case .records(let count):
            MessageEntry(zh: "（{count} 条记录）", en: "({count} records)", ["count": String(count)])
        case .runRecorded(let run, let path, let opened, let reopened, let closed):
            MessageEntry(
                zh: "台账：第 {run} 次检查已记入 {path}；新开整改项 {opened}，重开 {reopened}，关闭 {closed}",
                en: "ledger: run #{run} recorded in {path}; items opened {opened}, reopened {reopened}, closed {closed}",
                [
                    "run": String(run), "path": path, "opened": String(opened), "reopened": String(reopened),
                    "closed": String(closed),
                ])
        case .versionOutOfForce(let pack, let version, let span, let period):
            MessageEntry(
                zh: "hegui: warning: {pack} {version} 版的有效期为 {span}；{period} 不全在有效期内，仍按 {version} 版评价",
                en: "hegui: warning: {pack} version {version} is in force {span}; {period} is not wholly inside it, so version {version} was used anyway",
                ["pack": pack, "version": version, "span": span, "period": period])
        case .periodUnitMismatch(let pack, let unit, let period):
            MessageEntry(
                zh: "hegui: warning: {pack} 按{unit}为评价期编写；{period} 不是{unit}，按整期计的规则可能不达标",
                en: "hegui: warning: {pack} is written for one {unit} at a time; {period} is not one, so rules about a whole {unit} may fail",
                ["pack": pack, "period": period], localized: ["unit": unit])
        case .oneYear: MessageEntry(zh: "一年", en: "year")
        case .oneHalfYear: MessageEntry(zh: "半年", en: "halfYear")
        case .oneQuarter: MessageEntry(zh: "一个季度", en: "quarter")
        case .oneMonth: MessageEntry(zh: "一个月", en: "month")
        case .columnPack: MessageEntry(zh: "规则包", en: "pack")
        case .columnKind: MessageEntry(zh: "类型", en: "kind")
        case .columnCategory: MessageEntry(zh: "类别", en: "category")
        case .columnPoints: MessageEntry(zh: "分值", en: "points")
        case .columnTitle: MessageEntry(zh: "名称", en: "title")
        case .kindIndicator: MessageEntry(zh: "指标", en: "indicator")
        case .kindVeto: MessageEntry(zh: "否决项", en: "veto")
        case .packLine(let pack, let version, let category, let points, let provenance):
            MessageEntry(
                zh: "规则包: {pack} {version}   类别: {category}   分值: {points}   来源: [{provenance}]",
                en: "pack: {pack} {version}   category: {category}   points: {points}   provenance: [{provenance}]",
                ["pack": pack, "version": version, "category": category, "points": points, "provenance": provenance])
        case .showRequirement(let text):
            MessageEntry(zh: "要求: {text}", en: "requirement: {text}", localized: ["text": text])
        case .basis(let text):
            MessageEntry(zh: "依据: {text}", en: "basis: {text}", ["text": text])
        case .appliesWhen(let condition):
            MessageEntry(zh: "适用条件: {condition}", en: "applies when: {condition}", ["condition": condition])
        case .rectification(let department, let days):
            MessageEntry(
                zh: "整改：{department}，{days} 天", en: "rectification: {department}, {days} days", ["department": department, "days": String(days)])
        case .rectificationSignedOff(let department, let days):
            MessageEntry(
                zh: "整改：{department}，{days} 天，需签认", en: "rectification: {department}, {days} days, sign-off required",
                ["department": department, "days": String(days)])
        case .vetoShowHeading(let id, let title):
            MessageEntry(zh: "{id}  {title}  (否决项)", en: "{id}  {title}  (veto)", ["id": id], localized: ["title": title])
        case .vetoPackLine(let pack, let version, let lookBack, let provenance):
            MessageEntry(
                zh: "规则包: {pack} {version}   追溯期: {lookBack}   来源: [{provenance}]",
                en: "pack: {pack} {version}   look-back: {lookBack}   provenance: [{provenance}]",
                ["pack": pack, "version": version, "provenance": provenance], localized: ["lookBack": lookBack])
        case .wholePeriod: MessageEntry(zh: "评价期", en: "the period")
        }
    }
}
