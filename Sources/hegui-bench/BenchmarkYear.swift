import Foundation
import HeguiCore

/// A benchmark year: the fixture factory scaled to N employees, with full daily timesheets
/// (≈ 250 rows per employee) and a controlled share of violations so every pack has failures.
///
/// The factory's own random stream is left untouched (the fixtures stay byte-identical); the
/// violations and the daily timesheet draw from a second stream derived from the same seed.
struct BenchmarkYear {
    var employees: Int
    var seed: UInt64
    let year = 2019

    /// Share of employees with one month of more than 36 h overtime (L06).
    static let overtimeShare = 0.03
    /// Share of employees on the roster without a signed contract (L01).
    static let unsignedShare = 0.005
    /// Share of exposed workers whose health examination is missing (L07, AK09).
    static let missingExamShare = 0.004
    /// Share of expenses reviewed and approved by the same person (F01).
    static let twoApprovalShare = 0.01

    /// Row counts of what was written.
    struct Summary {
        var rows = 0
        var timesheetRows = 0
    }

    /// Writes every declared kind as `<kind>.csv` into `folder` (replaced if present).
    func write(to folder: String, kinds: [RecordKind]) throws -> Summary {
        var tables = FactoryYear(employees: employees, seed: seed).generate()
        var rng = SplitMix64(seed: seed ^ 0x6265_6E63_686D_6172)  // "benchmar"
        applyViolations(&tables, &rng)
        let roster = tables["employee"]!
        tables["timesheet"] = []
        let writer = FixtureWriter(kinds: kinds)
        try writer.write(tables, to: folder)
        guard let timesheetKind = kinds.first(where: { $0.id == "timesheet" }) else {
            throw GeneratorError("no pack declares the timesheet kind")
        }
        var summary = Summary()
        summary.timesheetRows = try writeTimesheet(
            roster, kind: timesheetKind, writer: writer, to: folder + "/timesheet.csv", &rng)
        summary.rows = tables.values.reduce(0) { $0 + $1.count } + summary.timesheetRows
        return summary
    }

    // MARK: - Violations

    private func applyViolations(_ t: inout Tables, _ rng: inout SplitMix64) {
        // L01: some employees on the roster without a signed contract.
        var employees = t["employee"]!
        var unsigned = 0
        for index in employees.indices where employees[index]["leftOn"] == "" && rng.chance(Self.unsignedShare) {
            employees[index]["contractSigned"] = "否"
            unsigned += 1
        }
        if unsigned == 0, let index = employees.indices.last(where: { employees[$0]["leftOn"] == "" }) {
            employees[index]["contractSigned"] = "否"
        }
        t["employee"] = employees

        // L07, AK09: a few exposed workers without this year's examination.
        let exposed = Set(employees.filter { $0["exposedToHazards"] == "是" }.map { $0["employeeId"]! })
        var exams = t["healthExam"]!
        var dropped = false
        exams.removeAll { row in
            guard exposed.contains(row["employeeId"]!), rng.chance(Self.missingExamShare) else { return false }
            dropped = true
            return true
        }
        if !dropped, let index = exams.firstIndex(where: { exposed.contains($0["employeeId"]!) }) { exams.remove(at: index) }
        t["healthExam"] = exams

        // F01: some expenses with only two distinct signatures.
        var expenses = t["expense"]!
        for index in expenses.indices where index == 9 || rng.chance(Self.twoApprovalShare) {
            expenses[index]["approver"] = expenses[index]["reviewer"]
        }
        t["expense"] = expenses

        // L10: no openness in the third quarter.
        t["openness"]!.removeAll { row in ["07", "08", "09"].contains(row["publishedOn"]!.dropFirst(5).prefix(2)) }

        // AK08: one patrol issue verified after its deadline.
        var issues = t["rectification"]!
        if let index = issues.indices.dropFirst(2).first {
            let deadline = Day(iso: issues[index]["deadline"]!)!
            issues[index]["verifiedOn"] = "\(deadline.adding(days: 6))"
            issues[index]["overdue"] = "是"
        }
        t["rectification"] = issues
    }

    // MARK: - Daily timesheet

    /// The working days of the year: weekdays except the 2019 public holidays, plus the weekend
    /// make-up days (调休) — 250 days.
    func workingDays() -> [Day] {
        let holidays: Set<String> = [
            "2019-01-01", "2019-02-04", "2019-02-05", "2019-02-06", "2019-02-07", "2019-02-08", "2019-04-05",
            "2019-05-01", "2019-05-02", "2019-05-03", "2019-06-07", "2019-09-13", "2019-10-01", "2019-10-02",
            "2019-10-03", "2019-10-04", "2019-10-07",
        ]
        let makeUp: Set<String> = ["2019-02-02", "2019-02-03", "2019-04-28", "2019-05-05", "2019-09-29", "2019-10-12"]
        var days: [Day] = []
        var d = day(year, 1, 1)
        while d <= day(year, 12, 31) {
            let weekday = (Int(d.ordinal) + 4) % 7  // 1970-01-01 was a Thursday; 0 = Sunday
            let text = "\(d)"
            if makeUp.contains(text) || (weekday != 0 && weekday != 6 && !holidays.contains(text)) { days.append(d) }
            d = d.adding(days: 1)
        }
        return days
    }

    /// Streams one row per employee and working day (no per-row dictionaries: 10 M rows at 40,000).
    private func writeTimesheet(
        _ roster: [Row], kind: RecordKind, writer: FixtureWriter, to path: String, _ rng: inout SplitMix64
    ) throws -> Int {
        guard kind.fields.map(\.name) == ["employeeId", "date", "hoursWorked", "overtimeHours"] else {
            throw GeneratorError("the timesheet kind's fields changed; update BenchmarkYear")
        }
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: path) else { throw GeneratorError("cannot write \(path)") }
        defer { try? handle.close() }
        var buffer: [UInt8] = Array((writer.header(kind) + "\n").utf8)
        buffer.reserveCapacity(1 << 22)
        let days = workingDays()
        let dayText = days.map { Array("\($0),".utf8) }
        let byMonth = (1...12).map { m in days.indices.filter { days[$0].month == m } }
        var rows = 0
        var overtime = [Int](repeating: 0, count: days.count)
        for employee in roster {
            let id = Array((employee["employeeId"]! + ",").utf8)
            let hired = Day(iso: employee["hiredOn"]!)!
            let left = employee["leftOn"].flatMap { Day(iso: $0) }
            // Overtime: team workers often do some, office staff rarely; a few go over 36 h in a month.
            for i in overtime.indices { overtime[i] = 0 }
            let p = employee["team"] == "" ? 0.08 : 0.35
            for m in 1...12 where rng.chance(p) {
                let inMonth = byMonth[m - 1]
                for _ in 0..<rng.int(1...4) { overtime[inMonth[rng.int(0...(inMonth.count - 1))]] = rng.int(2...4) }
            }
            if rng.chance(Self.overtimeShare) {
                let m = rng.int(1...12)
                let inMonth = byMonth[m - 1]
                for k in 0..<10 { overtime[inMonth[k]] = 4 }  // 40 h
            }
            for (i, d) in days.enumerated() {
                guard hired <= d, left.map({ d <= $0 }) ?? true else { continue }
                buffer += id
                buffer += dayText[i]
                let ot = overtime[i]
                appendNumber(8 + ot, to: &buffer)
                buffer.append(0x2C)
                appendNumber(ot, to: &buffer)
                buffer.append(0x0A)
                rows += 1
            }
            if buffer.count > 1 << 22 {
                handle.write(Data(buffer))
                buffer.removeAll(keepingCapacity: true)
            }
        }
        handle.write(Data(buffer))
        return rows
    }

    private func appendNumber(_ n: Int, to buffer: inout [UInt8]) {
        if n >= 10 { buffer.append(UInt8(0x30 + n / 10)) }
        buffer.append(UInt8(0x30 + n % 10))
    }
}
