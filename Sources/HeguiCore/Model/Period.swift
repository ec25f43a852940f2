import Foundation

/// A unit that splits a period into buckets: "in every month / quarter / half-year".
public enum PeriodUnit: String, Hashable, Sendable, CaseIterable, Codable {
    case month
    case quarter
    case halfYear = "half-year"
    case year

    /// How many months one bucket spans.
    public var months: Int {
        switch self {
        case .month: 1
        case .quarter: 3
        case .halfYear: 6
        case .year: 12
        }
    }
}

/// A span of time to assess, both ends inclusive: `2019`, `2019Q2`, `2019H1`, `2019-03` or from/to.
public struct Period: Hashable, Sendable, CustomStringConvertible, Codable {
    /// The first day.
    public var start: Day
    /// The last day.
    public var end: Day
    /// How the period was named: used for the previous period and for labels.
    public var label: String

    /// Creates a period from explicit days; the label is `start..end` unless given.
    public init(start: Day, end: Day, label: String? = nil) {
        self.start = start
        self.end = end
        self.label = label ?? "\(start)..\(end)"
    }

    /// Parses `2019`, `2019Q2`, `2019H1`, `2019-03`; nil for anything else.
    public init?(parsing text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).uppercased()
        func year(_ s: Substring) -> Int? {
            guard s.count == 4, let y = Int(s), y >= 1900, y <= 9999 else { return nil }
            return y
        }
        if let y = year(Substring(t)) {
            self.init(months: 12, startingYear: y, month: 1, label: t)
        } else if t.count == 6, let y = year(t.prefix(4)), t.dropFirst(4).first == "Q",
            let q = Int(t.suffix(1)), (1...4).contains(q)
        {
            self.init(months: 3, startingYear: y, month: (q - 1) * 3 + 1, label: t)
        } else if t.count == 6, let y = year(t.prefix(4)), t.dropFirst(4).first == "H",
            let h = Int(t.suffix(1)), (1...2).contains(h)
        {
            self.init(months: 6, startingYear: y, month: (h - 1) * 6 + 1, label: t)
        } else if t.count == 7, let y = year(t.prefix(4)), t.dropFirst(4).first == "-",
            let m = Int(t.suffix(2)), (1...12).contains(m)
        {
            self.init(months: 1, startingYear: y, month: m, label: t)
        } else {
            return nil
        }
    }

    private init(months: Int, startingYear year: Int, month: Int, label: String) {
        let first = Day.firstOfMonth(year: year, month: month)
        self.init(start: first, end: first.adding(months: months).adding(days: -1), label: label)
    }

    /// Whether the period is exactly one calendar bucket of the unit (2019 for a year, 2019Q2 for a quarter).
    public func isOne(_ unit: PeriodUnit) -> Bool {
        let (year, month, _) = start.components
        let first = Day.firstOfMonth(year: year, month: ((month - 1) / unit.months) * unit.months + 1)
        return start == first && end == first.adding(months: unit.months).adding(days: -1)
    }

    /// Whether the day lies in the period.
    public func contains(_ day: Day) -> Bool { start <= day && day <= end }

    /// Number of days in the period.
    public var dayCount: Int { Int(end.ordinal - start.ordinal) + 1 }

    /// The period of the same shape just before this one: 2018 for 2019, 2019Q1 for 2019Q2.
    public var previous: Period {
        if let months = calendarMonths {
            let first = start.adding(months: -months)
            let shifted = Period(start: first, end: start.adding(days: -1))
            // Only a calendar-aligned span is named like one: Nov–Jan is not "2018Q4".
            let (_, firstMonth, _) = first.components
            let aligned = [1, 3, 6, 12].contains(months) && (firstMonth - 1) % months == 0
            return Period(
                start: shifted.start, end: shifted.end, label: aligned ? Period.label(start: first, months: months) : nil)
        }
        return Period(start: start.adding(days: -dayCount), end: start.adding(days: -1))
    }

    /// The window of this length ending on the period's last day, for look-back vetoes.
    public func lookBack(_ duration: Duration) -> Period {
        Period(start: duration.subtracted(from: end.adding(days: 1)), end: end, label: "\(label)−\(duration)")
    }

    /// The buckets of a unit that the period covers, clipped to the period (months of 2019, …).
    public func buckets(_ unit: PeriodUnit) -> [Period] {
        var result: [Period] = []
        let (y, m, _) = start.components
        // Buckets align to the calendar: quarters start in Jan/Apr/Jul/Oct.
        var first = Day.firstOfMonth(year: y, month: ((m - 1) / unit.months) * unit.months + 1)
        while first <= end {
            let next = first.adding(months: unit.months)
            let bucket = Period(
                start: max(first, start), end: min(next.adding(days: -1), end),
                label: Period.label(start: first, months: unit.months))
            result.append(bucket)
            first = next
        }
        return result
    }

    /// The bucket of a unit that holds a day, labelled like `2019-03`, `2019Q1`, `2019H2`, `2019`.
    public static func label(of day: Day, unit: PeriodUnit) -> String {
        let (y, m, _) = day.components
        return label(start: Day.firstOfMonth(year: y, month: ((m - 1) / unit.months) * unit.months + 1), months: unit.months)
    }

    private static func label(start: Day, months: Int) -> String {
        let (y, m, _) = start.components
        switch months {
        case 1: return "\(y)-\(m < 10 ? "0" : "")\(m)"
        case 3: return "\(y)Q\((m - 1) / 3 + 1)"
        case 6: return "\(y)H\((m - 1) / 6 + 1)"
        case 12 where m == 1: return "\(y)"
        default: return "\(start)+\(months)m"
        }
    }

    /// How many whole calendar months the period spans, when it starts on a 1st and ends on a month's last day.
    private var calendarMonths: Int? {
        let (sy, sm, sd) = start.components
        let next = end.adding(days: 1)
        let (ey, em, ed) = next.components
        guard sd == 1, ed == 1 else { return nil }
        let months = (ey * 12 + em) - (sy * 12 + sm)
        return months > 0 ? months : nil
    }

    /// The label, e.g. `2019Q2`.
    public var description: String { label }

    /// Whether both ends lie in `Day.supportedYears`, as a period typed on the command line must.
    public var isSupported: Bool {
        Day.supportedYears.contains(start.year) && Day.supportedYears.contains(end.year)
    }
}

/// A length of time in days, months or years: `15d`, `2m`, `3y`.
public struct Duration: Hashable, Sendable, CustomStringConvertible, Codable {
    /// The unit of a duration.
    public enum Unit: String, Hashable, Sendable, Codable {
        case days = "d"
        case months = "m"
        case years = "y"
    }

    /// How many units.
    public var amount: Int
    /// Which unit.
    public var unit: Unit

    /// Creates a duration.
    public init(_ amount: Int, _ unit: Unit) {
        self.amount = amount
        self.unit = unit
    }

    /// Parses `15d`, `2m`, `3y`.
    public init?(parsing text: String) {
        guard let last = text.last, let unit = Unit(rawValue: String(last)),
            let amount = Int(text.dropLast()), (0...1_000_000).contains(amount)
        else { return nil }
        self.init(amount, unit)
    }

    /// The day this long after `day`.
    public func added(to day: Day) -> Day {
        switch unit {
        case .days: day.adding(days: amount)
        case .months: day.adding(months: amount)
        case .years: day.adding(months: amount * 12)
        }
    }

    /// The day this long before `day`.
    public func subtracted(from day: Day) -> Day {
        switch unit {
        case .days: day.adding(days: -amount)
        case .months: day.adding(months: -amount)
        case .years: day.adding(months: -amount * 12)
        }
    }

    /// `3y`.
    public var description: String { "\(amount)\(unit.rawValue)" }
}
