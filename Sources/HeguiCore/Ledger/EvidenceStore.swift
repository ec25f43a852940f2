import Crypto
import GRDB
import Foundation

/// Evidence kept with the ledger, content-addressed. A SQLite ledger keeps the files beside it:
/// `hegui.sqlite.evidence/ab/ab12…` holds the file whose SHA-256 is `ab12…`. A PostgreSQL ledger keeps the
/// bytes in its own `evidence_blobs` table, keyed by SHA-256, so every machine sharing the server sees the
/// same evidence and each enterprise's stays in its schema. The hash goes into the submit event, so a file
/// swapped afterwards, in the store or at its original path, no longer matches the chain.
public struct EvidenceStore: Sendable {
    /// The store's folder (a SQLite ledger's; unused when `database` holds the bytes).
    public let folder: String
    /// The ledger database whose `evidence_blobs` table holds the bytes, for a PostgreSQL ledger.
    let database: (any LedgerDatabase)?

    /// The store beside a ledger file.
    public init(ledgerPath: String) {
        folder = ledgerPath + ".evidence"
        database = nil
    }

    /// The store inside a ledger's database (`evidence_blobs`), named `location` in messages.
    init(database: any LedgerDatabase, location: String) {
        folder = location
        self.database = database
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
        if let database {
            try Self.insert(Data(bytes), sha256: sha, into: database, named: path)
            return Stored(name: path, sha256: sha, size: bytes.count)
        }
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
    public func problem(with sha256: String) -> LocalizedText? { problem(with: sha256, in: nil) }

    /// `problem(with:)` read through a transaction already open on the ledger's database (a PostgreSQL
    /// connection serves one transaction at a time).
    func problem(with sha256: String, in transaction: (any LedgerSQL)?) -> LocalizedText? {
        guard let data = storedBytes(sha256, in: transaction) else { return LocalizedText(.federation(.evidenceMissing(sha256: sha256))) }
        let actual = Self.sha256(Array(data))
        guard actual == sha256 else { return LocalizedText(.federation(.evidenceAltered(sha256: sha256, actual: actual))) }
        return nil
    }

    /// The bytes kept under a hash (not checked against it), or nil when there are none.
    func storedBytes(_ sha256: String, in transaction: (any LedgerSQL)? = nil) -> Data? {
        guard let database else { return FileManager.default.contents(atPath: location(of: sha256)) }
        func fetch(_ sql: any LedgerSQL) throws -> Data? {
            try sql.rows("SELECT data FROM evidence_blobs WHERE sha256 = ?", [sha256]).first?.values.first
                .flatMap(Data.fromDatabaseValue)
        }
        if let transaction { return try? fetch(transaction) }
        return try? database.read(fetch)
    }

    /// Puts bytes into a database's `evidence_blobs` once per hash (a second writer of the same bytes adds nothing).
    static func insert(_ data: Data, sha256: String, into database: any LedgerDatabase, named name: String) throws(LedgerError) {
        do {
            try database.write { sql in
                try sql.execute(
                    "INSERT INTO evidence_blobs (sha256, size, data, stored_at) VALUES (?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING",
                    [sha256, data.count, data, AuditChain.timestamp(Date())])
            }
        } catch let error as LedgerError {
            throw .evidenceUnreadable(path: name, reason: Message.ledger(.cannotStoreEvidence(reason: error.message)).text)
        } catch {
            // The database driver's own words have one language.
            throw .evidenceUnreadable(
                path: name, reason: Message.ledger(.cannotStoreEvidence(reason: LocalizedText(verbatim: "\(error)"))).text)
        }
    }

    private static func read(_ path: String) throws(LedgerError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .evidenceUnreadable(path: path, reason: Message.ledger(.noSuchFile).text)
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
