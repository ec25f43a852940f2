import Foundation
import Testing

/// Representative failing commands under both languages: the exact lines, no Chinese under `--lang en`
/// outside record values, and no English words under zh-CN outside identifiers.
@Suite struct BilingualMessageTests {
    /// Runs a command in both languages and returns standard error with the working folder stripped.
    func errors(_ h: HeguiRun, _ args: [String]) throws -> (zh: String, en: String, codes: [Int32]) {
        let zh = try h.run(args + ["--lang", "zh-CN"])
        let en = try h.run(args + ["--lang", "en"])
        return (zh.stripped(h.dir).err + zh.stripped(h.dir).out, en.stripped(h.dir).err + en.stripped(h.dir).out, [zh.code, en.code])
    }

    /// Han characters in English output, after removing the record values the output quotes.
    func han(in text: String, values: [String] = []) -> String {
        var rest = text
        for value in values { rest = rest.replacingOccurrences(of: value, with: "") }
        return String(rest.unicodeScalars.filter { (0x3400...0x9FFF).contains($0.value) }.map(Character.init))
    }

    /// English words in zh-CN output outside paths, flags, the `error:` keyword and the given identifiers.
    func englishWords(in text: String, identifiers: Set<String>) -> [String] {
        text.split(separator: "\n").flatMap { line -> [String] in
            let message = line.range(of: ": error: ").map { String(line[$0.upperBound...]) } ?? String(line)
            let cleaned = message.replacingOccurrences(of: #"--[a-z-]+|<[^>]*>"#, with: " ", options: .regularExpression)
            return cleaned.split(whereSeparator: { !($0.isASCII && $0.isLetter) }).map(String.init)
                .filter { !identifiers.contains($0) }
        }
    }

    @Test func aBadPeriod() throws {
        let h = try HeguiRun()
        try h.setUp()
        let (zh, en, codes) = try errors(
            h, ["check", "--rules", h.path("pack.xml"), "--records", h.path("records"), "--period", "2019Q5", "--no-ledger"])
        #expect(codes == [2, 2])
        #expect(zh == "hegui: error: “2019Q5”不是评价期（请用 2019、2019Q2、2019H1、2019-03 或 --from/--to）\n")
        #expect(en == "hegui: error: '2019Q5' is not a period (use 2019, 2019Q2, 2019H1, 2019-03 or --from/--to)\n")
        #expect(han(in: en) == "")
        #expect(englishWords(in: zh, identifiers: ["hegui", "Q", "H"]) == [])
    }

    @Test func aBadRecordsCell() throws {
        let h = try HeguiRun()
        try h.setUp(timesheet: "employeeId,date,overtimeHours\nE1,2019-02-30,20\n")
        let (zh, en, codes) = try errors(
            h,
            [
                "check", "--rules", h.path("pack.xml"), "--records", h.path("records"), "--period", "2019", "--no-ledger",
                "--today", "2020-01-15",
            ])
        #expect(codes == [2, 2])
        #expect(
            zh == """
                records/timesheet.csv:2:4: error: 字段“date”：“2019-02-30”不是有效日期
                hegui: error: 记录中有 1 处问题；检查已停止，不计分

                """)
        #expect(
            en == """
                records/timesheet.csv:2:4: error: field 'date': '2019-02-30' is not a valid date
                hegui: error: 1 problem in the records; the check stopped without a score

                """)
        #expect(han(in: en) == "")
        #expect(englishWords(in: zh, identifiers: ["hegui", "date"]) == [])
    }

    @Test func aBadProfile() throws {
        let h = try HeguiRun()
        try h.setUp()
        try h.write("profile.xml", "<profile>\n  <parameter pack=\"nope\" name=\"x\" value=\"1\"/>\n  <oops/>\n</profile>\n")
        let (zh, en, codes) = try errors(
            h,
            [
                "check", "--rules", h.path("pack.xml"), "--records", h.path("records"), "--period", "2019", "--no-ledger",
                "--today", "2020-01-15", "--profile", h.path("profile.xml"),
            ])
        #expect(codes == [2, 2])
        #expect(
            zh == """
                profile.xml:2:14: error: 未知规则包“nope”
                profile.xml:3:3: error: 不应有 <oops>（应为 <parameter pack name value effective-from?/>、<deselect pack indicator reason/> 或 <points pack indicator value reason/>）

                """)
        #expect(
            en == """
                profile.xml:2:14: error: unknown pack 'nope'
                profile.xml:3:3: error: unexpected <oops> (expected <parameter pack name value effective-from?/>, <deselect pack indicator reason/> or <points pack indicator value reason/>)

                """)
        #expect(han(in: en) == "")
        #expect(englishWords(in: zh, identifiers: ["nope"]) == [])
    }

    @Test func aTestWithAnUnmetExpectation() throws {
        let h = try HeguiRun()
        let pack = try h.write("pack.xml", HeguiRun.pack(tests: TestCommandTests.tests))
        let (zh, en, codes) = try errors(h, ["test", pack, "--today", "2020-01-15"])
        #expect(codes == [1, 1])
        let zhLines = zh.split(separator: "\n").map(String.init)
        let enLines = en.split(separator: "\n").map(String.init)
        #expect(zhLines.first == "通过  e2e: all signed")
        #expect(zhLines.dropFirst().first == "失败  e2e: one unsigned")
        #expect(zhLines.last == "通过 1 个，失败 1 个")
        #expect(enLines.first == "ok    e2e: all signed")
        #expect(enLines.last == "1 passed, 1 failed")
        #expect(zhLines.contains { $0.contains(": error: 测试“one unsigned”：L01：应为 pass，实为 fail（实测 50%") }, "\(zhLines)")
        #expect(enLines.contains { $0.contains(": error: test 'one unsigned': L01: expected pass, got fail (measured 50%") })
    }
}
