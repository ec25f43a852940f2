import Crypto
import Foundation

/// Evidence files kept beside the ledger, content-addressed: `hegui.sqlite.evidence/ab/ab12…` holds the
/// file whose SHA-256 is `ab12…`. The hash goes into the submit event, so a file swapped afterwards, in
/// the store or at its original path, no longer matches the chain.
public struct EvidenceStore: Sendable {
    /// The store's folder.
    public let folder: String

    /// The store beside a ledger file.
    public init(ledgerPath: String) {
        folder = ledgerPath + ".evidence"
    }

    /// One stored file.
    public struct Stored: Hashable, Sendable {
        /// The path as given.
        public var name: String
        /// SHA-256, lowercase hex.
        public var sha256: String
        /// Size in bytes.
        public var size: Int
    }

    /// The largest evidence file taken (a photo or a scanned PDF is far smaller).
    static let maximumSize = 256 << 20

    /// Hashes a file and copies it into the store (once per content); throws `evidenceUnreadable`
    /// when it does not exist, is not a regular file, is too large or cannot be read.
    public func store(_ path: String) throws(LedgerError) -> Stored {
        let bytes = try Self.read(path)
        let sha = Self.sha256(bytes)
        let target = location(of: sha)
        let manager = FileManager.default
        if !manager.fileExists(atPath: target) {
            do {
                try manager.createDirectory(
                    atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                // Write beside, then rename: a reader never sees half a file under its hash.
                let temporary = target + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
                try Data(bytes).write(to: URL(fileURLWithPath: temporary))
                try manager.setAttributes([.posixPermissions: 0o444], ofItemAtPath: temporary)
                if rename(temporary, target) != 0 { try? manager.removeItem(atPath: temporary) }
            } catch {
                throw .evidenceUnreadable(
                    path: path, reason: Message.ledger(.cannotCopyEvidence(folder: folder, reason: Message.files(.os(OSReason(error))).text)).text)
            }
        }
        return Stored(name: path, sha256: sha, size: bytes.count)
    }

    /// Where the file with a hash is kept.
    public func location(of sha256: String) -> String {
        "\(folder)/\(sha256.prefix(2))/\(sha256)"
    }

    /// Why the stored copy of a hash is not intact (missing or altered), or nil when it is.
    public func problem(with sha256: String) -> LocalizedText? {
        let path = location(of: sha256)
        guard let data = FileManager.default.contents(atPath: path) else {
            return Message.ledger(.evidenceMissing(sha256: sha256)).text
        }
        let actual = Self.sha256(Array(data))
        guard actual == sha256 else {
            return Message.ledger(.evidenceAltered(sha256: sha256, actual: actual)).text
        }
        return nil
    }

    private static func read(_ path: String) throws(LedgerError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .evidenceUnreadable(path: path, reason: Message.files(.os(.noSuchFile)).text)
        }
        guard !isDirectory.boolValue,
            let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            attributes[.type] as? FileAttributeType == .typeRegular
        else { throw .evidenceUnreadable(path: path, reason: Message.files(.notARegularFile).text) }
        guard let size = attributes[.size] as? Int, size <= maximumSize else {
            throw .evidenceUnreadable(path: path, reason: Message.files(.tooLarge(limit: "256 MiB")).text)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .evidenceUnreadable(path: path, reason: Message.files(.cannotRead).text)
        }
        return Array(data)
    }

    static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
