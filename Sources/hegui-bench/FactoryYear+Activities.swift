import HeguiCore

extension FactoryYear {
    /// Union activities, charity, assistance and visits, competitions, team safety activities and projects.
    func unionActivities(_ cast: YearCast, _ rng: inout SplitMix64, into t: inout Tables) {
        let teams = cast.teams, atEnd = cast.atEnd

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
    }
}
