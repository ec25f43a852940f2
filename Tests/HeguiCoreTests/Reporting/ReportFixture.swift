import HeguiCore
import Testing

/// Groups the reporter suites so `swift test --filter Reporting` selects them all.
@Suite enum Reporting {}

/// A small hand-made assessment: one passing pack, one failing pack with a fired veto, offenders, an error,
/// not-applicable and unattested findings, ratios, a ledger and a run history.
enum ReportFixture {
    static let script = "<script>alert(1)</script>"

    static func day(_ text: String) -> Day { Day(iso: text)! }

    static let finance = PackAssessment(
        pack: "union-finance", version: "2023.2", title: LocalizedText(zh: "工会经费规范", en: "Union finance norms"),
        score: 20, maxScore: 20, passLine: 16, passed: true,
        grade: GradeResult(id: "excellent", title: LocalizedText(zh: "优秀", en: "excellent")),
        categories: [
            CategoryScore(id: "F", title: LocalizedText(zh: "经费管理", en: "Funds"), score: 20, maxScore: 20, minimum: nil)
        ],
        vetoes: [],
        findings: [
            Finding(
                id: "F01", category: "F", title: LocalizedText(zh: "经费拨缴率", en: "Dues remittance rate"),
                outcome: .pass, points: 10, awarded: 10,
                checks: [
                    CheckResult(
                        description: LocalizedText(zh: "拨缴比例", en: "share remitted"), outcome: .pass,
                        measured: 0.985, unit: .ratio, threshold: Threshold(atLeast: 0.95))
                ]),
            Finding(
                id: "F02", category: "F", title: LocalizedText(zh: "大额支出集体决策", en: "Large spending decided jointly"),
                outcome: .notApplicable, points: 5, awarded: 5, checks: [],
                message: LocalizedText(zh: "本期无大额支出", en: "no large spending this period")),
            Finding(
                id: "F03", category: "F", title: LocalizedText(zh: "经审会议次数", en: "Audit committee meetings"),
                outcome: .pass, points: 5, awarded: 5,
                checks: [
                    CheckResult(
                        description: LocalizedText(zh: "会议次数", en: "meetings"), outcome: .pass, measured: 4,
                        unit: .number, threshold: Threshold(atLeast: 4))
                ]),
        ],
        gapToPass: GapToPass(pointsShort: 0, items: [], blockingVetoes: [], reachable: true))

    /// Twelve employees without a signed contract; the first key carries markup to prove escaping.
    static let contractOffenders: [EvidenceItem] = (1...12).map { i in
        EvidenceItem(
            key: i == 1 ? script : "E\(format3(i))", file: "records/employees.xml", line: 2 + i * 3,
            note: LocalizedText(zh: "未签劳动合同", en: "no signed contract"))
    }

    static func format3(_ i: Int) -> String {
        let s = String(i)
        return String(repeating: "0", count: 3 - s.count) + s
    }

    static let hexie = PackAssessment(
        pack: "ningbo-hexie", version: "2024.1", title: LocalizedText(zh: "宁波市和谐企业评价", en: "Ningbo harmonious enterprise"),
        score: 8, maxScore: 20, passLine: 12, passed: false,
        grade: GradeResult(id: "fail", title: LocalizedText(zh: "不合格", en: "fail")),
        categories: [
            CategoryScore(
                id: "L", title: LocalizedText(zh: "劳动关系", en: "Labour relations"), score: 3, maxScore: 10, minimum: nil),
            CategoryScore(id: "S", title: LocalizedText(zh: "安全生产", en: "Safety"), score: 5, maxScore: 10, minimum: 6),
        ],
        vetoes: [
            VetoResult(
                id: "V01", title: LocalizedText(zh: "发生重大安全事故", en: "Major safety accident"), fired: true,
                window: Period(start: day("2022-01-01"), end: day("2024-12-31"), label: "2024−3y"),
                checks: [
                    CheckResult(
                        description: LocalizedText(zh: "重大事故数", en: "major accidents"), outcome: .fail, measured: 1,
                        unit: .offenders, threshold: Threshold(equals: 0),
                        evidence: [
                            EvidenceItem(
                                key: "A-2024-003", file: "records/accidents.xml", line: 7,
                                note: LocalizedText(zh: "死亡 1 人", en: "1 death"))
                        ])
                ]),
            VetoResult(
                id: "V02", title: LocalizedText(zh: "拖欠工资", en: "Wage arrears"), fired: false,
                window: Period(parsing: "2024")!,
                checks: [
                    CheckResult(
                        description: LocalizedText(zh: "欠薪记录", en: "arrears records"), outcome: .pass, measured: 0,
                        unit: .offenders, threshold: Threshold(equals: 0))
                ]),
        ],
        findings: [
            Finding(
                id: "L01", category: "L", title: LocalizedText(zh: "劳动合同签订率", en: "Labour contracts signed"),
                outcome: .fail, points: 4, awarded: 0,
                checks: [
                    CheckResult(
                        description: LocalizedText(zh: "未签合同员工", en: "employees without contract"), outcome: .fail,
                        measured: 12, unit: .offenders, threshold: Threshold(equals: 0), evidence: contractOffenders,
                        evidenceTotal: 12, shortfall: 12)
                ]),
            Finding(
                id: "L02", category: "L", title: LocalizedText(zh: "工资按时足额支付", en: "Wages paid on time"),
                outcome: .error, points: 3, awarded: 0,
                checks: [
                    CheckResult(
                        description: LocalizedText(zh: "迟发工资月份", en: "late pay months"), outcome: .error,
                        unit: .offenders, threshold: Threshold(equals: 0),
                        message: LocalizedText(zh: "工资表缺少字段 paid_on", en: "payroll lacks field paid_on"))
                ]),
            Finding(
                id: "L03", category: "L", title: LocalizedText(zh: "集体合同覆盖率", en: "Collective contract coverage"),
                outcome: .pass, points: 3, awarded: 3,
                checks: [
                    CheckResult(
                        description: LocalizedText(zh: "覆盖比例", en: "share covered"), outcome: .pass, measured: 0.9235,
                        unit: .ratio, threshold: Threshold(atLeast: 0.9))
                ]),
            Finding(
                id: "S01", category: "S", title: LocalizedText(zh: "全员安全培训", en: "Safety training for all"),
                outcome: .unattested, points: 5, awarded: 0,
                checks: [
                    CheckResult(
                        description: LocalizedText(zh: "培训佐证", en: "training attestation"), outcome: .unattested,
                        message: LocalizedText(zh: "缺少培训签到表", en: "no attendance sheet attested"))
                ]),
            Finding(
                id: "S02", category: "S", title: LocalizedText(zh: "特种作业持证", en: "Special work certificates"),
                outcome: .notApplicable, points: 5, awarded: 5, checks: [],
                message: LocalizedText(zh: "无特种作业岗位", en: "no special work posts")),
        ],
        gapToPass: GapToPass(
            pointsShort: 4,
            items: [
                GapItem(id: "S01", title: LocalizedText(zh: "全员安全培训", en: "Safety training for all"), category: "S", gain: 5)
            ],
            blockingVetoes: ["V01"], reachable: false))

    static let assessment = Assessment(
        period: Period(parsing: "2024")!, enterprise: "宁波示例制造有限公司", packs: [finance, hexie],
        inputs: [
            InputFile(
                path: "records/employees.xml", kind: "employee",
                sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", records: 120),
            InputFile(
                path: "records/accidents.xml", kind: "accident",
                sha256: "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752", records: 3),
        ])

    static let items: [RectificationItem] = [
        RectificationItem(
            id: 1, source: .check, pack: "ningbo-hexie", indicator: "L01", period: "2024", foundOn: day("2024-11-02"),
            description: "补签劳动合同 <b>12</b> 人 & \"核对\"", category: "指标", grade: "一般", department: "人事部",
            responsible: "王芳", deadline: day("2024-12-01"), rechecker: "李强", status: .open),
        RectificationItem(
            id: 2, source: .patrol, patrolID: 3, foundOn: day("2024-12-10"), finder: "张三", location: "二车间",
            description: "消防通道堆放杂物", category: "安全", grade: "重大", department: "生产部", deadline: day("2025-02-01"),
            status: .submitted, submittedBy: "赵六"),
        RectificationItem(
            id: 3, source: .check, pack: "union-finance", indicator: "F03", foundOn: day("2024-06-01"),
            description: "经审会议记录不全", category: "指标", grade: "一般", department: "工会办公室", deadline: day("2024-07-01"),
            status: .verified, verifiedBy: "陈静", verifiedOn: day("2024-06-28")),
        RectificationItem(
            id: 4, source: .patrol, foundOn: day("2024-12-20"), description: "食堂卫生", category: "食堂宿舍", grade: "一般",
            department: "后勤部", deadline: day("2025-01-10"), status: .disputed),
    ]

    static let history: [RunSummary] = [
        RunSummary(
            id: 1, ranAt: "2024-10-01T08:00:00Z", period: "2024",
            packs: [
                .init(pack: "ningbo-hexie", version: "2024.1", score: 6, maxScore: 20, grade: "fail", passed: false),
                .init(pack: "union-finance", version: "2023.2", score: 15, maxScore: 20, grade: "fail", passed: false),
            ]),
        RunSummary(
            id: 2, ranAt: "2024-12-01T08:00:00Z", period: "2024",
            packs: [
                .init(pack: "ningbo-hexie", version: "2024.1", score: 7, maxScore: 20, grade: "fail", passed: false),
                .init(pack: "union-finance", version: "2023.2", score: 18, maxScore: 20, grade: "good", passed: true),
            ]),
        RunSummary(
            id: 3, ranAt: "2025-01-15T08:00:00Z", period: "2024",
            packs: [
                .init(pack: "ningbo-hexie", version: "2024.1", score: 8, maxScore: 20, grade: "fail", passed: false),
                .init(pack: "union-finance", version: "2023.2", score: 20, maxScore: 20, grade: "excellent", passed: true),
            ]),
    ]

    static func input(_ language: Language = .zhCN, ledger: Bool = true) -> ReportInput {
        ReportInput(
            assessment: assessment, language: language, ranAt: nil, items: ledger ? items : [],
            history: ledger ? history : [], today: day("2025-01-15"))
    }
}
