import HeguiXML
import Testing

@testable import HeguiCore

/// Values no input may turn into a trap: any finite number, any day arithmetic, any duration.
@Suite struct NoTrapTests {
    @Test func everyFiniteNumberFormats() {
        #expect(formatNumber(1e15) == "1000000000000000")
        #expect(formatNumber(-1e15) == "-1000000000000000")
        #expect(formatNumber(9.5e14 + 0.25) == "950000000000000.2")
        #expect(formatNumber(1e16) == "1e+16")
        #expect(formatNumber(.greatestFiniteMagnitude) == "1.7976931348623157e+308")
        #expect(formatNumber(-.greatestFiniteMagnitude) == "-1.7976931348623157e+308")
        #expect(formatNumber(.leastNonzeroMagnitude) == "0")
        #expect(formatNumber(99_999_999_999_999.5) == "99999999999999.5")
        #expect(formatNumber(123_456.78904) == "123456.789")
        #expect(formatNumber(36) == "36")
        #expect(Value.number(1e300).description == "1e+300")
    }

    @Test func dayArithmeticSaturatesInsteadOfTrapping() {
        let last = Day(iso: "9999-12-31")!
        #expect(last.adding(months: 1).description == "10000-01-31")
        #expect(last.adding(days: 1).description == "10000-01-01")
        let first = Day(iso: "0001-01-01")!
        #expect(first.adding(months: -1).description == "0-12-01")
        #expect(first.adding(months: -13).description == "-1-12-01")
        #expect(Day(ordinal: .max).adding(days: 10).ordinal == .max)
        #expect(Day(ordinal: .min).adding(days: -10).ordinal == .min)
        #expect(first.adding(days: .max).ordinal == .max)
        #expect(first.adding(months: .max).ordinal > last.ordinal)
        #expect(first.adding(months: .min).ordinal < first.ordinal)
    }

    @Test func periodsAtTheEdgesOfTheCalendarDoNotTrap() {
        let year9999 = Period(parsing: "9999")!
        #expect("\(year9999.start)..\(year9999.end)" == "9999-01-01..9999-12-31")
        #expect(!year9999.isSupported)
        #expect(year9999.buckets(.quarter).count == 4)
        let year1 = Period(start: Day(iso: "0001-01-01")!, end: Day(iso: "0001-12-31")!)
        #expect(year1.previous.start.description == "0-01-01")
        #expect(year1.lookBack(Duration(3, .years)).start.description == "-1-01-01")
        #expect(!year1.isSupported)
        #expect(Period(parsing: "2019")!.isSupported)
    }

    @Test func hugeDurationsAreNotDurations() {
        #expect(Duration(parsing: "1000000d") != nil)
        #expect(Duration(parsing: "1000001d") == nil)
        #expect(Duration(parsing: "99999999999999999999y") == nil)
        #expect(Duration(1_000_000, .years).added(to: Day(iso: "2019-01-01")!).ordinal > 0)
    }

    @Test func quotedValuesAreCutAt80CharactersWithTheirLength() {
        #expect(truncatedForMessage("abc") == "abc")
        let long = String(repeating: "9", count: 100_000)
        #expect(truncatedForMessage(long) == String(repeating: "9", count: 80) + "… (100000 characters)")
        #expect(truncatedForMessage(String(repeating: "字", count: 80)) == String(repeating: "字", count: 80))
        #expect(truncatedForMessage("a\u{1B}]0;owned\u{07}b") == "a\u{FFFD}]0;owned\u{FFFD}b")
    }

    @Test func terminalTextLosesEveryControlCharacter() {
        #expect(terminalSafe("消防\u{1B}[2J通道\u{9B}31m\u{7F}") == "消防\u{FFFD}[2J通道\u{FFFD}31m\u{FFFD}")
        #expect(terminalSafe("a\tb\nc\r\nd") == "a b c  d")
        #expect(terminalSafe("left\u{202E}thgir\u{2066}") == "left\u{FFFD}thgir\u{FFFD}")
        #expect(terminalSafe("清清白白 plain") == "清清白白 plain")
    }

    @Test func markdownCellsCannotCarryLinksOrImages() {
        #expect(ReportEscape.markdownCell("![x](http://evil.example/p.png)") == "!\\[x\\](http://evil.example/p.png)")
        #expect(ReportEscape.markdownCell("[click](javascript:alert(1))") == "\\[click\\](javascript:alert(1))")
        #expect(ReportEscape.markdownCell("[ref]: http://evil.example") == "\\[ref\\]: http://evil.example")
        #expect(ReportEscape.markdownCell("`code` \\[") == "\\`code\\` \\\\\\[")
        #expect(ReportEscape.markdownCell("<img src=x>|") == "&lt;img src=x&gt;\\|")
    }
}
