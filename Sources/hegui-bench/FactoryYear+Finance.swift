import HeguiCore

extension FactoryYear {
    /// Union finance: expenses (one per paid activity, then routine ones), commitment letters, finance
    /// meetings and rules, attestations.
    func unionFinance(_ cast: YearCast, _ rng: inout SplitMix64, into t: inout Tables) {
        let atEnd = cast.atEnd

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
    }
}
