import Foundation
import HeguiCore
import Hummingbird

extension WebServer {
    /// The columns the federation page sorts by, with how each orders two standings.
    static let federationSorts: [String: @Sendable (EnterpriseStanding, EnterpriseStanding) -> Bool] = [
        "name": { $0.enterprise.name < $1.enterprise.name },
        "code": { $0.enterprise.creditCode < $1.enterprise.creditCode },
        "score": { score($0) < score($1) },
        "vetoes": { $0.vetoes.count < $1.vetoes.count },
        "open": { $0.openItems < $1.openItems },
        "overdue": { $0.overdueItems < $1.overdueItems },
        "due": { ($0.reviewDue?.description ?? "9999") < ($1.reviewDue?.description ?? "9999") },
    ]

    /// A standing's latest score as a share of the maximum over every pack (-1 before a first run).
    static func score(_ standing: EnterpriseStanding) -> Double {
        guard let packs = standing.latestRun?.packs, !packs.isEmpty else { return -1 }
        let maximum = packs.reduce(0) { $0 + $1.maxScore }
        return maximum > 0 ? packs.reduce(0) { $0 + $1.score } / maximum : 0
    }

    func addFederationRoutes(to router: Router<WebContext>) {
        router.get("/federation") { request, context in
            try self.require(.viewFederation, request, context)
            return self.page("federation", try self.federationValues(request, context.language), request, context)
        }

        // Chooses the enterprise a federation account reads next; only registered enterprises.
        router.get("/federation/:code") { request, context in
            try self.require(.viewFederation, request, context)
            guard let code = context.parameters.get("code"), var session = context.session,
                try self.enterpriseLedgers?.ledger(code) != nil
            else { throw WebRefusal.notFound }
            session.enterprise = code
            try await self.sessions.update(
                session: session, expiresIn: .seconds(Int64(self.configuration.idleTimeout)), request: request)
            return self.redirect("/")
        }
    }

    /// Every enterprise's standing, sorted as the query asks (`sort`, `order=desc`), ties by credit code.
    func federationValues(_ request: Request, _ language: Language) throws -> [String: Any] {
        let today = configuration.currentDay
        let standings = try federation?.standings(today: today, cycleYears: configuration.reviewCycleYears) ?? []
        let query = request.uri.queryParameters
        let sort = query.get("sort").flatMap { Self.federationSorts[$0] == nil ? nil : $0 } ?? "code"
        let descending = query.get("order") == "desc"
        let before = Self.federationSorts[sort] ?? Self.federationSorts["code"]!
        let sorted = standings.sorted { a, b in
            if before(a, b) { return !descending }
            if before(b, a) { return descending }
            return a.enterprise.creditCode < b.enterprise.creditCode
        }
        let packIDs = Array(Set(standings.flatMap { $0.latestRun?.packs.map(\.pack) ?? [] })).sorted()
        let columns = ["name", "code", "score", "vetoes", "open", "overdue", "due"].map { key -> [String: Any] in
            let order = key == sort && !descending ? "desc" : "asc"
            return [
                "key": key, "href": "/federation?sort=\(key)&order=\(order)", "current": key == sort,
                "arrow": key == sort ? (descending ? "↓" : "↑") : "",
            ]
        }
        return [
            "columns": Dictionary(uniqueKeysWithValues: columns.map { ($0["key"] as? String ?? "", $0) }),
            "packs": packIDs, "hasEnterprises": !standings.isEmpty,
            "count": WebText.text(.enterpriseCount(count: standings.count), language),
            "enterprises": sorted.map { standing -> [String: Any] in
                let run = standing.latestRun
                return [
                    "name": standing.enterprise.name, "code": standing.enterprise.creditCode,
                    "href": "/federation/" + Self.queryValue(standing.enterprise.creditCode),
                    "period": run?.period ?? "", "checked": run != nil, "passed": standing.passed,
                    "packs": packIDs.map { id -> [String: Any] in
                        guard let score = run?.packs.first(where: { $0.pack == id }) else { return ["missing": true] }
                        return [
                            "score": formatNumber(score.score), "maxScore": formatNumber(score.maxScore), "grade": score.grade,
                            "passed": score.passed,
                        ]
                    },
                    "vetoes": standing.vetoes.joined(separator: " "), "open": standing.openItems,
                    "overdue": standing.overdueItems, "hasOverdue": standing.overdueItems > 0, "due": standing.reviewDue?.description ?? "",
                    "dueOverdue": standing.reviewDue.map { $0 <= today } ?? false,
                ]
            },
        ]
    }
}
