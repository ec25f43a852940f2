import Foundation
import HeguiBase

/// A ledger location of the form `postgresql://user[:password]@host[:port]/database[?sslmode=…&schema=…]`
/// (also `postgres://`). `host=/dir` in the query names a Unix-socket directory instead of a TCP host;
/// the password may instead come from `PGPASSWORD`. `schema` keeps the ledger's tables in their own
/// PostgreSQL schema (created when missing), so one database can hold several ledgers.
public struct PostgresURL: Sendable, Hashable {
    /// How the connection is encrypted, as libpq's `sslmode` names it.
    public enum SSLMode: String, Sendable, CaseIterable {
        case disable, allow, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    public var user: String
    public var password: String?
    /// A TCP host name, or nil with `socketDirectory`.
    public var host: String?
    /// The directory holding the server's Unix socket (`.s.PGSQL.<port>`).
    public var socketDirectory: String?
    public var port: Int
    public var database: String
    public var sslMode: SSLMode
    /// The schema holding the ledger's tables (`public` unless named).
    public var schema: String

    /// Whether a ledger location names a PostgreSQL server rather than a SQLite file.
    public static func isPostgres(_ location: String) -> Bool {
        location.hasPrefix("postgresql://") || location.hasPrefix("postgres://")
    }

    /// Parses a URL; a malformed one is refused with what is wrong.
    public init(parsing text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(LedgerError) {
        func bad(_ problem: PostgresURLProblem) -> LedgerError {
            .invalidArgument(Message.ledger(.postgresURL(url: Self.redact(text), problem: problem)).text)
        }
        guard Self.isPostgres(text), let components = URLComponents(string: text) else {
            throw bad(.malformed)
        }
        let query = Dictionary(
            (components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, last in last })
        let known: Set<String> = ["sslmode", "schema", "host", "user", "password", "port"]
        if let unknown = query.keys.sorted().first(where: { !known.contains($0) }) {
            throw bad(.unknownParameter(name: unknown))
        }
        user = query["user"] ?? components.user ?? environment["PGUSER"] ?? environment["USER"] ?? "postgres"
        password = query["password"] ?? components.password ?? environment["PGPASSWORD"]
        let portText = query["port"] ?? components.port.map(String.init) ?? "5432"
        guard let port = Int(portText), (1...65535).contains(port) else {
            throw bad(.invalidPort(port: portText))
        }
        self.port = port
        let hostParameter = query["host"]
        let urlHost = components.host.flatMap { $0.isEmpty ? nil : $0.removingPercentEncoding }
        if let directory = hostParameter ?? urlHost, directory.hasPrefix("/") {
            socketDirectory = directory
            host = nil
        } else {
            socketDirectory = nil
            host = hostParameter ?? urlHost ?? "localhost"
        }
        let name = String(components.path.drop(while: { $0 == "/" }))
        guard !name.isEmpty, !name.contains("/") else { throw bad(.noDatabase) }
        database = name.removingPercentEncoding ?? name
        let mode = query["sslmode"] ?? (socketDirectory == nil ? "prefer" : "disable")
        guard let sslMode = SSLMode(rawValue: mode) else {
            throw bad(.invalidSSLMode(mode: mode))
        }
        self.sslMode = sslMode
        schema = query["schema"] ?? "public"
        guard schema.range(of: "^[a-z_][a-z0-9_]{0,62}$", options: .regularExpression) != nil else {
            throw bad(.invalidSchema(schema: schema))
        }
    }

    /// The URL as shown in messages: the password replaced by `***`.
    public var redacted: String {
        let endpoint = socketDirectory.map { "localhost:\(port)/\(database)?host=\($0)" } ?? "\(host ?? ""):\(port)/\(database)"
        var parameters: [String] = []
        if socketDirectory == nil { parameters.append("sslmode=\(sslMode.rawValue)") }
        if schema != "public" { parameters.append("schema=\(schema)") }
        let joiner = endpoint.contains("?") ? "&" : "?"
        return "postgresql://\(user)\(password == nil ? "" : ":***")@\(endpoint)"
            + (parameters.isEmpty ? "" : joiner + parameters.joined(separator: "&"))
    }

    /// The URL in full (password included), with another schema: what opens an enterprise's ledger.
    public func withSchema(_ schema: String) -> String {
        let credentials = user.addingPercentEncoding(withAllowedCharacters: .urlUserAllowed) ?? user
        let secret = password.map { ":" + ($0.addingPercentEncoding(withAllowedCharacters: .urlPasswordAllowed) ?? $0) } ?? ""
        var parameters = ["sslmode=\(sslMode.rawValue)", "schema=\(schema)"]
        if let socketDirectory { parameters.append("host=\(socketDirectory)") }
        let name = database.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? database
        return "postgresql://\(credentials)\(secret)@\(host ?? "localhost"):\(port)/\(name)?"
            + parameters.joined(separator: "&")
    }

    /// A URL text with any password masked, for messages about a URL that did not parse.
    public static func redact(_ text: String) -> String {
        text.replacingOccurrences(of: "://([^:/@]*):[^@]*@", with: "://$1:***@", options: .regularExpression)
    }
}
