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
    /// The lines to print on standard error, in both languages.
    var text: LocalizedText
    /// The exit code.
    var exitCode: Int32

    /// Creates a failure from lines already in the reader's language (or the same in both).
    init(_ message: String, exitCode: Int32 = 2) {
        self.init(LocalizedText(verbatim: message), exitCode: exitCode)
    }

    /// Creates a failure from lines in both languages.
    init(_ text: LocalizedText, exitCode: Int32 = 2) {
        self.text = text
        self.exitCode = exitCode
    }

    /// `prefix: error: message` in both languages: the `error:` keyword stays English in both, as in
    /// a located diagnostic, so tools that read `…: error:` lines read hegui's too.
    init(_ prefix: String, _ message: Message, exitCode: Int32 = 2) {
        self.init(message.text.map { "\(prefix): error: \($0)" }, exitCode: exitCode)
    }

    /// The lines in a language.
    func message(_ language: Language) -> String { text.text(language) }

    /// The failure for any error thrown while loading input: diagnostics one per line, in the language,
    /// in the order given (loaders sort them and put an error-limit note last).
    static func from(_ error: any Error, language: Language = .en) -> CommandFailure {
        switch error {
        case let failure as CommandFailure: failure
        case let service as ServiceError: from(service, language: language)
        case let unreadable as UnreadableFileError:
            CommandFailure(unreadable.line(language))
        case let diagnostics as DiagnosticsError:
            CommandFailure(diagnostics.diagnostics.map { $0.line(language) }.joined(separator: "\n"))
        default: CommandFailure("hegui: error: \(error)")
        }
    }

    /// A service call's failure in words: every one exits 2 (nothing was scored or recorded).
    static func from(_ error: ServiceError, language: Language) -> CommandFailure {
        CommandFailure(error.lines(language))
    }
}

/// Flag values the command line turns into core values.
enum FlagValues {
    /// Parses `--period`, or `--from`/`--to`.
    static func period(_ text: String?, from: String?, to: String?) throws(CommandFailure) -> Period {
        if let text {
            guard from == nil, to == nil else { throw CommandFailure("hegui", .periods(.periodAndRange)) }
            guard let period = Period(parsing: text) else {
                throw CommandFailure("hegui", .periods(.notAPeriod(text: truncatedForMessage(text))))
            }
            try requireSupported(period, as: text)
            return period
        }
        guard let from, let to else { throw CommandFailure("hegui", .periods(.periodOrRangeNeeded)) }
        guard let start = Day(iso: from) else { throw CommandFailure("hegui", .periods(.fromNotADate(text: truncatedForMessage(from)))) }
        guard let end = Day(iso: to) else { throw CommandFailure("hegui", .periods(.toNotADate(text: truncatedForMessage(to)))) }
        guard start <= end else { throw CommandFailure("hegui", .periods(.fromAfterTo(from: from, to: to))) }
        let period = Period(start: start, end: end)
        try requireSupported(period, as: "\(from)..\(to)")
        return period
    }

    /// Refuses a period outside `Day.supportedYears`: its look-backs and deadlines would leave the
    /// four-digit years the ledger and reports write.
    private static func requireSupported(_ period: Period, as text: String) throws(CommandFailure) {
        guard period.isSupported else {
            throw CommandFailure(
                "hegui",
                .periods(
                    .periodOutsideYears(
                        period: text, first: Day.supportedYears.lowerBound, last: Day.supportedYears.upperBound)))
        }
    }

    /// Today in the local time zone (where deadlines fall for the people keeping them), or the given
    /// `YYYY-MM-DD` (for reproducible runs).
    static func today(_ text: String?) throws(CommandFailure) -> Day {
        if let text {
            guard let day = Day(iso: text) else { throw CommandFailure("hegui", .periods(.notADate(text: truncatedForMessage(text)))) }
            guard Day.supportedYears.contains(day.year) else {
                throw CommandFailure(
                    "hegui",
                    .periods(
                        .dateOutsideYears(date: text, first: Day.supportedYears.lowerBound, last: Day.supportedYears.upperBound)))
            }
            return day
        }
        let parts = Calendar.current.dateComponents(in: TimeZone.current, from: Date())
        return Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? Day(ordinal: 0)
    }
}
