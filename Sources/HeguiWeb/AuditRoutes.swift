import Foundation
import HeguiCore
import Hummingbird

extension WebServer {
    /// The setting that opens the 公示 board to anyone on the network.
    static let publicBoardSetting = "public-board"

    func addAuditRoutes(to router: Router<WebContext>) {
        router.get("/audit") { request, context in
            try self.require(.viewAudit, request, context)
            let language = context.language
            let report = try self.ledger.verifyChain()
            let verdict: String
            if let broken = report.firstBreak {
                verdict = WebText.text("chainBroken", language) + " #\(broken.eventID): " + broken.reason.text(language)
            } else if !report.inconsistentItems.isEmpty {
                verdict = LedgerError.inconsistentItems(report.inconsistentItems).message.text(language)
            } else {
                verdict = WebText.text("chainIntact", language)
            }
            let events = try self.ledger.events().reversed().prefix(500).map { event -> [String: Any] in
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
            if try self.ledger.webSetting(Self.publicBoardSetting) != "on" {
                try self.require(.viewPublic, request, context)
            }
            let language = context.language
            let items = try self.ledger.items(source: .patrol)
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
            return self.page("admin", try self.adminValues(context.language), request, context)
        }

        router.post("/admin/public") { request, context in
            try self.require(.manageSettings, request, context)
            let form = try await self.form(request, context)
            try self.ledger.setWebSetting(Self.publicBoardSetting, to: form["enabled"] == "1" ? "on" : "off")
            return self.redirect("/admin?done=done")
        }
    }

    func adminValues(_ language: Language) throws -> [String: Any] {
        [
            "publicEnabled": try ledger.webSetting(Self.publicBoardSetting) == "on",
            "accounts": try ledger.accounts().map { account -> [String: Any] in
                [
                    "name": account.name, "role": WebText.role(account.role, language),
                    "state": account.disabled ? (language == .en ? "disabled" : "已停用") : (language == .en ? "active" : "正常"),
                ]
            },
        ]
    }
}
