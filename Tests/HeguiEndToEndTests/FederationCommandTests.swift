import Foundation
import Testing

@testable import HeguiCore

/// The command line on a shared PostgreSQL store: a check records into the enterprise its profile names,
/// and accounts belong to an enterprise.
@Suite(.enabled(if: PostgresE2E.shouldRun, PostgresE2E.disabledReason))
struct FederationCommandTests {
    /// One enterprise's records folder `e/` with a profile naming it; returns its credit code.
    func makeEnterprise(_ run: HeguiRun, body: String = "91330200700000101") throws -> String {
        _ = try run.write("pack.xml", HeguiRun.pack())
        let code = try #require(CreditCode.complete(body))
        _ = try run.write("e/profile.xml", "<profile enterprise=\"甲厂\" code=\"\(code)\"/>\n")
        _ = try run.write("e/employee.csv", "employeeId,name,contractSigned,hiredOn\nE1,张三,是,2018-03-01\n")
        _ = try run.write("e/timesheet.csv", HeguiRun.timesheetCSV)
        _ = try run.write("e/accident.csv", HeguiRun.accidentCSV)
        return code
    }

    func check(_ run: HeguiRun, _ url: String, _ extra: [String]) throws -> HeguiRun.Result {
        try run.run(
            ["check", "--records", run.path("e"), "--period", "2019", "--rules", run.path("pack.xml"), "--ledger", url,
             "--today", "2020-01-15"] + extra)
    }

    @Test("check --ledger postgresql://… records into the enterprise its profile names, not the store's own ledger")
    func checkRecordsIntoTheProfilesEnterprise() throws {
        let url = try PostgresE2E.freshURL()
        let run = try HeguiRun()
        let code = try makeEnterprise(run)
        let result = try check(run, url, ["--profile", run.path("e/profile.xml")])
        #expect(result.code == 0, "\(result.err)")
        let federation = try Federation(url: PostgresURL(parsing: url))
        #expect(try federation.enterprises() == [Enterprise(creditCode: code, name: "甲厂")])
        #expect(try federation.hasDefaultLedger() == false)
        let history = try run.run("history", "--ledger", url, "--enterprise", code, "--lang", "en")
        #expect(history.code == 0)
        #expect(history.out.split(separator: "\n").count == 1 && history.out.contains("  2019  e2e 1.0 10/10"), "\(history.out)")
        // --enterprise alone names the same ledger; a second run is stored there too.
        #expect(try check(run, url, ["--enterprise", code]).code == 0)
        #expect(try federation.ledger(creditCode: code).runs().count == 2)

        let other = try #require(CreditCode.complete("91330200700000102"))
        let clash = try check(run, url, ["--profile", run.path("e/profile.xml"), "--enterprise", other])
        #expect(clash.code == 2)
        #expect(clash.err.contains("the profile's credit code is \(code) but --enterprise is \(other)"), "\(clash.err)")
        let unknown = try check(run, url, ["--enterprise", other])
        #expect(unknown.code == 2)
        #expect(unknown.err.contains("the shared ledger has no enterprise with credit code \(other)"), "\(unknown.err)")
        #expect(try federation.enterprises().count == 1)
    }

    @Test("hegui user add --enterprise CODE: an account of one registered enterprise; federation accounts belong to none")
    func usersBelongToAnEnterprise() throws {
        let url = try PostgresE2E.freshURL()
        let run = try HeguiRun()
        let code = try makeEnterprise(run)
        #expect(try check(run, url, ["--profile", run.path("e/profile.xml")]).code == 0)
        func user(_ args: [String]) throws -> HeguiRun.Result {
            try HeguiRun.execute(["user"] + args + ["--ledger", url], in: run.dir, input: "long-enough-password\n")
        }
        #expect(try user(["add", "李明", "--role", "officer", "--enterprise", code]).out == "added user 李明 (officer, enterprise \(code))\n")
        #expect(try user(["add", "市总", "--role", "federation"]).out == "added user 市总 (federation)\n")
        let unknown = try user(["add", "王五", "--role", "viewer", "--enterprise", "91330200700000102X"])
        #expect(unknown.code == 2)
        #expect(unknown.err == "hegui: the shared ledger has no enterprise with credit code 91330200700000102X\n")
        let federationOfOne = try user(["add", "赵六", "--role", "federation", "--enterprise", code])
        #expect(federationOfOne.err == "hegui: a federation account sees every enterprise and belongs to none: leave out --enterprise\n")
        let boss = try user(["add", "钱七", "--role", "boss"])
        #expect(boss.err.contains("unknown role boss (known: admin|officer|representative|department:DEPT|verifier|viewer|federation)"))
        #expect(try user(["list"]).out == "市总  federation  active\n李明  officer  active  \(code)\n")
        let sqlite = try HeguiRun.execute(
            ["user", "add", "孙八", "--role", "viewer", "--enterprise", code, "--ledger", run.path("one.sqlite")], in: run.dir,
            input: "long-enough-password\n")
        #expect(sqlite.err == "hegui: --enterprise needs a shared PostgreSQL ledger (a SQLite ledger file is one enterprise's)\n")
        // The accounts live in the store's own schema, whatever enterprise they belong to.
        let home = try Ledger(postgres: PostgresURL(parsing: url), create: false)
        #expect(try home.account(named: "李明")?.enterprise == code)
        #expect(try home.account(named: "市总")?.enterprise == nil)
    }
}

/// A PostgreSQL password never reaches the terminal: every message naming the ledger shows `***`.
struct LedgerPasswordRedactionTests {
    @Test(
        "check, rectify list and ledger verify against an unreachable postgresql://user:password@… name it with ***",
        arguments: [
            ["check", "--records", "e", "--period", "2019", "--rules", "pack.xml"],
            ["rectify", "list"],
            ["ledger", "verify"],
        ])
    func passwordsAreRedacted(_ command: [String]) throws {
        let run = try HeguiRun()
        _ = try run.write("pack.xml", HeguiRun.pack())
        _ = try run.write("e/employee.csv", "employeeId,name,contractSigned,hiredOn\nE1,张三,是,2018-03-01\n")
        _ = try run.write("e/timesheet.csv", HeguiRun.timesheetCSV)
        _ = try run.write("e/accident.csv", HeguiRun.accidentCSV)
        // Port 1 on loopback refuses at once: the open fails and its message names the ledger.
        let url = "postgresql://hegui:S3cretPw@127.0.0.1:1/federation?sslmode=disable"
        let args = command.map { $0 == "e" || $0 == "pack.xml" ? run.path($0) : $0 }
        let result = try run.run(args + ["--ledger", url, "--lang", "en"])
        #expect(result.code == 2, "\(result.out)\(result.err)")
        #expect(result.err.contains("postgresql://hegui:***@127.0.0.1:1/federation"), "\(result.err)")
        #expect(!(result.out + result.err).contains("S3cretPw"), "\(result.out)\(result.err)")
    }
}
