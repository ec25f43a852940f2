import Foundation
import HeguiCore
import Hummingbird
import HummingbirdAuth
import Logging

/// Why a request stops before its page: not signed in, not allowed, or a form without its token.
enum WebRefusal: Error {
    /// Not signed in: go to the sign-in page, then back to `next`.
    case signIn(next: String)
    /// Signed in, but the role may not do this.
    case forbidden
    /// A form without this session's CSRF token.
    case badToken
    /// A page or thing that does not exist.
    case notFound
    /// Input the page cannot use; the message is shown.
    case badInput(LocalizedText)
    /// A federation account that has not chosen an enterprise yet: go to the federation page.
    case chooseEnterprise
}

/// `hegui serve`: the ledger, the review and patrols in a browser, over the same core calls as the CLI.
public final class WebServer: Sendable {
    public let configuration: WebConfiguration
    /// The ledger the configuration names by itself: it holds the accounts, sessions and settings, and is
    /// the ledger of every account that belongs to no enterprise.
    let home: Ledger
    /// The shared store's enterprises, when the ledger is on PostgreSQL.
    let federation: Federation?
    /// The enterprises' ledgers opened so far.
    let enterpriseLedgers: EnterpriseLedgers?
    let renderer: PageRenderer
    let sessions: SessionStorage<WebSession>
    let throttle: LoginThrottle
    let assessments = AssessmentCache()
    /// The issue deadlines by grade the packs set, read once at start: loading and validating every pack
    /// on each recorded issue cost more than the rest of the request.
    let deadlineDaysByGrade: [String: Int]

    /// Opens (creating) the ledger — a SQLite file or a PostgreSQL server with its enterprises — and loads
    /// the templates; throws when either cannot be used.
    public init(_ configuration: WebConfiguration) throws {
        self.configuration = configuration
        home = try Ledger.open(configuration.ledgerPath, create: true, clock: configuration.clock)
        if PostgresURL.isPostgres(configuration.ledgerPath) {
            let federation = try Federation(url: PostgresURL(parsing: configuration.ledgerPath))
            self.federation = federation
            enterpriseLedgers = EnterpriseLedgers(federation: federation, clock: configuration.clock)
        } else {
            federation = nil
            enterpriseLedgers = nil
        }
        renderer = try PageRenderer(overrideDirectory: configuration.overrideDirectory)
        let cookie = SessionCookieParameters(
            name: "hegui_session", path: "/", secure: configuration.secureCookies, sameSite: .strict)
        sessions = SessionStorage(
            LedgerPersistDriver(ledger: home, clock: configuration.clock),
            configuration: .init(sessionCookieParameters: cookie, keyPrefix: "session."))
        throttle = LoginThrottle(limit: configuration.loginAttempts, window: configuration.lockout)
        deadlineDaysByGrade = RectificationDeadlines.daysByGrade(rules: configuration.rules).days
    }

    /// Every route of the server.
    public func router() -> Router<WebContext> {
        let router = Router(context: WebContext.self)
        router.add(middleware: PageMiddleware(server: self))
        router.add(middleware: SignInMiddleware(server: self))
        addAuthRoutes(to: router)
        addReviewRoutes(to: router)
        addBoardRoutes(to: router)
        addPatrolRoutes(to: router)
        addAuditRoutes(to: router)
        addFederationRoutes(to: router)
        return router
    }

    /// The application listening on the configured host and port.
    public func application(logger: Logger? = nil) -> some ApplicationProtocol {
        var log = logger ?? Logger(label: "hegui.serve")
        if logger == nil { log.logLevel = .notice }
        return Application(
            router: router(),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            logger: log)
    }

    /// Seconds since 1970 by the configured clock.
    var now: Double { configuration.clock().timeIntervalSince1970 }

    // MARK: - Responses

    /// An HTML response.
    func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A 303 redirect to a path on this server.
    func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: Self.safeNext(location)])
    }

    /// A text percent-encoded for use as one query value.
    static func queryValue(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~/")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? "/"
    }

    /// `next` when it is a path on this server, else `/`: no redirect after sign-in can leave the site.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"),
            !next.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F })
        else { return "/" }
        return next
    }

    /// Renders a page in the layout, with the signed-in account's navigation.
    func page(
        _ template: String, _ values: [String: Any], _ request: Request, _ context: WebContext,
        status: HTTPResponse.Status = .ok, error: String? = nil
    ) -> Response {
        let language = context.language
        var all: [String: Any] = [
            "t": WebText.table(language), "lang": language.rawValue, "otherLang": language == .en ? "zh-CN" : "en",
            "here": Self.queryValue(request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")), "page": values,
        ]
        if let message = request.uri.queryParameters.get("done").flatMap(WebLabel.init(rawValue:)) {
            all["flash"] = WebText.text(message, language)
        }
        if let error { all["error"] = error }
        if let account = context.account, let session = context.session {
            all["csrf"] = session.csrf
            let links: [(String, WebAction, String)] = [
                ("/federation", .viewFederation, "federation"), ("/", .viewDashboard, "dashboard"), ("/runs", .viewRuns, "runs"), ("/check", .runCheck, "check"),
                ("/report", .viewReport, "report"), ("/items", .viewBoard, "board"), ("/patrols", .viewPatrols, "patrols"),
                ("/public", .viewPublic, "public"), ("/audit", .viewAudit, "audit"), ("/admin", .manageSettings, "admin"),
            ]
            let path = request.uri.path
            all["account"] = [
                "name": account.name, "role": WebText.role(account.role, language),
                "enterprise": context.enterprise.map { "\($0.name)（\($0.creditCode)）" } ?? "",
                "nav": links.filter { Authorization.allows(account.role, $0.1) }.map { link in
                    [
                        "href": link.0, "label": WebText.text(link.2, language),
                        "current": link.0 == "/" ? path == "/" : path.hasPrefix(link.0),
                    ] as [String: Any]
                },
            ] as [String: Any]
        }
        return html(renderer.render(template, Self.withoutEmptyTexts(all) as? [String: Any] ?? all), status: status)
    }

    /// The values with empty texts left out, so `{{#field}}…{{/field}}` hides what is not there.
    static func withoutEmptyTexts(_ value: Any) -> Any {
        switch value {
        case let dictionary as [String: Any]:
            return dictionary.compactMapValues { ($0 as? String)?.isEmpty == true ? nil : withoutEmptyTexts($0) }
        case let array as [[String: Any]]:
            return array.map { withoutEmptyTexts($0) }
        case let array as [Any]:
            return array.map(withoutEmptyTexts)
        default:
            return value
        }
    }

    /// A page with a title and optional lines (located errors, refusals).
    func message(
        _ titleKey: String, lines: String? = nil, _ request: Request, _ context: WebContext,
        status: HTTPResponse.Status
    ) -> Response {
        page("message", ["title": WebText.text(titleKey, context.language), "lines": lines ?? ""], request, context, status: status)
    }

    // MARK: - Access

    /// The ledger a signed-in account works in, with its enterprise: its own enterprise's, the one a
    /// federation account chose (nil until it chooses), or the server's own for an account of no enterprise.
    func scope(of account: Account, _ session: WebSession) throws -> (ledger: Ledger, enterprise: Enterprise?)? {
        let code = account.role == .federation ? session.enterprise : account.enterprise
        guard let code else { return account.role == .federation && federation != nil ? nil : (home, nil) }
        // An enterprise's account on a server without a shared store reaches nothing.
        guard let enterpriseLedgers, let opened = try enterpriseLedgers.ledger(code) else { return nil }
        return (opened.ledger, opened.enterprise)
    }

    /// The one ledger this request may use; a federation account that chose no enterprise goes to choose one.
    func ledger(_ context: WebContext) throws -> Ledger {
        if let ledger = context.ledger { return ledger }
        if context.account?.role == .federation { throw WebRefusal.chooseEnterprise }
        throw WebRefusal.forbidden
    }

    /// The signed-in account when it may take the action; otherwise a sign-in redirect or a refusal.
    @discardableResult
    func require(_ action: WebAction, _ request: Request, _ context: WebContext) throws -> Account {
        guard let account = context.account else {
            throw WebRefusal.signIn(next: request.uri.path + (request.uri.query.map { "?" + $0 } ?? ""))
        }
        guard Authorization.allows(account.role, action) else { throw WebRefusal.forbidden }
        return account
    }

    /// Reads a posted form (at most `limit` bytes) and checks its CSRF token against the session's.
    func form(_ request: Request, _ context: WebContext, limit: Int = 256 * 1024) async throws -> SubmittedForm {
        let form = try await SubmittedForm.read(request, limit: limit)
        guard let session = context.session, let token = form.fields["_csrf"]?.first, Token.equal(token, session.csrf) else {
            throw WebRefusal.badToken
        }
        return form
    }

    /// The text of a ledger or input error in the page's language.
    static func describe(_ error: Error, _ language: Language) -> String {
        switch error {
        case let error as LedgerError: error.message.text(language)
        case let error as PhotoRefusal: error.message.text(language)
        case let error as CoreFailure: error.lines
        default: "\(error)"
        }
    }
}
