/// How many characters of an input value an error message quotes before cutting it short.
public let quotedValueLimit = 80

/// An input value as an error quotes it: made terminal-safe, whole when short, else its first
/// `limit` characters, an ellipsis and the full length, so a 100 MB cell never floods the terminal.
public func truncatedForMessage(_ text: String, limit: Int = quotedValueLimit) -> String {
    var count = 0
    var end = text.startIndex
    while end < text.endIndex, count < limit {
        end = text.index(after: end)
        count += 1
    }
    guard end < text.endIndex else { return terminalSafe(text) }
    return "\(terminalSafe(String(text[..<end])))… (\(text.count) characters)"
}

/// One line of terminal text: line breaks and tabs become spaces; other control characters (C0,
/// DEL, C1: ANSI escapes smuggled in through record values) and bidirectional overrides become `�`,
/// so a value can neither break a table nor retitle, clear or reorder the reader's terminal.
public func terminalSafe(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isUnsafeForTerminal) else { return text }
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: scalars.append(" ")
        default: scalars.append(isUnsafeForTerminal(scalar) ? "\u{FFFD}" : scalar)
        }
    }
    return String(scalars)
}

/// C0 and C1 controls, DEL, and the Unicode bidirectional embedding, override and isolate marks.
private func isUnsafeForTerminal(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
}
