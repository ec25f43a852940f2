import HeguiBase
import Testing

@testable import HeguiCore

/// Excel's serial dates and number formats, as the XLSX reader tells dates from plain numbers.
struct XLSXCellTests {
    @Test("1900 serials count from 1900-01-01, skip the phantom 1900-02-29 and drop the time of day")
    func serial1900() {
        #expect(ExcelDate.day(serial: 1, date1904: false)?.description == "1900-01-01")
        #expect(ExcelDate.day(serial: 59, date1904: false)?.description == "1900-02-28")
        #expect(ExcelDate.day(serial: 60, date1904: false) == nil)
        #expect(ExcelDate.day(serial: 61, date1904: false)?.description == "1900-03-01")
        #expect(ExcelDate.day(serial: 43525, date1904: false)?.description == "2019-03-01")
        #expect(ExcelDate.day(serial: 43525.75, date1904: false)?.description == "2019-03-01")
        #expect(ExcelDate.day(serial: 0, date1904: false) == nil)
        #expect(ExcelDate.day(serial: -1, date1904: false) == nil)
        #expect(ExcelDate.day(serial: .infinity, date1904: false) == nil)
        #expect(
            ExcelDate.problem("60", date1904: false, field: "hiredOn").text(.en)
                == "field 'hiredOn': serial date 60 is 1900-02-29, a day that did not exist (Excel's 1900 leap-year bug)")
    }

    @Test("1904 serials count from 1904-01-01")
    func serial1904() {
        #expect(ExcelDate.day(serial: 0, date1904: true)?.description == "1904-01-01")
        #expect(ExcelDate.day(serial: 42063, date1904: true)?.description == "2019-03-01")
    }

    @Test("number formats: dates by code (Chinese ones included), not General, percentages or colours")
    func dateFormats() {
        #expect(XLSXWorkbook.isDateFormat("yyyy-mm-dd"))
        #expect(XLSXWorkbook.isDateFormat("yyyy\"年\"m\"月\"d\"日\"") )
        #expect(XLSXWorkbook.isDateFormat("[$-804]yyyy年m月d日"))
        #expect(XLSXWorkbook.isDateFormat("m/d/yy h:mm"))
        #expect(!XLSXWorkbook.isDateFormat("General"))
        #expect(!XLSXWorkbook.isDateFormat("0.00%"))
        #expect(!XLSXWorkbook.isDateFormat("[Red]0.00"))
        #expect(!XLSXWorkbook.isDateFormat("\"day\" 0"))
        #expect(!XLSXWorkbook.isDateFormat("#,##0;[Red]-#,##0"))
        #expect(XLSXWorkbook.isBuiltInDate(14) && XLSXWorkbook.isBuiltInDate(31) && XLSXWorkbook.isBuiltInDate(57))
        #expect(!XLSXWorkbook.isBuiltInDate(0) && !XLSXWorkbook.isBuiltInDate(9) && !XLSXWorkbook.isBuiltInDate(49))
    }

    @Test("numbers written with an exponent are read as plain decimals")
    func plainNumbers() {
        #expect(ExcelDate.plain(1.5e-3) == "0.0015")
        #expect(ExcelDate.plain(1e6) == "1000000")
    }

    @Test("rows around a table: 合计/小计 rows, notes, records")
    func roles() {
        func role(_ text: String, cells: Int = 1) -> TableLayout.Role {
            var bytes = Array(text.utf8)
            return bytes.withUnsafeMutableBufferPointer { TableLayout.role(firstCell: UnsafeBufferPointer($0), nonEmptyCells: cells) }
        }
        #expect(role("合计", cells: 3) == .total)
        #expect(role("合 计") == .total)
        #expect(role("小计：") == .subtotal)
        #expect(role("注：本表据原始记录整理") == .note)
        #expect(role("注1. 单位万元") == .note)
        #expect(role("制表人：张三", cells: 2) == .note)
        #expect(role("注意安全", cells: 1) == .record)
        #expect(role("制表人：张三", cells: 5) == .record)
        #expect(role("E0001", cells: 5) == .record)
    }
}
