import Foundation
import HeguiXML

/// A command that cannot go on: what to print on standard error, and the exit code (2 for input
/// and usage problems).
public struct CommandFailure: Error, Sendable {
    /// The lines to print on standard error.
    public var message: String
    /// The exit code.
    public var exitCode: Int32

    /// Creates a failure.
    public init(_ message: String, exitCode: Int32 = 2) {
        self.message = message
        self.exitCode = exitCode
    }

    /// The failure for any error thrown while loading input: diagnostics one per line, in the language,
    /// in the order given (loaders sort them and put an error-limit note last).
    public static func from(_ error: Error, language: Language = .en) -> CommandFailure {
        switch error {
        case let failure as CommandFailure: failure
        case let unreadable as UnreadableFileError:
            CommandFailure("\(unreadable.path): error: \(DiagnosticText.message(unreadable.reason, language))")
        case let diagnostics as DiagnosticsError:
            CommandFailure(
                diagnostics.diagnostics.map { DiagnosticText.line($0, language) }.joined(separator: "\n"))
        default: CommandFailure("hegui: error: \(error)")
        }
    }
}

/// Loading steps shared by `check`, `explain`, `report` and `test`.
public enum RunInputs {
    /// The packs with the selected ids (all when none are selected); an unknown id stops the run (exit 2).
    public static func select(_ ids: [String], from all: [RulePack]) throws(CommandFailure) -> [RulePack] {
        let unknown = ids.filter { id in !all.contains { $0.id == id } }
        guard unknown.isEmpty else {
            throw CommandFailure(
                "hegui: error: unknown pack \(unknown.map { "'\($0)'" }.joined(separator: ", ")) (have: \(all.map(\.id).joined(separator: ", ")))"
            )
        }
        return ids.isEmpty ? all : all.filter { ids.contains($0.id) }
    }

    /// Loads and validates every pack at these paths (the shipped rules when empty).
    public static func packs(rules: [String]) throws(CommandFailure) -> [RulePack] {
        do {
            let paths = rules.isEmpty ? [try RulesLocator.rulesDirectory()] : rules
            let loaded = try RulePackLoader.shipped().load(paths: paths)
            guard loaded.isValid else {
                throw CommandFailure(ValidationReport.text(loaded).trimmingCharacters(in: .newlines))
            }
            return loaded.packs
        } catch {
            throw CommandFailure.from(error)
        }
    }

    /// Imports the records folder for the packs' kinds; every bad cell stops the run (exit 2) with no score.
    public static func records(
        _ directory: String, packs: [RulePack], encoding: TextEncoding, language: Language = .en
    )
        throws(CommandFailure) -> RecordSet
    {
        let kinds = RecordCatalog.merge(packs).kinds
        do {
            let records = try RecordImporter(kinds: kinds, encoding: encoding).importDirectory(directory)
            // Nothing to judge is not a score of 0 and 52 things to fix: the run cannot start.
            guard !records.inputs.isEmpty else {
                let expected = kinds.prefix(4).map { "\($0.id).csv" }.joined(separator: ", ")
                throw CommandFailure(
                    language == .en
                        ? "\(directory): error: no records file of a known kind (e.g. \(expected), or an XML <records> bundle); the check stopped without a score"
                        : "\(directory): 错误：没有可识别的记录文件（如 \(expected)，或 XML <records> 记录包）；检查已停止，不计分")
            }
            return records
        } catch let error as DiagnosticsError {
            // Every problem counts, also those the error limit only counted ("78 more errors not shown").
            var errors = 0
            for diagnostic in error.diagnostics where diagnostic.severity == .error {
                let notShown =
                    DiagnosticText.match(diagnostic.message, template: "{} more errors not shown (error limit {})")
                    ?? DiagnosticText.match(diagnostic.message, template: "{} more error not shown (error limit {})")
                errors += notShown.flatMap { Int($0[0]) } ?? 1
            }
            let summary =
                language == .en
                ? "hegui: error: \(errors) problem\(errors == 1 ? "" : "s") in the records; the check stopped without a score"
                : "hegui: error: 记录中有 \(errors) 处问题；检查已停止，不计分"
            throw CommandFailure(CommandFailure.from(error, language: language).message + "\n" + summary)
        } catch {
            throw CommandFailure.from(error, language: language)
        }
    }

    /// Parses `--period`, or `--from`/`--to`.
    public static func period(_ text: String?, from: String?, to: String?) throws(CommandFailure) -> Period {
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
                "hegui: error: period \(text) is outside the years \(Day.supportedYears.lowerBound)–\(Day.supportedYears.upperBound) hegui assesses")
        }
    }

    /// Today in the local time zone (where deadlines fall for the people keeping them), or the given
    /// `YYYY-MM-DD` (for reproducible runs).
    public static func today(_ text: String?) throws(CommandFailure) -> Day {
        if let text {
            guard let day = Day(iso: text) else { throw CommandFailure("hegui: error: '\(text)' is not a date (YYYY-MM-DD)") }
            guard Day.supportedYears.contains(day.year) else {
                throw CommandFailure(
                    "hegui: error: date \(text) is outside the years \(Day.supportedYears.lowerBound)–\(Day.supportedYears.upperBound) hegui assesses")
            }
            return day
        }
        let parts = Calendar.current.dateComponents(in: TimeZone.current, from: Date())
        return Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? Day(ordinal: 0)
    }

    /// The warning for a pack checked over a span it was not written for: its yearly rules will fail.
    static func periodWarning(_ pack: RulePack, unit: PeriodUnit, period: Period, language: Language) -> String {
        let zh: [PeriodUnit: String] = [.year: "一年", .halfYear: "半年", .quarter: "一个季度", .month: "一个月"]
        return language == .en
            ? "hegui: warning: \(pack.id) is written for one \(unit.rawValue) at a time; \(period.label) is not one, so rules about a whole \(unit.rawValue) may fail"
            : "hegui: warning: \(pack.id) 按\(zh[unit] ?? unit.rawValue)为评价期编写；\(period.label) 不是\(zh[unit] ?? unit.rawValue)，按整期计的规则可能不达标"
    }

    /// The warning for a period outside the pack's `effective-from`…`effective-to`: the rules of this
    /// version are applied anyway, and the warning names it.
    static func versionWarning(_ pack: RulePack, period: Period, language: Language) -> String? {
        let before = pack.effectiveFrom.map { period.start < $0 } ?? false
        let after = pack.effectiveTo.map { period.end > $0 } ?? false
        guard before || after else { return nil }
        let span = "\(pack.effectiveFrom.map(\.description) ?? "…")–\(pack.effectiveTo.map(\.description) ?? "…")"
        return language == .en
            ? "hegui: warning: \(pack.id) version \(pack.version) is in force \(span); \(period.label) is not wholly inside it, so version \(pack.version) was used anyway"
            : "hegui: warning: \(pack.id) \(pack.version) 版的有效期为 \(span)；\(period.label) 不全在有效期内，仍按 \(pack.version) 版评价"
    }

    /// Opens the ledger a command reads: created when the run is to be recorded, otherwise only when
    /// the file exists (reading never creates one); nil when not used.
    public static func ledger(_ request: CheckRequest) throws(CommandFailure) -> Ledger? {
        guard request.useLedger, request.recordRun || FileManager.default.fileExists(atPath: request.ledgerPath) else {
            return nil
        }
        do {
            return try Ledger(path: request.ledgerPath, create: request.recordRun)
        } catch {
            throw CommandFailure("\(request.ledgerPath): error: cannot open the ledger: \(error)")
        }
    }

    /// Lets packs read the ledger as the `rectification` kind (安康杯 AK08) when the records folder
    /// has no rectification file of its own.
    public static func attach(
        _ ledger: Ledger?, to records: inout RecordSet, packs: [RulePack], request: CheckRequest
    )
        throws(CommandFailure)
    {
        guard let ledger, records.tables["rectification"] == nil,
            let kind = RecordCatalog.merge(packs).kinds.first(where: { $0.id == "rectification" })
        else { return }
        do {
            records.tables["rectification"] = try ledger.rectificationTable(kind: kind, today: request.today)
        } catch {
            throw CommandFailure("\(request.ledgerPath): error: cannot read rectification items: \(error)")
        }
    }
}
