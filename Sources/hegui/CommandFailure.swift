import Foundation
import HeguiCore

/// What a command prints and how it exits; `finish` writes it out unchanged.
struct CommandResult: Hashable, Sendable {
    /// Text for stdout.
    var output: String
    /// Text for stderr.
    var errors: String
    /// 0 ok, 1 refused or failed, 2 could not run.
    var exitCode: Int32

    /// Creates a result.
    init(output: String = "", errors: String = "", exitCode: Int32 = 0) {
        self.output = output
        self.errors = errors
        self.exitCode = exitCode
    }
}

/// A command that cannot go on: what to print on standard error, and the exit code (2 for input
/// and usage problems).
struct CommandFailure: Error, Sendable {
    /// The lines to print on standard error.
    var message: String
    /// The exit code.
    var exitCode: Int32

    /// Creates a failure.
    init(_ message: String, exitCode: Int32 = 2) {
        self.message = message
        self.exitCode = exitCode
    }

    /// The failure for any error thrown while loading input: diagnostics one per line, in the language,
    /// in the order given (loaders sort them and put an error-limit note last).
    static func from(_ error: any Error, language: Language = .en) -> CommandFailure {
        switch error {
        case let failure as CommandFailure: failure
        case let service as ServiceError: from(service, language: language)
        case let unreadable as UnreadableFileError:
            CommandFailure(unreadable.line(language))
        case let diagnostics as DiagnosticsError:
            CommandFailure(diagnostics.diagnostics.map { DiagnosticText.line($0, language) }.joined(separator: "\n"))
        default: CommandFailure("hegui: error: \(error)")
        }
    }

    /// A service call's failure in words: every one exits 2 (nothing was scored or recorded).
    static func from(_ error: ServiceError, language: Language) -> CommandFailure {
        switch error {
        case .rules(.unreadable(let unreadable)):
            from(unreadable, language: language)
        case .rules(.diagnostics(let diagnostics)): from(DiagnosticsError(diagnostics), language: language)
        case .rules(.invalid(let loaded)):
            CommandFailure(ValidationReport.text(loaded).trimmingCharacters(in: .newlines))
        case .rules(.other(let reason)), .other(let reason):
            CommandFailure("hegui: error: \(reason)")
        case .unknownPacks(let unknown, let available):
            CommandFailure(
                "hegui: error: unknown pack \(unknown.map { "'\($0)'" }.joined(separator: ", ")) (have: \(available.joined(separator: ", ")))"
            )
        case .unknownRule(let id, let packs):
            CommandFailure("hegui: error: no indicator or veto '\(id)' in \(packs.joined(separator: ", "))")
        case .records(let diagnostics, let problems):
            CommandFailure(
                from(DiagnosticsError(diagnostics), language: language).message + "\n"
                    + (language == .en
                        ? "hegui: error: \(problems) problem\(problems == 1 ? "" : "s") in the records; the check stopped without a score"
                        : "hegui: error: 记录中有 \(problems) 处问题；检查已停止，不计分"))
        case .noRecords(let directory, let examples):
            CommandFailure(
                language == .en
                    ? "\(directory): error: no records file of a known kind (e.g. \(examples.joined(separator: ", ")), or an XML <records> bundle); the check stopped without a score"
                    : "\(directory): 错误：没有可识别的记录文件（如 \(examples.joined(separator: ", "))，或 XML <records> 记录包）；检查已停止，不计分")
        case .unreadable(let unreadable): from(unreadable, language: language)
        case .input(let diagnostics): from(DiagnosticsError(diagnostics), language: language)
        case .ledger(let path, .open, let reason): CommandFailure("\(path): error: cannot open the ledger: \(reason)")
        case .ledger(let path, .readItems, let reason):
            CommandFailure("\(path): error: cannot read rectification items: \(reason)")
        case .ledger(let path, .record, let reason): CommandFailure("\(path): error: cannot record the run: \(reason)")
        }
    }
}

/// Flag values the command line turns into core values.
enum FlagValues {
    /// Parses `--period`, or `--from`/`--to`.
    static func period(_ text: String?, from: String?, to: String?) throws(CommandFailure) -> Period {
        if let text {
            guard from == nil, to == nil else { throw CommandFailure("hegui: error: give --period or --from/--to, not both") }
            guard let period = Period(parsing: text) else {
                throw CommandFailure("hegui: error: '\(text)' is not a period (use 2019, 2019Q2, 2019H1, 2019-03 or --from/--to)")
            }
            try requireSupported(period, as: text)
            return period
        }
        guard let from, let to else { throw CommandFailure("hegui: error: give --period (e.g. 2019) or both --from and --to") }
        guard let start = Day(iso: from) else {
            throw CommandFailure("hegui: error: --from '\(from)' is not a date (YYYY-MM-DD)")
        }
        guard let end = Day(iso: to) else { throw CommandFailure("hegui: error: --to '\(to)' is not a date (YYYY-MM-DD)") }
        guard start <= end else { throw CommandFailure("hegui: error: --from \(from) is after --to \(to)") }
        let period = Period(start: start, end: end)
        try requireSupported(period, as: "\(from)..\(to)")
        return period
    }

    /// Refuses a period outside `Day.supportedYears`: its look-backs and deadlines would leave the
    /// four-digit years the ledger and reports write.
    private static func requireSupported(_ period: Period, as text: String) throws(CommandFailure) {
        guard period.isSupported else {
            throw CommandFailure(
                "hegui: error: period \(text) is outside the years \(Day.supportedYears.lowerBound)–\(Day.supportedYears.upperBound) hegui assesses"
            )
        }
    }

    /// Today in the local time zone (where deadlines fall for the people keeping them), or the given
    /// `YYYY-MM-DD` (for reproducible runs).
    static func today(_ text: String?) throws(CommandFailure) -> Day {
        if let text {
            guard let day = Day(iso: text) else { throw CommandFailure("hegui: error: '\(text)' is not a date (YYYY-MM-DD)") }
            guard Day.supportedYears.contains(day.year) else {
                throw CommandFailure(
                    "hegui: error: date \(text) is outside the years \(Day.supportedYears.lowerBound)–\(Day.supportedYears.upperBound) hegui assesses"
                )
            }
            return day
        }
        let parts = Calendar.current.dateComponents(in: TimeZone.current, from: Date())
        return Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? Day(ordinal: 0)
    }
}
