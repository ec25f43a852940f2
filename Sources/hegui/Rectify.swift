import ArgumentParser
import Foundation
import HeguiCore

/// `hegui rectify`: the 整改 items and their lifecycle.
struct Rectify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List, show and move rectification items (整改): exit 1 when a move is refused.",
        subcommands: [
            List.self, Show.self, Assign.self, Start.self, Submit.self, Verify.self, Reject.self, Dispute.self,
            Reopen.self, Publish.self,
        ])

    /// `hegui rectify list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List items, marking overdue ones.")
        @OptionGroup var flags: LedgerFlags
        @Option(help: "Only this status: open, in-progress, submitted, check-passed, verified, rejected, disputed.")
        var status: String?
        @Flag(help: "Only items past their deadline and not struck off.") var overdue = false

        func run() throws { try finish(LedgerCommands.listItems(flags.options, status: status, overdue: overdue)) }
    }

    /// `hegui rectify show`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show an item and its events.")
        @OptionGroup var flags: LedgerFlags
        @Argument(help: "The item id.") var id: Int64

        func run() throws { try finish(LedgerCommands.show(flags.options, id: id)) }
    }

    /// `hegui rectify assign`.
    struct Assign: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set department, responsible person, deadline or re-checker.")
        @OptionGroup var flags: LedgerFlags
        @Argument(help: "The item id.") var id: Int64
        @Option(help: "The responsible department.") var department: String?
        @Option(help: "The responsible person.") var responsible: String?
        @Option(help: "The deadline (YYYY-MM-DD).") var deadline: String?
        @Option(help: "The planned re-checker.") var rechecker: String?
        @Option(help: "Who acts.") var by: String
        @Option(help: "A note.") var note: String?

        func run() throws {
            try finish(
                LedgerCommands.act(
                    flags.options, id: id, action: .assign, by: by, note: note, department: department,
                    responsible: responsible, deadline: deadline, rechecker: rechecker))
        }
    }

    /// The arguments of the status-moving actions.
    struct ActionArguments: ParsableArguments {
        @OptionGroup var flags: LedgerFlags
        @Argument(help: "The item id.") var id: Int64
        @Option(help: "Who acts.") var by: String
        @Option(help: "A note (a dispute's statement).") var note: String?
        @Option(parsing: .upToNextOption, help: "Evidence files (photos, documents).") var evidence: [String] = []

        func perform(_ action: RectificationAction) throws -> Never {
            try finish(LedgerCommands.act(flags.options, id: id, action: action, by: by, note: note, evidence: evidence))
        }
    }

    /// `hegui rectify start`.
    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Begin the fix (open, rejected or disputed → in progress).")
        @OptionGroup var arguments: ActionArguments
        func run() throws { try arguments.perform(.start) }
    }

    /// `hegui rectify submit`.
    struct Submit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Claim the fix (in progress → submitted); needs --evidence or --note.")
        @OptionGroup var arguments: ActionArguments
        func run() throws { try arguments.perform(.submit) }
    }

    /// `hegui rectify verify`.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-check and strike off; the verifier must not be the submitter.",
            discussion: """
                An item from a check is struck off by a check run that passes its indicator: verify signs off \
                such an item only once that run has moved it to check-passed.
                """)
        @OptionGroup var arguments: ActionArguments
        func run() throws { try arguments.perform(.verify) }
    }

    /// `hegui rectify reject`.
    struct Reject: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Refuse a submitted fix.")
        @OptionGroup var arguments: ActionArguments
        func run() throws { try arguments.perform(.reject) }
    }

    /// `hegui rectify dispute`.
    struct Dispute: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Contest a fix or strike-off; --note is the statement.")
        @OptionGroup var arguments: ActionArguments
        func run() throws { try arguments.perform(.dispute) }
    }

    /// `hegui rectify reopen`.
    struct Reopen: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reopen a struck-off item.")
        @OptionGroup var arguments: ActionArguments
        func run() throws { try arguments.perform(.reopen) }
    }

    /// `hegui rectify publish`.
    struct Publish: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that a re-checked item's result was made public (公示); once per item.")
        @OptionGroup var flags: LedgerFlags
        @Argument(help: "The item id.") var id: Int64
        @Option(help: "Who published it.") var by: String
        @Option(help: "The day it was published (YYYY-MM-DD; default --today).") var on: String?

        func run() throws { try finish(LedgerCommands.publish(flags.options, id: id, by: by, on: on)) }
    }
}
