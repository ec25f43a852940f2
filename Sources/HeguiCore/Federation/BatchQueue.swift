import Foundation

/// The jobs `hegui batch` processes share through the federation registry: one batch per folder and
/// period while it has work left, one job per enterprise folder, claimed with `FOR UPDATE SKIP LOCKED`
/// under a lease, so any number of processes on any number of machines check each enterprise once and a
/// dead worker's job is taken up again when its lease runs out.
struct BatchQueue: Sendable {
    let federation: Federation

    /// An open batch.
    struct Batch: Sendable {
        var id: Int64
        /// When the batch was started: the time every run it records carries.
        var ranAt: Date
    }

    /// A claimed job.
    struct Job: Sendable {
        var id: Int64
        var folder: String
    }

    /// Joins the open batch for a folder and period (one with work left, or begun less than a minute ago,
    /// so a batch started a moment after another that already finished shares its result rather than
    /// checking everything again), or starts one with a job per enterprise folder. Under the registry's
    /// lock, so two batches started at once share one set of jobs.
    func join(folder: String, period: String, folders: [String], ranAt: Date) throws -> Batch {
        try federation.registry.write { sql in
            let open = try sql.rows(
                """
                SELECT b.id, b.ran_at FROM batches b
                WHERE b.folder = ? AND b.period = ?
                  AND (b.created_at > now() - interval '60 seconds'
                    OR EXISTS (SELECT 1 FROM jobs j WHERE j.batch_id = b.id AND j.status IN ('pending', 'running')))
                ORDER BY b.id DESC LIMIT 1
                """, [folder, period]
            ).first?.grdbRow
            if let open, let id: Int64 = open["id"], let stamp: String = open["ran_at"], let date = Self.date(stamp) {
                return Batch(id: id, ranAt: date)
            }
            let stamp = AuditChain.timestamp(ranAt)
            guard
                let id = try Int64.fetchOne(
                    sql, sql: "INSERT INTO batches (folder, period, ran_at) VALUES (?, ?, ?) RETURNING id",
                    arguments: [folder, period, stamp])
            else { throw LedgerError.storeFailed(path: federation.url.redacted, reason: Message.ledger(.noBatchID).text) }
            // Folder names cannot hold U+001F; one statement inserts every job.
            try sql.execute(
                """
                INSERT INTO jobs (batch_id, folder, status)
                SELECT ?, name, 'pending' FROM unnest(string_to_array(?, chr(31))) AS name
                """, [id, folders.joined(separator: "\u{1F}")])
            return Batch(id: id, ranAt: Self.date(stamp) ?? ranAt)
        }
    }

    /// Claims the next pending job, or one whose lease ran out; nil when there is none to claim now.
    func claim(batch: Int64, worker: String, leaseSeconds: Double) throws -> Job? {
        try federation.registry.transaction(begin: "BEGIN", lockName: nil) { sql in
            try sql.rows(
                """
                UPDATE jobs SET status = 'running', worker = ?, attempts = attempts + 1, claimed_at = clock_timestamp(),
                    lease_until = now() + make_interval(secs => ?)
                WHERE id = (
                    SELECT id FROM jobs
                    WHERE batch_id = ? AND (status = 'pending' OR (status = 'running' AND lease_until < now()))
                    ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING id, folder
                """, [worker, leaseSeconds, batch]
            ).first.flatMap { row -> Job? in
                let values = row.grdbRow
                guard let id: Int64 = values["id"], let folder: String = values["folder"] else { return nil }
                return Job(id: id, folder: folder)
            }
        }
    }

    /// Stores a job's entry; a worker that lost its lease to another leaves the job to that one.
    func finish(job: Int64, worker: String, entry: BatchEntry) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let result = String(decoding: try encoder.encode(entry), as: UTF8.self)
        try federation.registry.transaction(begin: "BEGIN", lockName: nil) { sql in
            try sql.execute(
                """
                UPDATE jobs SET status = ?, result = ?, lease_until = NULL, finished_at = clock_timestamp()
                WHERE id = ? AND worker = ? AND status = 'running'
                """,
                [entry.checked ? "done" : "failed", result, job, worker])
        }
    }

    /// (finished jobs, all jobs) of a batch.
    func progress(batch: Int64) throws -> (Int, Int) {
        try federation.registry.read { sql in
            let row = try sql.rows(
                """
                SELECT count(*) FILTER (WHERE status IN ('done', 'failed')) AS finished, count(*) AS total
                FROM jobs WHERE batch_id = ?
                """, [batch]
            ).first?.grdbRow
            let finished: Int64 = row?["finished"] ?? 0
            let total: Int64 = row?["total"] ?? 0
            return (Int(finished), Int(total))
        }
    }

    /// Every finished job's entry, by folder name.
    func results(batch: Int64) throws -> [BatchEntry] {
        let texts = try federation.registry.read { sql in
            try String.fetchAll(
                sql, sql: "SELECT result FROM jobs WHERE batch_id = ? AND result IS NOT NULL ORDER BY folder COLLATE \"C\"",
                arguments: [batch])
        }
        return try texts.map { try JSONDecoder().decode(BatchEntry.self, from: Data($0.utf8)) }.sorted { $0.folder < $1.folder }
    }

    /// A stored `AuditChain.timestamp` as a date.
    static func date(_ stamp: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: stamp)
    }
}
