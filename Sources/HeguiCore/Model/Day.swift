/// A calendar day (proleptic Gregorian, no time zone), stored as days since 1970-01-01.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// Days since 1970-01-01.
    public var ordinal: Int32

    /// Creates a day from its ordinal.
    public init(ordinal: Int32) {
        self.ordinal = ordinal
    }

    /// Creates a day from year, month and day, or nil when the date does not exist (2019-02-29).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...Day.daysIn(year: year, month: month)).contains(day),
            (1...9999).contains(year)
        else { return nil }
        ordinal = Int32(Day.ordinal(year: year, month: month, day: day))
    }

    /// Days since 1970-01-01 of a valid month and day in any year (Howard Hinnant's days_from_civil).
    private static func ordinal(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The years a date typed on the command line may fall in: far enough inside what `Day` can
    /// write and read back as `YYYY-MM-DD` that look-backs and deadlines stay four-digit years.
    public static let supportedYears = 1900...9998

    /// Parses `2019-03-05` (ISO form only).
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]),
            let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Year, month and day.
    public var components: (year: Int, month: Int, day: Int) {
        // Howard Hinnant's civil_from_days.
        let z = Int(ordinal) + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// The year.
    public var year: Int { components.year }
    /// The month, 1…12.
    public var month: Int { components.month }

    /// The day `n` days later (earlier when negative).
    /// Saturates at the ends of the representable range instead of trapping.
    public func adding(days n: Int) -> Day {
        let (sum, overflow) = Int(ordinal).addingReportingOverflow(n)
        return Day(ordinal: Int32(clamping: overflow ? (n > 0 ? Int.max : Int.min) : sum))
    }

    /// The same day `n` months later, clamped to the month's last day (Jan 31 + 1 month = Feb 28).
    public func adding(months n: Int) -> Day {
        let (y, m, d) = components
        // Any month count is clamped to what Int32 days can hold (±5.8 million years): never traps.
        let total = y * 12 + (m - 1) + min(max(n, -70_000_000), 70_000_000)
        let ny = total >= 0 ? total / 12 : -((-total + 11) / 12)
        let nm = total - ny * 12 + 1
        let ordinal = Day.ordinal(year: ny, month: nm, day: min(d, Day.daysIn(year: ny, month: nm)))
        return Day(ordinal: Int32(clamping: ordinal))
    }

    /// The 1st of a month (1…12) of any year, even one `init(year:month:day:)` refuses to name.
    static func firstOfMonth(year: Int, month: Int) -> Day {
        Day(ordinal: 0).adding(months: (year - 1970) * 12 + (month - 1))
    }

    /// Number of days in a month.
    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Whether the year has a 29 February.
    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// `2019-03-05`.
    public var description: String {
        let (y, m, d) = components
        return "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
    }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    /// Decodes `2019-03-05`.
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date: \(text)"))
        }
        self = day
    }

    /// Encodes as `2019-03-05`.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
