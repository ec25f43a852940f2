import Foundation
import HeguiBase
import Testing

/// The PostgreSQL server the tests use: `HEGUI_TEST_POSTGRES_URL` (`.ci/run` and `scripts/postgres-dev.sh`
/// start one). Each test ledger gets its own schema in that database, so ids start at 1 as in a new file.
enum PostgresTestServer {
    /// The server's URL, when given.
    static var url: String? {
        ProcessInfo.processInfo.environment["HEGUI_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Whether this run is CI (`CI` set), where PostgreSQL tests must run.
    static var isCI: Bool { !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty }

    /// PostgreSQL tests run when a server is given or in CI (where a missing server is a failure).
    static var shouldRun: Bool { url != nil || isCI }

    /// Why PostgreSQL tests are disabled on this machine.
    static let disabledReason: Comment =
        "HEGUI_TEST_POSTGRES_URL is not set: start a server with scripts/postgres-dev.sh to run the PostgreSQL ledger tests"

    /// The missing-server failure.
    struct Missing: Error, CustomStringConvertible {
        var description: String { "CI is set but HEGUI_TEST_POSTGRES_URL is not: the PostgreSQL tests cannot run" }
    }

    /// The server URL, or `Missing`.
    static func requireURL() throws -> String {
        guard let url else { throw Missing() }
        return url
    }

    /// The test server's URL pointing at a new, unique schema.
    static func freshLedgerURL() throws -> String {
        let base = try requireURL()
        let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        return base + (base.contains("?") ? "&" : "?") + "schema=" + schema
    }
}
