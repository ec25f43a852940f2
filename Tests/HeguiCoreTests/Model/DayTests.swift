import Testing

@testable import HeguiCore

@Suite struct DayTests {
    @Test func leapDaysExistOnlyInLeapYears() {
        #expect(Day(iso: "2020-02-29")?.description == "2020-02-29")
        #expect(Day(iso: "2019-02-29") == nil)
        #expect(Day(iso: "2000-02-29") != nil)  // divisible by 400
        #expect(Day(iso: "1900-02-29") == nil)  // divisible by 100, not 400
        #expect(Day.isLeap(2020) && !Day.isLeap(2019) && Day.isLeap(2000) && !Day.isLeap(2100))
    }

    @Test func monthLengths() {
        let lengths = (1...12).map { Day.daysIn(year: 2019, month: $0) }
        #expect(lengths == [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
        #expect(Day.daysIn(year: 2020, month: 2) == 29)
        #expect(Day(iso: "2019-04-31") == nil)
        #expect(Day(iso: "2019-04-30") != nil)
        #expect(Day(iso: "2019-12-31") != nil)
        #expect(Day(iso: "2019-13-01") == nil)
        #expect(Day(iso: "2019-00-10") == nil)
        #expect(Day(iso: "2019-01-00") == nil)
    }

    @Test func onlyTheISOFormParses() {
        #expect(Day(iso: "2019/03/05") == nil)
        #expect(Day(iso: "19-03-05") == nil)
        #expect(Day(iso: "2019-03") == nil)
        #expect(Day(iso: "") == nil)
        #expect(Day(iso: "2019-3-5")?.description == "2019-03-05")
    }

    @Test func ordinalsAndComponentsRoundTrip() {
        #expect(Day(iso: "1970-01-01")?.ordinal == 0)
        #expect(Day(iso: "1970-01-02")?.ordinal == 1)
        #expect(Day(iso: "1969-12-31")?.ordinal == -1)
        let leap = Day(iso: "2020-02-29")!
        #expect(leap.adding(days: 1).description == "2020-03-01")
        #expect(leap.adding(days: -60).description == "2019-12-31")
        #expect(Day(iso: "2019-02-28")!.adding(days: 1).description == "2019-03-01")
        #expect(leap.components == (2020, 2, 29))
    }

    @Test func addingMonthsClampsToTheMonthsLastDay() {
        #expect(Day(iso: "2019-01-31")!.adding(months: 1).description == "2019-02-28")
        #expect(Day(iso: "2020-01-31")!.adding(months: 1).description == "2020-02-29")
        #expect(Day(iso: "2020-02-29")!.adding(months: 12).description == "2021-02-28")
        #expect(Day(iso: "2020-02-29")!.adding(months: -12).description == "2019-02-28")
        #expect(Day(iso: "2019-03-31")!.adding(months: -1).description == "2019-02-28")
        #expect(Day(iso: "2019-05-31")!.adding(months: 1).description == "2019-06-30")
        #expect(Day(iso: "2019-11-15")!.adding(months: 2).description == "2020-01-15")
        #expect(Day(iso: "2019-01-15")!.adding(months: -1).description == "2018-12-15")
        #expect(Day(iso: "2019-01-01")!.adding(months: -36).description == "2016-01-01")
    }
}
