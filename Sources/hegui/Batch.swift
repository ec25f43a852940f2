import ArgumentParser
import Foundation
import HeguiCore

/// `hegui batch`: checks every enterprise folder under a folder, in parallel, and prints the summary.
struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check every enterprise folder (records and profile.xml inside) for a period.",
        discussion:
            "With --ledger postgresql://… every hegui batch over the same folder and period shares one set of jobs, so more processes on more machines finish sooner; --worker only helps and prints no summary. Exit codes: 0 every enterprise checked and passing, 1 an enterprise failed, fired a veto or could not be checked, 2 the batch could not run."
    )

    @Option(help: "The folder holding one folder per enterprise.")
    var enterprises: String

    @Option(help: "The period: 2019, 2019Q2, 2019H1 or 2019-03.")
    var period: String

    @Option(help: "Rule pack file or folder (repeatable; default: the shipped rules).")
    var rules: [String] = []

    @Option(help: "Only this pack (repeatable).")
    var pack: [String] = []

    @Option(
        help: "The shared ledger: postgresql://user@host:port/db (default: $HEGUI_LEDGER, else hegui.sqlite in each enterprise folder).")
    var ledger: String?

    @Flag(help: "Only help with the open batch's jobs: no summary.")
    var worker = false

    @Option(help: "Threads in this process (default: the number of cores).")
    var jobs: Int?

    @Option(help: "Output format: text or json.")
    var format: BatchFormat = .text

    @Option(help: .hidden)
    var lease: Double = 120

    @Option(help: .hidden)
    var today: String?

    @OptionGroup var language: LanguageOption

    enum BatchFormat: String, ExpressibleByArgument { case text, json }

    func run() throws {
        let language = language.language
        do {
            var request = BatchRequest(
                folder: enterprises, period: try FlagValues.period(period, from: nil, to: nil),
                today: try FlagValues.today(today))
            request.rules = rules
            request.packIDs = pack
            request.language = language
            request.ledger = ledger ?? ProcessInfo.processInfo.environment[LedgerLocation.environmentVariable].flatMap { $0.isEmpty ? nil : $0 }
            request.workerOnly = worker
            request.leaseSeconds = lease
            if let jobs {
                guard jobs > 0 else { throw CommandFailure("hegui: error: --jobs must be at least 1") }
                request.threads = jobs
            }
            if worker, !PostgresURL.isPostgres(request.ledger ?? "") {
                throw CommandFailure("hegui: error: --worker needs a shared ledger (--ledger postgresql://…)")
            }
            let bar = ProgressBar(language: language)
            let summary: BatchSummary
            do {
                summary = try BatchRunner.run(
                    request, describe: { BatchOutput.errorLines($0, language) }, progress: { bar.show($0, $1) })
            } catch {
                bar.end()
                throw CommandFailure.from(error, language: language)
            }
            bar.end()
            try finish(BatchOutput.result(summary, format: format, worker: worker, language: language))
        } catch let failure as CommandFailure {
            try fail(failure, language)
        }
    }
}

/// A progress bar on standard error when it is a terminal and not CI; silent otherwise.
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private let enabled: Bool
    private let language: Language
    private var shown = false

    init(language: Language) {
        self.language = language
        let environment = ProcessInfo.processInfo.environment
        enabled = isatty(STDERR_FILENO) == 1 && (environment["CI"] ?? "").isEmpty
    }

    /// Redraws the bar at `done` of `total`.
    func show(_ done: Int, _ total: Int) {
        guard enabled, total > 0 else { return }
        let width = 30
        let filled = min(width, done * width / total)
        let label = Message.command(.checking).text(language)
        let line = "\r\(label) [\(String(repeating: "#", count: filled))\(String(repeating: "-", count: width - filled))] \(done)/\(total)"
        lock.withLock {
            shown = true
            FileHandle.standardError.write(Data(line.utf8))
        }
    }

    /// Ends the bar's line.
    func end() {
        lock.withLock { if shown { FileHandle.standardError.write(Data("\n".utf8)) } }
    }
}
