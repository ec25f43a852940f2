import Foundation
import Testing

/// 台账 as people keep them, saved as CSV: a title above the header, 合计/小计 rows, notes, a header
/// repeated on every printed page, 序号 columns. Each skipped row is named in one note.
struct LedgerLayoutTests {
    @Test("a title row above the header and a 合计 row with notes below give the plain file's result")
    func titleAndTotal() throws {
        let run = try HeguiRun()
        try run.setUp(
            employee: "2019年职工花名册,,,\n序号,工号,姓名,已签劳动合同,入职日期\n1,E1,张三,是,2018-03-01\n2,E2,李四,是,2019-02-01\n合计,2人,,,\n注：在册职工,,,\n制表人：工会办,,,\n"
        )
        let result = try run.check()
        #expect(result.code == 0, "\(result.err)")
        #expect(
            result.stripped(run.dir).err.contains(
                "records/employee.csv: note: skipped 4 rows that are not records: above the header (line 1), total (line 5), note (lines 6-7); column not read: 序号 (1)"
            ), "\(result.err)")
    }

    @Test("小计 rows and a header repeated on a new page inside the table are read past")
    func subtotalsAndRepeatedHeaders() throws {
        let run = try HeguiRun()
        try run.setUp(
            timesheet:
                "工号,日期,加班小时\nE1,2019-03-01,20\n小计,,20\n工号,日期,加班小时\nE1,2019-03-02,10\n,,\nE2,2019-03-02,30\n总计,,60\n")
        let result = try run.check()
        #expect(result.code == 0, "\(result.err)")
        #expect(
            result.stripped(run.dir).err.contains(
                "records/timesheet.csv: note: skipped 4 rows that are not records: header (line 4), total (lines 3, 8), blank (line 6)"),
            "\(result.err)")
    }

    @Test("a record below the 合计 row makes the layout ambiguous: a located error, exit 2")
    func recordBelowTotal() throws {
        let run = try HeguiRun()
        try run.setUp(timesheet: "工号,日期,加班小时\nE1,2019-03-01,20\n合计,,20\nE2,2019-03-02,30\n")
        let result = try run.check()
        #expect(result.code == 2)
        #expect(
            result.stripped(run.dir).err.contains(
                "records/timesheet.csv:4:1: error: a record below the total row 3: the table must end at its total row; hegui cannot tell which rows are records"
            ), "\(result.err)")
    }

    @Test("a two-row header: group titles merged above, 序号 merged down")
    func twoRowHeader() throws {
        let run = try HeguiRun()
        try run.setUp(employee: "序号,基本信息,,合同,\n,工号,姓名,已签劳动合同,入职日期\n1,E1,张三,是,2018-03-01\n2,E2,李四,否,2019-02-01\n")
        let result = try run.check()
        #expect(result.code == 1, "\(result.err)")
        #expect(result.out.contains("L01"), "\(result.out)")
        #expect(result.stripped(run.dir).err.contains("records/employee.csv: note: column not read: 序号 (1)"), "\(result.err)")
    }

    @Test("without any row naming the required fields, the first row is the header and its errors are listed")
    func noHeaderFound() throws {
        let run = try HeguiRun()
        try run.setUp(employee: "职工名单,,\n编号,名字,入职\nE1,张三,2018-03-01\n")
        let result = try run.check()
        #expect(result.code == 2)
        let err = result.stripped(run.dir).err
        #expect(err.contains("records/employee.csv:1:1: error: unknown column '职工名单' for kind 'employee'"), "\(err)")
        #expect(err.contains("records/employee.csv:1:1: error: missing required column 'employeeId' (工号)"), "\(err)")
    }
}
