import HeguiBase

extension ServiceError {
    /// What went wrong, one located problem per line, from the message catalogue in a language: every
    /// front end (the command line, `hegui serve`) says a failure the same way.
    public func lines(_ language: Language) -> String {
        func diagnostics(_ list: [Diagnostic]) -> String { list.map { $0.line(language) }.joined(separator: "\n") }
        func located(_ prefix: String, _ message: Message) -> String {
            "\(prefix): error: " + message.text.text(language)
        }
        switch self {
        case .rules(.unreadable(let unreadable)), .unreadable(let unreadable): return unreadable.line(language)
        case .rules(.diagnostics(let list)), .input(let list): return diagnostics(list)
        case .rules(.invalid(let loaded)): return ValidationReport.text(loaded, language: language).trimmingCharacters(in: .newlines)
        case .rules(.other(let reason)), .other(let reason): return "hegui: error: \(reason)"
        case .unknownPacks(let unknown, let available):
            return located(
                "hegui",
                .command(
                    .unknownPacks(
                        packs: unknown.map { "'\($0)'" }.joined(separator: ", "), available: available.joined(separator: ", "))))
        case .unknownRule(let id, let packs):
            return located("hegui", .command(.unknownRule(id: id, packs: packs.joined(separator: ", "))))
        case .records(let list, let problems):
            return diagnostics(list) + "\n" + located("hegui", .command(.recordsProblems(count: problems)))
        case .noRecords(let directory, let examples):
            return located(directory, .command(.noRecords(examples: examples.joined(separator: ", "))))
        case .ledger(let path, .open, let reason): return located(path, .command(.cannotOpenLedger(reason: reason)))
        case .ledger(let path, .readItems, let reason): return located(path, .command(.cannotReadItems(reason: reason)))
        case .ledger(let path, .record, let reason): return located(path, .command(.cannotRecordRun(reason: reason)))
        }
    }
}
