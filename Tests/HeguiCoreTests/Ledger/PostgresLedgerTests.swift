import Foundation
import Testing

@testable import HeguiCore

/// What only the PostgreSQL store has to prove: its own append-only guard, tamper detection, the chain
/// under concurrent writers on separate connections, the same migrations as SQLite, TLS and its URLs.
@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.disabledReason))
struct PostgresLedgerTests {
    let today = Day(iso: "2024-04-10")!

    /// A fresh ledger on the test server, and the database under it for statements hegui never runs.
    func makePostgresLedger() throws -> (Ledger, PostgresLedgerDatabase) {
        let ledger = try Ledger(postgres: PostgresURL(parsing: try PostgresTestServer.freshLedgerURL()), clock: testClock)
        let database = try #require(ledger.database as? PostgresLedgerDatabase)
        return (ledger, database)
    }

    @Test func theTestServerIsReachable() throws {
        let (_, database) = try makePostgresLedger()
        let version = try database.read { try String.fetchOne($0, sql: "SHOW server_version_num") }
        #expect(Int(version ?? "") ?? 0 >= 110000)
    }

    @Test func migrationsAreTheSameAsSQLitesByTheirIDs() throws {
        let (_, database) = try makePostgresLedger()
        let applied = try database.read { try String.fetchAll($0, sql: "SELECT id FROM hegui_migrations ORDER BY id") }
        #expect(applied == LedgerSchema.migrator(key: nil, clock: { Date() }).migrations.sorted())
        #expect(applied == PostgresSchema.migrations.map(\.id).sorted())
    }

    @Test func reopeningAppliesNothingTwiceAndReadingNeverCreates() throws {
        let url = try PostgresTestServer.freshLedgerURL()
        #expect(throws: LedgerError.self) { try Ledger(postgres: PostgresURL(parsing: url), create: false) }
        let first = try Ledger(postgres: PostgresURL(parsing: url))
        _ = try first.addPatrol(date: today, team: "组", scope: "车间", by: "工会")
        let second = try Ledger(postgres: PostgresURL(parsing: url), create: false)
        #expect(try second.patrols().map(\.id) == [1])
    }

    @Test func eventsAreAppendOnlyInTheDatabase() throws {
        let (ledger, database) = try makePostgresLedger()
        _ = try ledger.addPatrol(date: today, team: "组", scope: "车间", by: "工会")
        for statement in ["UPDATE events SET actor = 'x'", "DELETE FROM events"] {
            do {
                try database.write { try $0.execute(statement, []) }
                Issue.record("\(statement) was not refused")
            } catch let LedgerError.storeFailed(_, reason) {
                #expect(reason.en.hasPrefix("events are append-only"))
            }
        }
        #expect(try ledger.events().map(\.actor) == ["工会"])
    }

    @Test func tamperingIsFoundEvenWithTriggersDropped() throws {
        let (ledger, database) = try makePostgresLedger()
        let patrol = try ledger.addPatrol(date: today, team: "组", scope: "车间", by: "工会")
        for n in 1...3 {
            try ledger.addIssue(patrolID: patrol, description: "问题\(n)", category: "安全", grade: "一般", by: "工会")
        }
        #expect(try ledger.verifyChain().isIntact)
        try database.write { sql in
            try sql.execute("DROP TRIGGER events_no_update ON events", [])
            try sql.execute("UPDATE events SET note = ? WHERE id = ?", ["已改", 3])
        }
        let report = try ledger.verifyChain()
        #expect(report.firstBreak?.eventID == 3)
        #expect(report.firstBreak?.reason.en.contains("edited") == true)

        try database.write { try $0.execute("UPDATE rectification_items SET status = 'verified' WHERE id = 2", []) }
        #expect(try ledger.verifyChain().inconsistentItems == [2])
    }

    @Test func concurrentWritersOnSeparateConnectionsKeepOneLinearChain() throws {
        let url = try PostgresTestServer.freshLedgerURL()
        let writers = 6
        let issuesEach = 8
        let ledgers = try (0..<writers).map { _ in try Ledger(postgres: PostgresURL(parsing: url)) }
        let failures = LockedErrors()
        DispatchQueue.concurrentPerform(iterations: writers) { index in
            do {
                let ledger = ledgers[index]
                let patrol = try ledger.addPatrol(date: today, team: "组\(index)", scope: "车间", by: "工会\(index)")
                for n in 1...issuesEach {
                    try ledger.addIssue(
                        patrolID: patrol, description: "问题\(index)-\(n)", category: "安全", grade: "一般", by: "工会\(index)")
                }
                _ = try ledger.recordRun(assessment(.fail, .fail), packs: [testPack()], ranAt: Date(), today: today)
            } catch {
                failures.append(error)
            }
        }
        #expect(failures.errors.isEmpty, "\(failures.errors)")
        let report = try ledgers[0].verifyChain()
        #expect(report.isIntact)
        let events = try ledgers[0].events()
        // Per writer: a patrol, its issues and a run; the first run opens two items (L01, L02), later ones none.
        #expect(events.count == writers * (1 + issuesEach + 1) + 2)
        #expect(events.map(\.id) == Array(1...Int64(events.count)))
        #expect(try ledgers[0].items().count == writers * issuesEach + 2)
        #expect(try ledgers[0].runs().count == writers)
    }

    @Test func tlsWhenTheURLAsksForIt() throws {
        let base = try PostgresTestServer.requireURL()
        let tcp = try PostgresURL(parsing: base)
        // TLS needs TCP: the test server's Unix socket is reached on localhost instead.
        let url = "postgresql://\(tcp.user)@127.0.0.1:\(tcp.port)/\(tcp.database)?sslmode=require&schema=tls_check"
        let ledger = try Ledger(postgres: PostgresURL(parsing: url))
        let database = try #require(ledger.database as? PostgresLedgerDatabase)
        let encrypted = try database.read {
            try Int64.fetchOne($0, sql: "SELECT CASE WHEN ssl THEN 1 ELSE 0 END FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
        }
        #expect(encrypted == 1)
    }
}

/// Errors gathered from concurrent work.
final class LockedErrors: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [any Error] = []

    func append(_ error: any Error) { lock.withLock { stored.append(error) } }
    var errors: [any Error] { lock.withLock { stored } }
}

@Suite struct PostgresURLTests {
    @Test func partsDefaultsAndRedaction() throws {
        let url = try PostgresURL(
            parsing: "postgresql://hegui:s3cret@db.example:6543/federation?sslmode=require&schema=ningbo", environment: [:])
        #expect(url.user == "hegui" && url.password == "s3cret" && url.host == "db.example" && url.port == 6543)
        #expect(url.database == "federation" && url.sslMode == .require && url.schema == "ningbo")
        #expect(url.redacted == "postgresql://hegui:***@db.example:6543/federation?sslmode=require&schema=ningbo")

        let socket = try PostgresURL(parsing: "postgres://pg@localhost:5433/hegui?host=/tmp/pg", environment: [:])
        #expect(socket.socketDirectory == "/tmp/pg" && socket.host == nil && socket.sslMode == .disable)
        #expect(socket.schema == "public" && socket.password == nil)

        let fromEnvironment = try PostgresURL(parsing: "postgresql://localhost/db", environment: ["PGPASSWORD": "pw", "USER": "me"])
        #expect(fromEnvironment.user == "me" && fromEnvironment.password == "pw" && fromEnvironment.port == 5432)
        #expect(fromEnvironment.sslMode == .prefer)
    }

    @Test func malformedURLsAreRefusedWithoutShowingThePassword() {
        let cases: [(String, String)] = [
            ("postgresql://u:pw@h:5432/", "PostgreSQL URL postgresql://u:***@h:5432/ names no database"),
            ("postgresql://u@h:5432/db?sslmode=maybe", "PostgreSQL URL postgresql://u@h:5432/db?sslmode=maybe has an invalid sslmode=maybe"),
            ("postgresql://u@h:5432/db?schema=A;drop", "PostgreSQL URL postgresql://u@h:5432/db?schema=A;drop has schema=A;drop: use lower-case letters, digits and _"),
            ("postgresql://u@h:5432/db?timeout=3", "PostgreSQL URL postgresql://u@h:5432/db?timeout=3 has an unknown parameter timeout"),
        ]
        for (text, message) in cases {
            do {
                _ = try PostgresURL(parsing: text, environment: [:])
                Issue.record("\(text) was accepted")
            } catch {
                #expect((error as? LedgerError)?.message.en == message)
            }
        }
    }

    @Test func placeholdersAreNumberedOutsideQuotesOnly() {
        #expect(
            PostgresLedgerDatabase.numbered("SELECT '?', \"a?\" FROM t WHERE a = ? AND b IS NOT DISTINCT FROM ?")
                == "SELECT '?', \"a?\" FROM t WHERE a = $1 AND b IS NOT DISTINCT FROM $2")
    }
}
