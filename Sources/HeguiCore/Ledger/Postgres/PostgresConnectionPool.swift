import Foundation
import PostgresNIO

/// Idle connections to one PostgreSQL database, handed to the next ledger a federation opens instead of a new
/// connection per ledger: each new connection is a new server process (about 8 ms of the server's CPU before
/// the first statement, and its caches start cold). A connection comes back only between transactions
/// and in a clean state; the ledger that takes it points its `search_path` at its own schema.
final class PostgresConnectionPool: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: [PostgresConnection] = []
    /// How many idle connections are kept; more are closed.
    let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    deinit {
        for connection in idle { Self.close(connection) }
    }

    /// An idle open connection, if any.
    func take() -> PostgresConnection? {
        lock.withLock {
            while let connection = idle.popLast() {
                if !connection.isClosed { return connection }
            }
            return nil
        }
    }

    /// Keeps a connection for the next ledger, or closes it when the pool is full.
    func give(_ connection: PostgresConnection) {
        let kept = lock.withLock {
            guard idle.count < capacity, !connection.isClosed else { return false }
            idle.append(connection)
            return true
        }
        if !kept { Self.close(connection) }
    }

    /// Closes a connection without waiting; it must outlive its close (postgres-nio asserts it).
    static func close(_ connection: PostgresConnection) {
        let closing: EventLoopFuture<Void> = connection.close()
        closing.whenComplete { _ in withExtendedLifetime(connection) {} }
    }
}
