import Crypto
import Foundation
import GRDB

/// The ledger's schema, one migration per step. Shipped migrations are never edited: add a new one.
enum LedgerSchema {
    /// The migrator with every migration in order; `key` MACs the event that adopts existing rows.
    static func migrator(key: LedgerKey? = nil, clock: @escaping @Sendable () -> Date = { Date() }) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-runs") { db in
            try db.execute(
                sql: """
                    CREATE TABLE runs (
                        id INTEGER PRIMARY KEY,
                        ran_at TEXT NOT NULL,
                        period TEXT NOT NULL,
                        period_start TEXT NOT NULL,
                        period_end TEXT NOT NULL,
                        packs TEXT NOT NULL,
                        inputs TEXT NOT NULL,
                        last_event_id INTEGER
                    );
                    CREATE TABLE run_findings (
                        id INTEGER PRIMARY KEY,
                        run_id INTEGER NOT NULL REFERENCES runs(id),
                        pack TEXT NOT NULL,
                        indicator TEXT NOT NULL,
                        kind TEXT NOT NULL CHECK (kind IN ('indicator', 'veto')),
                        outcome TEXT NOT NULL,
                        awarded REAL NOT NULL,
                        points REAL NOT NULL,
                        UNIQUE (run_id, pack, indicator)
                    );
                    """)
        }
        migrator.registerMigration("v1-patrols") { db in
            try db.execute(
                sql: """
                    CREATE TABLE patrols (
                        id INTEGER PRIMARY KEY,
                        date TEXT NOT NULL,
                        team TEXT NOT NULL,
                        scope TEXT NOT NULL,
                        leader TEXT,
                        created_at TEXT NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v1-rectification") { db in
            try db.execute(
                sql: """
                    CREATE TABLE rectification_items (
                        id INTEGER PRIMARY KEY,
                        source TEXT NOT NULL CHECK (source IN ('check', 'patrol')),
                        pack TEXT,
                        indicator TEXT,
                        group_key TEXT,
                        period TEXT,
                        period_end TEXT,
                        patrol_id INTEGER REFERENCES patrols(id),
                        found_on TEXT NOT NULL,
                        finder TEXT,
                        location TEXT,
                        description TEXT NOT NULL,
                        category TEXT NOT NULL,
                        grade TEXT NOT NULL,
                        measure TEXT,
                        funds REAL,
                        department TEXT,
                        responsible TEXT,
                        deadline TEXT NOT NULL,
                        rechecker TEXT,
                        status TEXT NOT NULL,
                        submitted_by TEXT,
                        verified_by TEXT,
                        verified_on TEXT,
                        evidence TEXT NOT NULL DEFAULT '[]',
                        requires_sign_off INTEGER NOT NULL DEFAULT 0,
                        created_at TEXT NOT NULL
                    );
                    -- One item per failed (pack, indicator, group, period): re-runs find it instead of duplicating.
                    CREATE UNIQUE INDEX rectification_items_check_key
                        ON rectification_items (pack, indicator, COALESCE(group_key, ''), period)
                        WHERE source = 'check';
                    CREATE INDEX rectification_items_status ON rectification_items (status);
                    """)
        }
        migrator.registerMigration("v1-events") { db in
            try db.execute(
                sql: """
                    CREATE TABLE events (
                        id INTEGER PRIMARY KEY,
                        item_id INTEGER REFERENCES rectification_items(id),
                        time TEXT NOT NULL,
                        actor TEXT NOT NULL,
                        action TEXT NOT NULL,
                        from_status TEXT,
                        to_status TEXT,
                        note TEXT,
                        detail TEXT,
                        prev_hash TEXT NOT NULL,
                        hash TEXT NOT NULL
                    );
                    CREATE INDEX events_item ON events (item_id);
                    CREATE TRIGGER events_no_update BEFORE UPDATE ON events
                        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
                    CREATE TRIGGER events_no_delete BEFORE DELETE ON events
                        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
                    """)
        }
        migrator.registerMigration("v2-evidence-files") { db in
            try db.execute(
                sql: """
                    CREATE TABLE evidence_files (
                        id INTEGER PRIMARY KEY,
                        item_id INTEGER NOT NULL REFERENCES rectification_items(id),
                        name TEXT NOT NULL,
                        sha256 TEXT NOT NULL,
                        size INTEGER NOT NULL
                    );
                    CREATE INDEX evidence_files_item ON evidence_files (item_id);
                    """)
        }
        migrator.registerMigration("v2-event-state") { db in
            try db.execute(
                sql: """
                    ALTER TABLE events ADD COLUMN state TEXT;
                    ALTER TABLE events ADD COLUMN mac TEXT;
                    """)
            // Rows written before events carried state are adopted by one event that carries them all,
            // so a ledger from before this migration still rebuilds from its events.
            var existing: [String: Set<Int64>] = [:]
            for table in LedgerState.tables {
                let ids = try Int64.fetchAll(db, sql: "SELECT rowid FROM \(table)")
                if !ids.isEmpty { existing[table] = Set(ids) }
            }
            if !existing.isEmpty {
                try Ledger.appendEvent(
                    SQLiteConnection(db: db), itemID: nil, actor: "hegui", action: "adopt",
                    note: "rows written before events carried their state", time: AuditChain.timestamp(clock()),
                    key: key, drain: { existing })
            }
        }
        // The web front end's accounts, sessions and settings (their own file and migration ids).
        LedgerAccountsSchema.register(in: &migrator)
        // A PostgreSQL ledger keeps evidence bytes in this table (many machines, one store); a SQLite ledger
        // keeps them in the folder beside its file and leaves the table empty, so both schemas stay the same.
        migrator.registerMigration("v3-evidence-blobs") { db in
            try db.execute(
                sql: """
                    CREATE TABLE evidence_blobs (
                        sha256 TEXT PRIMARY KEY,
                        size INTEGER NOT NULL,
                        data BLOB NOT NULL,
                        stored_at TEXT NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v3-item-history") { db in
            // Added columns are NULL in every existing row, as events written before them replay.
            try db.execute(
                sql: """
                    ALTER TABLE rectification_items ADD COLUMN missed_deadline TEXT;
                    ALTER TABLE rectification_items ADD COLUMN published_on TEXT;
                    """)
        }
        return migrator
    }
}
