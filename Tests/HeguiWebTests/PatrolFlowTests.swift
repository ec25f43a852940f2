import Foundation
import HeguiCore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import HeguiWeb

@Suite("Patrol issues from the floor to the notice board")
struct PatrolFlowTests {
    @Test("Representative records with a photo, department fixes, verifier strikes off; events name each person")
    func fullFlow() async throws {
        let fixture = try WebFixture()
        try fixture.addUser("王代表", "representative")
        try fixture.addUser("李明", "department:安全部")
        try fixture.addUser("张复查", "verifier")
        try fixture.addUser("admin", "admin")
        try await fixture.test { client in
            let rep = Browser(client)
            try await rep.signIn("王代表")
            _ = try await rep.get("/patrols")
            let started = try await rep.post("/patrols", [("date", "2019-06-10"), ("team", "第一巡视组"), ("scope", "卷包车间")])
            #expect(started.location == "/patrols/1")
            let patrolPage = try await rep.get("/patrols/1")
            #expect(patrolPage.body.contains("accept=\"image/*\" capture=\"environment\""))
            let added = try await rep.postMultipart(
                "/patrols/1/issues",
                [("location", "卷包车间"), ("description", "消防通道堆放物料"), ("category", "安全"), ("grade", "一般"), ("department", "安全部")],
                files: [("photo", "floor.jpg", jpegWithGPS())])
            #expect(added.status == .seeOther)
            let ledger = try fixture.ledger()
            let item = try ledger.item(1)
            // The deadline defaults from the shipped packs' days for 一般.
            #expect(item.deadline > Day(iso: "2019-06-10")!)
            let reference = try #require(item.evidence.first)
            let hash = try #require(EvidenceStore.hash(inReference: reference))
            #expect(reference == "sha256:\(hash) (floor.jpg)")
            let stored = try #require(EvidenceStore(ledgerPath: fixture.configuration.ledgerPath).data(forHash: hash))
            #expect(EvidenceStore.sha256(stored) == hash)
            // The GPS latitude values were blanked before storing.
            #expect(!stored.contains(Data([29, 0, 0, 0, 1, 0, 0, 0, 52])))
            #expect(stored.count == jpegWithGPS().count)

            let department = Browser(client)
            try await department.signIn("李明")
            let itemPage = try await department.get("/items/1")
            #expect(itemPage.body.contains("开始整改"))
            #expect(!itemPage.body.contains("验证销号"))
            #expect(try await department.postMultipart("/items/1/start", [], files: []).status == .seeOther)
            let submitPage = try await department.get("/items/1")
            #expect(submitPage.body.contains("name=\"photo\" accept=\"image/*\" capture=\"environment\""))
            let submitted = try await department.postMultipart(
                "/items/1/submit", [("note", "已清理通道")], files: [("photo", "after.jpg", jpegWithGPS() + [0])])
            #expect(submitted.status == .seeOther)
            #expect(try ledger.item(1).status == .submitted)
            #expect(try ledger.item(1).submittedBy == "李明")

            let verifier = Browser(client)
            try await verifier.signIn("张复查")
            #expect(try await verifier.postMultipart("/items/1/verify", [("note", "现场复查合格")], files: []).status == .seeOther)
            let done = try ledger.item(1)
            #expect(done.status == .verified)
            #expect(done.verifiedBy == "张复查")
            let actors = try ledger.events(itemID: 1).map { "\($0.actor) \($0.action)" }
            #expect(actors == ["王代表 create", "李明 start", "李明 submit", "张复查 verify"])
            #expect(try ledger.events().first?.actor == "王代表")

            let board = try await verifier.get("/public")
            #expect(board.body.contains("消防通道堆放物料"))
            #expect(board.body.contains("审核通过（已销号）"))
            // Not public until the admin says so.
            #expect(try await Browser(client).get("/public").status == .seeOther)
            let admin = Browser(client)
            try await admin.signIn("admin")
            _ = try await admin.get("/admin")
            #expect(try await admin.post("/admin/public", [("enabled", "1")]).status == .seeOther)
            let open = try await Browser(client).get("/public")
            #expect(open.status == .ok)
            #expect(open.body.contains("消防通道堆放物料"))
            #expect(try await Browser(client).get("/items").status == .seeOther)
            let audit = try await admin.get("/audit")
            #expect(audit.body.contains("审计链完整"))
            #expect(audit.body.contains(try ledger.verifyChain().head))
        }
    }

    @Test("The verifier is not the submitter: the core's refusal is shown and nothing changes")
    func fourEyes() async throws {
        let fixture = try WebFixture()
        try fixture.addUser("admin", "admin")
        let ledger = try fixture.ledger()
        let patrol = try ledger.addPatrol(date: Day(iso: "2019-06-10")!, team: "一组", scope: "车间", by: "准备人")
        try ledger.addIssue(patrolID: patrol, description: "灯坏", category: "安全", grade: "一般", by: "准备人")
        try await fixture.test { client in
            let admin = Browser(client)
            try await admin.signIn("admin")
            _ = try await admin.get("/items/1")
            _ = try await admin.postMultipart("/items/1/start", [], files: [])
            _ = try await admin.postMultipart("/items/1/submit", [("note", "换了灯")], files: [])
            let refused = try await admin.postMultipart("/items/1/verify", [], files: [])
            #expect(refused.status == .conflict)
            #expect(refused.body.contains("整改项 1 由 admin 提交，验证人必须是另一人"))
            #expect(try ledger.item(1).status == .submitted)
            let illegal = try await admin.postMultipart("/items/1/start", [], files: [])
            #expect(illegal.status == .conflict)
            #expect(illegal.body.contains("不能 start"))
        }
    }

    @Test("Photos: too large, not a photo by its bytes, and kept location when configured")
    func photoChecks() async throws {
        let fixture = try WebFixture { $0.photoLimit = 1000 }
        try fixture.addUser("rep", "representative")
        let ledger = try fixture.ledger()
        _ = try ledger.addPatrol(date: Day(iso: "2019-06-10")!, team: "一组", scope: "车间", by: "rep")
        try await fixture.test { client in
            let rep = Browser(client)
            try await rep.signIn("rep")
            _ = try await rep.get("/patrols/1")
            let fields = [("location", "车间"), ("description", "问题"), ("category", "安全"), ("grade", "一般")]
            let large = try await rep.postMultipart(
                "/patrols/1/issues", fields, files: [("photo", "big.jpg", jpegWithGPS() + [UInt8](repeating: 0, count: 1000))])
            #expect(large.status == .badRequest)
            #expect(large.body.contains("照片超过"))
            let fake = try await rep.postMultipart(
                "/patrols/1/issues", fields, files: [("photo", "evil.jpg", Array("<html><script>alert(1)</script>".utf8))])
            #expect(fake.status == .badRequest)
            #expect(fake.body.contains("只接受 JPEG、PNG、HEIC 或 WebP 照片"))
            #expect(try ledger.items().isEmpty)
        }
        #expect(PhotoUpload.kind(of: Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0])) == .png)
        #expect(PhotoUpload.kind(of: Data(Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 ".utf8))) == .webp)
        #expect(PhotoUpload.kind(of: Data([0, 0, 0, 24] + Array("ftypheic".utf8) + [0, 0, 0, 0])) == .heic)
        let kept = try PhotoUpload.accept(Data(jpegWithGPS()), limit: 10_000, keepLocation: true)
        #expect(kept == Data(jpegWithGPS()))
    }
}
