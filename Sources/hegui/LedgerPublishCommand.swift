import Foundation
import HeguiCore

extension LedgerCommands {
    /// `hegui rectify publish`: records 公示 of a re-checked item on `--on` (default `--today`).
    static func publish(_ options: LedgerOptions, id: Int64, by: String, on: String?) -> CommandResult {
        run(options, create: false) { ledger, c in
            let day = try on.map { try parseDay($0, flag: "--on") } ?? c.today
            let item = try ledger.publish(itemID: id, on: day, by: by)
            let published = Message.ledger(.published(day: day.description)).text
            return CommandResult(output: c.say(.itemPublished(item: item.id, published: published)) + "\n")
        }
    }
}
