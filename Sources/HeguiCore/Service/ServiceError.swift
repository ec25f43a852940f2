import HeguiBase

/// Why a service call could not run: nothing was scored or recorded. Each case carries the values a
/// front end needs to word it for its users; none is text for one particular front end.
public enum ServiceError: Error, Sendable {
    /// The rule packs could not be loaded.
    case rules(RulesProblem)
    /// Pack ids were asked for that no loaded pack has.
    case unknownPacks([String], available: [String])
    /// No loaded pack has an indicator or veto with this id.
    case unknownRule(String, packs: [String])
    /// The records have located problems; `problems` also counts those past the error limit.
    case records([Diagnostic], problems: Int)
    /// The records folder holds no file of a known kind; `examples` names a few expected files.
    case noRecords(String, examples: [String])
    /// A records folder, profile or waivers file could not be read.
    case unreadable(UnreadableFileError)
    /// A profile or waivers file has located problems.
    case input([Diagnostic])
    /// The ledger could not be opened, read or written.
    case ledger(path: String, LedgerStep, reason: LocalizedText)
    /// Anything else, in its own words.
    case other(String)

    /// Why the rule packs could not be used.
    public enum RulesProblem: Sendable {
        /// A pack file, folder or the schema could not be read (or the shipped rules were not found).
        case unreadable(UnreadableFileError)
        /// The schema or a pack could not be parsed at all.
        case diagnostics([Diagnostic])
        /// The packs have schema or meaning errors.
        case invalid(LoadedPacks)
        /// Anything else, in its own words.
        case other(String)
    }

    /// What the ledger was needed for when it failed.
    public enum LedgerStep: Sendable {
        /// Opening (or creating) the file.
        case open
        /// Reading rectification items as a record kind.
        case readItems
        /// Recording the run, or reading items, history and the audit chain after it.
        case record
    }

    /// Why the ledger failed, in both languages.
    static func ledgerReason(_ error: any Error) -> LocalizedText {
        if let error = error as? LedgerError { return error.message }
        return LocalizedText(verbatim: "\(error)")
    }

    /// The error for anything loading input threw: located problems stay located.
    static func input(from error: any Error) -> ServiceError {
        switch error {
        case let error as ServiceError: error
        case let unreadable as UnreadableFileError: .unreadable(unreadable)
        case let diagnostics as DiagnosticsError: .input(diagnostics.diagnostics)
        default: .other("\(error)")
        }
    }
}
