import Foundation
import HeguiCore

extension WebServer {
    /// An item's fields, photos, history and exactly the moves this account may make now.
    func itemValues(_ item: RectificationItem, in ledger: Ledger, _ account: Account, _ language: Language) throws -> [String: Any] {
        var fields: [[String: String]] = []
        // The labels `hegui rectify show` uses, headed with a capital on the page.
        func field(_ label: ItemField, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            let text = Message.rectify(.field(label)).text(language)
            fields.append(["label": text.prefix(1).uppercased() + text.dropFirst(), "value": value])
        }
        field(.source, WebText.text("source." + item.source.rawValue, language))
        for (label, value) in item.shownFields(today: configuration.currentDay, language: language) { field(label, value) }
        // Photos taken on the patrol (stored by hash at creation), then the fix's files as the core stored them.
        var photos: [[String: Any]] = item.evidence.compactMap { reference in
            guard let hash = EvidenceStore.hash(inReference: reference) else { return nil }
            var name = String(reference.dropFirst(("sha256:" + hash).count)).trimmingCharacters(in: .whitespaces)
            if name.hasPrefix("("), name.hasSuffix(")") { name = String(name.dropFirst().dropLast()) }
            return ["hash": hash, "name": name]
        }
        photos += try ledger.evidenceFiles(itemID: item.id).map { file in
            ["hash": file.sha256, "name": (file.name as NSString).lastPathComponent]
        }
        let moves = Lifecycle.allowedActions(from: item.status, source: item.source).filter {
            Authorization.allows(account.role, WebAction($0), item: item)
        }
        let forms = moves.map { action -> [String: Any] in
            [
                "action": action.rawValue, "label": WebText.text("act_" + action.rawValue, language),
                "assign": action == .assign, "photo": action == .submit,
                "note": action != .assign, "noteRequired": action == .dispute,
            ]
        }
        let events = try ledger.events(itemID: item.id).map { event -> [String: Any] in
            var move = ""
            if let to = event.toStatus {
                move = (event.fromStatus.map { $0.title.text(language) + " → " } ?? "→ ") + to.title.text(language)
            }
            return [
                "id": event.id, "time": event.time, "actor": event.actor, "action": event.action, "move": move,
                "note": event.note ?? "", "detail": event.detail ?? "",
            ]
        }
        return [
            "id": item.id, "status": item.status.title.text(language), "overdue": item.isOverdue(on: configuration.currentDay),
            "fields": fields, "photos": photos, "hasPhotos": !photos.isEmpty, "forms": forms, "events": events,
            "department": item.department ?? "", "responsible": item.responsible ?? "", "deadline": item.deadline.description,
            "rechecker": item.rechecker ?? "",
        ]
    }
}
