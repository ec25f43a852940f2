import Foundation
import HeguiCore
import Testing

@testable import HeguiWeb

@Suite("The item page lists what rectify show lists")
struct ItemPageTests {
    @Test("整改措施, 资金, the overdue deadline and the 复查人 are on the page, in the CLI's order")
    func sixFixedFields() async throws {
        let fixture = try WebFixture()
        try fixture.addUser("王代表", "representative")
        let ledger = try fixture.ledger()
        let patrol = try ledger.addPatrol(date: Day(iso: "2019-05-01")!, team: "第一巡视组", scope: "卷包车间", by: "王代表")
        try ledger.addIssue(
            patrolID: patrol, description: "护栏松动", category: "安全", grade: "一般", department: "设备部", responsible: "张工",
            deadline: Day(iso: "2019-05-20")!, measure: "更换护栏", funds: 1200.5, rechecker: "李复查", by: "王代表")
        try await fixture.test { client in
            let rep = Browser(client)
            try await rep.signIn("王代表")
            let page = try await rep.get("/items/1")
            #expect(page.status == .ok)
            let labels = ["整改措施", "资金", "责任部门", "责任人", "整改期限", "复查人"]
            let positions = labels.compactMap { page.body.range(of: $0)?.lowerBound }
            #expect(positions.count == labels.count)
            #expect(positions == positions.sorted())
            #expect(page.body.contains("更换护栏"))
            #expect(page.body.contains("1200.5"))
            #expect(page.body.contains("李复查"))
            // The page's day is 2019-06-10: the deadline passed, and the page says so as the CLI does.
            #expect(page.body.contains(Message.rectify(.deadlineOverdue(deadline: "2019-05-20")).text(.zhCN)))
        }
    }
}
