import Foundation
import HeguiCore
import Hummingbird

extension WebServer {
    /// The setting that opens the server's own 公示 board to anyone on the network.
    static let publicBoardSetting = "public-board"

    /// The public-board setting of an enterprise's ledger (the server's own when nil): each enterprise's admin
    /// opens only its own board.
    static func publicBoardSetting(_ enterprise: Enterprise?) -> String {
        enterprise.map { publicBoardSetting + ":" + $0.creditCode } ?? publicBoardSetting
    }

    func addAuditRoutes(to router: Router<WebContext>) {
        router.get("/audit") { request, context in
            try self.require(.viewAudit, request, context)
            let language = context.language
            let ledger = try self.ledger(context)
            let report = try ledger.verifyChain()
            let verdict: String
            if let broken = report.firstBreak {
                verdict = WebText.text(.chainBroken, language) + " #\(broken.eventID): " + broken.reason.text(language)
            } else if !report.inconsistentItems.isEmpty {
                verdict = LedgerError.inconsistentItems(report.inconsistentItems).message.text(language)
            } else {
                verdict = WebText.text(.chainIntact, language)
            }
            let events = try ledger.events().reversed().prefix(500).map { event -> [String: Any] in
                var move = ""
                if let to = event.toStatus {
                    move = (event.fromStatus.map { $0.rawValue + " → " } ?? "→ ") + to.rawValue
                }
                return [
                    "id": event.id, "time": event.time, "actor": event.actor, "action": event.action, "move": move,
                    "item": event.itemID.map { "\($0)" } ?? "", "note": event.note ?? "", "detail": event.detail ?? "",
                ]
            }
            return self.page(
                "audit",
                ["intact": report.isIntact, "verdict": verdict, "count": report.events, "head": report.head, "events": Array(events)],
                request, context)
        }

        router.get("/public") { request, context in
            if try self.home.webSetting(Self.publicBoardSetting(context.enterprise)) != "on" {
                try self.require(.viewPublic, request, context)
            }
            let language = context.language
            let items = try self.ledger(context).items(source: .patrol)
            return self.page(
                "public",
                [
                    "found": items.count, "struckOff": items.filter(\.status.isClosed).count,
                    "items": items.reversed().map { item -> [String: Any] in
                        [
                            "id": item.id, "foundOn": item.foundOn.description, "location": item.location ?? "",
                            "description": item.description, "department": item.department ?? "",
                            "deadline": item.deadline.description, "status": item.status.title.text(language),
                            "verifiedOn": item.verifiedOn?.description ?? "",
                        ]
                    },
                ], request, context)
        }

        router.get("/admin") { request, context in
            try self.require(.manageSettings, request, context)
            return self.page("admin", try self.adminValues(context), request, context)
        }

        router.post("/admin/public") { request, context in
            try self.require(.manageSettings, request, context)
            let form = try await self.form(request, context)
            try self.home.setWebSetting(Self.publicBoardSetting(context.enterprise), to: form["enabled"] == "1" ? "on" : "off")
            return self.redirect("/admin?done=done")
        }
    }

    /// The settings page: the enterprise's public-board switch and its accounts only.
    func adminValues(_ context: WebContext) throws -> [String: Any] {
        let language = context.language
        return [
            "publicEnabled": try home.webSetting(Self.publicBoardSetting(context.enterprise)) == "on",
            "accounts": try home.accounts().filter { $0.enterprise == context.enterprise?.creditCode }.map {
                account -> [String: Any] in
                [
                    "name": account.name, "role": WebText.role(account.role, language),
                    "state": Message.command(.accountState(disabled: account.disabled)).text(language),
                ]
            },
        ]
    }
}
