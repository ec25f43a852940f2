import Foundation

/// The one JSON writer: a value whose objects keep their keys in the order given, written
/// pretty-printed with two-space indentation and numbers rounded to 4 decimals, so output is stable.
enum JSONNode {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONNode])
    case object([(String, JSONNode)])

    /// A number, or null when absent or not finite (JSON has no NaN).
    static func number(_ value: Double?) -> JSONNode {
        guard let value, value.isFinite else { return .null }
        return .number(value)
    }

    /// A string, or null when absent.
    static func string(_ value: String?) -> JSONNode {
        value.map { .string($0) } ?? .null
    }

    /// Writes the value pretty-printed with two-space indentation; empty containers stay on one line.
    func write(to out: inout String, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        // `formatNumber` rounds to 4 decimals, so 0.1 + 0.2 prints as 0.3; huge values keep Swift's own form.
        case .number(let n): out += abs(n) < 1e14 ? formatNumber(n) : String(describing: n)
        case .string(let s): out += ReportEscape.json(s)
        case .array(let values):
            guard !values.isEmpty else {
                out += "[]"
                return
            }
            out += "[\n"
            for (i, value) in values.enumerated() {
                out += String(repeating: " ", count: indent + 2)
                value.write(to: &out, indent: indent + 2)
                out += i == values.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case .object(let pairs):
            guard !pairs.isEmpty else {
                out += "{}"
                return
            }
            out += "{\n"
            for (i, (key, value)) in pairs.enumerated() {
                out += String(repeating: " ", count: indent + 2) + ReportEscape.json(key) + ": "
                value.write(to: &out, indent: indent + 2)
                out += i == pairs.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        }
    }

    /// The value as text ending with a newline.
    var text: String {
        var out = ""
        write(to: &out, indent: 0)
        return out + "\n"
    }

    /// A tree of plain Swift values (`Bool`, integers, `Double`, `String`, arrays, `[String: Any]`
    /// with keys sorted, nil or `NSNull`); anything else is written as its description.
    init(plain value: Any?) {
        switch value {
        case nil, is NSNull: self = .null
        case let bool as Bool: self = .bool(bool)
        case let int as Int: self = .number(Double(int))
        case let int as Int64: self = .number(Double(int))
        case let double as Double: self = .number(double)
        case let string as String: self = .string(string)
        case let array as [Any?]: self = .array(array.map { JSONNode(plain: $0) })
        case let object as [String: Any?]:
            self = .object(object.sorted { $0.key < $1.key }.map { ($0.key, JSONNode(plain: $0.value)) })
        case let value?: self = .string(String(describing: value))
        }
    }
}
