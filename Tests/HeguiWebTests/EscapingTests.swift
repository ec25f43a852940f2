import Foundation
import HeguiCore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import HeguiWeb

@Suite("Planted markup comes back escaped")
struct EscapingTests {
    static let script = "<script>alert(1)</script>"
    static let image = "\"><img src=x onerror=alert(2)>"

    @Test("<script> and \"><img onerror> in every text field and file name are escaped on every page")
    func everyFieldEveryPage() async throws {
        let fixture = try WebFixture()
        let evilName = "eve" + Self.image
        try fixture.addUser("admin", "admin")
        try fixture.addUser(evilName, "admin")
        try fixture.addUser("checker", "verifier")
        try await fixture.test { client in
            let evil = Browser(client)
            try await evil.signIn(evilName)
            _ = try await evil.get("/patrols")
            let planted = { (n: Int) in (n % 2 == 0 ? Self.script : Self.image) + "#\(n)" }
            #expect(
                try await evil.post(
                    "/patrols",
                    [("date", "2019-06-10"), ("team", planted(0)), ("scope", planted(1)), ("leader", planted(2))]
                ).status == .seeOther)
            _ = try await evil.get("/patrols/1")
            #expect(
                try await evil.postMultipart(
                    "/patrols/1/issues",
                    [
                        ("location", planted(3)), ("description", planted(4)), ("category", planted(5)), ("grade", "一般"),
                        ("department", planted(6)),
                    ], files: [("photo", Self.script + Self.image + ".jpg", jpegWithGPS())]
                ).status == .seeOther)
            _ = try await evil.get("/items/1")
            #expect(
                try await evil.postMultipart(
                    "/items/1/assign", [("responsible", planted(7)), ("rechecker", planted(8)), ("department", planted(9))],
                    files: []
                ).status == .seeOther)
            #expect(try await evil.postMultipart("/items/1/start", [("note", planted(10))], files: []).status == .seeOther)
            #expect(
                try await evil.postMultipart(
                    "/items/1/submit", [("note", planted(11))], files: [("photo", Self.image + ".png", jpegWithGPS() + [1])]
                ).status == .seeOther)
            let checker = Browser(client)
            try await checker.signIn("checker")
            #expect(try await checker.postMultipart("/items/1/reject", [("note", planted(12))], files: []).status == .seeOther)
            let pages = [
                "/", "/items", "/items?department=" + Browser.encode(planted(9)), "/items/1", "/patrols", "/patrols/1", "/public",
                "/audit", "/admin", "/runs", "/check", "/report", "/account/password",
                "/lang?to=en&next=" + Browser.encode("/items?x=" + Self.image),
            ]
            for path in pages {
                let page = try await evil.get(path)
                #expect(!page.body.contains("<script>alert"), "\(path)")
                #expect(!page.body.contains("<img src=x"), "\(path)")
            }
            let item = try await evil.get("/items/1")
            for n in [3, 4, 5, 7, 8, 9, 10, 11, 12] {
                let escaped = (n % 2 == 0 ? "&lt;script&gt;alert(1)&lt;/script&gt;" : "&quot;&gt;&lt;img src=x onerror=alert(2)&gt;")
                #expect(item.body.contains(escaped + "#\(n)"), "field \(n)")
            }
            // The slash is dropped from an uploaded name (no name can be a path); the rest comes back escaped.
            #expect(item.body.contains("&lt;script&gt;alert(1)&lt;script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;.jpg"))
            #expect(item.body.contains("eve&quot;&gt;&lt;img"))
            let patrol = try await evil.get("/patrols/1")
            #expect(patrol.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;#0"))
        }
    }
}
