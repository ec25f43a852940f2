import Crypto
import Foundation

/// Photos and documents kept beside the ledger, each file named by the SHA-256 of its bytes: the same
/// bytes are stored once, a name can never be chosen by whoever uploads, and the hash in an event pins
/// exactly what was shown.
public struct EvidenceStore: Sendable {
    /// The folder holding the files (`<ledger>.evidence`).
    public let directory: String

    /// The store beside a ledger file.
    public init(ledgerPath: String) {
        directory = ledgerPath + ".evidence"
    }

    /// Lowercase hex SHA-256 of some bytes.
    public static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// Whether a text is a lowercase hex SHA-256 (and so safe as a file name).
    public static func isHash(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    /// The evidence reference an event stores for a file: `sha256:<hex>`.
    public static func reference(_ hash: String) -> String { "sha256:" + hash }

    /// The hash inside a `sha256:<hex>` reference, or nil for any other evidence text.
    public static func hash(inReference reference: String) -> String? {
        guard reference.hasPrefix("sha256:") else { return nil }
        let hash = String(reference.dropFirst(7).prefix(64))
        return isHash(hash) ? hash : nil
    }

    /// Stores bytes (once) and returns their hash; the file is written whole under a temporary name, then
    /// renamed, so a crash never leaves a partial file under a hash.
    public func store(_ data: Data) throws -> String {
        let hash = Self.sha256(data)
        let target = URL(fileURLWithPath: directory).appendingPathComponent(hash)
        let manager = FileManager.default
        if manager.fileExists(atPath: target.path) { return hash }
        try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let temporary = URL(fileURLWithPath: directory).appendingPathComponent(".\(hash).\(UUID().uuidString).tmp")
        try data.write(to: temporary)
        do {
            try manager.moveItem(at: temporary, to: target)
        } catch {
            try? manager.removeItem(at: temporary)
            // Another writer stored the same bytes first.
            if !manager.fileExists(atPath: target.path) { throw error }
        }
        return hash
    }

    /// The bytes stored under a hash, or nil when the hash is malformed or unknown.
    public func data(forHash hash: String) -> Data? {
        guard Self.isHash(hash) else { return nil }
        return FileManager.default.contents(atPath: URL(fileURLWithPath: directory).appendingPathComponent(hash).path)
    }
}
