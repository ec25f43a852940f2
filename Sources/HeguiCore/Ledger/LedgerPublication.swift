import Foundation
import HeguiBase

extension Ledger {
    /// Records that an item's result was made public (公示) on `day`, as an event: only once its re-check
    /// has passed (check-passed or struck off), once, and not before the day it was found.
    @discardableResult
    public func publish(itemID: Int64, on day: Day, by: String) throws -> RectificationItem {
        let actor = try Self.actor(by)
        return try write { db in
            var row = try itemRow(db, itemID)
            let before = try row.item()
            if let published = before.publishedOn {
                throw LedgerError.refused(.alreadyPublished(item: itemID, day: published.description))
            }
            guard before.status == .checkPassed || before.status == .verified else {
                throw LedgerError.refused(.publishBeforeRecheck(item: itemID, status: before.status.rawValue))
            }
            guard day >= before.foundOn else {
                throw LedgerError.refused(
                    .publishedBeforeFound(item: itemID, day: day.description, foundOn: before.foundOn.description))
            }
            var after = before
            after.publishedOn = day
            row.update(from: after)
            try row.update(db)
            try appendEvent(
                db, itemID: itemID, actor: actor, action: "publish", from: before.status, to: after.status,
                detail: "published_on=\(day)")
            return after
        }
    }
}
