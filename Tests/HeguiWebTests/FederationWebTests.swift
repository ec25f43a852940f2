import Foundation
import HeguiCore
import HTTPTypes
import Hummingbird
import HummingbirdBcrypt
import HummingbirdTesting
import Testing

@testable import HeguiWeb

/// The PostgreSQL server the web tests use (`HEGUI_TEST_POSTGRES_URL`); in CI a missing one fails.
enum WebPostgres {
    static var url: String? { ProcessInfo.processInfo.environment["HEGUI_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 } }
    static var shouldRun: Bool { url != nil || !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty }
    static let disabledReason: Comment =
        "HEGUI_TEST_POSTGRES_URL is not set: start a server with scripts/postgres-dev.sh to run the PostgreSQL web tests"

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

/// `hegui serve --ledger postgresql://…`: accounts and sessions in the shared store, each enterprise's
/// accounts confined to its own ledger, and a read-only federation view across enterprises.
@Suite(.enabled(if: WebPostgres.shouldRun, WebPostgres.disabledReason))
struct FederationWebTests {
    /// Two enterprises: 甲厂 (checked against the shipped fixture, one patrol issue) and 乙厂 (never checked,
    /// three overdue patrol issues); an officer of 甲厂, a viewer of 乙厂 and a federation account.
    struct Federated {
        let url: String
        let federation: Federation
        let a: Ledger
        let b: Ledger
        let codeA: String
        let codeB: String
        var configuration: WebConfiguration

        init() throws {
            url = try WebPostgres.freshURL()
            federation = try Federation(url: PostgresURL(parsing: url))
            codeA = try #require(CreditCode.complete("91330200MA2A00011"))
            codeB = try #require(CreditCode.complete("91330200MA2A00012"))
            a = try federation.ledger(for: Enterprise(creditCode: codeA, name: "甲厂"))
            b = try federation.ledger(for: Enterprise(creditCode: codeB, name: "乙厂"))
            let patrolA = try a.addPatrol(date: Day(iso: "2019-05-01")!, team: "甲组", scope: "车间", by: "甲")
            try a.addIssue(patrolID: patrolA, description: "甲厂的问题", category: "安全", grade: "一般", department: "安全部", by: "甲")
            let patrolB = try b.addPatrol(date: Day(iso: "2019-05-01")!, team: "乙组", scope: "仓库", by: "乙")
            for n in 1...3 {
                try b.addIssue(
                    patrolID: patrolB, description: "乙厂的问题 \(n)", category: "安全", grade: "一般", department: "后勤部",
                    deadline: Day(iso: "2019-05-10")!, by: "乙")
            }
            var check = CheckRequest(
                records: packageRoot.appendingPathComponent("fixtures/ningbo-2019").path, period: Period(parsing: "2019")!,
                today: Day(iso: "2019-06-10")!)
            check.store = a
            check.ledger = a.path
            _ = try HeguiService.check(check)
            let home = try Ledger.open(url, create: true)
            let hash = Bcrypt.hash(WebFixture.password, cost: 4)
            try home.addAccount(name: "甲officer", role: .officer, passwordHash: hash, enterprise: codeA)
            try home.addAccount(name: "乙viewer", role: .viewer, passwordHash: hash, enterprise: codeB)
            try home.addAccount(name: "市总", role: .federation, passwordHash: hash)
            configuration = WebConfiguration(ledgerPath: url)
            configuration.today = Day(iso: "2019-06-10")
        }

        func test(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
            let server = try WebServer(configuration)
            try await server.application().test(.router) { client in try await body(client) }
        }
    }

    @Test("An enterprise's account reads and writes only its enterprise: another's ids in a URL find nothing")
    func enterpriseAccountsAreConfined() async throws {
        let f = try Federated()
        let (a, b, codeB) = (f.a, f.b, f.codeB)
        try await f.test { client in
            let officer = Browser(client)
            #expect(try await officer.signIn("甲officer").location == "/")
            let board = try await officer.get("/items")
            #expect(board.body.contains("甲厂的问题") && !board.body.contains("乙厂的问题"))
            #expect(try await officer.get("/").body.contains("甲厂（\(f.codeA)）"))
            let own = try await officer.get("/items/1")
            #expect(own.status == .ok && own.body.contains("甲厂的问题") && !own.body.contains("乙厂的问题 1"))
            // 乙厂 has items 2 and 3; 甲厂 has none by those ids.
            for id in [2, 3] {
                #expect(try await officer.get("/items/\(id)").status == .notFound)
                #expect(try await officer.post("/items/\(id)/assign", [("responsible", "李明")]).status == .notFound)
            }
            #expect(try b.item(3).responsible == nil)
            #expect(try await officer.get("/federation").status == .forbidden)
            #expect(try await officer.get("/federation/\(codeB)").status == .forbidden)
            #expect(try await officer.get("/items/2").status == .notFound)
            // A patrol issue with a photo lands in 甲厂's ledger, its photo in 甲厂's evidence table.
            let posted = try await officer.postMultipart(
                "/patrols/1/issues", [("location", "食堂"), ("description", "地面湿滑"), ("category", "安全"), ("grade", "一般")],
                files: [("photo", "地面.jpg", jpegWithGPS())])
            #expect(posted.status == .seeOther)
            #expect(try a.items().map(\.description) == ["甲厂的问题", "地面湿滑"])
            #expect(try b.items().count == 3)
            let photo = try #require(try a.item(2).evidence.first.flatMap(EvidenceStore.hash(inReference:)))
            #expect(try await officer.get("/evidence/\(photo)").status == .ok)
            #expect(a.evidence.data(forHash: photo) != nil && b.evidence.data(forHash: photo) == nil)
            #expect(try await officer.get("/runs").body.contains("/runs/1"))

            let viewer = Browser(client)
            try await viewer.signIn("乙viewer")
            #expect(try await viewer.get("/evidence/\(photo)").status == .notFound)
            #expect(try await viewer.get("/runs").body.contains("台账中还没有检查记录"))
            #expect(try await viewer.get("/items/3").body.contains("乙厂的问题 3"))
        }
    }

    @Test("The federation page ranks every enterprise and opens each one read-only")
    func federationSeesEveryEnterpriseReadOnly() async throws {
        let f = try Federated()
        let (b, codeA, codeB) = (f.b, f.codeA, f.codeB)
        try await f.test { client in
            let city = Browser(client)
            #expect(try await city.signIn("市总").location == "/federation")
            #expect(try await city.get("/items").location == "/federation")
            let page = try await city.get("/federation")
            #expect(page.status == .ok)
            #expect(page.body.contains("共 2 家企业"))
            let body = page.body
            let rowA = try #require(body.range(of: "甲厂"))
            let rowB = try #require(body.range(of: "乙厂"))
            #expect(rowA.lowerBound < rowB.lowerBound, "by credit code first")
            #expect(body.contains("尚未检查"))
            #expect(body.contains("2022-12-31"), "re-evaluation due three years after 2019")
            let byOverdue = try await city.get("/federation?sort=overdue&order=desc").body
            #expect(try #require(byOverdue.range(of: "乙厂")).lowerBound < (try #require(byOverdue.range(of: "甲厂"))).lowerBound)
            #expect(byOverdue.contains("<span class=\"tag bad\">3</span>"))

            #expect(try await city.get("/federation/91330200MA2A00099X").status == .notFound)
            #expect(try await city.get("/federation/\(codeB)").location == "/")
            #expect(try await city.get("/").body.contains("乙厂（\(codeB)）"))
            let item = try await city.get("/items/3")
            #expect(item.status == .ok && item.body.contains("乙厂的问题 3"))
            #expect(try await city.post("/items/3/start", []).status == .forbidden)
            #expect(try await city.post("/patrols", [("date", "2019-06-11"), ("team", "市总组"), ("scope", "全厂")]).status == .forbidden)
            #expect(try b.item(3).status == .open && b.patrols().count == 1)
            #expect(try await city.get("/federation/\(codeA)").location == "/")
            #expect(try await city.get("/runs").body.contains("/runs/1"))
            #expect(try await city.get("/admin").status == .forbidden)
        }
    }
}
