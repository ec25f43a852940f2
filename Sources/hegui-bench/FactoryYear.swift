import HeguiCore

/// One employee of the generated factory.
struct Employee {
    var id: String
    var name: String
    var female: Bool
    var birth: Day
    var hired: Day
    var left: Day?
    var department: String
    var team: String?
    var post: String
    var exposed: Bool
    var safetyRole: String?
    var keyFinancePost = false
    var unionMember = true
    /// Monthly gross wage in yuan.
    var wage: Int

    /// Whether the employee is on the roster on that day.
    func employed(on day: Day) -> Bool { hired <= day && (left.map { day <= $0 } ?? true) }
}

func day(_ y: Int, _ m: Int, _ d: Int) -> Day { Day(year: y, month: m, day: d)! }
func lastDay(_ y: Int, _ m: Int) -> Day { day(y, m, Day.daysIn(year: y, month: m)) }
func yuan(_ cents: Int) -> String { "\(cents / 100).\(cents % 100 < 10 ? "0" : "")\(cents % 100)" }
func tenThousand(_ tenths: Int) -> String { "\(tenths / 10).\(tenths % 10)" }

/// The 2019 year of a ~1,100-employee cigarette factory, after 浙江中烟宁波卷烟厂工会's 2019 summary:
/// 1,072 union members, 1/3/27 competitions, 81 contestants in 4 items from 3 workshops, 62 family
/// visitors, a dragon-boat event of ~200, flag-raising 150+, 29 commitment letters, 12 finance
/// meetings, 3 price-comparison talks, a patrol with 5 issues all struck off, no accidents.
/// Parameterised by head count and seed so a benchmark generator can grow from the same code.
struct FactoryYear {
    var employees: Int
    var seed: UInt64
    let year = 2019

    /// Departments: name, share of the head count, exposed to hazards, number of teams, posts.
    static let departments: [(name: String, share: Double, exposed: Bool, teams: Int, posts: [String])] = [
        ("制丝车间", 0.18, true, 8, ["制丝操作工", "制丝操作工", "工艺员", "维修工"]),
        ("卷包车间", 0.44, true, 20, ["卷接操作工", "包装操作工", "卷接操作工", "维修工", "质检员"]),
        ("动力车间", 0.10, true, 5, ["空调运行工", "锅炉工", "电工", "制冷工"]),
        ("物流中心", 0.08, false, 4, ["仓储员", "叉车司机", "调度员"]),
        ("设备管理部", 0.05, false, 2, ["设备工程师", "技术员"]),
        ("质量管理部", 0.045, false, 2, ["检验员", "质量工程师"]),
        ("安全环保部", 0.015, false, 0, ["安全管理员"]),
        ("人力资源部", 0.015, false, 0, ["人事专员"]),
        ("财务部", 0.015, false, 0, ["会计", "出纳"]),
        ("企业管理部", 0.02, false, 0, ["管理专员"]),
        ("工会办公室", 0.01, false, 0, ["工会干事"]),
        ("综合办公室", 0.03, false, 0, ["行政专员", "司机"]),
    ]
    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢傅钟").map(String.init)
    static let given = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玲建国海燕波宁浩鹏飞红梅斌慧晨颖俊峰亮琳雪婷欣怡晓东").map(String.init)

    func generate() -> Tables {
        var rng = SplitMix64(seed: seed)
        var t: Tables = [:]
        let staff = makeEmployees(&rng)
        let teams = teamList(staff)
        let periodStart = day(year, 1, 1), periodEnd = day(year, 12, 31)
        let atEnd = staff.filter { $0.employed(on: periodEnd) }

        // ---- roster ----
        t["employee"] = staff.map { e in
            [
                "employeeId": e.id, "name": e.name, "gender": e.female ? "女" : "男", "birthDate": "\(e.birth)",
                "hiredOn": "\(e.hired)", "leftOn": e.left.map { "\($0)" } ?? "", "department": e.department,
                "team": e.team ?? "", "post": e.post, "contractSigned": "是",
                "contractType": e.hired < day(2009, 1, 1) ? "无固定期限" : "固定期限", "insuranceCovered": "是",
                "unionMember": e.unionMember ? "是" : "否", "exposedToHazards": e.exposed ? "是" : "否",
                "ppeIssued": e.exposed ? "是" : "否", "safetyRole": e.safetyRole ?? "",
                "keyFinancePost": e.keyFinancePost ? "是" : "否",
            ]
        }
        t["team"] = teams.enumerated().map { index, team in
            ["team": team.name, "department": team.department, "leader": team.leader, "candidate": index % 7 == 0 ? "是" : "否"]
        }

        // ---- payroll: wage of month m due on the 10th of month m+1 ----
        var payroll: [Row] = []
        var wageCents2019 = 0
        var employedMonths = 0
        for e in staff {
            for m in 1...12 {
                guard e.hired <= lastDay(year, m), e.left.map({ $0 >= day(year, m, 1) }) ?? true else { continue }
                let due = day(year, m, 10).adding(months: 1)
                let cents = e.wage * 100 + rng.int(-300...600) * 100 + rng.int(0...99)
                wageCents2019 += cents
                employedMonths += 1
                payroll.append([
                    "employeeId": e.id, "month": "\(day(year, m, 1))", "grossWage": yuan(cents), "dueOn": "\(due)",
                    "paidOn": "\(due.adding(days: -rng.int(0...2)))", "arrears": "0",
                ])
            }
        }
        t["payroll"] = payroll

        // ---- timesheet: overtime rows only (days without overtime are omitted) ----
        var timesheet: [Row] = []
        for e in staff {
            for m in 1...12 {
                let p = e.team == nil ? 0.08 : 0.35
                guard rng.chance(p) else { continue }
                var days = Set<Int>()
                for _ in 0..<rng.int(1...3) { days.insert(rng.int(1...28)) }
                for d in days.sorted() {
                    let date = day(year, m, d)
                    guard e.employed(on: date) else { continue }
                    let overtime = rng.int(2...4)
                    timesheet.append([
                        "employeeId": e.id, "date": "\(date)", "hoursWorked": "\(8 + overtime)", "overtimeHours": "\(overtime)",
                    ])
                }
            }
        }
        t["timesheet"] = timesheet

        // ---- leave: every employee with a year of service takes annual leave ----
        var leave: [Row] = []
        for e in staff where e.left == nil {
            if e.hired <= day(year - 1, 1, 1) {
                let start = day(year, rng.int(2...11), rng.int(1...20))
                let days = rng.int(5...10)
                leave.append([
                    "employeeId": e.id, "type": "年休假", "startsOn": "\(start)", "endsOn": "\(start.adding(days: days - 1))",
                    "days": "\(days)",
                ])
            }
            if rng.chance(0.08) {
                let start = day(year, rng.int(1...12), rng.int(1...25))
                leave.append([
                    "employeeId": e.id, "type": "病假", "startsOn": "\(start)", "endsOn": "\(start.adding(days: 2))", "days": "3",
                ])
            }
        }
        t["leave"] = leave

        // ---- health examinations: occupational for the exposed, general for the rest ----
        var exams: [Row] = []
        for e in staff where e.left == nil {
            if e.hired >= periodStart {
                exams.append([
                    "employeeId": e.id, "examinedOn": "\(e.hired.adding(days: -5))", "type": e.exposed ? "上岗前" : "一般健康体检",
                    "institution": "宁波市职业病防治院", "result": "未见异常",
                ])
            } else {
                let date = day(year, e.exposed ? rng.int(4...5) : rng.int(9...10), rng.int(1...28))
                exams.append([
                    "employeeId": e.id, "examinedOn": "\(date)", "type": e.exposed ? "在岗期间" : "一般健康体检",
                    "institution": "宁波市职业病防治院", "result": rng.chance(0.03) ? "复查后未见异常" : "未见异常",
                ])
            }
        }
        t["healthExam"] = exams

        // ---- training ----
        var training: [Row] = []
        for e in staff where e.hired >= periodStart {
            for k in 0..<3 {
                training.append([
                    "employeeId": e.id, "startsOn": "\(e.hired.adding(days: k))", "type": "岗前安全培训", "hours": "8",
                    "topic": ["厂级安全教育", "车间级安全教育", "班组级安全教育"][k],
                ])
            }
        }
        for e in staff where e.safetyRole != nil {
            training.append([
                "employeeId": e.id, "startsOn": "\(day(year, 4, 16))", "type": "安全管理培训", "hours": "8", "topic": "安全生产法律法规",
            ])
            training.append([
                "employeeId": e.id, "startsOn": "\(day(year, 10, 22))", "type": "安全管理培训", "hours": "8", "topic": "应急管理与事故案例",
            ])
        }
        for e in atEnd where e.team != nil && rng.chance(0.2) {
            training.append([
                "employeeId": e.id, "startsOn": "\(day(year, rng.int(3...11), rng.int(1...28)))", "type": "职业技能培训", "hours": "16",
                "topic": "岗位技能提升",
            ])
        }
        t["training"] = training

        // ---- agreements, negotiation, congress, openness, bodies ----
        t["agreement"] = [
            [
                "id": "JT-2018-01", "type": "集体合同", "signedOn": "2018-01-18", "validFrom": "2018-01-01", "validTo": "2020-12-31",
                "filedOn": "2018-02-06", "filedWith": "宁波市人力资源和社会保障局",
            ],
            [
                "id": "GZ-2019-01", "type": "工资专项集体合同", "signedOn": "2019-03-22", "validFrom": "2019-01-01",
                "validTo": "2019-12-31", "filedOn": "2019-04-03", "filedWith": "宁波市人力资源和社会保障局",
            ],
            [
                "id": "NZG-2018-01", "type": "女职工权益保护专项集体合同", "signedOn": "2018-01-18", "validFrom": "2018-01-01",
                "validTo": "2020-12-31", "filedOn": "2018-02-06", "filedWith": "宁波市人力资源和社会保障局",
            ],
            [
                "id": "AW-2019-01", "type": "劳动安全卫生专项协议书", "signedOn": "2018-12-27", "validFrom": "2019-01-01",
                "validTo": "2019-12-31", "filedOn": "2019-01-10", "filedWith": "宁波市总工会",
            ],
        ]
        t["negotiation"] = [
            ["id": "XS-2019-01", "heldOn": "2019-03-15", "topic": "工资", "outcome": "2019 年职工平均工资增长幅度与效益挂钩"],
            ["id": "XS-2019-02", "heldOn": "2019-11-20", "topic": "劳动安全卫生", "outcome": "续签 2020 年劳动安全卫生专项协议书"],
        ]
        let delegates = max(30, employees * 15 / 110 / 10 * 10)
        t["congress"] = [
            [
                "id": "三届二次", "heldOn": "2018-02-07", "delegates": "\(delegates)", "frontLineDelegates": "\(delegates * 6 / 10)",
                "attended": "\(delegates - 4)",
            ],
            [
                "id": "三届三次", "heldOn": "2019-02-21", "delegates": "\(delegates)",
                "frontLineDelegates": "\(delegates * 61 / 100)", "attended": "\(delegates - 3)",
            ],
        ]
        let opennessTopics = [
            "年度经营计划与职代会决议", "工资集体协商结果", "困难职工帮扶名单", "评先评优结果", "职工代表巡视整改情况", "业务招待费使用情况", "职工福利费使用情况", "安全生产责任制落实", "劳动竞赛奖励发放",
            "年度工作总结",
        ]
        let opennessDates = [(1, 25), (3, 8), (4, 19), (5, 30), (7, 12), (8, 28), (9, 30), (10, 25), (11, 29), (12, 27)]
        t["openness"] = opennessDates.enumerated().map { i, md in
            [
                "id": "CW-2019-\(i + 1 < 10 ? "0" : "")\(i + 1)", "publishedOn": "\(day(year, md.0, md.1))",
                "topic": opennessTopics[i], "channel": i % 2 == 0 ? "厂务公开栏" : "内网公告",
            ]
        }
        t["organization"] = [
            ["id": "ORG-01", "type": "工会", "name": "浙江中烟宁波卷烟厂工会", "establishedOn": "1984-05-01"],
            ["id": "ORG-02", "type": "职工代表大会", "name": "职工代表大会", "establishedOn": "1985-03-01"],
            ["id": "ORG-03", "type": "劳动争议调解委员会", "name": "劳动争议调解委员会", "establishedOn": "2008-06-01"],
            ["id": "ORG-04", "type": "女职工委员会", "name": "工会女职工委员会", "establishedOn": "1990-03-08"],
            ["id": "ORG-05", "type": "经费审查委员会", "name": "工会经费审查委员会", "establishedOn": "1995-01-01"],
            ["id": "ORG-06", "type": "安全生产委员会", "name": "安全生产委员会", "establishedOn": "2002-11-01"],
            ["id": "ORG-07", "type": "劳动保护监督检查委员会", "name": "工会劳动保护监督检查委员会", "establishedOn": "2005-04-28"],
        ]

        // ---- annual figures (万元 in tenths); payroll totals follow the payroll rows ----
        let scale = Double(employees) / 1100
        let payroll2019 = Int((Double(wageCents2019) / 100 * 1.25 / 1000).rounded(.up))  // tenths of 万元, with bonuses
        let payroll2018 = payroll2019 * 955 / 1000
        let averageHeadcount2019 = Double(employedMonths) / 12
        let headcount2018 = staff.filter { $0.employed(on: day(year - 1, 12, 31)) }.count
        func v(_ x: Double) -> String { tenThousand(Int((x * scale * 10).rounded())) }
        t["enterpriseYear"] = [
            [
                "year": "2018-12-31", "revenue": v(982_000), "profit": v(71_800), "tax": v(455_200), "sales": v(982_000),
                "rdSpend": v(15_200), "energy": v(21_500), "output": v(56.0), "payrollTotal": tenThousand(payroll2018),
                "averageHeadcount": String(format2(averageHeadcount2019 - 3)), "headcountAtEnd": "\(headcount2018)",
                "trainingSpend": tenThousand(payroll2018 * 16 / 1000 + 1),
                "unionFundsPaid": tenThousand(payroll2018 * 20 / 1000 + 1),
                "unionFundsArrears": "0", "insuranceArrears": "0", "laborCreditRating": "A",
            ],
            [
                "year": "2019-12-31", "revenue": v(1_015_600), "profit": v(74_500), "tax": v(468_300), "sales": v(1_015_600),
                "rdSpend": v(15_900), "energy": v(21_300), "output": v(56.8), "payrollTotal": tenThousand(payroll2019),
                "averageHeadcount": String(format2(averageHeadcount2019)), "headcountAtEnd": "\(atEnd.count)",
                "trainingSpend": tenThousand(payroll2019 * 16 / 1000 + 1),
                "unionFundsPaid": tenThousand(payroll2019 * 20 / 1000 + 1),
                "unionFundsArrears": "0", "insuranceArrears": "0", "laborCreditRating": "A",
            ],
        ]
        t["certificate"] = [
            ["id": "QMS-00118Q3021", "type": "质量管理体系", "issuer": "中国质量认证中心", "validFrom": "2018-03-12", "validTo": "2021-03-11"],
            ["id": "EMS-00118E3007", "type": "环境管理体系", "issuer": "中国质量认证中心", "validFrom": "2018-03-12", "validTo": "2021-03-11"],
            [
                "id": "OHS-00118S2011", "type": "职业健康安全管理体系", "issuer": "中国质量认证中心", "validFrom": "2018-03-12",
                "validTo": "2021-03-11",
            ],
            [
                "id": "AQBZ-ZJ-2017-0112", "type": "安全生产标准化", "issuer": "浙江省应急管理厅", "validFrom": "2017-09-01",
                "validTo": "2020-08-31",
            ],
        ]
        t["incident"] = []  // No accident of any grade in 2017–2019.
        t["dispute"] = [
            [
                "id": "TJ-2019-01", "filedOn": "2019-06-11", "type": "个人", "workers": "1", "massIncident": "否",
                "causedByEnterprise": "否", "resolvedBy": "调解",
            ]
        ]
        t["penalty"] = []
        let respondents = atEnd.count * 9 / 10
        t["survey"] = [
            [
                "id": "MY-2018", "conductedOn": "2018-11-20", "respondents": "\(respondents - 12)",
                "satisfied": "\((respondents - 12) * 90 / 100)",
            ],
            [
                "id": "MY-2019", "conductedOn": "2019-11-26", "respondents": "\(respondents)",
                "satisfied": "\(respondents * 92 / 100)",
            ],
        ]

        // ---- union activities: the article's events; 3 above the quote threshold had price talks ----
        let contractor = "宁波甬城文化传播有限公司"
        t["activity"] = [
            [
                "id": "HD-2019-01", "name": "新春文艺汇演", "category": "文艺", "setting": "室内", "startsOn": "2019-01-25",
                "endsOn": "2019-01-25", "participants": "420", "cost": "86000", "quotes": "3", "priceTalk": "是",
                "safetyNoticeOn": "2019-01-18", "thirdParty": contractor, "constraintAgreementOn": "2019-01-10",
            ],
            [
                "id": "HD-2019-02", "name": "新春团拜会金点子征集", "category": "宣传", "setting": "线上", "startsOn": "2019-02-11",
                "endsOn": "2019-02-28", "participants": "356", "cost": "3000",
            ],
            [
                "id": "HD-2019-03", "name": "职工家属开放日", "category": "宣传", "setting": "室内", "startsOn": "2019-05-18",
                "endsOn": "2019-05-18", "participants": "62", "cost": "6200", "safetyNoticeOn": "2019-05-13",
            ],
            [
                "id": "HD-2019-04", "name": "端午龙舟赛", "category": "体育", "setting": "室外", "startsOn": "2019-06-06",
                "endsOn": "2019-06-06", "participants": "200", "cost": "48000", "quotes": "2", "priceTalk": "是",
                "safetyNoticeOn": "2019-05-30", "thirdParty": "宁波东钱湖水上运动中心", "constraintAgreementOn": "2019-05-28",
            ],
            [
                "id": "HD-2019-05", "name": "全民健身月健步走", "category": "体育", "setting": "室外", "startsOn": "2019-08-08",
                "endsOn": "2019-08-08", "participants": "310", "cost": "12000", "safetyNoticeOn": "2019-08-02",
            ],
            [
                "id": "HD-2019-06", "name": "国庆升旗仪式", "category": "宣传", "setting": "室外", "startsOn": "2019-10-01",
                "endsOn": "2019-10-01", "participants": "156", "cost": "0", "safetyNoticeOn": "2019-09-27",
            ],
            [
                "id": "HD-2019-07", "name": "《我和我的祖国》快闪视频", "category": "文艺", "setting": "室外", "startsOn": "2019-09-20",
                "endsOn": "2019-09-20", "participants": "212", "cost": "15000", "safetyNoticeOn": "2019-09-16",
            ],
            [
                "id": "HD-2019-08", "name": "职工趣味运动会", "category": "体育", "setting": "室外", "startsOn": "2019-11-09",
                "endsOn": "2019-11-09", "participants": "380", "cost": "36000", "quotes": "3", "priceTalk": "是",
                "safetyNoticeOn": "2019-11-01", "thirdParty": contractor, "constraintAgreementOn": "2019-10-25",
            ],
            [
                "id": "HD-2019-09", "name": "读书分享会", "category": "文艺", "setting": "室内", "startsOn": "2019-04-23",
                "endsOn": "2019-04-23", "participants": "85", "cost": "4500", "safetyNoticeOn": "2019-04-19",
            ],
        ]
        t["charity"] = [
            [
                "id": "GY-2019-01", "heldOn": "2019-01-22", "type": "慰问", "beneficiary": "困难职工及退休职工（市总工会与行业送温暖礼包）",
                "amount": "\(1015 * 200)", "participants": "40",
            ],
            [
                "id": "GY-2019-02", "heldOn": "2019-05-10", "type": "结对帮扶", "beneficiary": "宁海县结对帮扶村", "amount": "50000",
                "participants": "12",
            ],
            ["id": "GY-2019-03", "heldOn": "2019-12-05", "type": "志愿服务", "beneficiary": "社区孤寡老人", "participants": "28"],
        ]
        var families: [Row] = [], visits: [Row] = []
        let needy = atEnd.filter { $0.hired < day(2015, 1, 1) }
        for k in 0..<max(3, employees / 60) {
            let e = needy[(k * 37) % needy.count]
            let id = "KN-\(k + 1 < 10 ? "0" : "")\(k + 1)"
            families.append([
                "familyId": id, "employeeId": e.id, "registeredOn": "\(day(2016 + k % 3, rng.int(1...12), rng.int(1...28)))",
                "reason": rng.pick(["大病医疗", "子女就学", "单亲家庭", "家属重病"]),
            ])
            visits.append([
                "familyId": id, "visitedOn": "\(day(year, 1, rng.int(14...30)))", "visitor": "工会主席", "giftValue": "2000",
            ])
            if k % 2 == 0 {
                visits.append([
                    "familyId": id, "visitedOn": "\(day(year, 9, rng.int(2...12)))", "visitor": "分工会主席", "giftValue": "1000",
                ])
            }
        }
        t["assistance"] = families
        t["visit"] = visits

        // ---- competitions: 1 company, 3 factory, 27 department level; city skills contest; Ankang Cup ----
        var competitions: [Row] = [
            [
                "id": "JS-2019-G01", "name": "浙江中烟卷包精益班组建设竞赛", "type": "劳动竞赛", "level": "公司", "startsOn": "2019-03-01",
                "endsOn": "2019-11-30", "planIssuedOn": "2019-02-20", "participants": "480", "items": "1",
            ],
            [
                "id": "JS-2019-C01", "name": "制丝虫烟防治竞赛", "type": "劳动竞赛", "level": "厂", "startsOn": "2019-03-15",
                "endsOn": "2019-10-31", "planIssuedOn": "2019-03-05", "participants": "200", "items": "1",
            ],
            [
                "id": "JS-2019-C02", "name": "安全月隐患排查竞赛", "type": "劳动竞赛", "level": "厂", "startsOn": "2019-06-01",
                "endsOn": "2019-06-30", "planIssuedOn": "2019-05-24", "participants": "650", "items": "1",
            ],
            [
                "id": "JS-2019-C03", "name": "节能降耗合理化建议竞赛", "type": "劳动竞赛", "level": "厂", "startsOn": "2019-04-01",
                "endsOn": "2019-12-15", "planIssuedOn": "2019-03-20", "participants": "300", "items": "1",
            ],
        ]
        let departmentNames = FactoryYear.departments.map(\.name)
        for k in 0..<27 {
            let month = 3 + k % 9
            competitions.append([
                "id": "JS-2019-B\(k + 1 < 10 ? "0" : "")\(k + 1)", "name": "\(departmentNames[k % 6])岗位练兵竞赛（第\(k / 6 + 1)项）",
                "type": "劳动竞赛", "level": "部门", "startsOn": "\(day(year, month, 1))", "endsOn": "\(lastDay(year, month))",
                "participants": "\(20 + rng.int(0...40))", "items": "1",
            ])
        }
        competitions.append([
            "id": "JS-2019-S01", "name": "“宁烟杯”首届宁波市职工竞能竞赛（制丝、卷包、动力三车间）", "type": "技能竞赛", "level": "市", "startsOn": "2019-09-10",
            "endsOn": "2019-10-18", "planIssuedOn": "2019-07-30", "participants": "81", "items": "4",
        ])
        competitions.append([
            "id": "AK-2019", "name": "2019 年“安康杯”竞赛", "type": "安康杯", "level": "厂", "startsOn": "2019-03-01",
            "endsOn": "2019-12-31", "planIssuedOn": "2019-02-26", "participants": "\(atEnd.count)", "items": "12",
        ])
        t["competition"] = competitions

        // ---- team safety activities: every team monthly, plus safety-culture events ----
        var safety: [Row] = []
        for team in teams {
            for m in 1...12 {
                safety.append([
                    "team": team.name, "heldOn": "\(day(year, m, rng.int(3...26)))",
                    "type": m % 3 == 2 ? "安全文化" : rng.pick(["安全学习", "事故案例", "隐患自查", "应急处置"]),
                    "topic": m == 6 ? "安全生产月：防风险、除隐患、遏事故" : "班组安全活动", "participants": "\(team.size)",
                ])
            }
        }
        t["safetyActivity"] = safety
        t["project"] = [
            [
                "id": "XM-2019-01", "name": "制丝线技术改造项目", "startedOn": "2019-04-10", "eiaApprovedOn": "2019-02-28",
                "acceptedOn": "2019-12-18",
            ]
        ]

        // ---- Ankang Cup: drills, monthly hazard checks, hazards, patrol ----
        t["drill"] = [
            ["id": "YL-2019-01", "heldOn": "2019-03-28", "type": "现场处置演练", "scenario": "制丝车间蒸汽管道泄漏处置", "participants": "35"],
            ["id": "YL-2019-02", "heldOn": "2019-06-18", "type": "综合演练", "scenario": "厂区火灾综合应急演练", "participants": "260"],
            ["id": "YL-2019-03", "heldOn": "2019-09-12", "type": "现场处置演练", "scenario": "动力车间氨制冷机房泄漏处置", "participants": "28"],
            ["id": "YL-2019-04", "heldOn": "2019-11-08", "type": "专项演练", "scenario": "消防专项演练（119 消防日）", "participants": "180"],
        ]
        var inspections: [Row] = []
        for m in 1...12 {
            inspections.append([
                "id": "PC-2019-\(m < 10 ? "0" : "")\(m)", "checkedOn": "\(day(year, m, 5 + m % 3))", "type": "月度排查",
                "scope": "全厂", "hazardsFound": "\(rng.int(2...6))",
            ])
        }
        inspections.append([
            "id": "PC-2019-AQY", "checkedOn": "2019-06-20", "type": "安全生产月排查", "scope": "全厂（安全生产月专项）", "hazardsFound": "9",
        ])
        inspections.append(["id": "PC-2019-JR1", "checkedOn": "2019-01-28", "type": "节假日排查", "scope": "春节前", "hazardsFound": "3"])
        inspections.append(["id": "PC-2019-JR2", "checkedOn": "2019-09-26", "type": "节假日排查", "scope": "国庆前", "hazardsFound": "2"])
        t["inspection"] = inspections
        var hazards: [Row] = []
        let locations = ["制丝车间切丝机", "卷包车间 ZJ17 机组", "动力车间空压站", "物流中心高架库", "配电房", "食堂后厨", "锅炉房"]
        let hazardCount = max(12, employees * 42 / 1100)
        for k in 0..<hazardCount {
            let found = day(year, 1 + k * 12 / hazardCount, rng.int(1...26))
            let deadline = found.adding(days: 15)
            let open = k == hazardCount - 1  // the last one, found late December, is still within its deadline
            let found2 = open ? day(year, 12, 24) : found
            // Drawn in the order the generator always drew them, so every other table stays the same.
            let location = rng.pick(locations)
            let description = rng.pick(["防护罩缺失", "消防通道堆物", "警示标识脱落", "接地线松动", "应急照明失效"])
            let closed = open ? nil : found.adding(days: rng.int(2...14))
            hazards.append([
                "id": "YH-2019-\(k + 1 < 10 ? "0" : "")\(k + 1)", "foundOn": "\(found2)", "grade": "一般",
                "location": location, "description": description,
                "department": "安全环保部", "deadline": "\(open ? found2.adding(days: 15) : deadline)",
                "closedOn": closed.map { "\($0)" } ?? "",
                // Verified by someone other than the fixing department, the day after (principle 5).
                "verifiedBy": closed == nil ? "" : "劳动保护监督检查委员会", "verifiedOn": closed.map { "\($0.adding(days: 1))" } ?? "",
            ])
        }
        hazards.append([
            "id": "YH-2019-ZD1", "foundOn": "2019-06-20", "grade": "重大", "location": "动力车间氨制冷机房",
            "description": "液氨储罐区未设独立泄漏报警联锁", "department": "动力车间", "deadline": "2019-09-18", "closedOn": "2019-09-10",
            "verifiedBy": "劳动保护监督检查委员会", "verifiedOn": "2019-09-12",
            "planDocument": "甬烟厂安〔2019〕17 号 重大隐患治理方案",
        ])
        t["hazard"] = hazards
        t["patrol"] = [
            [
                "id": "XS-2019-1", "startsOn": "2019-09-17", "notifiedOn": "2019-09-06", "scope": "安全生产和劳动保护、食堂宿舍、厂务公开、职代会提案落实",
                "representatives": "12", "issuesFound": "5",
            ]
        ]
        let patrolIssues: [(String, String, String, String)] = [
            ("卷包车间", "ZJ17 机组降噪耳塞发放不及时", "劳保", "卷包车间"),
            ("食堂", "职工食堂就餐高峰排队时间过长", "食堂宿舍", "综合办公室"),
            ("动力车间", "空压站巡检通道照明不足", "安全", "动力车间"),
            ("厂务公开栏", "第三季度公开内容更新滞后", "厂务公开", "工会办公室"),
            ("物流中心", "职代会提案“高架库防坠措施”落实进度未反馈", "提案", "物流中心"),
        ]
        t["rectification"] = patrolIssues.enumerated().map { k, issue in
            let found = day(year, 9, 17)
            let deadline = found.adding(days: 15)
            let verified = found.adding(days: 8 + k)
            return [
                "id": "ZG-2019-0\(k + 1)", "source": "patrol", "foundOn": "\(found)", "location": issue.0, "description": issue.1,
                "category": issue.2, "grade": "一般", "department": issue.3, "responsible": "\(issue.3)负责人",
                "deadline": "\(deadline)",
                "status": "审核通过", "verifiedBy": "劳动保护监督检查委员会", "verifiedOn": "\(verified)", "struckOff": "是", "overdue": "否",
                "published": "是",
            ]
        }
        // Violations only in teams not put forward as winning teams.
        let ordinary = teams.enumerated().filter { $0.offset % 7 != 0 }.map(\.element)
        t["violation"] = (0..<max(2, employees / 180)).map { k in
            let team = ordinary[(k * 5) % ordinary.count]
            return [
                "id": "SW-2019-\(k + 1 < 10 ? "0" : "")\(k + 1)", "foundOn": "\(day(year, 1 + k * 2 % 12, rng.int(1...28)))",
                "team": team.name, "type": rng.pick(["违章作业", "违反劳动纪律"]),
                "description": rng.pick(["未按规定佩戴防护用品", "设备运行中清理异物", "巡检记录未签字"]),
            ]
        }

        // ---- union finance ----
        let chair = "工会主席", finance = "工会财务"
        let handlers = atEnd.filter { $0.keyFinancePost }.map(\.name)
        var expenses: [Row] = []
        let activities = t["activity"]!
        for (k, activity) in activities.enumerated() where (Int(activity["cost"] ?? "0") ?? 0) > 0 {
            let starts = Day(iso: activity["startsOn"]!)!
            expenses.append([
                "id": "PZ-2019-A\(k + 1)", "spentOn": "\(starts.adding(days: 3))", "amount": activity["cost"]! + ".00",
                "purpose": activity["name"]!, "activityId": activity["id"]!, "handler": handlers[k % handlers.count],
                "reviewer": finance, "approver": chair,
            ])
        }
        for k in 0..<max(24, employees / 4) {
            let date = day(year, 1 + k * 12 / max(24, employees / 4), rng.int(1...28))
            expenses.append([
                "id": "PZ-2019-\(k + 1 < 100 ? "0" : "")\(k + 1 < 10 ? "0" : "")\(k + 1)", "spentOn": "\(date)",
                "amount": yuan(rng.int(200...9000) * 100),
                "purpose": rng.pick(["职工生日慰问", "困难职工补助", "文体用品购置", "会员培训", "劳动竞赛奖励", "办公用品"]),
                "handler": handlers[k % handlers.count], "reviewer": finance, "approver": chair,
            ])
        }
        expenses.sort { ($0["spentOn"]!, $0["id"]!) < ($1["spentOn"]!, $1["id"]!) }
        t["expense"] = expenses
        t["commitmentLetter"] = atEnd.filter { $0.keyFinancePost }.enumerated().map { k, e in
            [
                "employeeId": e.id, "role": k < 13 ? "分工会主席" : (k < 25 ? "财务关键岗位" : "协会负责人"),
                "signedOn": "\(day(year - 1, 12, 18 + k % 10))", "validFrom": "2019-01-01", "validTo": "2019-12-31",
            ]
        }
        t["financeMeeting"] = (1...12).map { m in
            [
                "heldOn": "\(day(year, m, 12 + m % 5))", "topic": m == 1 ? "《工会经费收支管理办法》学习" : "月度经费收支情况通报与制度学习",
                "attendees": "\(10 + rng.int(0...6))",
            ]
        }
        t["financeRules"] = [
            ["id": "甬烟厂工〔2018〕5 号", "title": "工会经费收支管理实施细则", "revisedOn": "2018-05-16", "adoptedBy": "工会委员会"],
            ["id": "甬烟厂工〔2014〕2 号", "title": "工会财务管理制度", "revisedOn": "2014-03-10", "adoptedBy": "工会委员会"],
        ]
        t["attestation"] = [
            ["indicator": "D02", "attestedBy": "企业管理部 部长", "document": "2019 年制度汇编（22 项工会业务流程图）", "attestedOn": "2019-12-20"],
            ["indicator": "L11", "attestedBy": "人力资源部 部长", "document": "2019 年度职工教育培训计划", "attestedOn": "2019-01-15"],
            ["indicator": "E05", "attestedBy": "安全环保部 部长", "document": "厂区绿化规划（2018—2020）", "attestedOn": "2019-03-12"],
            ["indicator": "C01", "attestedBy": "综合办公室 主任", "document": "企业文化手册（“想干事、能干事、干成事”）", "attestedOn": "2019-06-28"],
            ["indicator": "AK01", "attestedBy": "工会主席", "document": "2019 年“安康杯”竞赛实施方案及领导小组文件", "attestedOn": "2019-02-26"],
        ]
        return t
    }

    // MARK: - People

    private func makeEmployees(_ rng: inout SplitMix64) -> [Employee] {
        let endOfYear = day(year, 12, 31)
        let newHires = max(2, employees * 12 / 1100)
        let leavers = max(2, employees * 8 / 1100)
        let total = employees + leavers
        var staff: [Employee] = []
        // Department sizes by share; the rounding rest goes to the largest department.
        var sizes = FactoryYear.departments.map { Int(Double(total) * $0.share) }
        sizes[1] += total - sizes.reduce(0, +)
        var teamCounters = [Int](repeating: 0, count: FactoryYear.departments.count)
        var number = 0
        for (d, department) in FactoryYear.departments.enumerated() {
            for _ in 0..<sizes[d] {
                number += 1
                let female = rng.chance(department.exposed ? 0.42 : 0.5)
                let name =
                    rng.pick(FactoryYear.surnames) + rng.pick(FactoryYear.given)
                    + (rng.chance(0.6) ? rng.pick(FactoryYear.given) : "")
                let birth = day(rng.int(1963...1996), rng.int(1...12), rng.int(1...28))
                let earliest = max(1985, birth.year + 20)
                let hired = day(rng.int(earliest...2018), rng.int(1...12), 1)
                var team: String?
                if department.teams > 0 {
                    teamCounters[d] += 1
                    team = teamName(department.name, teamCounters[d] % department.teams)
                }
                let wage = (department.exposed ? 7200 : 8200) + rng.int(0...60) * 100
                staff.append(
                    Employee(
                        id: "E\(String(repeating: "0", count: max(0, 4 - String(number).count)))\(number)", name: name,
                        female: female,
                        birth: birth, hired: hired, left: nil, department: department.name, team: team,
                        post: rng.pick(department.posts),
                        exposed: department.exposed, safetyRole: nil, wage: wage))
            }
        }
        // The director and the safety managers.
        if let director = staff.firstIndex(where: { $0.department == "综合办公室" }) {
            staff[director].post = "厂长"
            staff[director].safetyRole = "主要负责人"
            staff[director].hired = min(staff[director].hired, day(2010, 1, 1))
        }
        for index in staff.indices where staff[index].department == "安全环保部" { staff[index].safetyRole = "安全管理人员" }
        // New hires in the year (1st of a month) and leavers (end of a month), spread over the roster.
        let stride = staff.count / (newHires + leavers + 1)
        var picked = 0
        for k in 0..<(newHires + leavers) {
            var index = stride * (k + 1)
            while staff[index].safetyRole != nil { index += 1 }
            if k < newHires {
                staff[index].hired = day(year, 2 + k % 11, 1)
                staff[index].birth = day(rng.int(1994...1998), rng.int(1...12), rng.int(1...28))
                staff[index].unionMember = false  // joins after probation
            } else {
                let month = 1 + (k - newHires) * 11 / leavers
                staff[index].left = lastDay(year, month)
            }
            picked += 1
        }
        // Union membership: exactly round(N × 1072/1100) of those on the roster at year end.
        let members = Int((Double(employees) * 1072 / 1100).rounded())
        var nonMembers = staff.filter { $0.employed(on: endOfYear) && !$0.unionMember }.count
        let wantedNonMembers = staff.filter { $0.employed(on: endOfYear) }.count - members
        var index = 7
        while nonMembers < wantedNonMembers {
            if staff[index].employed(on: endOfYear), staff[index].unionMember, staff[index].safetyRole == nil {
                staff[index].unionMember = false
                nonMembers += 1
            }
            index += 41
            if index >= staff.count { index = index % staff.count + 1 }
        }
        // 29 people in key finance posts (sub-union chairs, finance, association heads), for 1,100 staff.
        let keyPosts = max(5, (employees * 29 + 550) / 1100)
        var chosen = 0
        var candidate = 3
        while chosen < keyPosts {
            if staff[candidate].employed(on: endOfYear), staff[candidate].unionMember, !staff[candidate].keyFinancePost {
                staff[candidate].keyFinancePost = true
                chosen += 1
            }
            candidate = (candidate + 37) % staff.count
        }
        return staff
    }

    private func teamName(_ department: String, _ index: Int) -> String {
        let prefix = department.replacingOccurrences(of: "车间", with: "").replacingOccurrences(of: "中心", with: "")
            .replacingOccurrences(of: "管理部", with: "")
        let shifts = ["甲", "乙", "丙", "丁"]
        return "\(prefix)\(shifts[index % 4])班\(index / 4 + 1)组"
    }

    private func teamList(_ staff: [Employee]) -> [(name: String, department: String, leader: String, size: Int)] {
        var result: [(name: String, department: String, leader: String, size: Int)] = []
        var position: [String: Int] = [:]
        for e in staff where e.left == nil {
            guard let team = e.team else { continue }
            if let index = position[team] {
                result[index].size += 1
            } else {
                position[team] = result.count
                result.append((team, e.department, e.name, 1))
            }
        }
        return result
    }
}

/// Two decimals, deterministic.
func format2(_ x: Double) -> String {
    let cents = Int((x * 100).rounded())
    return yuan(cents)
}
