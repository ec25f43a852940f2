import Foundation
import HeguiCore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import HeguiWeb

@Suite("Authorisation matrix: every role × every action")
struct AuthorizationMatrixTests {
    static let roles = ["admin", "officer", "representative", "department:安全部", "verifier", "viewer", "federation"]

    /// Puts an item into a status through the core, as someone other than the roles under test.
    static func item(_ ledger: Ledger, patrol: Int64, to status: RectificationStatus) throws -> Int64 {
        let item = try ledger.addIssue(
            patrolID: patrol, location: "仓库", description: "待处理 \(status.rawValue)", category: "安全", grade: "一般",
            department: "安全部", by: "准备人")
        let steps: [RectificationAction] =
            switch status {
            case .open: []
            case .inProgress: [.start]
            case .submitted: [.start, .submit]
            case .verified: [.start, .submit, .verify]
            default: []
            }
        for step in steps {
            let by = step == .verify ? "复查人甲" : "整改人甲"
            try ledger.perform(
                RectificationCommand(step, by: by, note: step == .submit ? "已整改" : nil), on: item.id,
                today: Day(iso: "2019-06-10")!)
        }
        return item.id
    }

    @Test("Each role may do exactly what the matrix says, and nothing else", arguments: roles)
    func everyCell(role: String) async throws {
        let fixture = try WebFixture()
        try fixture.addUser("u", role)
        let ledger = try fixture.ledger()
        let patrol = try ledger.addPatrol(date: Day(iso: "2019-06-10")!, team: "一组", scope: "车间", by: "准备人")
        var requests: [(WebAction, String, [(String, String)]?, Int64?)] = [
            (.viewDashboard, "/", nil, nil), (.viewRuns, "/runs", nil, nil), (.viewReport, "/report", nil, nil),
            (.runCheck, "/check", nil, nil), (.viewBoard, "/items", nil, nil), (.viewPatrols, "/patrols", nil, nil),
            (.viewAudit, "/audit", nil, nil), (.viewPublic, "/public", nil, nil), (.manageSettings, "/admin", nil, nil),
            (.changePassword, "/account/password", nil, nil), (.viewFederation, "/federation", nil, nil),
            (.startPatrol, "/patrols", [("date", "2019-06-11"), ("team", "二组"), ("scope", "食堂")], nil),
            (.addIssue, "/patrols/\(patrol)/issues", [("location", "食堂"), ("description", "地滑"), ("category", "安全"), ("grade", "一般")], nil),
        ]
        let moves: [(WebAction, RectificationStatus, [(String, String)])] = [
            (.assign, .open, [("responsible", "李明")]), (.start, .open, []), (.submit, .inProgress, [("note", "已修好")]),
            (.verify, .submitted, []), (.reject, .submitted, [("note", "未修好")]), (.dispute, .submitted, [("note", "有异议")]),
            (.reopen, .verified, []),
        ]
        for (action, status, fields) in moves {
            let id = try Self.item(ledger, patrol: patrol, to: status)
            requests.append((action, "/items/\(id)/\(action.rawValue)", fields, id))
        }
        #expect(Set(requests.map(\.0)) == Set(WebAction.allCases))
        let parsedRole = try #require(AccountRole(parsing: role))
        let cells = requests
        try await fixture.test { client in
            let browser = Browser(client)
            try await browser.signIn("u")
            _ = try await browser.get("/account/password")
            for (action, path, fields, itemID) in cells {
                let before = try itemID.map { try ledger.item($0).status }
                let page = try await (fields == nil ? browser.get(path) : browser.post(path, fields!))
                let allowed = Authorization.allows(parsedRole, action)
                if allowed {
                    #expect(page.status == .ok || page.status == .seeOther, "\(role) \(action.rawValue): \(page.status)")
                    #expect(page.location?.hasPrefix("/login") != true, "\(role) \(action.rawValue)")
                    if let itemID {
                        let after = try ledger.item(itemID).status
                        #expect(after != before || action == .assign, "\(role) \(action)")
                    }
                } else {
                    #expect(page.status == .forbidden, "\(role) \(action.rawValue): \(page.status)")
                    if let itemID {
                        let after = try ledger.item(itemID).status
                        #expect(after == before)
                    }
                }
            }
            // A department acts only on its own department's items.
            if parsedRole.department != nil {
                let other = try ledger.addIssue(
                    patrolID: patrol, description: "别的部门", category: "安全", grade: "一般", department: "后勤部", by: "准备人")
                let page = try await browser.post("/items/\(other.id)/start", [])
                #expect(page.status == .forbidden)
                #expect(try ledger.item(other.id).status == .open)
            }
        }
    }

    @Test("The matrix in docs/web.md is the one the server enforces")
    func documentedMatrix() throws {
        let text = try String(contentsOf: packageRoot.appendingPathComponent("docs/web.md"), encoding: .utf8)
        let header = "| action | admin | officer | representative | department:DEPT | verifier | viewer | federation |"
        let lines = text.split(separator: "\n").map(String.init)
        let start = try #require(lines.firstIndex(of: header))
        var seen: Set<String> = []
        for line in lines[(start + 2)...] {
            guard line.hasPrefix("|") else { break }
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            let action = try #require(WebAction(rawValue: cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))))
            seen.insert(action.rawValue)
            for (index, role) in Self.roles.enumerated() {
                let role = try #require(AccountRole(parsing: role))
                #expect((cells[index + 1] == "yes") == Authorization.allows(role, action), "\(action.rawValue) × \(role)")
                #expect(["yes", "no"].contains(cells[index + 1]))
            }
        }
        #expect(seen == Set(WebAction.allCases.map(\.rawValue)))
    }
}
