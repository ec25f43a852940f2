import Foundation
import Testing

/// Independence and deadline rules as a user meets them on the command line.
@Suite struct LedgerTrustCommandTests {
    let h: HeguiRun

    init() throws { h = try HeguiRun() }

    @discardableResult
    func hegui(_ args: String...) throws -> HeguiRun.Result {
        try h.run(args + ["--ledger", h.path("hegui.sqlite"), "--today", "2024-04-10", "--lang", "en"])
    }

    /// Patrol 1 with item 1 (后勤部, 王), submitted by 王 with a note.
    func submittedItem(_ extra: String...) throws {
        #expect(try hegui("inspect", "add", "--date", "2024-04-01", "--team", "一组", "--scope", "食堂", "--by", "工会").code == 0)
        let args =
            [
                "inspect", "issue", "--patrol", "1", "--description", "灭火器过期", "--category", "安全", "--grade", "一般",
                "--department", "后勤部", "--responsible", "王", "--by", "工会",
            ] + extra
        #expect(try h.run(args + ["--ledger", h.path("hegui.sqlite"), "--today", "2024-04-10", "--lang", "en"]).code == 0)
        #expect(try hegui("rectify", "start", "1", "--by", "王").code == 0)
        #expect(try hegui("rectify", "submit", "1", "--by", "王", "--note", "已更换").code == 0)
    }

    @Test func refusalsNameTheIndependenceRule() throws {
        try submittedItem()
        let department = try hegui("rectify", "verify", "1", "--by", "后勤部")
        #expect(department.code == 1)
        #expect(
            department.err.contains(
                "后勤部 cannot strike off item 1 (independence rule: the responsible department (后勤部) cannot sign off its own fix)"))
        let program = try hegui("rectify", "verify", "1", "--by", "hegui check")
        #expect(program.code == 1)
        #expect(program.err.contains("(independence rule: a person signs off, not the program)"))
        let ok = try hegui("rectify", "verify", "1", "--by", "职工代表李")
        #expect(ok.code == 0 && ok.out == "item 1: submitted → verified (struck off)\n")
    }

    @Test func thePlannedRecheckerIsTheOnlyVerifier() throws {
        try submittedItem("--rechecker", "安全员赵")
        let other = try hegui("rectify", "verify", "1", "--by", "职工代表李")
        #expect(other.code == 1)
        #expect(other.err.contains("(independence rule: the planned re-checker 安全员赵 is the only one who may sign off)"))
        #expect(try hegui("rectify", "verify", "1", "--by", "安全员赵").code == 0)
    }

    @Test func aDisputerCannotCloseTheirDispute() throws {
        try submittedItem()
        #expect(try hegui("rectify", "dispute", "1", "--by", "职工代表李", "--note", "灭火器仍过期").code == 0)
        let own = try hegui("rectify", "verify", "1", "--by", "职工代表李")
        #expect(own.code == 1)
        #expect(own.err.contains("(independence rule: whoever disputed the item cannot strike it off)"))
        #expect(try hegui("rectify", "verify", "1", "--by", "职工代表周").code == 0)
    }

    @Test func aDeadlineChangeNeedsAReasonAndAnEventAndNeverPrecedesTheFoundDate() throws {
        try submittedItem()
        let silent = try hegui("rectify", "assign", "1", "--deadline", "2024-05-01", "--by", "工会")
        #expect(silent.code == 1 && silent.err.contains("assign of item 1 needs a --note statement"))
        let early = try hegui("rectify", "assign", "1", "--deadline", "2024-03-01", "--note", "改期", "--by", "工会")
        #expect(early.code == 1 && early.err.contains("the deadline 2024-03-01 of item 1 is before it was found on 2024-04-01"))
        #expect(try hegui("rectify", "assign", "1", "--deadline", "2024-05-01", "--note", "等备件", "--by", "工会").code == 0)
        let show = try hegui("rectify", "show", "1")
        #expect(show.out.contains("deadline: 2024-05-01\n"))
        #expect(show.out.contains("工会  assign  「等备件」  (deadline=2024-05-01)"))
    }
}
