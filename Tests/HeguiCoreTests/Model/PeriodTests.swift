import Testing

@testable import HeguiCore

@Suite struct PeriodTests {
    func bounds(_ period: Period?) -> String {
        guard let period else { return "nil" }
        return "\(period.label) \(period.start)…\(period.end)"
    }

    func day(_ text: String) -> Day { Day(iso: text)! }

    @Test func parsesEachNamedShape() {
        #expect(bounds(Period(parsing: "2019")) == "2019 2019-01-01…2019-12-31")
        #expect(bounds(Period(parsing: "2019Q2")) == "2019Q2 2019-04-01…2019-06-30")
        #expect(bounds(Period(parsing: "2019q4")) == "2019Q4 2019-10-01…2019-12-31")
        #expect(bounds(Period(parsing: "2019H1")) == "2019H1 2019-01-01…2019-06-30")
        #expect(bounds(Period(parsing: "2019H2")) == "2019H2 2019-07-01…2019-12-31")
        #expect(bounds(Period(parsing: "2019-03")) == "2019-03 2019-03-01…2019-03-31")
        #expect(bounds(Period(parsing: "2020-02")) == "2020-02 2020-02-01…2020-02-29")
        #expect(bounds(Period(parsing: " 2019 ")) == "2019 2019-01-01…2019-12-31")
    }

    @Test(arguments: [
        "", "junk", "19", "2019Q5", "2019Q0", "2019H3", "2019-13", "2019-00", "2019-3", "20190", "2019Q", "2019-03-01", "1899",
    ])
    func rejectsJunk(_ text: String) {
        #expect(Period(parsing: text) == nil)
    }

    @Test func dayCountAndContains() {
        let leapYear = Period(parsing: "2020")!
        #expect(leapYear.dayCount == 366)
        #expect(Period(parsing: "2019")!.dayCount == 365)
        #expect(leapYear.contains(day("2020-02-29")))
        #expect(leapYear.contains(day("2020-01-01")) && leapYear.contains(day("2020-12-31")))
        #expect(!leapYear.contains(day("2019-12-31")) && !leapYear.contains(day("2021-01-01")))
    }

    @Test func previousOfNamedPeriods() {
        #expect(bounds(Period(parsing: "2019")!.previous) == "2018 2018-01-01…2018-12-31")
        #expect(bounds(Period(parsing: "2019Q1")!.previous) == "2018Q4 2018-10-01…2018-12-31")
        #expect(bounds(Period(parsing: "2019Q3")!.previous) == "2019Q2 2019-04-01…2019-06-30")
        #expect(bounds(Period(parsing: "2019H1")!.previous) == "2018H2 2018-07-01…2018-12-31")
        #expect(bounds(Period(parsing: "2019-03")!.previous) == "2019-02 2019-02-01…2019-02-28")
        #expect(bounds(Period(parsing: "2019-01")!.previous) == "2018-12 2018-12-01…2018-12-31")
        #expect(bounds(Period(parsing: "2020-03")!.previous) == "2020-02 2020-02-01…2020-02-29")
    }

    @Test func previousOfACustomPeriodHasTheSameLengthJustBefore() {
        let custom = Period(start: day("2019-03-10"), end: day("2019-03-19"))
        #expect(custom.label == "2019-03-10..2019-03-19")
        let previous = custom.previous
        #expect(previous.start.description == "2019-02-28" && previous.end.description == "2019-03-09")
        #expect(previous.dayCount == custom.dayCount)
        // Across a leap day.
        let march = Period(start: day("2020-03-01"), end: day("2020-03-05"))
        #expect(bounds(march.previous).hasSuffix("2020-02-25…2020-02-29"))
    }

    @Test func previousOfCustomWholeMonthsKeepsTheMonthsAndAnHonestLabel() {
        // Feb–Apr: the previous three months are Nov–Jan, which is not the quarter 2018Q4 (Oct–Dec).
        let custom = Period(start: day("2019-02-01"), end: day("2019-04-30"))
        let previous = custom.previous
        #expect(previous.start.description == "2018-11-01" && previous.end.description == "2019-01-31")
        #expect(previous.label != "2018Q4")
        #expect(previous.label == "2018-11-01..2019-01-31")
        // A custom range that is exactly a quarter keeps the quarter's name.
        #expect(Period(start: day("2019-04-01"), end: day("2019-06-30")).previous.label == "2019Q1")
    }

    @Test func quarterBucketsOfAYear() {
        let buckets = Period(parsing: "2019")!.buckets(.quarter)
        #expect(
            buckets.map(bounds) == [
                "2019Q1 2019-01-01…2019-03-31", "2019Q2 2019-04-01…2019-06-30",
                "2019Q3 2019-07-01…2019-09-30", "2019Q4 2019-10-01…2019-12-31",
            ])
        #expect(Period(parsing: "2019")!.buckets(.month).map(\.label).first == "2019-01")
        #expect(Period(parsing: "2019")!.buckets(.month).count == 12)
        #expect(Period(parsing: "2019")!.buckets(.halfYear).map(\.label) == ["2019H1", "2019H2"])
        #expect(Period(parsing: "2019")!.buckets(.year).map(bounds) == ["2019 2019-01-01…2019-12-31"])
        #expect(Period(parsing: "2019Q2")!.buckets(.month).map(\.label) == ["2019-04", "2019-05", "2019-06"])
    }

    @Test func bucketsAreClippedToACustomPeriod() {
        let custom = Period(start: day("2019-02-15"), end: day("2019-05-10"))
        #expect(custom.buckets(.quarter).map(bounds) == ["2019Q1 2019-02-15…2019-03-31", "2019Q2 2019-04-01…2019-05-10"])
    }

    @Test func lookBackThreeYearsEndsOnThePeriodsLastDay() {
        let window = Period(parsing: "2019")!.lookBack(Duration(3, .years))
        #expect(window.start.description == "2017-01-01" && window.end.description == "2019-12-31")
        let quarter = Period(parsing: "2019Q2")!.lookBack(Duration(1, .years))
        #expect(quarter.start.description == "2018-07-01" && quarter.end.description == "2019-06-30")
        let days = Period(parsing: "2019-03")!.lookBack(Duration(10, .days))
        #expect(days.start.description == "2019-03-22" && days.end.description == "2019-03-31")
    }

    @Test func labelOfADay() {
        let d = day("2019-08-20")
        #expect(Period.label(of: d, unit: .month) == "2019-08")
        #expect(Period.label(of: d, unit: .quarter) == "2019Q3")
        #expect(Period.label(of: d, unit: .halfYear) == "2019H2")
        #expect(Period.label(of: d, unit: .year) == "2019")
    }

    @Test func durations() {
        #expect(Duration(parsing: "3y") == Duration(3, .years))
        #expect(Duration(parsing: "15d") == Duration(15, .days))
        #expect(Duration(parsing: "2m")?.description == "2m")
        #expect(Duration(parsing: "3") == nil && Duration(parsing: "y") == nil && Duration(parsing: "-1d") == nil)
        #expect(Duration(2, .months).subtracted(from: day("2019-04-30")).description == "2019-02-28")
    }

    @Test func isOneCalendarBucket() {
        #expect(Period(parsing: "2019")!.isOne(.year) && !Period(parsing: "2019")!.isOne(.quarter))
        #expect(Period(parsing: "2019Q2")!.isOne(.quarter) && !Period(parsing: "2019Q2")!.isOne(.year))
        #expect(Period(parsing: "2020-02")!.isOne(.month))
        #expect(Period(start: Day(iso: "2019-01-01")!, end: Day(iso: "2019-12-31")!).isOne(.year))
        #expect(!Period(start: Day(iso: "2019-02-01")!, end: Day(iso: "2020-01-31")!).isOne(.year))
    }
}
