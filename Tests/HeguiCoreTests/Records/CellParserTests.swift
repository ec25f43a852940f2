import Testing

@testable import HeguiCore

@Suite struct CellParserTests {
    @Test func numbersInEveryAcceptedForm() {
        #expect(CellParser.number("42") == 42)
        #expect(CellParser.number("  -3.5 ") == -3.5)
        #expect(CellParser.number("+7") == 7)
        #expect(CellParser.number("1,234.50") == 1234.5)
        #expect(CellParser.number("1,234,567") == 1_234_567)
        #expect(CellParser.number("95%") == 0.95)
        #expect(CellParser.number("12.5 %") == 0.125)
        #expect(CellParser.number("0.05") == 0.05)
        #expect(CellParser.number(".5") == 0.5)
        #expect(CellParser.number("1.5E+06") == 1_500_000)
        #expect(CellParser.number("0.1") == 0.1)
        #expect(CellParser.number("123456789012345678901234") == 123456789012345678901234.0)
    }

    @Test func numbersRefused() {
        for bad in ["", "abc", "１２３", "1,23", "12,34,567", "1.2.3", "1e", "--1", "5-", ",5", "1 000", "NaN", "1e999"] {
            #expect(CellParser.number(bad) == nil, "\(bad)")
        }
    }

    @Test func datesInEveryAcceptedForm() {
        let day = Day(year: 2019, month: 3, day: 5)
        for text in [
            "2019-03-05", "2019/3/5", "2019.3.5", "2019年3月5日", "2019/3/5 0:00", "2019-03-05 13:45:10",
            "2019-03-05T08:00:00", " 2019-3-05 ",
        ] {
            #expect(CellParser.date(text) == day, "\(text)")
        }
        #expect(CellParser.date("2020-02-29") == Day(year: 2020, month: 2, day: 29))
    }

    @Test func datesRefused() {
        for bad in [
            "2019-02-29", "2019-13-01", "2019-02-30", "2019-00-10", "19-3-5", "2019-3/5", "2019年3月5", "20190305",
            "43530", "2019/3/5 25:00", "2019/3/5 noon", "2019-03-05x",
        ] {
            #expect(CellParser.date(bad) == nil, "\(bad)")
        }
    }

    @Test func booleans() {
        for yes in ["是", "Y", "y", "yes", "YES", "True", "true", "1"] { #expect(CellParser.boolean(yes) == true, "\(yes)") }
        for no in ["否", "N", "n", "No", "FALSE", "false", "0"] { #expect(CellParser.boolean(no) == false, "\(no)") }
        for bad in ["", "对", "2", "yep", "t"] { #expect(CellParser.boolean(bad) == nil, "\(bad)") }
    }
}
