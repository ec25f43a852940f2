import Foundation
import HeguiCore
import HTTPTypes
import Hummingbird

/// Turns refusals and errors into pages and puts the security headers on every response.
struct PageMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let server: WebServer

    /// The policy of every page: scripts and styles only from this server, no plugins, no framing by others.
    static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors 'self'"

    static let referrerPolicy = HTTPField.Name("Referrer-Policy") ?? .contentType
    static let frameOptions = HTTPField.Name("X-Frame-Options") ?? .contentType

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws
        -> Response
    {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let refusal as WebRefusal {
            response = page(for: refusal, request, context)
        } catch let error as HTTPError {
            let key = error.status == .notFound ? "notFound" : "badRequest"
            response = server.message(key, request, context, status: error.status)
        } catch let error as HTTPResponseError {
            response = server.message("badRequest", request, context, status: error.status)
        } catch {
            // Anything else (the ledger unreadable, a full disk) is logged; the page says only that it failed.
            context.logger.error("\(request.method) \(request.uri.path): \(error)")
            response = server.message("serverError", request, context, status: .internalServerError)
        }
        if response.headers[.contentSecurityPolicy] == nil {
            response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[Self.referrerPolicy] = "same-origin"
        response.headers[Self.frameOptions] = "SAMEORIGIN"
        return response
    }

    private func page(for refusal: WebRefusal, _ request: Request, _ context: WebContext) -> Response {
        switch refusal {
        case .signIn(let next):
            let query = next == "/" ? "" : "?next=" + WebServer.queryValue(next)
            return Response(status: .seeOther, headers: [.location: "/login" + query])
        case .forbidden:
            return server.message("forbidden", request, context, status: .forbidden)
        case .badToken:
            return server.message("csrf", request, context, status: .forbidden)
        case .notFound:
            return server.message("notFound", request, context, status: .notFound)
        case .chooseEnterprise:
            return Response(status: .seeOther, headers: [.location: "/federation"])
        case .badInput(let text):
            return server.message("badRequest", lines: text.text(context.language), request, context, status: .badRequest)
        }
    }
}

/// Finds the signed-in account from the session cookie, checks the session is still good (account
/// enabled, password unchanged) and keeps it alive; sets the page language from the `lang` cookie.
struct SignInMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let server: WebServer

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws
        -> Response
    {
        var context = context
        context.language = request.cookies["lang"]?.value == "en" ? .en : .zhCN
        if let session = try? await server.sessions.load(request: request),
            let account = try server.home.account(id: session.accountID), !account.disabled,
            account.credentialVersion == session.credentialVersion
        {
            context.account = account
            context.session = session
            // Every enterprise-scoped query of the request goes to this one ledger, chosen here only.
            if let scope = try server.scope(of: account, session) {
                context.ledger = scope.ledger
                context.enterprise = scope.enterprise
            }
            // Refresh the idle deadline at most once a minute, so reading pages does not write every time.
            let now = server.now
            if now - session.lastSeen >= 60 {
                var refreshed = session
                refreshed.lastSeen = now
                try await server.sessions.update(
                    session: refreshed, expiresIn: .seconds(Int64(server.configuration.idleTimeout)), request: request)
            }
        } else {
            // Signed out, only the 公示 board may be open: the server's own ledger's.
            context.ledger = server.home
        }
        return try await next(request, context)
    }
}
