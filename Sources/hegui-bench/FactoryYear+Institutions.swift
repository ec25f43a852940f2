import HeguiCore

extension FactoryYear {
    /// Collective agreements, negotiation, the congress, openness, the bodies, annual figures (following
    /// the payroll), certificates, incidents, disputes, penalties and the satisfaction survey.
    func institutions(_ cast: YearCast, _ payroll: PayrollTotals, into t: inout Tables) {
        let staff = cast.staff, atEnd = cast.atEnd

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
        let payroll2019 = Int((Double(payroll.wageCents) / 100 * 1.25 / 1000).rounded(.up))  // tenths of 万元, with bonuses
        let payroll2018 = payroll2019 * 955 / 1000
        let averageHeadcount2019 = Double(payroll.employedMonths) / 12
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
    }
}
