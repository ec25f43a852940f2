import GRDB

/// One indicator's or veto's outcome as a run stored it (without its evidence rows).
public struct StoredFinding: Hashable, Sendable, Codable {
    /// The pack id.
    public var pack: String
    /// The indicator or veto id.
    public var indicator: String
    /// Whether this is a veto.
    public var isVeto: Bool
    /// The outcome; a fired veto is `fail`.
    public var outcome: Outcome?
    /// Points awarded.
    public var awarded: Double
    /// Points possible.
    public var points: Double
}

extension Ledger {
    /// The stored outcomes of one run, by pack then id as stored.
    public func findings(ofRun runID: Int64) throws -> [StoredFinding] {
        try database.read { db in
            guard try RunRow.fetchOne(db, key: runID) != nil else { throw LedgerError.runNotFound(runID) }
            return try RunFindingRow.fetchAll(
                db, sql: "SELECT * FROM run_findings WHERE run_id = ? ORDER BY id", arguments: [runID])
        }.map {
            StoredFinding(
                pack: $0.pack, indicator: $0.indicator, isVeto: $0.kind == "veto", outcome: Outcome(rawValue: $0.outcome),
                awarded: $0.awarded, points: $0.points)
        }
    }
}
