/// A typed scalar from a record cell, a literal in a rule or a parameter.
public enum Value: Hashable, Sendable, CustomStringConvertible {
    case number(Double)
    case text(String)
    case boolean(Bool)
    case date(Day)
    case duration(Duration)

    /// The value as written in reports: numbers without a trailing `.0`.
    public var description: String {
        switch self {
        case .number(let n): formatNumber(n)
        case .text(let s): s
        case .boolean(let b): b ? "true" : "false"
        case .date(let d): d.description
        case .duration(let d): d.description
        }
    }

    /// The number, when this is one.
    public var number: Double? {
        if case .number(let n) = self { return n }
        return nil
    }
}

/// Formats a number with at most four decimals and no trailing zeros: `3`, `0.25`, `98.5`.
public func formatNumber(_ value: Double) -> String {
    guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "-∞") }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    var text = String(format4(value))
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
}

private func format4(_ value: Double) -> String {
    let scaled = (value * 10_000).rounded()
    let negative = scaled < 0
    let magnitude = Int64(abs(scaled))
    let whole = magnitude / 10_000
    let fraction = magnitude % 10_000
    let digits = String(fraction)
    let padded = String(repeating: "0", count: 4 - digits.count) + digits
    return (negative ? "-" : "") + "\(whole).\(padded)"
}
