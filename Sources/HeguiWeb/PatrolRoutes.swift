import Foundation
import HeguiCore
import Hummingbird

extension WebServer {
    func addPatrolRoutes(to router: Router<WebContext>) {
        router.get("/patrols") { request, context in
            let account = try self.require(.viewPatrols, request, context)
            return self.page("patrols", try self.patrolsValues(try self.ledger(context), account, context.language), request, context)
        }

        router.post("/patrols") { request, context in
            let account = try self.require(.startPatrol, request, context)
            let ledger = try self.ledger(context)
            let form = try await self.form(request, context)
            do {
                guard let date = form["date"].flatMap({ Day(iso: $0) }) else {
                    throw LedgerError.invalidArgument(Message.web(.dateFormat).text)
                }
                let id = try ledger.addPatrol(
                    date: date, team: form["team"] ?? "", scope: form["scope"] ?? "", leader: form["leader"], by: account.name)
                return self.redirect("/patrols/\(id)")
            } catch let error as LedgerError {
                return self.page(
                    "patrols", try self.patrolsValues(ledger, account, context.language), request, context, status: .badRequest,
                    error: Self.describe(error, context.language))
            }
        }

        router.get("/patrols/:id") { request, context in
            let account = try self.require(.viewPatrols, request, context)
            guard let id = context.parameters.get("id", as: Int64.self) else { throw WebRefusal.notFound }
            return self.page("patrol", try self.patrolValues(id, try self.ledger(context), account, context.language), request, context)
        }

        router.post("/patrols/:id/issues") { request, context in
            let account = try self.require(.addIssue, request, context)
            guard let id = context.parameters.get("id", as: Int64.self) else { throw WebRefusal.notFound }
            let ledger = try self.ledger(context)
            let form = try await self.form(request, context, limit: self.configuration.photoLimit + 1024 * 1024)
            do {
                let deadline = try form["deadline"].map { text -> Day in
                    guard let day = Day(iso: text) else {
                        throw LedgerError.invalidArgument(
                            Message.web(.deadlineFormat(text: text)).text)
                    }
                    return day
                }
                let evidence = try self.storePhotos(form, field: "photo", in: ledger)
                let days = self.deadlineDaysByGrade
                let item = try ledger.addIssue(
                    patrolID: id, location: form["location"], description: form["description"] ?? "",
                    category: form["category"] ?? "", grade: form["grade"] ?? "", department: form["department"],
                    deadline: deadline, by: account.name, deadlineDaysByGrade: days, evidence: evidence)
                return self.redirect("/patrols/\(id)?done=done#item-\(item.id)")
            } catch let error as LedgerError {
                if case .patrolNotFound = error { throw WebRefusal.notFound }
                return self.page(
                    "patrol", try self.patrolValues(id, ledger, account, context.language), request, context, status: .badRequest,
                    error: Self.describe(error, context.language))
            } catch let error as PhotoRefusal {
                return self.page(
                    "patrol", try self.patrolValues(id, ledger, account, context.language), request, context, status: .badRequest,
                    error: error.message.text(context.language))
            }
        }
    }

    func patrolsValues(_ ledger: Ledger, _ account: Account, _ language: Language) throws -> [String: Any] {
        let items = try ledger.items(source: .patrol)
        return [
            "canStart": Authorization.allows(account.role, .startPatrol), "today": configuration.currentDay.description,
            "patrols": try ledger.patrols().reversed().map { patrol -> [String: Any] in
                let count = items.filter { $0.patrolID == patrol.id }.count
                return [
                    "id": patrol.id, "date": patrol.date.description, "team": patrol.team, "scope": patrol.scope,
                    "leader": patrol.leader ?? "",
                    "issues": WebText.text(.issueCount(count: count), language),
                ]
            },
        ]
    }

    func patrolValues(_ id: Int64, _ ledger: Ledger, _ account: Account, _ language: Language) throws -> [String: Any] {
        guard let patrol = try ledger.patrols().first(where: { $0.id == id }) else { throw WebRefusal.notFound }
        let all = try ledger.items()
        let days = Ledger.defaultDeadlineDaysByGrade.merging(deadlineDaysByGrade) { _, pack in pack }
        return [
            "id": patrol.id, "date": patrol.date.description, "team": patrol.team, "scope": patrol.scope,
            "leader": patrol.leader ?? "", "canAdd": Authorization.allows(account.role, .addIssue),
            "categories": ["安全", "劳保", "食堂宿舍", "厂务公开", "提案", "其他"],
            "grades": days.sorted { $0.value < $1.value }.map { grade in
                ["value": grade.key, "label": WebText.text(.gradeDeadline(grade: grade.key, days: grade.value), language)]
            },
            "departments": Array(Set(all.compactMap(\.department))).sorted(),
            "items": all.filter { $0.patrolID == id }.map { itemSummary($0, language) },
        ]
    }
}
