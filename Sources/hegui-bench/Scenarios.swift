import HeguiCore

/// A failing variant of the base year: one change, and a README whose first line says what is
/// wrong and which ids must fail.
struct Scenario: Sendable {
    var name: String
    var readme: String
    var apply: @Sendable (inout Tables) -> Void

    static let all: [Scenario] = [
        Scenario(
            name: "unsigned-contract",
            readme: """
                One employee on the roster has no signed labour contract → fails: L01 (harmonious-enterprise; 3.75 of 4 points after the 0.25-per-point deduction).

                Exit code: 1 — L01 fails; the harmonious-enterprise pack itself still passes (99.75 ≥ 85 and 劳动关系 39.75 ≥ 36),
                because the reference grading tolerates one missed labour indicator. The finding, the deduction
                and the rectification item are what this scenario shows.
                Change from ningbo-2019: employee.csv, the employee in row 101 has 已签劳动合同 = 否.
                """,
            apply: { t in
                let index = firstIndex(t["employee"]!, from: 100) { $0["leftOn"] == "" && $0["hiredOn"]! < "2019-01-01" }
                t["employee"]![index]["contractSigned"] = "否"
            }),
        Scenario(
            name: "overtime-37h",
            readme: """
                One employee works 37 hours of overtime in May 2019 → fails: L06 (harmonious-enterprise), naming that employee and 2019-05.

                Exit code: 1 — L06 fails, although the pack itself still passes (97 ≥ 85, 劳动关系 37 ≥ 36).
                Change from ningbo-2019: timesheet.csv, the May rows of the first workshop employee are replaced by
                nine days of 4 h and one day of 1 h (37 h, limit 36 h).
                """,
            apply: { t in
                let employee = t["employee"]!.first { $0["team"] != "" && $0["leftOn"] == "" && $0["hiredOn"]! < "2019-01-01" }![
                    "employeeId"]!
                t["timesheet"]!.removeAll { $0["employeeId"] == employee && $0["date"]!.hasPrefix("2019-05-") }
                for d in 1...10 {
                    let hours = d == 10 ? 1 : 4
                    t["timesheet"]!.append([
                        "employeeId": employee, "date": "2019-05-\(d + 5 < 10 ? "0" : "")\(d + 5)", "hoursWorked": "\(8 + hours)",
                        "overtimeHours": "\(hours)",
                    ])
                }
            }),
        Scenario(
            name: "fatal-accident",
            readme: """
                A work-safety accident (grade 一般) killed one worker on 2019-08-14 → fails: V1, S05 (harmonious-enterprise), AKV1 (ankang-cup).

                Exit code: 1 — veto V1 voids the harmonious-enterprise grade and veto AKV1 (重伤 or worse) bars the Ankang Cup;
                S05 fails because an accident of grade 一般 occurred.
                Change from ningbo-2019: incident.csv gains one row.
                """,
            apply: { t in
                t["incident"]!.append([
                    "id": "SG-2019-01", "occurredOn": "2019-08-14", "type": "生产安全", "grade": "一般", "deaths": "1",
                    "seriousInjuries": "0",
                    "minorInjuries": "1", "description": "物流中心叉车倒车碰撞致一人死亡",
                ])
            }),
        Scenario(
            name: "two-approvals",
            readme: """
                One expense was reviewed and approved by the same person (only two distinct signatures) → fails: F01 (union-finance), naming that expense.

                Exit code: 1 — union-finance passes only at 100 (every finance rule must hold); F01 keeps 15 of 20 points.
                Change from ningbo-2019: expense.csv, the 10th expense has 审批人 = 审核人.
                """,
            apply: { t in
                t["expense"]![9]["approver"] = t["expense"]![9]["reviewer"]
            }),
        Scenario(
            name: "missing-openness",
            readme: """
                No factory-affairs openness (厂务公开) in 2019Q3 → fails: L10 (harmonious-enterprise), naming 2019Q3.

                Exit code: 1 — L10 fails, although the pack itself still passes (97 ≥ 85, 劳动关系 37 ≥ 36).
                Change from ningbo-2019: openness.csv loses its July–September rows.
                """,
            apply: { t in
                t["openness"]!.removeAll { row in ["07", "08", "09"].contains(row["publishedOn"]!.dropFirst(5).prefix(2)) }
            }),
        Scenario(
            name: "overdue-patrol-issue",
            readme: """
                One worker-representative patrol issue was verified six days after its deadline → fails: AK08 (ankang-cup), naming that issue.

                Exit code: 1 — AK08 is the whole 群众监督参与 section (13 points), which must reach 80%.
                Change from ningbo-2019: rectification.csv, issue ZG-2019-03 verified on deadline + 6 days (marked overdue).
                """,
            apply: { t in
                var rows = t["rectification"]!
                let index = rows.firstIndex { $0["id"] == "ZG-2019-03" }!
                let deadline = Day(iso: rows[index]["deadline"]!)!
                rows[index]["verifiedOn"] = "\(deadline.adding(days: 6))"
                rows[index]["overdue"] = "是"
                t["rectification"] = rows
            }),
        Scenario(
            name: "missing-health-exam",
            readme: """
                One worker exposed to occupational hazards had no health examination in 2019 → fails: L07 (harmonious-enterprise), AK09 (ankang-cup), both naming that worker.

                Exit code: 1 — AK09 is 15 of the 25 points of 劳动保护与职业健康, which must reach 80%.
                Change from ningbo-2019: healthExam.csv loses the examination of one exposed worker.
                """,
            apply: { t in
                let exposed = Set(
                    t["employee"]!.filter { $0["exposedToHazards"] == "是" && $0["leftOn"] == "" }.map { $0["employeeId"]! })
                let index = firstIndex(t["healthExam"]!, from: 200) { exposed.contains($0["employeeId"]!) }
                t["healthExam"]!.remove(at: index)
            }),
        Scenario(
            name: "no-finance-meeting",
            readme: """
                No finance-rules meeting was held in August 2019 → fails: F03 (union-finance), naming 2019-08.

                Exit code: 1 — union-finance passes only at 100; F03 keeps 12 of 15 points.
                Change from ningbo-2019: financeMeeting.csv loses its August row.
                """,
            apply: { t in
                t["financeMeeting"]!.removeAll { $0["heldOn"]!.hasPrefix("2019-08-") }
            }),
    ]
}

/// The first row at or after `start` that meets the test (wrapping around).
private func firstIndex(_ rows: [Row], from start: Int, where test: (Row) -> Bool) -> Int {
    for offset in 0..<rows.count {
        let index = (start + offset) % rows.count
        if test(rows[index]) { return index }
    }
    fatalError("no row meets the scenario's test")
}
