import Foundation
import HeguiBase

/// An enterprise a shared ledger keeps apart from the others: its name and its 统一社会信用代码
/// (unified social credit code, GB 32100-2015), which identifies it.
public struct Enterprise: Sendable, Hashable, Codable {
    /// The 18-character unified social credit code.
    public var creditCode: String
    /// The registered name.
    public var name: String

    /// Creates an enterprise; see `CreditCode.problem(_:)` for checking the code first.
    public init(creditCode: String, name: String) {
        self.creditCode = creditCode
        self.name = name
    }

    /// The PostgreSQL schema for a credit code's ledger (within its federation's prefix).
    public static func schema(forCode code: String) -> String { "e_" + code.lowercased() }
}

/// The unified social credit code (统一社会信用代码): 18 characters from a 31-symbol alphabet, the
/// last a check character over the first 17 (GB 32100-2015).
public enum CreditCode {
    /// The alphabet, in value order (no I, O, S, V, Z).
    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    /// The weights of positions 1 to 17.
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// What is wrong with a code, or nil when it is well formed and its check character matches.
    public static func problem(_ code: String) -> LocalizedText? {
        let characters = Array(code)
        guard characters.count == 18 else {
            return Message.federation(.creditCodeLength(code: code, count: characters.count)).text
        }
        let values = characters.map { alphabet.firstIndex(of: $0) }
        if let bad = values.firstIndex(where: { $0 == nil }) {
            return Message.federation(.creditCodeCharacter(code: code, character: String(characters[bad]), position: bad + 1)).text
        }
        let expected = checkCharacter(values.prefix(17).map { $0 ?? 0 })
        guard characters[17] == expected else {
            return Message.federation(.creditCodeCheck(code: code, expected: String(expected))).text
        }
        return nil
    }

    /// The check character for the first 17 values.
    static func checkCharacter(_ values: [Int]) -> Character {
        let sum = zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return alphabet[(31 - sum % 31) % 31]
    }

    /// A valid code from a 17-character body (the check character appended); nil for a bad body.
    public static func complete(_ body: String) -> String? {
        let values = body.map { alphabet.firstIndex(of: $0) }
        guard values.count == 17, values.allSatisfy({ $0 != nil }) else { return nil }
        return body + String(checkCharacter(values.map { $0 ?? 0 }))
    }
}
