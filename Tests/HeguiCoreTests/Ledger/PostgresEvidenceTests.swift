import Foundation
import Testing

@testable import HeguiCore

/// A PostgreSQL ledger keeps evidence bytes in its own `evidence_blobs` table: any machine sharing the
/// server reads them, each enterprise's schema holds its own, and `verifyChain` finds them missing or altered.
@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.disabledReason))
struct PostgresEvidenceTests {
    let today = Day(iso: "2024-04-10")!

    @Test func evidenceLivesInTheDatabaseAndVerifyChecksIt() throws {
        let url = try PostgresTestServer.freshLedgerURL()
        let ledger = try Ledger(postgres: PostgresURL(parsing: url), clock: testClock)
        let database = try #require(ledger.database as? PostgresLedgerDatabase)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hegui-pg-evidence-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let photo = folder.appendingPathComponent("整改后.jpg").path
        let bytes = Data("after the fix".utf8)
        try bytes.write(to: URL(fileURLWithPath: photo))
        let sha = EvidenceStore.sha256(bytes)

        let patrol = try ledger.addPatrol(date: today, team: "组", scope: "车间", by: "工会")
        let issue = try ledger.addIssue(patrolID: patrol, description: "通道堵塞", category: "安全", grade: "一般", by: "工会")
        try ledger.perform(RectificationCommand(.start, by: "后勤"), on: issue.id, today: today)
        try ledger.perform(RectificationCommand(.submit, by: "后勤", evidence: [photo]), on: issue.id, today: today)
        // The file on this machine is gone: another machine (a second connection) still reads the bytes.
        try FileManager.default.removeItem(at: folder)
        let elsewhere = try Ledger(postgres: PostgresURL(parsing: url), create: false)
        #expect(elsewhere.evidence.data(forHash: sha) == bytes)
        #expect(try elsewhere.evidenceFiles(itemID: issue.id).map(\.sha256) == [sha])
        #expect(try elsewhere.verifyChain().problems.isEmpty)
        // Stored once per content, whoever stores it again.
        #expect(try elsewhere.evidence.store(bytes: bytes) == sha)
        let count = try database.read { try Int64.fetchOne($0, sql: "SELECT count(*) FROM evidence_blobs") }
        #expect(count == 1)

        try database.write { try $0.execute("UPDATE evidence_blobs SET data = ? WHERE sha256 = ?", [Data("swapped".utf8), sha]) }
        let altered = try ledger.verifyChain().problems.map(\.en)
        #expect(altered == ["evidence file \(sha) was altered (it now hashes to \(EvidenceStore.sha256(Data("swapped".utf8))))"])
        try database.write { try $0.execute("DELETE FROM evidence_blobs", []) }
        #expect(try ledger.verifyChain().problems.map(\.en) == ["evidence file \(sha) is missing from the store"])
        #expect(ledger.evidence.data(forHash: sha) == nil)
    }

    @Test func eachEnterpriseReadsOnlyItsOwnEvidence() throws {
        let federation = try Federation(url: PostgresURL(parsing: try PostgresTestServer.freshLedgerURL()))
        let a = try federation.ledger(for: Enterprise(creditCode: try #require(CreditCode.complete("91330200MA2A00001")), name: "甲厂"))
        let b = try federation.ledger(for: Enterprise(creditCode: try #require(CreditCode.complete("91330200MA2A00002")), name: "乙厂"))
        let sha = try a.evidence.store(bytes: Data("甲厂的照片".utf8))
        #expect(a.evidence.data(forHash: sha) == Data("甲厂的照片".utf8))
        #expect(b.evidence.data(forHash: sha) == nil)
    }
}
