import Foundation
import Testing

@testable import HeguiCore

/// `hegui batch` end to end: enterprise folders, the summary, a bad folder failing only itself, and with a
/// real PostgreSQL store: two batches sharing the work, a dead worker's job taken up, every chain verified.
@Suite struct BatchCommandTests {
    /// Enterprise folders under `enterprises/`: `e01`…`eNN` passing (e02 fails L01), and `e99-bad` with a
    /// bad date; each with a profile naming it by a valid credit code.
    func makeEnterprises(_ run: HeguiRun, count: Int) throws -> [String] {
        try run.write("pack.xml", HeguiRun.pack())
        var codes: [String] = []
        for index in 1...count {
            let folder = String(format: "enterprises/e%02d", index)
            let code = try #require(CreditCode.complete("91330200" + String(format: "%09d", 700_000_000 + index)))
            codes.append(code)
            try run.write("\(folder)/profile.xml", "<profile enterprise=\"企业\(index)\" code=\"\(code)\"/>\n")
            let unsigned = index == 2 ? "否" : "是"
            try run.write(
                "\(folder)/employee.csv",
                "employeeId,name,contractSigned,hiredOn\nE1,张三,\(unsigned),2018-03-01\nE2,李四,是,2019-02-01\n")
            try run.write("\(folder)/timesheet.csv", HeguiRun.timesheetCSV)
            try run.write("\(folder)/accident.csv", HeguiRun.accidentCSV)
        }
        let bad = "enterprises/e99-bad"
        try run.write("\(bad)/profile.xml", "<profile enterprise=\"坏企业\" code=\"\(CreditCode.complete("91330200799999999")!)\"/>\n")
        try run.write("\(bad)/employee.csv", "employeeId,name,contractSigned,hiredOn\nE1,张三,是,2018-13-45\n")
        try run.write("\(bad)/timesheet.csv", HeguiRun.timesheetCSV)
        try run.write("\(bad)/accident.csv", HeguiRun.accidentCSV)
        return codes
    }

    func batch(_ run: HeguiRun, _ extra: [String]) -> [String] {
        ["batch", "--enterprises", run.path("enterprises"), "--period", "2019", "--rules", run.path("pack.xml"),
         "--today", "2020-01-15", "--lang", "en"] + extra
    }

    @Test func localBatchChecksEveryFolderAndABadFolderFailsOnlyItself() throws {
        let run = try HeguiRun()
        _ = try makeEnterprises(run, count: 3)
        let result = try run.run(batch(run, ["--jobs", "2"]))
        #expect(result.code == 1, "\(result.err)")
        let out = result.stripped(run.dir).out
        #expect(out.contains("e01  企业1 (\(CreditCode.complete("91330200700000001")!))\n  e2e  10/10  Passed  pass\n  vetoes: —  open items: 0  overdue: 0\n"))
        #expect(out.contains("e02  企业2"))
        #expect(out.contains("  e2e  4/10  Failed  fail\n  vetoes: —  open items: 1  overdue: 0\n"))
        #expect(out.contains("e99-bad  坏企业 ("))
        #expect(out.contains("  could not be checked:\n    enterprises/e99-bad/employee.csv:2:"))
        #expect(out.hasSuffix("4 enterprises (2019): 3 checked, 2 passed everything, 1 could not be checked\n"))
        // Each enterprise keeps its own SQLite ledger in its folder.
        #expect(FileManager.default.fileExists(atPath: run.path("enterprises/e02/hegui.sqlite")))

        let json = try run.run(batch(run, ["--format", "json"]))
        let object = try jsonObject(json.out)
        let enterprises = try #require(object["enterprises"] as? [[String: Any]])
        #expect(enterprises.map { $0["folder"] as? String } == ["e01", "e02", "e03", "e99-bad"])
        #expect(object["period"] as? String == "2019")
    }

    @Test(.enabled(if: PostgresE2E.shouldRun, PostgresE2E.disabledReason))
    func twoBatchesAtOnceShareTheJobsAndStoreEveryRunOnce() throws {
        let run = try HeguiRun()
        let codes = try makeEnterprises(run, count: 8)
        let url = try PostgresE2E.freshURL()
        let args = batch(run, ["--ledger", url, "--jobs", "2"])
        nonisolated(unsafe) var results: [HeguiRun.Result?] = [nil, nil]
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            results[index] = try? HeguiRun.execute(args, in: run.dir, timeout: 120)
        }
        for result in results {
            let result = try #require(result)
            #expect(result.code == 1, "\(result.err)")
            #expect(result.out.hasSuffix("9 enterprises (2019): 8 checked, 7 passed everything, 1 could not be checked\n"))
        }
        // Every enterprise's run stored exactly once, in its own ledger.
        for code in codes {
            let history = try run.run("history", "--ledger", url, "--enterprise", code, "--lang", "en")
            #expect(history.code == 0, "\(history.err)")
            #expect(history.out.split(separator: "\n").count == 1, "\(code): \(history.out)")
        }
        let verify = try run.run("ledger", "verify", "--ledger", url, "--lang", "en")
        #expect(verify.code == 0, "\(verify.err)")
        // The bad folder's enterprise is registered (its profile is sound) with an empty ledger: 9 in all.
        #expect(verify.out.hasSuffix("9 ledgers, 0 with a broken audit chain\n"), "\(verify.out)")
        #expect(verify.out.contains("\(codes[0]) 企业1: audit chain intact: "))
        let one = try run.run("ledger", "verify", "--ledger", url, "--enterprise", codes[1], "--lang", "en")
        #expect(one.code == 0 && one.out.hasPrefix("audit chain intact: "))
        // Each job was claimed once and keeps when (what the benchmark's per-enterprise times read).
        let federation = try Federation(url: PostgresURL(parsing: url))
        let timed = try federation.registry.read { sql in
            try Int64.fetchOne(sql, sql: "SELECT count(*) FROM jobs WHERE attempts = 1 AND finished_at >= claimed_at")
        }
        #expect(timed == 9)
    }

    @Test(.enabled(if: PostgresE2E.shouldRun, PostgresE2E.disabledReason))
    func aDeadWorkersJobIsTakenUpWhenItsLeaseRunsOut() throws {
        let run = try HeguiRun()
        let codes = try makeEnterprises(run, count: 3)
        let url = try PostgresE2E.freshURL()
        // A worker claims e01 and dies holding it.
        let federation = try Federation(url: PostgresURL(parsing: url))
        let queue = BatchQueue(federation: federation)
        let folder = URL(fileURLWithPath: run.path("enterprises")).standardizedFileURL.resolvingSymlinksInPath().path
        let open = try queue.join(folder: folder, period: "2019", folders: ["e01", "e02", "e03", "e99-bad"], ranAt: Date())
        let dead = try #require(try queue.claim(batch: open.id, worker: "dead", leaseSeconds: 1))
        #expect(dead.folder == "e01")

        let result = try run.run(batch(run, ["--ledger", url]), timeout: 60)
        #expect(result.code == 1, "\(result.err)")
        #expect(result.out.contains("e01  企业1"))
        #expect(result.out.hasSuffix("4 enterprises (2019): 3 checked, 2 passed everything, 1 could not be checked\n"))
        for code in codes {
            let history = try run.run("history", "--ledger", url, "--enterprise", code, "--lang", "en")
            #expect(history.out.split(separator: "\n").count == 1, "\(code): \(history.out)")
        }
    }
}

/// The PostgreSQL server the end-to-end tests use (`HEGUI_TEST_POSTGRES_URL`); in CI a missing one fails.
enum PostgresE2E {
    static var url: String? {
        ProcessInfo.processInfo.environment["HEGUI_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }
    static var shouldRun: Bool { url != nil || !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty }
    static let disabledReason: Comment =
        "HEGUI_TEST_POSTGRES_URL is not set: start a server with scripts/postgres-dev.sh to run the PostgreSQL batch tests"

    struct Missing: Error, CustomStringConvertible {
        var description: String { "CI is set but HEGUI_TEST_POSTGRES_URL is not: the PostgreSQL tests cannot run" }
    }

    /// The server's URL with a fresh schema, so each test's federation is its own.
    static func freshURL() throws -> String {
        guard let url else { throw Missing() }
        let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        return url + (url.contains("?") ? "&" : "?") + "schema=" + schema
    }
}
