import Foundation
import HeguiCore
import Hummingbird

/// What a signed-in browser's session holds on the server (in the ledger's `web_sessions`).
struct WebSession: Codable, Sendable {
    /// The signed-in account.
    var accountID: Int64
    /// The account's credential version at sign-in: a password change or disabling voids the session.
    var credentialVersion: Int64
    /// The token every form of this session must send back.
    var csrf: String
    /// When the session was last refreshed, seconds since 1970.
    var lastSeen: Double
    /// The enterprise (credit code) a federation account is looking at, chosen on the federation page.
    var enterprise: String?
}

/// The request context of `hegui serve`: who is signed in and which language they read.
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in account, when there is one.
    var account: Account?
    /// The session of the signed-in account.
    var session: WebSession?
    /// The one ledger this request may read and write: the signed-in account's enterprise's (or the one a
    /// federation account chose), else the server's own; nil for a federation account that chose none yet.
    var ledger: Ledger?
    /// The enterprise of `ledger` in a shared store, nil for the server's own ledger.
    var enterprise: Enterprise?
    /// The page language (cookie `lang`, default zh-CN).
    var language: Language = .zhCN

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// Uploads (records, photos) may be larger than Hummingbird's default; each route sets its own limit.
    public var maxUploadSize: Int { 64 * 1024 * 1024 }
}

/// Random tokens for session ids and CSRF tokens.
enum Token {
    /// 32 random bytes as URL-safe text.
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return bytes.map { String(format: "%02x", $0) }.joined()
    }

    /// Compares two tokens in time independent of where they differ.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count, !x.isEmpty else { return false }
        var difference: UInt8 = 0
        for i in 0..<x.count { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}
