import Foundation
import HeguiCore
import Hummingbird
import HummingbirdBcrypt

extension WebServer {
    /// The cookie holding the sign-in form's token before there is a session (double-submit).
    static let loginTokenCookie = "hegui_login"
    /// A hash to verify against when the name is unknown, so a wrong name costs as long as a wrong password.
    static let decoyHash = Bcrypt.hash("hegui-decoy-password", cost: 10)

    func addAuthRoutes(to router: Router<WebContext>) {
        router.get("/login") { request, context in
            let next = Self.safeNext(request.uri.queryParameters.get("next"))
            if context.account != nil { return self.redirect(next) }
            return self.loginPage(request, context, next: next, error: nil, status: .ok)
        }

        router.post("/login") { request, context in
            let form = try await SubmittedForm.read(request, limit: 16 * 1024)
            let next = Self.safeNext(form["next"])
            guard let cookie = request.cookies[Self.loginTokenCookie]?.value,
                let token = form.fields["_csrf"]?.first, Token.equal(token, String(cookie))
            else { throw WebRefusal.badToken }
            let name = form["username"] ?? ""
            let password = form.fields["password"]?.first ?? ""
            let keys = ["name:" + name]
            if await self.throttle.isLocked(keys, now: self.now) {
                return self.loginPage(
                    request, context, next: next, error: WebText.text(.throttled, context.language), status: .tooManyRequests)
            }
            let account = try self.home.account(named: name)
            let hash = try self.home.passwordHash(of: name) ?? Self.decoyHash
            let matches = Bcrypt.verify(password, hash: hash)
            guard let account, matches, !account.disabled else {
                await self.throttle.fail(keys, now: self.now)
                return self.loginPage(
                    request, context, next: next, error: WebText.text(.loginFailed, context.language), status: .unauthorized)
            }
            await self.throttle.succeed("name:" + name)
            // A fresh session id at sign-in (no fixation); any session the browser had is removed.
            if request.cookies["hegui_session"] != nil { _ = try? await self.sessions.delete(request: request) }
            let session = WebSession(
                accountID: account.id, credentialVersion: account.credentialVersion, csrf: Token.make(), lastSeen: self.now)
            let sessionCookie = try await self.sessions.save(
                session: session, expiresIn: .seconds(Int64(self.configuration.idleTimeout)))
            // A federation account starts on the federation page.
            var response = self.redirect(account.role == .federation && next == "/" && self.federation != nil ? "/federation" : next)
            response.setCookie(sessionCookie)
            response.setCookie(self.cookie(Self.loginTokenCookie, "", maxAge: 0, path: "/login"))
            return response
        }

        router.post("/logout") { request, context in
            guard context.account != nil else { return self.redirect("/login") }
            _ = try await self.form(request, context, limit: 16 * 1024)
            let expired = try await self.sessions.delete(request: request)
            var response = self.redirect("/login")
            response.setCookie(expired)
            return response
        }

        router.get("/account/password") { request, context in
            try self.require(.changePassword, request, context)
            return self.page("password", [:], request, context)
        }

        router.post("/account/password") { request, context in
            let account = try self.require(.changePassword, request, context)
            let form = try await self.form(request, context, limit: 16 * 1024)
            let old = form.fields["old"]?.first ?? ""
            let new = form.fields["new"]?.first ?? ""
            let problem: String?
            if !Bcrypt.verify(old, hash: try self.home.passwordHash(of: account.name) ?? Self.decoyHash) {
                problem = "loginFailed"
            } else if new.count < 8 {
                problem = "passwordTooShort"
            } else if new != form.fields["again"]?.first {
                problem = "passwordMismatch"
            } else {
                problem = nil
            }
            if let problem {
                return self.page(
                    "password", [:], request, context, status: .badRequest, error: WebText.text(problem, context.language))
            }
            // The change voids every session of the account; this browser signs in again.
            try self.home.setPasswordHash(of: account.name, to: Bcrypt.hash(new))
            let expired = try await self.sessions.delete(request: request)
            var response = self.redirect("/login?done=passwordChanged")
            response.setCookie(expired)
            return response
        }

        router.get("/lang") { request, _ in
            let language = request.uri.queryParameters.get("to") == "en" ? "en" : "zh-CN"
            var response = self.redirect(Self.safeNext(request.uri.queryParameters.get("next")))
            response.setCookie(self.cookie("lang", language, maxAge: 365 * 86_400, path: "/"))
            return response
        }

        router.get("/static/:file") { request, context in
            let name = try context.parameters.require("file")
            guard let text = self.renderer.staticFiles[name] else { throw WebRefusal.notFound }
            let type = name.hasSuffix(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8"
            return Response(
                status: .ok, headers: [.contentType: type, .cacheControl: "max-age=300"],
                body: .init(byteBuffer: ByteBuffer(string: text)))
        }
    }

    /// A cookie with this server's flags: HttpOnly, SameSite=Strict, Secure behind TLS.
    func cookie(_ name: String, _ value: String, maxAge: Int, path: String) -> Cookie {
        Cookie(
            name: name, value: value, maxAge: maxAge, path: path, secure: configuration.secureCookies, httpOnly: true,
            sameSite: .strict)
    }

    /// The sign-in page with a fresh form token in its cookie.
    func loginPage(
        _ request: Request, _ context: WebContext, next: String, error: String?, status: HTTPResponse.Status
    ) -> Response {
        let token = Token.make()
        let publicBoard = (try? home.webSetting(Self.publicBoardSetting)) == "on"
        var response = page(
            "login", ["csrf": token, "next": next, "publicBoard": publicBoard], request, context, status: status,
            error: error)
        response.setCookie(cookie(Self.loginTokenCookie, token, maxAge: 3600, path: "/login"))
        return response
    }
}

/// Password hashing for accounts, shared by `hegui user` and the sign-in pages.
public enum Passwords {
    /// A bcrypt hash (cost 12) of a password.
    public static func hash(_ password: String) -> String { Bcrypt.hash(password) }
}
