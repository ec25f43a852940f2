import Foundation
import Testing

/// Say why at the row: the cells that decided, the numbers behind a share, a waiver's reason in the terminal.
@Suite struct DecidingCellsTests {
    static let fixtures = MissingDataTests.ningbo.deletingLastPathComponent()

    func run(_ h: HeguiRun, _ args: String...) throws -> HeguiRun.Result {
        try h.run(args + ["--period", "2019", "--no-ledger", "--today", "2020-01-15", "--lang", "en"])
    }

    @Test func f01NamesTheSignatureThatRepeats() throws {
        let h = try HeguiRun()
        let records = Self.fixtures.appendingPathComponent("scenarios/two-approvals").path
        let explain = try run(h, "explain", "F01", "--records", records)
        #expect(explain.code == 1)
        #expect(
            explain.out.contains("PZ-2019-018  handler=蔡燕丽, reviewer=工会财务, approver=工会财务 ('工会财务' signs twice)"),
            "\(explain.out)")
        let chinese = try h.run(
            "explain", "F01", "--records", records, "--period", "2019", "--no-ledger", "--today", "2020-01-15", "--lang", "zh-CN")
        #expect(chinese.out.contains("（“工会财务”签了两次）"))
    }

    @Test func ak08ShowsVerifiedOnAgainstTheDeadline() throws {
        let h = try HeguiRun()
        let records = Self.fixtures.appendingPathComponent("scenarios/overdue-patrol-issue").path
        let check = try run(h, "check", "--records", records, "--pack", "ankang-cup")
        #expect(check.code == 1)
        #expect(check.out.contains("ZG-2019-03  verifiedOn=2019-10-08, deadline=2019-10-02"), "\(check.out)")
    }

    @Test func aShareShowsItsNumeratorAndDenominator() throws {
        let h = try HeguiRun()
        let records = Self.fixtures.appendingPathComponent("scenarios/unsigned-contract").path
        let explain = try run(h, "explain", "L01", "--records", records)
        #expect(explain.out.contains("1099 of 1100 'employee' records meet it"), "\(explain.out)")
    }

    @Test func aShareShowsTheCellThatDecidedAtEachRowShort() throws {
        let h = try HeguiRun()
        let records = Self.fixtures.appendingPathComponent("scenarios/unsigned-contract").path
        let explain = try run(h, "explain", "L01", "--records", records)
        #expect(explain.out.hasSuffix("scenarios/unsigned-contract/employee.csv:102  E0101  contractSigned=false\n"), "\(explain.out)")
        let json = try run(h, "check", "--records", records, "--pack", "harmonious-enterprise", "--format", "json")
        #expect(json.out.contains("contractSigned=false"), "\(json.out.prefix(400))")
    }

    @Test func theTerminalReportShowsAWaiversReasonApproverAndExpiry() throws {
        let h = try HeguiRun()
        let records = Self.fixtures.appendingPathComponent("scenarios/overtime-37h").path
        try h.write(
            "waivers.xml",
            """
            <waivers>
              <waiver pack="harmonious-enterprise" indicator="L06" reason="旺季加班已报备" approver="王主席" expires="2020-06-30"/>
            </waivers>
            """)
        let check = try run(h, "check", "--records", records, "--pack", "harmonious-enterprise", "--waivers", h.path("waivers.xml"))
        let lines = check.out.split(separator: "\n").map(String.init)
        let row = try #require(lines.firstIndex { $0.hasPrefix("  L06 ") })
        #expect(lines[row].contains("waived"))
        #expect(
            lines[row + 1].trimmingCharacters(in: .whitespaces)
                == "waived: 旺季加班已报备 (approved by 王主席, until 2020-06-30)", "\(lines[row + 1])")
    }
}
