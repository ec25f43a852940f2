import Foundation
import HeguiCore
import Testing

/// Edits the ledger behind hegui's back with `sqlite3`, as a careful reviewer would, and expects
/// `ledger verify` to fail naming what changed: plain for what the events rebuild, with an anchor
/// (an earlier head) for rollbacks and wipes, with the key for re-chained and forged events.
@Suite(.serialized) struct LedgerTamperTests {
    static let key = "tamper-suite-key"

    /// A ledger with a failed check run (check item 1 for E1), patrol 1 and patrol item 2 walked to a
    /// verified strike-off with an evidence file; every event MACed with the key.
    struct Fixture {
        let h: HeguiRun
        var ledger: String { h.path("hegui.sqlite") }

        init() throws {
            h = try HeguiRun()
            try h.setUp(timesheet: "employeeId,date,overtimeHours\nE1,2019-03-01,20\nE1,2019-03-02,17\n")
            try h.write("after.jpg", "the fixed extinguisher")
            #expect(try check().code == 1)
            for args in [
                ["inspect", "add", "--date", "2024-04-01", "--team", "一组", "--scope", "食堂", "--by", "工会"],
                [
                    "inspect", "issue", "--patrol", "1", "--location", "后厨", "--description", "灭火器过期", "--category", "安全",
                    "--grade", "一般", "--department", "后勤部", "--responsible", "王", "--funds", "300", "--by", "工会",
                ],
                ["rectify", "start", "2", "--by", "王"],
                ["rectify", "submit", "2", "--by", "王", "--evidence", "after.jpg"],
                ["rectify", "verify", "2", "--by", "职工代表李"],
            ] {
                let result = try hegui(args)
                #expect(result.code == 0, "\(args): \(result.err)")
            }
        }

        /// `hegui ARGS --ledger … --today 2024-04-10 --lang en`, with the key unless `key` is false.
        func hegui(_ args: [String], key: Bool = true) throws -> HeguiRun.Result {
            try HeguiRun.execute(
                args + ["--ledger", ledger, "--today", "2024-04-10", "--lang", "en"], in: h.dir,
                environment: key ? ["HEGUI_LEDGER_KEY": LedgerTamperTests.key] : [:])
        }

        /// A check of the e2e pack into the ledger.
        func check() throws -> HeguiRun.Result {
            try hegui([
                "check", "--rules", h.path("pack.xml"), "--records", h.path("records"), "--period", "2019", "--format", "json",
            ])
        }

        /// Runs SQL with the append-only triggers dropped (a tamperer drops them first).
        func sql(_ statements: String) throws {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = [
                "sqlite3", ledger,
                "DROP TRIGGER IF EXISTS events_no_update; DROP TRIGGER IF EXISTS events_no_delete; \(statements)",
            ]
            try p.run()
            p.waitUntilExit()
            try #require(p.terminationStatus == 0, "sqlite3 failed on: \(statements)")
        }

        /// One SQL query's rows as JSON objects.
        func query(_ statement: String) throws -> [[String: Any]] {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["sqlite3", "-json", ledger, statement]
            let out = Pipe()
            p.standardOutput = out
            try p.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            guard !data.isEmpty else { return [] }
            return try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        }

        /// `ledger verify` (with the key unless told, and anchors).
        func verify(key: Bool = false, anchors: [String] = []) throws -> HeguiRun.Result {
            try hegui(["ledger", "verify"] + anchors.flatMap { ["--anchor", $0] }, key: key)
        }

        /// The head `ledger verify` prints, as `COUNT:HASH`.
        func head() throws -> String {
            let out = try verify().out
            let words = out.split(separator: " ")
            let count = try #require(words.firstIndex(of: "events,")).advanced(by: -1)
            return "\(words[count]):\(words.last!.trimmingCharacters(in: .newlines))"
        }

        /// Rewrites every event from `id` on with recomputed hashes (the chain re-made after an edit).
        func rechain(from id: Int64, editing edit: (inout [String: Any]) -> Void) throws {
            var rows = try query("SELECT * FROM events ORDER BY id")
            var previous = AuditChain.genesis
            var statements: [String] = []
            for index in rows.indices {
                let rowID = (rows[index]["id"] as? NSNumber)?.int64Value ?? 0
                if rowID == id { edit(&rows[index]) }
                func text(_ key: String) -> String? { rows[index][key] as? String }
                if rowID >= id {
                    let canonical = AuditChain.canonical(
                        id: rowID, itemID: (rows[index]["item_id"] as? NSNumber)?.int64Value, time: text("time")!,
                        actor: text("actor")!, action: text("action")!, fromStatus: text("from_status"),
                        toStatus: text("to_status"), note: text("note"), detail: text("detail"), state: text("state"))
                    let hash = AuditChain.hash(prevHash: previous, canonical: canonical)
                    func quoted(_ value: String?) -> String { value.map { "'" + $0.replacingOccurrences(of: "'", with: "''") + "'" } ?? "NULL" }
                    statements.append(
                        "UPDATE events SET actor = \(quoted(text("actor"))), prev_hash = '\(previous)', hash = '\(hash)' WHERE id = \(rowID);")
                    previous = hash
                } else {
                    previous = text("hash")!
                }
            }
            try sql(statements.joined(separator: " "))
        }
    }

    @Test func theUntouchedLedgerVerifiesWithAndWithoutTheKey() throws {
        let f = try Fixture()
        let plain = try f.verify()
        #expect(plain.code == 0 && plain.out.hasPrefix("audit chain intact: "))
        #expect(try f.verify(key: true).code == 0)
        #expect(try f.verify(anchors: [try f.head()]).code == 0)
    }

    /// Edits every table's rows and columns; each is named: table, row, column, stored and replayed.
    @Test(arguments: [
        ("UPDATE rectification_items SET deadline = '2030-01-01' WHERE id = 2",
         "rectification_items row 2, column deadline: stored '2030-01-01', the events give '2024-04-16'"),
        ("UPDATE rectification_items SET department = '安全部' WHERE id = 2",
         "rectification_items row 2, column department: stored '安全部', the events give '后勤部'"),
        ("UPDATE rectification_items SET responsible = '李' WHERE id = 2",
         "rectification_items row 2, column responsible: stored '李', the events give '王'"),
        ("UPDATE rectification_items SET verified_by = '厂长' WHERE id = 2",
         "rectification_items row 2, column verified_by: stored '厂长', the events give '职工代表李'"),
        ("UPDATE rectification_items SET evidence = '[]' WHERE id = 2",
         "rectification_items row 2, column evidence: stored '[]', the events give '[\"after.jpg\"]'"),
        ("UPDATE rectification_items SET description = '已处理' WHERE id = 2",
         "rectification_items row 2, column description: stored '已处理', the events give '灭火器过期'"),
        ("UPDATE rectification_items SET funds = 0 WHERE id = 2",
         "rectification_items row 2, column funds: stored '0.0', the events give '300.0'"),
        ("UPDATE rectification_items SET location = NULL WHERE id = 2",
         "rectification_items row 2, column location: stored NULL, the events give '后厨'"),
        ("UPDATE rectification_items SET verified_on = '2024-04-01' WHERE id = 2",
         "rectification_items row 2, column verified_on: stored '2024-04-01', the events give '2024-04-10'"),
        ("UPDATE rectification_items SET published_on = '2024-04-10' WHERE id = 2",
         "rectification_items row 2, column published_on: stored '2024-04-10', the events give NULL"),
        ("UPDATE rectification_items SET status = 'verified' WHERE id = 1",
         "rectification_items row 1, column status: stored 'verified', the events give 'open'"),
        ("DELETE FROM rectification_items WHERE id = 2",
         "rectification_items row 2 is missing (the events have it; it was deleted)"),
        ("UPDATE patrols SET team = '二组' WHERE id = 1", "patrols row 1, column team: stored '二组', the events give '一组'"),
        ("UPDATE runs SET packs = replace(packs, '\"passed\":false', '\"passed\":true') WHERE id = 1",
         "runs row 1, column packs: stored"),
        ("UPDATE runs SET period = '2018' WHERE id = 1", "runs row 1, column period: stored '2018', the events give '2019'"),
        ("UPDATE run_findings SET outcome = 'pass', awarded = points WHERE indicator = 'L06'", "column outcome: stored 'pass', the events give 'fail'"),
        ("DELETE FROM run_findings WHERE indicator = 'L06'", "is missing (the events have it; it was deleted)"),
        ("INSERT INTO patrols (date, team, scope, created_at) VALUES ('2024-04-02', '假', '假', '2024-04-02')",
         "patrols row 2 has no event that made it (written outside hegui)"),
        ("UPDATE evidence_files SET sha256 = '\(String(repeating: "0", count: 64))'",
         "evidence_files row 1, column sha256: stored '0000000000000000000000000000000000000000000000000000000000000000'"),
        ("DELETE FROM events WHERE id = 3", "audit chain broken at event 4: id does not follow 2: events are missing"),
        ("UPDATE events SET state = replace(state, '后勤部', '安全部') WHERE id = 4", "audit chain broken at event 4: hash does not match"),
    ])
    func anEditedTableIsNamed(_ statement: String, _ named: String) throws {
        let f = try Fixture()
        try f.sql(statement)
        let result = try f.verify()
        #expect(result.code == 1, "\(statement) passed verify")
        #expect(result.err.contains(named), "\(statement):\n\(result.err)")
        #expect(result.out.hasPrefix("audit chain NOT intact: "))
    }

    @Test func anErasedOverdueMarkIsNamed() throws {
        let f = try Fixture()
        // Item 3, started after its deadline: marked as once overdue.
        for args in [
            [
                "inspect", "issue", "--patrol", "1", "--description", "通道堵塞", "--category", "安全", "--grade", "一般",
                "--found-on", "2024-03-20", "--deadline", "2024-04-05", "--by", "工会",
            ],
            ["rectify", "start", "3", "--by", "王"],
        ] {
            #expect(try f.hegui(args).code == 0)
        }
        try f.sql("UPDATE rectification_items SET missed_deadline = NULL WHERE id = 3")
        let result = try f.verify()
        #expect(result.code == 1)
        #expect(result.err.contains("rectification_items row 3, column missed_deadline: stored NULL, the events give '2024-04-05'"))
    }

    @Test func deletingTheLastAddPatrolEventLeavesAPatrolNoEventMade() throws {
        let f = try Fixture()
        #expect(try f.hegui(["inspect", "add", "--date", "2024-04-09", "--team", "二组", "--scope", "仓库", "--by", "工会"]).code == 0)
        try f.sql("DELETE FROM events WHERE id = (SELECT MAX(id) FROM events)")
        let result = try f.verify()
        #expect(result.code == 1 && result.err.contains("patrols row 2 has no event that made it (written outside hegui)"))
    }

    @Test func deletingTheLastRecordRunEventLeavesARunNoEventMade() throws {
        let f = try Fixture()
        #expect(try f.check().code == 1)  // the same failure again: only the run is recorded
        try f.sql("DELETE FROM events WHERE id = (SELECT MAX(id) FROM events)")
        let result = try f.verify()
        #expect(result.code == 1 && result.err.contains("runs row 2 has no event that made it (written outside hegui)"))
        #expect(result.err.contains("run_findings row"))
    }

    @Test func aRolledBackMoveNeedsAnAnchor() throws {
        let f = try Fixture()
        let before = try Data(contentsOf: URL(fileURLWithPath: f.ledger))
        #expect(try f.hegui(["rectify", "reopen", "2", "--by", "工会"]).code == 0)
        let anchor = try f.head()
        // The whole file put back as it was before the move: self-consistent, so only the anchor shows it.
        try before.write(to: URL(fileURLWithPath: f.ledger))
        try? FileManager.default.removeItem(atPath: f.ledger + "-wal")
        try? FileManager.default.removeItem(atPath: f.ledger + "-shm")
        #expect(try f.verify().code == 0)
        let anchored = try f.verify(anchors: [anchor])
        #expect(anchored.code == 1)
        #expect(anchored.err.contains("anchor \(anchor) is not in the chain (the ledger was rolled back or re-chained)"))
    }

    @Test func wipingEveryRowNeedsAnAnchor() throws {
        let f = try Fixture()
        let anchor = try f.head()
        try f.sql(
            "DELETE FROM events; DELETE FROM evidence_files; DELETE FROM rectification_items; DELETE FROM run_findings; "
                + "DELETE FROM runs; DELETE FROM patrols;")
        #expect(try f.verify().out == "audit chain intact: 0 events, head \(AuditChain.genesis)\n")
        let anchored = try f.verify(anchors: [anchor])
        #expect(anchored.code == 1 && anchored.err.contains("anchor \(anchor) is not in the chain"))
        // A file of earlier anchors works the same.
        try f.h.write("anchors.txt", anchor + "\n")
        let filed = try f.hegui(["ledger", "verify", "--anchors", f.h.path("anchors.txt")], key: false)
        #expect(filed.code == 1 && filed.err.contains("anchor \(anchor) is not in the chain"))
    }

    @Test func aReChainedEditNeedsTheKeyOrAnAnchor() throws {
        let f = try Fixture()
        let anchor = try f.head()
        try f.rechain(from: 5) { $0["actor"] = "厂长" }
        #expect(try f.verify().code == 0)  // the chain alone cannot tell
        let keyed = try f.verify(key: true)
        #expect(keyed.code == 1 && keyed.err.contains("event 5 has a wrong MAC (forged, or its hash recomputed)"))
        let anchored = try f.verify(anchors: [anchor])
        #expect(anchored.code == 1 && anchored.err.contains("anchor \(anchor) is not in the chain"))
    }

    @Test func aForgedEventNeedsTheKey() throws {
        let f = try Fixture()
        let last = try #require(try f.query("SELECT id, hash FROM events ORDER BY id DESC LIMIT 1").first)
        let id = ((last["id"] as? NSNumber)?.int64Value ?? 0) + 1
        let previous = try #require(last["hash"] as? String)
        // A forged patrol, with its row and an event carrying it: the tables rebuild, the chain links.
        try f.sql("INSERT INTO patrols (id, date, team, scope, created_at) VALUES (2, '2024-04-05', '假组', '假', '2024-04-05')")
        let state = "{\"patrols\":{\"2\":{\"created_at\":\"t:2024-04-05\",\"date\":\"t:2024-04-05\",\"id\":\"i:2\",\"leader\":\"n\",\"scope\":\"t:假\",\"team\":\"t:假组\"}}}"
        let canonical = AuditChain.canonical(
            id: id, itemID: nil, time: "2024-04-05T00:00:00Z", actor: "工会", action: "add-patrol", fromStatus: nil,
            toStatus: nil, note: nil, detail: nil, state: state)
        let hash = AuditChain.hash(prevHash: previous, canonical: canonical)
        try f.sql(
            "INSERT INTO events (id, item_id, time, actor, action, prev_hash, hash, state) VALUES "
                + "(\(id), NULL, '2024-04-05T00:00:00Z', '工会', 'add-patrol', '\(previous)', '\(hash)', '\(state)')")
        #expect(try f.verify().code == 0)  // a well-made forgery passes without the key
        let keyed = try f.verify(key: true)
        #expect(keyed.code == 1 && keyed.err.contains("event \(id) carries no MAC (not written with this key)"))
    }

    @Test func anAlteredEvidenceFileIsNamed() throws {
        let f = try Fixture()
        let sha = try #require(try f.query("SELECT sha256 FROM evidence_files").first?["sha256"] as? String)
        let stored = f.ledger + ".evidence/\(sha.prefix(2))/\(sha)"
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: stored)
        try Data("a different photo".utf8).write(to: URL(fileURLWithPath: stored))
        let altered = try f.verify()
        #expect(altered.code == 1 && altered.err.contains("evidence file \(sha) was altered"))
        try FileManager.default.removeItem(atPath: stored)
        let missing = try f.verify()
        #expect(missing.code == 1 && missing.err.contains("evidence file \(sha) is missing from the store"))
    }

    @Test func evidenceThatDoesNotExistIsRefused() throws {
        let f = try Fixture()
        _ = try f.hegui(["inspect", "issue", "--patrol", "1", "--description", "扶梯松动", "--category", "安全", "--grade", "一般", "--by", "工会"])
        _ = try f.hegui(["rectify", "start", "3", "--by", "王"])
        let result = try f.hegui(["rectify", "submit", "3", "--by", "王", "--evidence", "nowhere.jpg"])
        #expect(result.code == 2)
        #expect(result.err == "hegui: evidence file nowhere.jpg cannot be used: no such file\n")
    }
}
