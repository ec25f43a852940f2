import Foundation
import HeguiCore
import Testing

/// The 台账 export: every 六定 field, 巡视批次, 发现人, 公示 and the overdue history, headers in the
/// language, the chain head on top, and a file that reads back as `rectification` records.
@Suite struct LedgerExportTests {
    let today = Day(iso: "2024-05-20")!

    /// The shipped `rectification` record kind, as `hegui check` reads a rectification.csv.
    static func rectificationKind() throws -> RecordKind {
        let loaded = try RulePackLoader.shipped().load(paths: [try RulesLocator.rulesDirectory()])
        return try #require(RecordCatalog.merge(loaded.packs).kinds.first { $0.id == "rectification" })
    }

    /// A patrol issue with every field, re-checked, published and once overdue; a bare second issue.
    func filledLedger(_ backend: LedgerBackend) throws -> any LedgerStore {
        let (ledger, _) = try makeLedger(backend)
        let patrol = try ledger.addPatrol(date: Day(iso: "2024-04-01")!, team: "第一巡视组", scope: "车间", by: "工会")
        _ = try ledger.addIssue(
            patrolID: patrol, finder: "职工代表甲", location: "二号车间", description: "扶梯, \"护栏\" 松动", category: "安全",
            grade: "一般", department: "设备部", responsible: "张工", deadline: Day(iso: "2024-04-16")!, measure: "更换护栏",
            funds: 1250.5, rechecker: "安全员李", by: "工会")
        _ = try ledger.addIssue(patrolID: patrol, description: "=HYPERLINK(\"x\")", category: "劳保", grade: "重大", by: "工会")
        // Late: the deadline is moved on 04-20, after it passed; the item stays marked as once overdue.
        _ = try ledger.perform(
            RectificationCommand(.assign, by: "主任", note: "等待配件", assignment: Assignment(deadline: Day(iso: "2024-05-10")!)),
            on: 1, today: Day(iso: "2024-04-20")!)
        _ = try ledger.perform(RectificationCommand(.start, by: "张工"), on: 1, today: Day(iso: "2024-04-21")!)
        _ = try ledger.perform(RectificationCommand(.submit, by: "张工", note: "已更换"), on: 1, today: Day(iso: "2024-05-01")!)
        _ = try ledger.perform(RectificationCommand(.verify, by: "安全员李"), on: 1, today: Day(iso: "2024-05-02")!)
        _ = try ledger.publish(itemID: 1, on: Day(iso: "2024-05-03")!, by: "工会")
        return ledger
    }

    @Test(arguments: LedgerBackend.allCases)
    func csvHasEveryFieldAndTheChainHeadInEachLanguage(backend: LedgerBackend) throws {
        let ledger = try filledLedger(backend)
        let report = try ledger.verifyChain()
        let zh = try ledger.exportCSV(today: today, language: .zhCN)
        let zhLines = zh.dropFirst().components(separatedBy: "\r\n")
        #expect(zhLines[0] == "审计链头：\(report.events) 个事件，\(report.head)（复核时用 hegui ledger verify --anchor \(report.events):\(report.head)）")
        #expect(
            zhLines[1]
                == "问题编号,来源,规则包,对应指标,考核期间,涉及对象,巡视批次,发现日期,发现人,地点,问题描述,问题类别,问题等级,整改措施,资金,"
                + "责任部门,责任人,整改期限,复查人,状态,提交人,验证人,验证日期,已销号,已逾期,曾逾期,逾期的期限,已公示,公示日期,佐证数")
        #expect(
            zhLines[2]
                == "1,patrol,,,,,1,2024-04-01,职工代表甲,二号车间,\"扶梯, \"\"护栏\"\" 松动\",安全,一般,更换护栏,1250.5,设备部,张工,"
                + "2024-05-10,安全员李,审核通过（已销号）,张工,安全员李,2024-05-02,是,否,是,2024-04-16,是,2024-05-03,0")
        // Formula-leading text is neutralised; the open 重大 issue is overdue on the export day.
        #expect(
            zhLines[3]
                == "2,patrol,,,,,1,2024-04-01,第一巡视组,,\"'=HYPERLINK(\"\"x\"\")\",劳保,重大,,,,,2024-06-30,,已通知待整改,,,,否,否,否,,否,,0")
        let en = try ledger.exportCSV(today: Day(iso: "2024-07-01")!, language: .en)
        let enLines = en.dropFirst().components(separatedBy: "\r\n")
        #expect(enLines[0].hasPrefix("\"audit chain head: \(report.events) events, \(report.head) (anchor it with"))
        #expect(enLines[1].hasPrefix("id,source,pack,indicator,period,groupKey,patrol,foundOn,finder,location,description,"))
        #expect(enLines[3].contains(",open (overdue),,,,no,yes,yes,,no,,0"))
    }

    @Test(arguments: LedgerBackend.allCases)
    func exportedCSVReadsBackAsTheSameRectificationRecords(backend: LedgerBackend) throws {
        let ledger = try filledLedger(backend)
        let kind = try Self.rectificationKind()
        let direct = try ledger.rectificationTable(kind: kind, today: today)
        for language in Language.allCases {
            let csv = try ledger.exportCSV(today: today, language: language)
            let table = try RecordImporter(kinds: [kind]).importCSV(bytes: Array(csv.utf8), path: "rectification.csv", kind: kind)
            #expect(table.count == 2)
            for (index, field) in kind.fields.enumerated() {
                for row in 0..<table.count {
                    let read = table.value(column: index, at: row)
                    let stored = direct.value(column: index, at: row)
                    switch field.name {
                    case "status":
                        // The export writes the status in people's words.
                        #expect(read?.description.hasPrefix(try ledger.item(Int64(row + 1)).status.title.text(language)) == true)
                    case "description" where row == 1:
                        // A formula-leading value comes back with the `'` that kept Excel from running it.
                        #expect(read?.description == "'" + (stored?.description ?? ""))
                    default:
                        #expect(read == stored, "\(language) \(field.name) row \(row + 1)")
                    }
                }
            }
        }
    }

    @Test(arguments: LedgerBackend.allCases)
    func jsonCarriesTheChainHeadAndTypedFields(backend: LedgerBackend) throws {
        let ledger = try filledLedger(backend)
        let report = try ledger.verifyChain()
        let json = try ledger.exportJSON(today: today, language: .en)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let head = try #require(object["chainHead"] as? [String: Any])
        #expect(head["anchor"] as? String == "\(report.events):\(report.head)" && head["events"] as? Int == report.events)
        let items = try #require(object["items"] as? [[String: Any]])
        #expect(items.count == 2)
        #expect(items[0]["funds"] as? Double == 1250.5 && items[0]["rechecker"] as? String == "安全员李")
        #expect(items[0]["everOverdue"] as? Bool == true && items[0]["missedDeadline"] as? String == "2024-04-16")
        #expect(items[0]["published"] as? Bool == true && items[0]["publishedOn"] as? String == "2024-05-03")
        #expect(items[0]["status"] as? String == "verified" && items[0]["patrol"] as? Int == 1)
        #expect(items[1]["measure"] is NSNull && items[1]["everOverdue"] as? Bool == false)
        #expect(report.isIntact)
    }

    @Test(arguments: LedgerBackend.allCases)
    func publicationNeedsAPassedRecheckAndHappensOnce(backend: LedgerBackend) throws {
        let ledger = try filledLedger(backend)
        #expect(throws: LedgerError.refused(.publishBeforeRecheck(item: 2, status: "open"))) {
            try ledger.publish(itemID: 2, on: today, by: "工会")
        }
        #expect(throws: LedgerError.refused(.alreadyPublished(item: 1, day: "2024-05-03"))) {
            try ledger.publish(itemID: 1, on: today, by: "工会")
        }
        #expect(try ledger.events(itemID: 1).map(\.action).last == "publish")
        let kind = try Self.rectificationKind()
        let published = try #require(kind.fields.firstIndex { $0.name == "published" })
        let table = try ledger.rectificationTable(kind: kind, today: today)
        #expect(table.value(column: published, at: 0) == .boolean(true) && table.value(column: published, at: 1) == .boolean(false))
    }
}
