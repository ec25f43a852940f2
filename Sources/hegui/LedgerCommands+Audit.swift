import Foundation
import HeguiCore

extension LedgerCommands {
    /// `hegui ledger verify`: exit 0 when the chain holds and every table is what its events rebuild;
    /// 1 naming every break, difference and problem. The head is printed either way.
    static func verify(_ options: LedgerOptions, anchors: [String] = [], anchorsFile: String? = nil) -> CommandResult {
        if PostgresURL.isPostgres(options.path), options.enterprise == nil, anchors.isEmpty, anchorsFile == nil {
            return verifyShared(options)
        }
        return run(options, create: false) { ledger, c in
            var texts = anchors
            if let anchorsFile {
                guard let data = FileManager.default.contents(atPath: anchorsFile) else {
                    throw LedgerError.invalidArgument(Message.rectify(.cannotReadAnchors(file: anchorsFile)).text)
                }
                texts += String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init)
                    .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            }
            let parsed = try texts.map { text in
                guard let anchor = ChainAnchor(text) else {
                    throw LedgerError.invalidArgument(Message.rectify(.notAChainHead(text: truncatedForMessage(text))).text)
                }
                return anchor
            }
            let report = try ledger.verifyChain(anchors: parsed)
            var lines: [String] = []
            if let broken = report.firstBreak { lines.append(LedgerError.brokenChain(broken).message.text(c.language)) }
            if !report.inconsistentItems.isEmpty {
                lines.append(LedgerError.inconsistentItems(report.inconsistentItems).message.text(c.language))
            }
            lines += report.differences.map { $0.text.text(c.language) }
            lines += report.problems.map { $0.text(c.language) }
            guard lines.isEmpty else {
                let head = c.say(.chainBroken(events: report.events, head: report.head)) + "\n"
                return CommandResult(
                    output: head, errors: lines.map { "hegui: error: " + terminalSafe($0) + "\n" }.joined(), exitCode: 1)
            }
            // The head as `--anchor` takes it back: the count is the events', the hash the last one's.
            return CommandResult(
                output: c.say(.chainIntact(events: report.events, head: report.head)) + "\n")
        }
    }

    /// `hegui ledger export`: the 台账 as CSV (Excel) or JSON in `--lang`, to a file or stdout; overdue as of
    /// `--today`; the chain head is in the file and, when writing a file, on stderr.
    static func export(_ options: LedgerOptions, format: String, output: String?) -> CommandResult {
        run(options, create: false) { ledger, c in
            let text: String
            let snapshot = try ledger.exportSnapshot()
            let head = LedgerMessage.chainHead(count: Int(clamping: snapshot.eventCount), hash: snapshot.headHash)
            if format.lowercased() == "xlsx" {
                guard let output else { throw LedgerError.invalidArgument(LocalizedText(.spreadsheets(.workbookNeedsOutput))) }
                do {
                    try LedgerWorkbook.write(snapshot, today: c.today, language: c.language, to: output)
                } catch let error as XLSXWriteError {
                    return CommandResult(errors: error.line(c.language) + "\n", exitCode: 2)
                }
                return CommandResult(errors: c.say(.exported(file: output)) + "\n" + Message.ledger(head).text(c.language) + "\n")
            }
            switch format.lowercased() {
            case "csv": text = Ledger.csv(snapshot, today: c.today, language: c.language)
            case "json": text = Ledger.json(snapshot, today: c.today, language: c.language)
            default:
                throw LedgerError.invalidArgument(
                    LocalizedText(.spreadsheets(.ledgerExportFormatUnknown(format: truncatedForMessage(format)))))
            }
            guard let output else { return CommandResult(output: text) }
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw LedgerError.invalidArgument(
                    Message.rectify(.cannotWriteExport(file: output, reason: Message.files(.os(OSReason(error))).text)).text)
            }
            return CommandResult(errors: c.say(.exported(file: output)) + "\n" + Message.ledger(head).text(c.language) + "\n")
        }
    }

    // MARK: - history

    /// `hegui history`: the stored runs.
    static func history(_ options: LedgerOptions) -> CommandResult {
        run(options, create: false) { ledger, c in
            let lines = try ledger.runs().map { run in
                "\(run.id)  \(run.ranAt)  \(run.period)  "
                    + run.packs.map { p in
                        "\(p.pack) \(p.version) \(formatNumber(p.score))/\(formatNumber(p.maxScore)) \(p.grade) "
                            + c.say(p.passed ? .runPassed : .runFailed)
                    }.joined(separator: "; ")
            }
            if lines.isEmpty {
                return CommandResult(
                    output: c.say(.noRuns) + "\n")
            }
            return CommandResult(output: lines.map { terminalSafe($0) + "\n" }.joined())
        }
    }

    /// `hegui diff RUN RUN`: changed outcomes and items opened, reopened or struck off between two runs
    /// (struck-off items with the status the later run left them in).
    static func diff(_ options: LedgerOptions, from: Int64, to: Int64) -> CommandResult {
        run(options, create: false) { ledger, c in
            let d = try ledger.diff(from: from, to: to)
            var out = [c.say(.diffHeader(from: from, to: to))]
            out.append(c.say(.changedOutcomes))
            for change in d.changes {
                let before = change.before?.title.text(c.language) ?? "—"
                let after = change.after?.title.text(c.language) ?? "—"
                out.append(terminalSafe("  \(change.pack) \(change.indicator)  \(before) → \(after)"))
            }
            out.append(c.say(.itemsOpened))
            out += d.opened.map { "  " + line($0, c) }
            out.append(c.say(.itemsReopened))
            out += d.reopened.map { "  " + line($0, c) }
            out.append(c.say(.itemsStruckOff))
            out += d.closed.map { "  " + line($0, c) }
            return CommandResult(output: out.map { $0 + "\n" }.joined())
        }
    }
}

extension LedgerCommands {
    /// `hegui ledger verify` on a shared store without `--enterprise`: every enterprise's chain (and the
    /// default ledger's), one line each; exit 1 when any is broken.
    static func verifyShared(_ options: LedgerOptions) -> CommandResult {
        let c = Context(path: options.path, today: realToday(), language: options.language)
        do {
            let reports = try Federation(url: try PostgresURL(parsing: options.path)).verifyAll()
            if reports.isEmpty {
                throw LedgerError.cannotOpen(path: PostgresURL.redact(options.path), reason: Message.ledger(.noLedgerInDatabase).text)
            }
            var lines: [String] = []
            var broken = 0
            for (enterprise, report) in reports {
                let who = enterprise.map { "\($0.creditCode) \($0.name)" } ?? c.say(.defaultLedger)
                var issues: [String] = []
                if let first = report.firstBreak { issues.append(LedgerError.brokenChain(first).message.text(c.language)) }
                if !report.inconsistentItems.isEmpty {
                    issues.append(LedgerError.inconsistentItems(report.inconsistentItems).message.text(c.language))
                }
                issues += report.differences.map { $0.text.text(c.language) }
                issues += report.problems.map { $0.text(c.language) }
                let state: String
                if !issues.isEmpty {
                    broken += 1
                    state = issues.joined(separator: "; ")
                } else {
                    state = c.say(.chainIntact(events: report.events, head: report.head))
                }
                lines.append(terminalSafe("\(who): \(state)"))
            }
            lines.append(c.say(.ledgersSummary(count: reports.count, broken: broken)))
            return CommandResult(output: lines.map { $0 + "\n" }.joined(), exitCode: broken == 0 ? 0 : 1)
        } catch let error as LedgerError {
            return CommandResult(errors: "hegui: \(error.message.text(c.language))\n", exitCode: error.isRefusal ? 1 : 2)
        } catch {
            return CommandResult(errors: "hegui: \(error)\n", exitCode: 2)
        }
    }
}
