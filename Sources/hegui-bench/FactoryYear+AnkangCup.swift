import HeguiCore

extension FactoryYear {
    /// The Ankang Cup: drills, hazard checks, hazards, the patrol with its rectifications, violations.
    func ankangCup(_ cast: YearCast, _ rng: inout SplitMix64, into t: inout Tables) {
        let teams = cast.teams

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
    }
}
