/// Parsers for record cells, straight from UTF-8 bytes so no string is built per cell.
public enum CellParser {
    /// The bytes without surrounding ASCII spaces and tabs.
    public static func trim(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var lower = 0
        var upper = bytes.count
        while lower < upper, bytes[lower] == 0x20 || bytes[lower] == 0x09 { lower += 1 }
        while upper > lower, bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09 { upper -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[lower..<upper])
    }

    /// A number: optional sign, `1,234.50` thousands separators, decimals, exponent, trailing `%` (÷100).
    ///
    /// Only ASCII digits count; full-width digits are refused rather than guessed.
    public static func number(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        let text = trim(bytes)
        let n = text.count
        var i = 0
        guard n > 0 else { return nil }
        var negative = false
        if text[0] == UInt8(ascii: "+") || text[0] == UInt8(ascii: "-") {
            negative = text[0] == UInt8(ascii: "-")
            i = 1
        }
        var mantissa: UInt64 = 0
        var significant = 0  // digits kept in the mantissa
        var exponent = 0  // power of ten to apply to the mantissa
        var digits = 0
        var overflow = false
        // Integer part, with optional comma groups: 1-3 digits, then groups of exactly 3.
        var groupLength = 0
        var sawComma = false
        while i < n {
            let b = text[i]
            if b >= 0x30, b <= 0x39 {
                accumulate(b, &mantissa, &significant, &exponent, &overflow, fraction: false)
                digits += 1
                groupLength += 1
                i += 1
            } else if b == UInt8(ascii: ",") {
                guard groupLength > 0, groupLength <= 3, !sawComma || groupLength == 3 else { return nil }
                sawComma = true
                groupLength = 0
                i += 1
            } else {
                break
            }
        }
        if sawComma, groupLength != 3 { return nil }
        if i < n, text[i] == UInt8(ascii: ".") {
            i += 1
            while i < n, text[i] >= 0x30, text[i] <= 0x39 {
                accumulate(text[i], &mantissa, &significant, &exponent, &overflow, fraction: true)
                digits += 1
                i += 1
            }
        }
        guard digits > 0 else { return nil }
        if i < n, text[i] == UInt8(ascii: "e") || text[i] == UInt8(ascii: "E") {
            i += 1
            var expNegative = false
            if i < n, text[i] == UInt8(ascii: "+") || text[i] == UInt8(ascii: "-") {
                expNegative = text[i] == UInt8(ascii: "-")
                i += 1
            }
            var value = 0
            var expDigits = 0
            while i < n, text[i] >= 0x30, text[i] <= 0x39 {
                value = min(value * 10 + Int(text[i] - 0x30), 100_000)
                expDigits += 1
                i += 1
            }
            guard expDigits > 0 else { return nil }
            exponent += expNegative ? -value : value
        }
        while i < n, text[i] == 0x20 { i += 1 }
        if i < n, text[i] == UInt8(ascii: "%") {
            exponent -= 2
            i += 1
        }
        guard i == n else { return nil }
        let magnitude: Double
        if !overflow, mantissa < (1 << 53), exponent >= -22, exponent <= 22 {
            // Both operands are exact, so one multiplication or division rounds correctly.
            let scale = powersOfTen[abs(exponent)]
            magnitude = exponent < 0 ? Double(mantissa) / scale : Double(mantissa) * scale
        } else {
            // Rare (long or huge numbers): let the C library round the canonical form.
            guard let parsed = Double("\(mantissa)e\(exponent)"), parsed.isFinite else { return nil }
            magnitude = parsed
        }
        return negative ? -magnitude : magnitude
    }

    private static let powersOfTen: [Double] = (0...22).map { k in
        var value = 1.0
        for _ in 0..<k { value *= 10 }
        return value
    }

    @inline(__always)
    private static func accumulate(
        _ digit: UInt8, _ mantissa: inout UInt64, _ significant: inout Int, _ exponent: inout Int,
        _ overflow: inout Bool, fraction: Bool
    ) {
        let d = UInt64(digit - 0x30)
        if mantissa == 0, d == 0 {
            if fraction { exponent -= 1 }
            return
        }
        if significant < 19 {
            mantissa = mantissa * 10 + d
            significant += 1
            if fraction { exponent -= 1 }
        } else {
            // Digits beyond 19 only matter for rounding; past the 19th the slow path decides.
            if d != 0 { overflow = true }
            if !fraction { exponent += 1 }
        }
    }

    /// A date `2019-03-05`, `2019/3/5`, `2019.3.5` or `2019年3月5日`, optionally followed by a time
    /// (`2019/3/5 0:00`) which is checked and ignored; nil when malformed or impossible (2019-02-29).
    public static func date(_ bytes: UnsafeBufferPointer<UInt8>) -> Day? {
        let text = trim(bytes)
        let n = text.count
        var i = 0
        func digitsRun(_ minCount: Int, _ maxCount: Int) -> Int? {
            var value = 0
            var count = 0
            while i < n, count < maxCount, text[i] >= 0x30, text[i] <= 0x39 {
                value = value * 10 + Int(text[i] - 0x30)
                count += 1
                i += 1
            }
            return count >= minCount ? value : nil
        }
        func match(_ sequence: [UInt8]) -> Bool {
            guard i + sequence.count <= n else { return false }
            for k in 0..<sequence.count where text[i + k] != sequence[k] { return false }
            i += sequence.count
            return true
        }
        guard let year = digitsRun(4, 4) else { return nil }
        guard i < n else { return nil }
        let separator = text[i]
        let chinese: Bool
        if separator == UInt8(ascii: "-") || separator == UInt8(ascii: "/") || separator == UInt8(ascii: ".") {
            chinese = false
            i += 1
        } else if match(nian) {
            chinese = true
        } else {
            return nil
        }
        guard let month = digitsRun(1, 2) else { return nil }
        if chinese {
            guard match(yue) else { return nil }
        } else {
            guard i < n, text[i] == separator else { return nil }
            i += 1
        }
        guard let day = digitsRun(1, 2) else { return nil }
        if chinese { guard match(ri) else { return nil } }
        if i < n {
            // A time part: at least one space (or ISO `T`), then H:MM or H:MM:SS, ignored.
            if text[i] == UInt8(ascii: "T") {
                i += 1
            } else {
                guard text[i] == 0x20 else { return nil }
                while i < n, text[i] == 0x20 { i += 1 }
            }
            guard let hour = digitsRun(1, 2), hour < 24, match([UInt8(ascii: ":")]),
                let minute = digitsRun(2, 2), minute < 60
            else { return nil }
            if match([UInt8(ascii: ":")]) {
                guard let second = digitsRun(2, 2), second < 61 else { return nil }
                if match([UInt8(ascii: ".")]) { guard digitsRun(1, 9) != nil else { return nil } }
            }
            guard i == n else { return nil }
        }
        return Day(year: year, month: month, day: day)
    }

    private static let nian: [UInt8] = Array("年".utf8)
    private static let yue: [UInt8] = Array("月".utf8)
    private static let ri: [UInt8] = Array("日".utf8)
    private static let shi: [UInt8] = Array("是".utf8)
    private static let fou: [UInt8] = Array("否".utf8)

    /// A boolean: 是/否, Y/N, yes/no, true/false (any case) or 1/0.
    public static func boolean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        let text = trim(bytes)
        if equals(text, shi) { return true }
        if equals(text, fou) { return false }
        for word in trueWords where equalsIgnoringCase(text, word) { return true }
        for word in falseWords where equalsIgnoringCase(text, word) { return false }
        return nil
    }

    private static let trueWords: [[UInt8]] = ["y", "yes", "true", "1"].map { Array($0.utf8) }
    private static let falseWords: [[UInt8]] = ["n", "no", "false", "0"].map { Array($0.utf8) }

    /// Whether the bytes equal a lower-case ASCII word, ignoring ASCII case.
    static func equalsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ word: [UInt8]) -> Bool {
        guard bytes.count == word.count else { return false }
        for i in 0..<word.count {
            let b = bytes[i]
            if (b >= 0x41 && b <= 0x5A ? b + 0x20 : b) != word[i] { return false }
        }
        return true
    }

    /// Whether the bytes equal the array.
    static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ other: [UInt8]) -> Bool {
        guard bytes.count == other.count else { return false }
        for i in 0..<other.count where bytes[i] != other[i] { return false }
        return true
    }
}

extension CellParser {
    /// `number` over a string, for callers that already hold one (XML attributes, tests).
    public static func number(_ text: String) -> Double? { withBytes(text, number) }
    /// `date` over a string.
    public static func date(_ text: String) -> Day? { withBytes(text, date) }
    /// `boolean` over a string.
    public static func boolean(_ text: String) -> Bool? { withBytes(text, boolean) }

    private static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var text = text
        return text.withUTF8(body)
    }
}
