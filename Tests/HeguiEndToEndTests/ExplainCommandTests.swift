import Foundation
import Testing

/// `hegui explain ID`: exit 0 pass, 1 fail or fired veto, 2 unknown id or bad input.
@Suite struct ExplainCommandTests {
    func explain(_ h: HeguiRun, _ id: String) throws -> HeguiRun.Result {
        try h.run(
            "explain", id, "--rules", h.path("pack.xml"), "--records", h.path("records"), "--period", "2019", "--today",
            "2020-01-15", "--lang", "en")
    }

    @Test func exitCodes() throws {
        let h = try HeguiRun()
        try h.setUp(
            employee: "employeeId,name,contractSigned,hiredOn\nE1,张三,是,2018-03-01\nE2,李四,否,2019-02-01\n",
            accident: "accidentId,date,severity\nA1,2018-05-01,重大\n")
        let pass = try explain(h, "L06")
        #expect(pass.code == 0, "\(pass.err)")
        #expect(pass.out.contains("outcome: pass, 4 of 4 points"))
        let fail = try explain(h, "L01")
        #expect(fail.code == 1)
        #expect(fail.out.contains("outcome: fail, 0 of 6 points"))
        #expect(fail.stripped(h.dir).out.contains("records/employee.csv:3"))
        let veto = try explain(h, "V1")
        #expect(veto.code == 1 && veto.out.contains("FIRED"))
        #expect(veto.out.contains("window: 2017-01-01 … 2019-12-31"))
        let unknown = try explain(h, "X9")
        #expect(unknown.code == 2 && unknown.err.contains("no indicator or veto 'X9'"))
        // explain never writes a ledger.
        #expect(!FileManager.default.fileExists(atPath: h.path("records/hegui.sqlite")))
        #expect(!FileManager.default.fileExists(atPath: h.path("hegui.sqlite")))
    }

    @Test func badRecordsExitTwo() throws {
        let h = try HeguiRun()
        try h.setUp(timesheet: "employeeId,date,overtimeHours\nE1,2019-13-01,20\n")
        #expect(try explain(h, "L06").code == 2)
    }
}
