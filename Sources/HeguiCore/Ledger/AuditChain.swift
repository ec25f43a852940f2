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

    /// The canonical serialization of an event's hashed columns.
    public static func canonical(
        id: Int64, itemID: Int64?, time: String, actor: String, action: String, fromStatus: String?,
        toStatus: String?, note: String?, detail: String?
    ) -> String {
        func field(_ value: String?) -> String {
            guard let value else { return "-" }
            return "\(value.utf8.count):\(value)"
        }
        return [
            field(String(id)), field(itemID.map(String.init)), field(time), field(actor), field(action),
            field(fromStatus), field(toStatus), field(note), field(detail),
        ].joined(separator: "|")
    }

    /// SHA-256 hex of the previous hash followed by the canonical serialization.
    public static func hash(prevHash: String, canonical: String) -> String {
        let digest = SHA256.hash(data: Data((prevHash + canonical).utf8))
        return digest.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// The hash an event should carry given its stored columns.
    static func expectedHash(of row: EventRow) -> String {
        hash(
            prevHash: row.prevHash,
            canonical: canonical(
                id: row.id, itemID: row.itemId, time: row.time, actor: row.actor, action: row.action,
                fromStatus: row.fromStatus, toStatus: row.toStatus, note: row.note, detail: row.detail))
    }

    /// Why one event does not follow the one before it (id and hash given), or nil when it does.
    static func check(_ row: EventRow, previousID: Int64, previousHash: String) -> ChainBreak? {
        if row.id != previousID + 1 {
            return ChainBreak(
                eventID: row.id,
                reason: LocalizedText(
                    zh: "事件编号不接续上一条（\(previousID)），有事件缺失", en: "id does not follow \(previousID): events are missing"))
        }
        if row.prevHash != previousHash {
            return ChainBreak(
                eventID: row.id,
                reason: LocalizedText(
                    zh: "prev_hash 与上一条事件的 hash 不符", en: "prev_hash does not match the previous event's hash"))
        }
        if expectedHash(of: row) != row.hash {
            return ChainBreak(
                eventID: row.id,
                reason: LocalizedText(
                    zh: "内容与 hash 不符（事件被改动）", en: "hash does not match the event's columns (the event was edited)"))
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
