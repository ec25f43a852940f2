import Foundation
import HeguiCore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import HeguiWeb

@Suite("Sign-in, sessions and security headers")
struct SignInTests {
    @Test("A page without a session goes to sign-in and back to it afterwards")
    func signInRedirect() async throws {
        let fixture = try WebFixture()
        try fixture.addUser("officer1", "officer")
        try await fixture.test { client in
            let browser = Browser(client)
            let page = try await browser.get("/items?status=open")
            #expect(page.status == .seeOther)
            #expect(page.location == "/login?next=/items%3Fstatus%3Dopen")
            let signIn = try await browser.signIn("officer1", next: "/items?status=open")
            #expect(signIn.status == .seeOther)
            #expect(signIn.location == "/items?status=open")
        }
    }

    @Test("The session cookie is HttpOnly and SameSite=Strict, and the session lives in the ledger")
    func cookieFlags() async throws {
        let fixture = try WebFixture()
        try fixture.addUser("officer1", "officer")
        try await fixture.test { client in
            let browser = Browser(client)
            let answer = try await browser.signIn("officer1")
            let cookie = answer.headers[values: .setCookie].first { $0.hasPrefix("hegui_session=") } ?? ""
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
            #expect(!cookie.contains("Secure"))
            let id = try #require(browser.cookies["hegui_session"])
            #expect(try fixture.ledger().webSession(key: "session." + id) != nil)
            let home = try await browser.get("/")
            #expect(home.status == .ok)
            #expect(home.body.contains("officer1"))
        }
    }

    @Test("Behind TLS the cookie is Secure")
    func secureCookie() async throws {
        let fixture = try WebFixture { $0.secureCookies = true }
        try fixture.addUser("officer1", "officer")
        try await fixture.test { client in
            let answer = try await Browser(client).signIn("officer1")
            let cookie = answer.headers[values: .setCookie].first { $0.hasPrefix("hegui_session=") } ?? ""
            #expect(cookie.contains("Secure"))
        }
    }

    @Test("Every page carries the security headers; scripts only from the server")
    func securityHeaders() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let page = try await Browser(client).get("/login")
            #expect(page.status == .ok)
            let policy = page.headers[.contentSecurityPolicy] ?? ""
            #expect(policy.contains("script-src 'self'"))
            #expect(!policy.contains("unsafe-inline"))
            #expect(page.headers[.xContentTypeOptions] == "nosniff")
            #expect(page.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin")
            #expect(!page.body.contains("<script>"))
            #expect(!page.body.contains("http://"))
            #expect(!page.body.contains("https://"))
        }
    }

    @Test("A wrong password is refused; after five failures even the right one is refused for a while")
    func throttling() async throws {
        let fixture = try WebFixture()
        try fixture.addUser("rep", "representative")
        try await fixture.test { client in
            let browser = Browser(client)
            for _ in 0..<5 {
                let page = try await browser.signIn("rep", password: "wrong-password")
                #expect(page.status == .unauthorized)
                #expect(page.body.contains("用户名或密码错误"))
            }
            let locked = try await browser.signIn("rep")
            #expect(locked.status == .tooManyRequests)
            #expect(locked.body.contains("登录失败次数过多"))
            fixture.clock.advance(15 * 60 + 1)
            let later = try await browser.signIn("rep")
            #expect(later.status == .seeOther)
        }
    }

    @Test("An unknown name and a disabled account are refused like a wrong password")
    func unknownAndDisabled() async throws {
        let fixture = try WebFixture()
        try fixture.addUser("gone", "viewer")
        try fixture.ledger().setAccountDisabled("gone", true)
        try await fixture.test { client in
            let disabled = try await Browser(client).signIn("gone")
            let unknown = try await Browser(client).signIn("nobody")
            #expect(disabled.status == .unauthorized)
            #expect(unknown.status == .unauthorized)
        }
    }

    @Test("A form without the session's token is refused, also the sign-in form")
    func csrf() async throws {
        let fixture = try WebFixture()
        try fixture.addUser("rep", "representative")
        try await fixture.test { client in
            let stranger = Browser(client)
            _ = try await stranger.get("/login")
            let forged = try await stranger.post("/login", [("username", "rep"), ("password", WebFixture.password)], csrf: false)
            #expect(forged.status == .forbidden)
            let browser = Browser(client)
            try await browser.signIn("rep")
            let noToken = try await browser.post(
                "/patrols", [("date", "2019-06-10"), ("team", "一组"), ("scope", "车间")], csrf: false)
            #expect(noToken.status == .forbidden)
            #expect(noToken.body.contains("表单已过期"))
            #expect(try fixture.ledger().patrols().isEmpty)
            let wrong = try await browser.post(
                "/patrols", [("_csrf", String(repeating: "0", count: 64)), ("date", "2019-06-10"), ("team", "一组"), ("scope", "车间")],
                csrf: false)
            #expect(wrong.status == .forbidden)
        }
    }

    @Test("After sign-in only paths on this server are followed")
    func noOpenRedirect() async throws {
        let fixture = try WebFixture()
        try fixture.addUser("rep", "representative")
        try await fixture.test { client in
            for next in ["//evil.example/", "https://evil.example/", "/\\evil.example", "javascript:alert(1)", "/%0d%0aX: y"] {
                let answer = try await Browser(client).signIn("rep", next: next)
                #expect(answer.status == .seeOther)
                #expect(answer.location == (next == "/%0d%0aX: y" ? "/" : "/"), "next \(next)")
            }
            let lang = try await Browser(client).get("/lang?to=en&next=//evil.example/")
            #expect(lang.location == "/")
        }
    }

    @Test("Signing out removes the session on the server: the old cookie no longer works")
    func logout() async throws {
        let fixture = try WebFixture()
        try fixture.addUser("rep", "representative")
        try await fixture.test { client in
            let browser = Browser(client)
            try await browser.signIn("rep")
            let id = try #require(browser.cookies["hegui_session"])
            let out = try await browser.post("/logout", [])
            #expect(out.location == "/login")
            #expect(try fixture.ledger().webSession(key: "session." + id) == nil)
            let replay = Browser(client)
            replay.cookies["hegui_session"] = id
            #expect(try await replay.get("/").status == .seeOther)
        }
    }

    @Test("A session ends after the idle timeout")
    func idleTimeout() async throws {
        let fixture = try WebFixture { $0.idleTimeout = 600 }
        try fixture.addUser("rep", "representative")
        try await fixture.test { client in
            let browser = Browser(client)
            try await browser.signIn("rep")
            fixture.clock.advance(500)
            #expect(try await browser.get("/").status == .ok)
            // Each request keeps the session alive for another idle period.
            fixture.clock.advance(500)
            #expect(try await browser.get("/").status == .ok)
            fixture.clock.advance(601)
            let expired = try await browser.get("/")
            #expect(expired.status == .seeOther)
            #expect(expired.location == "/login")
        }
    }

    @Test("Changing the password ends the session and the new password works")
    func passwordChange() async throws {
        let fixture = try WebFixture()
        try fixture.addUser("rep", "representative")
        try await fixture.test { client in
            let browser = Browser(client)
            try await browser.signIn("rep")
            let other = Browser(client)
            try await other.signIn("rep")
            _ = try await browser.get("/account/password")
            let short = try await browser.post("/account/password", [("old", WebFixture.password), ("new", "short"), ("again", "short")])
            #expect(short.status == .badRequest)
            #expect(short.body.contains("新密码至少 8 个字符"))
            let done = try await browser.post(
                "/account/password", [("old", WebFixture.password), ("new", "a-new-password"), ("again", "a-new-password")])
            #expect(done.location == "/login?done=passwordChanged")
            #expect(try await other.get("/").status == .seeOther)
            #expect(try await Browser(client).signIn("rep").status == .unauthorized)
            #expect(try await Browser(client).signIn("rep", password: "a-new-password").status == .seeOther)
        }
    }

    @Test("Pages are in Chinese by default and in English after the switch")
    func language() async throws {
        let fixture = try WebFixture()
        try fixture.addUser("rep", "representative")
        try await fixture.test { client in
            let browser = Browser(client)
            #expect(try await browser.get("/login").body.contains("<h1>登录</h1>"))
            let switched = try await browser.get("/lang?to=en&next=/login")
            #expect(switched.location == "/login")
            #expect(browser.cookies["lang"] == "en")
            #expect(try await browser.get("/login").body.contains("<h1>Sign in</h1>"))
        }
    }

    @Test("The shipped templates in the binary are the files in Sources/HeguiWeb")
    func embeddedAssetsMatchFiles() throws {
        for (folder, embedded) in [("Templates", EmbeddedAssets.templatesFiles), ("Static", EmbeddedAssets.staticFiles)] {
            let directory = packageRoot.appendingPathComponent("Sources/HeguiWeb/\(folder)")
            let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            #expect(names == embedded.keys.sorted())
            for name in names {
                let file = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
                #expect(file == embedded[name], "\(folder)/\(name) differs from the binary's copy")
            }
        }
    }

    @Test("A template in the override folder replaces the shipped one")
    func overrideTemplates() async throws {
        let fixture = try WebFixture { configuration in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hegui-tpl-\(UUID().uuidString)")
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? "/* site colours */ body{background:#000}".write(
                to: folder.appendingPathComponent("app.css"), atomically: true, encoding: .utf8)
            configuration.overrideDirectory = folder.path
        }
        try await fixture.test { client in
            let css = try await Browser(client).get("/static/app.css")
            #expect(css.body == "/* site colours */ body{background:#000}")
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
        }
    }
}
