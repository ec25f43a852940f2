import Foundation
import Testing

/// Pack validation and the ledger commands in both languages: exact lines, no Chinese under `--lang en`
/// outside record values, no English under zh-CN outside identifiers.
@Suite struct BilingualLedgerTests {
    let messages = BilingualMessageTests()

    @Test func validateABrokenPack() throws {
        let h = try HeguiRun()
        let text = HeguiRun.pack()
            .replacingOccurrences(of: #"at-least="100%""#, with: #"at-least="100""#)
            .replacingOccurrences(of: #"<field name="severity" equals="重大"/>"#, with: #"<field name="severity" equals="特大"/>"#)
        let pack = try h.write("pack.xml", text)
        let share = position(of: #"at-least="100""#, in: text)
        let value = position(of: #"equals="特大""#, in: text)
        let (zh, en, codes) = try messages.errors(h, ["validate", pack])
        #expect(codes == [1, 1])
        #expect(
            zh == """
                pack.xml:\(share): error: 比例 100 超出 0…1（请写 95% 或 0.95）
                pack.xml:\(value): error: “特大”不是可选值（一般, 重大）之一（字段“severity”）
                1 个规则包，2 个指标，1 个否决项：2 个错误，0 个警告

                """)
        #expect(
            en == """
                pack.xml:\(share): error: 100 is outside 0…1 for a share (write 95% or 0.95)
                pack.xml:\(value): error: '特大' is not one of 一般, 重大 (field 'severity')
                1 pack, 2 indicators, 1 veto: 2 errors, 0 warnings

                """)
        #expect(messages.han(in: en, values: ["特大", "一般", "重大"]) == "")
        #expect(messages.englishWords(in: zh, identifiers: ["pack", "xml", "severity"]) == [])
    }

    @Test func validateAMissingPack() throws {
        let h = try HeguiRun()
        let (zh, en, codes) = try messages.errors(h, ["validate", h.path("nope.xml")])
        #expect(codes == [2, 2])
        #expect(zh == "nope.xml: error: 文件或目录不存在\n0 个规则包，0 个指标，0 个否决项：1 个错误，0 个警告\n")
        #expect(en == "nope.xml: error: no such file or folder\n0 packs, 0 indicators, 0 vetoes: 1 error, 0 warnings\n")
    }

    /// A patrol with one issue, started and submitted by 王, in a fresh ledger.
    func ledgerWithASubmittedIssue(_ h: HeguiRun) throws {
        for args in [
            ["inspect", "add", "--date", "2024-04-01", "--team", "第一巡视组", "--scope", "食堂", "--by", "工会"],
            [
                "inspect", "issue", "--patrol", "1", "--description", "灭火器过期", "--category", "安全", "--grade", "一般",
                "--department", "后勤部", "--responsible", "王", "--by", "工会",
            ],
            ["inspect", "issue", "--patrol", "1", "--description", "通道堵塞", "--category", "安全", "--grade", "一般", "--by", "工会"],
            ["rectify", "start", "1", "--by", "王"],
            ["rectify", "submit", "1", "--by", "王", "--note", "已更换"],
        ] {
            let result = try h.run(args + ["--ledger", h.path("hegui.sqlite"), "--today", "2024-04-10"])
            #expect(result.code == 0, "\(args): \(result.err)")
        }
    }

    @Test func aRefusedLedgerMove() throws {
        let h = try HeguiRun()
        try ledgerWithASubmittedIssue(h)
        let ledger = ["--ledger", h.path("hegui.sqlite"), "--today", "2024-04-10"]
        let (zh, en, codes) = try messages.errors(h, ["rectify", "verify", "1", "--by", "王"] + ledger)
        #expect(codes == [1, 1])
        #expect(zh == "hegui: 整改项 1 由 王 提交，验证人必须是另一人\n")
        #expect(en == "hegui: item 1 was submitted by 王; the verifier must be someone else\n")
        let illegal = try messages.errors(h, ["rectify", "verify", "2", "--by", "李"] + ledger)
        #expect(illegal.codes == [1, 1])
        #expect(illegal.zh == "hegui: 不能 verify：整改项 2 当前为「已通知待整改」(open)；允许：start, assign\n")
        #expect(illegal.en == "hegui: cannot verify: item 2 is open; allowed: start, assign\n")
        #expect(messages.han(in: en + illegal.en, values: ["王"]) == "")
        #expect(messages.englishWords(in: zh + illegal.zh, identifiers: ["hegui", "verify", "open", "assign", "start"]) == [])
    }

    @Test func rectifyListAndShowInEnglishQuoteOnlyRecordValues() throws {
        let h = try HeguiRun()
        try ledgerWithASubmittedIssue(h)
        let ledger = ["--ledger", h.path("hegui.sqlite"), "--today", "2024-05-10"]
        let (zh, en, codes) = try messages.errors(h, ["rectify", "list"] + ledger)
        #expect(codes == [0, 0])
        #expect(
            en == """
                #1  [submitted]  一般  due 2024-04-16  OVERDUE  安全  后勤部  王  灭火器过期
                #2  [open]  一般  due 2024-04-16  OVERDUE  安全  通道堵塞

                """)
        #expect(
            zh == """
                #1  [已整改待审核]  一般  期限 2024-04-16  【逾期】  安全  后勤部  王  灭火器过期
                #2  [已通知待整改]  一般  期限 2024-04-16  【逾期】  安全  通道堵塞

                """)
        let values = ["一般", "安全", "后勤部", "王", "灭火器过期", "通道堵塞", "第一巡视组", "工会", "已更换"]
        #expect(messages.han(in: en, values: values) == "")
        let show = try messages.errors(h, ["rectify", "show", "1"] + ledger)
        #expect(show.codes == [0, 0])
        #expect(messages.han(in: show.en, values: values) == "")
        #expect(show.en.contains("deadline: 2024-04-16 OVERDUE\n") && show.zh.contains("整改期限: 2024-04-16【逾期】\n"))
    }
}
