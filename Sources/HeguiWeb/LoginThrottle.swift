import Foundation

/// Counts failed sign-ins per name and per address: after `limit` failures within `window` seconds,
/// sign-in for that name or address is refused until the window has passed since the last failure.
actor LoginThrottle {
    private var failures: [String: [Double]] = [:]
    let limit: Int
    let window: Double

    init(limit: Int, window: Double) {
        self.limit = limit
        self.window = window
    }

    /// Whether any of the keys is locked out now.
    func isLocked(_ keys: [String], now: Double) -> Bool {
        keys.contains { key in
            let recent = (failures[key] ?? []).filter { now - $0 < window }
            return recent.count >= limit
        }
    }

    /// Records a failure for each key.
    func fail(_ keys: [String], now: Double) {
        for key in keys {
            var list = (failures[key] ?? []).filter { now - $0 < window }
            list.append(now)
            failures[key] = list
        }
        // Forget keys whose failures are all old, so the table stays small.
        if failures.count > 10_000 {
            failures = failures.filter { $0.value.contains { now - $0 < window } }
        }
    }

    /// Forgets a name's failures after it signs in.
    func succeed(_ key: String) {
        failures[key] = nil
    }
}
