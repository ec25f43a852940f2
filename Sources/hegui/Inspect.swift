import ArgumentParser
import Foundation
import HeguiCore

/// `hegui inspect`: worker-representative patrols (职工代表巡视) and the issues they find.
struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record worker-representative patrols (职工代表巡视) and their issues.",
        subcommands: [Add.self, Issue.self, List.self, BulkAdd.self])

    /// `hegui inspect add`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a patrol; prints its id.")
        @OptionGroup var flags: LedgerFlags
        @Option(help: "The day of the patrol (YYYY-MM-DD).") var date: String
        @Option(help: "The patrol team (巡视组).") var team: String
        @Option(help: "What was visited (巡视范围).") var scope: String
        @Option(help: "The team leader (组长).") var leader: String?
        @Option(help: "Who records it.") var by: String

        func run() throws {
            try finish(LedgerCommands.addPatrol(flags.options, date: date, team: team, scope: scope, leader: leader, by: by))
        }
    }

    /// `hegui inspect issue`.
    struct Issue: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record an issue found on a patrol; prints the item id.")
        @OptionGroup var flags: LedgerFlags
        @Option(help: "The patrol id.") var patrol: Int64
        @Option(help: "The day found (default: the patrol's day).") var foundOn: String?
        @Option(help: "Who found it (default: the patrol team).") var finder: String?
        @Option(help: "Where (地点).") var location: String?
        @Option(help: "What is wrong (问题描述).") var description: String
        @Option(help: "安全 / 劳保 / 食堂宿舍 / 厂务公开 / 提案 …") var category: String
        @Option(help: "一般 or 重大.") var grade: String
        @Option(help: "The responsible department.") var department: String?
        @Option(help: "The responsible person.") var responsible: String?
        @Option(
            help: """
                The deadline, not before the day found (default: the day found plus the packs' days for the \
                grade; 一般 15, 重大 90 when the packs give none or cannot be read).
                """)
        var deadline: String?
        @Option(help: "The fix to make (整改措施).") var measure: String?
        @Option(help: "Money set aside, yuan.") var funds: Double?
        @Option(help: "The planned re-checker.") var rechecker: String?
        @Option(help: "Who records it.") var by: String
        @Option(
            help:
                "A rule pack or folder whose <rectification-deadlines> set the default (repeatable; default: the shipped rules).")
        var rules: [String] = []

        func run() throws {
            try finish(
                LedgerCommands.addIssue(
                    flags.options,
                    LedgerCommands.IssueArguments(
                        patrol: patrol, foundOn: foundOn, finder: finder, location: location, description: description,
                        category: category, grade: grade, department: department, responsible: responsible,
                        deadline: deadline, measure: measure, funds: funds, rechecker: rechecker, by: by, rules: rules)))
        }
    }

    /// `hegui inspect list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the patrols.")
        @OptionGroup var flags: LedgerFlags

        func run() throws { try finish(LedgerCommands.listPatrols(flags.options)) }
    }

    /// `hegui inspect bulk-add` (hidden): many issues, one transaction each, printing each id once committed.
    struct BulkAdd: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bulk-add", abstract: "Add many issues (for tests).", shouldDisplay: false)
        @OptionGroup var flags: LedgerFlags
        @Option(help: "The patrol id.") var patrol: Int64
        @Option(help: "How many issues.") var count: Int
        @Option(help: "Who records them.") var by: String = "bulk"

        func run() throws {
            try finish(
                LedgerCommands.bulkAddIssues(flags.options, patrol: patrol, count: count, by: by) { id in
                    // Unbuffered, so a killed process has printed exactly what it committed.
                    FileHandle.standardOutput.write(Data("\(id)\n".utf8))
                })
        }
    }
}
