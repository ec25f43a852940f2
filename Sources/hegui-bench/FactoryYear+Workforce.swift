import HeguiCore

extension FactoryYear {
    /// The roster, teams, payroll, timesheet, leave, health examinations and training; the payroll's totals.
    func workforce(_ cast: YearCast, _ rng: inout SplitMix64, into t: inout Tables) -> PayrollTotals {
        let staff = cast.staff, teams = cast.teams, atEnd = cast.atEnd, periodStart = cast.periodStart

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
        var totals = PayrollTotals()
        for e in staff {
            for m in 1...12 {
                guard e.hired <= lastDay(year, m), e.left.map({ $0 >= day(year, m, 1) }) ?? true else { continue }
                let due = day(year, m, 10).adding(months: 1)
                let cents = e.wage * 100 + rng.int(-300...600) * 100 + rng.int(0...99)
                totals.wageCents += cents
                totals.employedMonths += 1
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
        return totals
    }
}
