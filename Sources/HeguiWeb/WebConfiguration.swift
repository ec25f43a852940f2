import Foundation
import HeguiCore

/// How `hegui serve` runs: where the ledger and records are, where it listens, and its limits.
public struct WebConfiguration: Sendable {
    /// The ledger: a SQLite file, or a PostgreSQL URL whose own schema holds the accounts and sessions and
    /// whose registered enterprises each have their ledger.
    public var ledgerPath: String
    /// The records folder a check may use and the review pack reads; nil when none is configured.
    public var recordsDirectory: String?
    /// Rule pack files or folders; empty for the shipped rules.
    public var rules: [String] = []
    /// A profile file for checks and the review pack.
    public var profile: String?
    /// The period a check proposes (e.g. `2019`); nil: the current year.
    public var defaultPeriod: String?
    /// The interface to listen on.
    public var host = "127.0.0.1"
    /// The port to listen on (0: any free port).
    public var port = 8080
    /// A folder whose templates and static files replace the shipped ones of the same name.
    public var overrideDirectory: String?
    /// The largest photo accepted, in bytes.
    public var photoLimit = 10 * 1024 * 1024
    /// Whether photos keep their EXIF location (off: it is blanked before storing).
    public var keepPhotoLocation = false
    /// Whether the server is reached through TLS (cookies get `Secure`).
    public var secureCookies = false
    /// Signed-in sessions end after this long without a request.
    public var idleTimeout: TimeInterval = 30 * 60
    /// Failed sign-ins for one name (or one address) before sign-in is refused for `lockout`.
    public var loginAttempts = 5
    /// How long sign-in stays refused after too many failures.
    public var lockout: TimeInterval = 15 * 60
    /// The day for deadlines and overdue; nil: the real local date.
    public var today: Day?
    /// Years between an enterprise's evaluations (复评), for the federation page's due dates.
    public var reviewCycleYears = 3
    /// The clock, injectable for tests.
    public var clock: @Sendable () -> Date = { Date() }

    /// A configuration over a ledger file.
    public init(ledgerPath: String) {
        self.ledgerPath = ledgerPath
    }

    /// The day in effect.
    var currentDay: Day {
        if let today { return today }
        let parts = Calendar.current.dateComponents(in: TimeZone.current, from: clock())
        return Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? Day(ordinal: 0)
    }
}
