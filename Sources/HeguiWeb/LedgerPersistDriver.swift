import Foundation
import HeguiCore
import Hummingbird

/// hummingbird-auth's session storage backed by the ledger's `web_sessions` table, so sessions live
/// with the accounts in one store and signing out removes them on the server.
struct LedgerPersistDriver: PersistDriver {
    let ledger: Ledger
    let clock: @Sendable () -> Date

    private func expiry(_ expires: Swift.Duration?) -> Double? {
        expires.map { clock().timeIntervalSince1970 + Double($0.components.seconds) }
    }

    func create<Object: Codable & Sendable>(key: String, value: Object, expires: Swift.Duration?) async throws {
        let data = try JSONEncoder().encode(value)
        guard try ledger.putWebSession(key: key, value: data, expiresAt: expiry(expires), onlyIfNew: true) else {
            throw PersistError.duplicate
        }
    }

    func set<Object: Codable & Sendable>(key: String, value: Object, expires: Swift.Duration?) async throws {
        let data = try JSONEncoder().encode(value)
        try ledger.putWebSession(key: key, value: data, expiresAt: expiry(expires), onlyIfNew: false)
    }

    func get<Object: Codable & Sendable>(key: String, as: Object.Type) async throws -> Object? {
        guard let stored = try ledger.webSession(key: key) else { return nil }
        do {
            return try JSONDecoder().decode(Object.self, from: stored.value)
        } catch {
            throw PersistError.invalidConversion
        }
    }

    func remove(key: String) async throws {
        try ledger.removeWebSession(key: key)
    }
}
