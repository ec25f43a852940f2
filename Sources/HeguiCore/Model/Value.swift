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
    // Past 1e14 four decimals no longer fit an Int64 once scaled, and past 1e15 a Double holds no
    // useful fraction: such numbers print in Swift's shortest exact form (`1000000000000000`,
    // `1e+16`), never trap.
    if abs(value) >= 1e14 {
        let text = value.description
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
    if value == value.rounded() { return String(Int64(value)) }
    var text = String(format4(value))
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
}

private func format4(_ value: Double) -> String {
    if abs(value) >= 1e11 {
        // Scaling by 10⁴ would leave the 2⁵³ exact range: round the fraction apart from the whole part.
        var whole = abs(value).rounded(.down)
        var fraction = ((abs(value) - whole) * 10_000).rounded()
        if fraction >= 10_000 {
            whole += 1
            fraction = 0
        }
        let digits = String(Int64(fraction))
        let padded = String(repeating: "0", count: 4 - digits.count) + digits
        return (value < 0 ? "-" : "") + "\(Int64(whole)).\(padded)"
    }
    let scaled = (value * 10_000).rounded()
    let negative = scaled < 0
    let magnitude = Int64(abs(scaled))
    let whole = magnitude / 10_000
    let fraction = magnitude % 10_000
    let digits = String(fraction)
    let padded = String(repeating: "0", count: 4 - digits.count) + digits
    return (negative ? "-" : "") + "\(whole).\(padded)"
}
