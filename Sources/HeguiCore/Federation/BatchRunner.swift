import Foundation
import HeguiBase

/// Runs a batch: the enterprise folders checked on `threads` threads in this process, and with a shared
/// PostgreSQL store, jobs shared with every other `hegui batch` over the same folder and period.
public enum BatchRunner {
    /// Checks the batch and returns the summary of every enterprise in it (a worker: only those it
    /// checked). `progress` is told (finished, total) after each enterprise. Throws when the batch cannot
    /// start: no packs, no folder, no store.
    public static func run(
        _ request: BatchRequest, describe: @escaping BatchErrorText, progress: @escaping @Sendable (Int, Int) -> Void
    ) throws(ServiceError) -> BatchSummary {
        let packs = try HeguiService.select(request.packIDs, from: try HeguiService.packs(rules: request.rules))
        let folders = try enterpriseFolders(request.folder)
        guard let location = request.ledger, PostgresURL.isPostgres(location) else {
            return local(request, packs: packs, folders: folders, describe: describe, progress: progress)
        }
        let federation: Federation
        let queue: BatchQueue
        let batch: BatchQueue.Batch
        do {
            federation = try Federation(url: PostgresURL(parsing: location))
            queue = BatchQueue(federation: federation)
            batch = try queue.join(
                folder: URL(fileURLWithPath: request.folder).standardizedFileURL.resolvingSymlinksInPath().path,
                period: request.period.label, folders: folders, ranAt: request.ranAt)
        } catch {
            throw .ledger(path: PostgresURL.redact(location), .open, reason: ServiceError.ledgerReason(error))
        }
        let checker = EnterpriseCheck(
            request: request, packs: packs, federation: federation, ranAt: batch.ranAt, describe: describe)
        let worker = "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)"
        let here = Counter()
        let failure = FirstError()
        DispatchQueue.concurrentPerform(iterations: request.threads) { thread in
            do {
                while true {
                    if let job = try queue.claim(batch: batch.id, worker: "\(worker):\(thread)", leaseSeconds: request.leaseSeconds) {
                        let entry = checker.run(folder: job.folder)
                        try queue.finish(job: job.id, worker: "\(worker):\(thread)", entry: entry)
                        _ = here.increment()
                        let (finished, total) = try queue.progress(batch: batch.id)
                        progress(finished, total)
                        continue
                    }
                    // Nothing to claim: a worker leaves; the batch waits for the others' jobs, taking up any
                    // whose lease runs out.
                    if request.workerOnly { return }
                    let (finished, total) = try queue.progress(batch: batch.id)
                    if finished >= total { return }
                    Thread.sleep(forTimeInterval: 0.2)
                }
            } catch {
                failure.record(error)
            }
        }
        if let error = failure.error {
            throw .ledger(path: federation.url.redacted, .record, reason: ServiceError.ledgerReason(error))
        }
        do {
            let entries = try queue.results(batch: batch.id)
            return BatchSummary(
                period: request.period.label,
                enterprises: request.workerOnly ? [] : entries, checkedHere: here.value)
        } catch {
            throw .ledger(path: federation.url.redacted, .readItems, reason: ServiceError.ledgerReason(error))
        }
    }

    /// Every enterprise folder's name under `folder`, sorted; hidden entries and files are not enterprises.
    static func enterpriseFolders(_ folder: String) throws(ServiceError) -> [String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw .unreadable(UnreadableFileError(path: folder, .files(.cannotListFolder)))
        }
        return names.filter { name in
            var isDirectory: ObjCBool = false
            return !name.hasPrefix(".")
                && FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }.sorted()
    }

    /// The batch without a shared store: this process's threads over the folders, each with its own ledger.
    static func local(
        _ request: BatchRequest, packs: [RulePack], folders: [String], describe: @escaping BatchErrorText,
        progress: @escaping @Sendable (Int, Int) -> Void
    ) -> BatchSummary {
        let checker = EnterpriseCheck(
            request: request, packs: packs, federation: nil, ranAt: request.ranAt, describe: describe)
        let next = Counter()
        let finished = Counter()
        let entries = Entries(count: folders.count)
        DispatchQueue.concurrentPerform(iterations: min(request.threads, max(folders.count, 1))) { _ in
            while case let index = next.increment() - 1, index < folders.count {
                entries.set(index, checker.run(folder: folders[index]))
                progress(finished.increment(), folders.count)
            }
        }
        return BatchSummary(period: request.period.label, enterprises: entries.all, checkedHere: folders.count)
    }
}

/// A counter shared by threads.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    /// Adds one and returns the new count.
    func increment() -> Int { lock.withLock { count += 1; return count } }
    var value: Int { lock.withLock { count } }
}

/// The first error any thread hit.
final class FirstError: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?

    func record(_ error: any Error) { lock.withLock { if stored == nil { stored = error } } }
    var error: (any Error)? { lock.withLock { stored } }
}

/// Entries filled in by index from several threads.
final class Entries: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [BatchEntry?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ entry: BatchEntry) { lock.withLock { slots[index] = entry } }
    var all: [BatchEntry] { lock.withLock { slots.compactMap { $0 } } }
}
