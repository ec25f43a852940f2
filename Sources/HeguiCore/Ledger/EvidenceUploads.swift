import Foundation
import GRDB

/// Evidence that arrives as bytes (a photo uploaded to `hegui serve`) rather than as a file path.
extension EvidenceStore {
    /// Whether a text is a lowercase hex SHA-256 (and so safe as a file name).
    public static func isHash(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    /// Lowercase hex SHA-256 of some bytes.
    public static func sha256(_ data: Data) -> String { sha256(Array(data)) }

    /// The evidence reference an item keeps for stored bytes: `sha256:<hex> (<name>)`.
    public static func reference(_ hash: String, name: String) -> String {
        "sha256:" + hash + (name.isEmpty ? "" : " (\(name))")
    }

    /// The hash inside a `sha256:<hex> …` reference, or nil for any other evidence text.
    public static func hash(inReference reference: String) -> String? {
        guard reference.hasPrefix("sha256:") else { return nil }
        let hash = String(reference.dropFirst(7).prefix(64))
        return isHash(hash) ? hash : nil
    }

    /// Stores bytes (once per content) under their hash and returns it; written beside, then renamed.
    public func store(bytes data: Data) throws(LedgerError) -> String {
        let sha = Self.sha256(data)
        if let database {
            try Self.insert(data, sha256: sha, into: database, named: sha)
            return sha
        }
        let target = location(of: sha)
        let manager = FileManager.default
        if manager.fileExists(atPath: target) { return sha }
        do {
            try manager.createDirectory(
                atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            let temporary = target + ".tmp-\(UUID().uuidString)"
            try data.write(to: URL(fileURLWithPath: temporary))
            try manager.setAttributes([.posixPermissions: 0o444], ofItemAtPath: temporary)
            if rename(temporary, target) != 0 { try? manager.removeItem(atPath: temporary) }
        } catch {
            throw .evidenceUnreadable(
                path: sha, reason: Message.ledger(.cannotCopyEvidence(folder: folder, reason: Message.files(.os(OSReason(error))).text)).text)
        }
        return sha
    }

    /// The bytes stored under a hash, or nil when the hash is malformed or unknown.
    public func data(forHash hash: String) -> Data? {
        guard Self.isHash(hash) else { return nil }
        return storedBytes(hash)
    }
}

extension Ledger {
    /// The evidence files submitted for an item (name as given, hash, size), in the order added.
    public func evidenceFiles(itemID: Int64) throws -> [EvidenceStore.Stored] {
        try database.read { db in
            try db.rows("SELECT name, sha256, size FROM evidence_files WHERE item_id = ? ORDER BY id", [itemID]).map(\.grdbRow)
        }.map { EvidenceStore.Stored(name: $0["name"], sha256: $0["sha256"], size: $0["size"]) }
    }
}
