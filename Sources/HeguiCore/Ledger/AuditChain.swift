import Crypto
import Foundation
import HeguiBase

/// The hash chain over `events`.
///
/// Canonical serialization of an event: the fields `id`, `item_id`, `time`, `actor`, `action`,
/// `from_status`, `to_status`, `note`, `detail`, in this order, each written as `-` when NULL or as
/// `<UTF-8 byte count>:<text>` otherwise (integers in decimal), joined by `|`. Length prefixes make the
/// form unambiguous whatever the text holds. `hash = lowercase hex SHA-256(UTF-8(prev_hash + canonical))`;
/// the first event's `prev_hash` is 64 zeros. Because `id` is hashed, moving or renumbering rows breaks it too.
public enum AuditChain {
    /// The `prev_hash` of the first event.
    public static let genesis = String(repeating: "0", count: 64)

    /// The canonical serialization of an event's hashed columns. Events that carry the state change
    /// they make (`state`, every event written since the `v2-event-state` migration) append it as a
    /// tenth field; earlier events keep their nine-field form, so their hashes still hold.
    public static func canonical(
        id: Int64, itemID: Int64?, time: String, actor: String, action: String, fromStatus: String?,
        toStatus: String?, note: String?, detail: String?, state: String? = nil
    ) -> String {
        func field(_ value: String?) -> String {
            guard let value else { return "-" }
            return "\(value.utf8.count):\(value)"
        }
        var fields = [
            field(String(id)), field(itemID.map(String.init)), field(time), field(actor), field(action),
            field(fromStatus), field(toStatus), field(note), field(detail),
        ]
        if let state { fields.append(field(state)) }
        return fields.joined(separator: "|")
    }

    /// The event's MAC under a key kept outside the database: HMAC-SHA256 over its hash (which covers
    /// its content and the chain before it), lowercase hex. Without the key nobody can re-chain
    /// edited events or forge new ones that still carry valid MACs.
    public static func mac(hash: String, key: LedgerKey) -> String {
        HMAC<SHA256>.authenticationCode(for: Data(hash.utf8), using: SymmetricKey(data: key.bytes)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// SHA-256 hex of the previous hash followed by the canonical serialization.
    public static func hash(prevHash: String, canonical: String) -> String {
        lowercaseHex(SHA256.hash(data: Data((prevHash + canonical).utf8)))
    }

    /// The hash an event should carry given its stored columns.
    static func expectedHash(of row: EventRow) -> String {
        hash(
            prevHash: row.prevHash,
            canonical: canonical(
                id: row.id, itemID: row.itemId, time: row.time, actor: row.actor, action: row.action,
                fromStatus: row.fromStatus, toStatus: row.toStatus, note: row.note, detail: row.detail, state: row.state))
    }

    /// Why one event does not follow the one before it (id and hash given), or nil when it does.
    static func check(_ row: EventRow, previousID: Int64, previousHash: String) -> ChainBreak? {
        if row.id != previousID + 1 {
            return ChainBreak(
                eventID: row.id,
                reason: Message.ledger(.idGap(previous: previousID)).text)
        }
        if row.prevHash != previousHash {
            return ChainBreak(
                eventID: row.id,
                reason: Message.ledger(.previousHashMismatch).text)
        }
        if expectedHash(of: row) != row.hash {
            return ChainBreak(
                eventID: row.id,
                reason: Message.ledger(.hashMismatch).text)
        }
        return nil
    }

    /// `2024-05-01T08:00:00Z` for a moment, in UTC, without Foundation formatters (stable on every platform).
    public static func timestamp(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = Int(seconds - days * 86_400)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(Day(ordinal: Int32(days)))T\(two(rest / 3600)):\(two(rest / 60 % 60)):\(two(rest % 60))Z"
    }
}

/// The secret events are MACed with, kept outside the database: `HEGUI_LEDGER_KEY` (the text itself)
/// or `HEGUI_LEDGER_KEY_FILE` (a file holding it). Whoever holds it can write valid events; whoever
/// only holds the database cannot.
public struct LedgerKey: Hashable, Sendable {
    /// The key material.
    public var bytes: [UInt8]

    /// A key from its material; nil when empty.
    public init?(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return nil }
        self.bytes = bytes
    }

    /// The key the environment names, or nil; an unreadable key file is an error.
    public static func fromEnvironment() throws(LedgerError) -> LedgerKey? {
        let environment = ProcessInfo.processInfo.environment
        if let text = environment["HEGUI_LEDGER_KEY"], !text.isEmpty { return LedgerKey(Array(text.utf8)) }
        guard let path = environment["HEGUI_LEDGER_KEY_FILE"], !path.isEmpty else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .invalidArgument(
                Message.ledger(.keyFileUnreadable(path: path)).text)
        }
        // A trailing line break is how editors save a one-line file, not part of the key.
        var bytes = Array(data)
        while let last = bytes.last, last == 0x0A || last == 0x0D { bytes.removeLast() }
        guard let key = LedgerKey(bytes) else {
            throw .invalidArgument(Message.ledger(.keyFileEmpty(path: path)).text)
        }
        return key
    }
}
