import Foundation
import GRDB

/// Where one enterprise of a federation stands: its latest run's scores, grades and vetoes, its open and
/// overdue rectification items, and when it is due for re-evaluation (复评).
public struct EnterpriseStanding: Sendable, Hashable {
    /// The enterprise.
    public var enterprise: Enterprise
    /// Its latest stored run, nil before its first.
    public var latestRun: RunSummary?
    /// The last day of the latest run's period.
    public var assessedThrough: Day?
    /// Vetoes the latest run fired, as `pack/id`.
    public var vetoes: [String] = []
    /// Rectification items not struck off.
    public var openItems = 0
    /// Of those, the ones past their deadline.
    public var overdueItems = 0
    /// The day re-evaluation falls due: the latest assessed period's end plus the cycle; nil before a first run.
    public var reviewDue: Day?

    /// Whether the latest run passed every pack and fired no veto (false before a first run).
    public var passed: Bool {
        guard let run = latestRun, !run.packs.isEmpty else { return false }
        return vetoes.isEmpty && run.packs.allSatisfy(\.passed)
    }
}

extension Federation {
    /// Every registered enterprise's standing on a day, by credit code, with re-evaluation due `cycleYears`
    /// after the latest assessed period. Read through the registry's connection, a few statements for the
    /// whole federation (each over every enterprise's schema), never one connection per enterprise.
    public func standings(today: Day, cycleYears: Int = 3) throws -> [EnterpriseStanding] {
        let registered = try enterprises()
        let prefix = self.prefix
        // Schema names come from validated credit codes; anything else is left out rather than quoted.
        let schemas = registered.map { prefix + Enterprise.schema(forCode: $0.creditCode) }
        return try registry.read { sql in
            let existing = Set(
                try String.fetchAll(
                    sql,
                    sql: """
                        SELECT table_schema::text FROM information_schema.tables
                        WHERE table_name = 'rectification_items' AND table_schema = ANY(string_to_array(?, ','))
                        """, arguments: [schemas.joined(separator: ",")]))
            var standings = registered.map { EnterpriseStanding(enterprise: $0) }
            let present = standings.indices.filter {
                existing.contains(schemas[$0]) && schemas[$0].range(of: "^[a-z_][a-z0-9_]*$", options: .regularExpression) != nil
            }
            // A few hundred schemas per statement keeps each statement modest.
            for chunk in stride(from: 0, to: present.count, by: 200).map({ Array(present[$0..<min($0 + 200, present.count)]) }) {
                func union(_ part: (String) -> String) -> (String, LedgerArguments) {
                    var arguments: [DatabaseValue] = []
                    let text = chunk.map { index -> String in
                        arguments.append(Int64(index).databaseValue)
                        return "SELECT ?::bigint AS n, " + part("\"\(schemas[index])\"")
                    }.joined(separator: "\nUNION ALL\n")
                    return (text, LedgerArguments(arguments))
                }
                let (runs, runArguments) = union { s in
                    "id, ran_at, period, period_end, packs FROM \(s).runs WHERE id = (SELECT max(id) FROM \(s).runs)"
                }
                for row in try sql.rows(runs, runArguments).map(\.grdbRow) {
                    guard let n: Int64 = row["n"], let index = Int(exactly: n), standings.indices.contains(index),
                        let packs: String = row["packs"]
                    else { continue }
                    let scores = try JSONDecoder().decode([RunSummary.PackScore].self, from: Data(packs.utf8))
                    standings[index].latestRun = RunSummary(id: row["id"], ranAt: row["ran_at"], period: row["period"], packs: scores)
                    let end: String? = row["period_end"]
                    standings[index].assessedThrough = end.flatMap(Day.init(iso:))
                    standings[index].reviewDue = standings[index].assessedThrough?.adding(months: 12 * cycleYears)
                }
                let (vetoes, vetoArguments) = union { s in
                    """
                    pack || '/' || indicator AS veto FROM \(s).run_findings
                    WHERE run_id = (SELECT max(id) FROM \(s).runs) AND kind = 'veto' AND outcome = 'fail'
                    """
                }
                for row in try sql.rows(vetoes + "\nORDER BY 1, 2", vetoArguments).map(\.grdbRow) {
                    guard let n: Int64 = row["n"], let index = Int(exactly: n), standings.indices.contains(index),
                        let veto: String = row["veto"]
                    else { continue }
                    standings[index].vetoes.append(veto)
                }
                let (items, countArguments) = union { s in
                    """
                    count(*) AS open, count(*) FILTER (WHERE deadline < (SELECT day FROM today)) AS overdue
                    FROM \(s).rectification_items WHERE status <> 'verified'
                    """
                }
                var itemArguments = countArguments
                itemArguments.values.insert(today.description.databaseValue, at: 0)
                for row in try sql.rows("WITH today(day) AS (VALUES (?::text))\n" + items, itemArguments).map(\.grdbRow) {
                    guard let n: Int64 = row["n"], let index = Int(exactly: n), standings.indices.contains(index) else { continue }
                    standings[index].openItems = Int(row["open"] as Int64? ?? 0)
                    standings[index].overdueItems = Int(row["overdue"] as Int64? ?? 0)
                }
            }
            return standings
        }
    }
}
