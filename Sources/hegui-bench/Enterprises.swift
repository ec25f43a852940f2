import Foundation
import HeguiCore

/// N enterprise folders for `hegui batch`: each a factory year (records) of its own size and seed with a
/// `profile.xml` naming it by a valid 统一社会信用代码. Sizes are mixed, 50 to 5,000 employees,
/// spread evenly on a log scale (many small firms, a few large ones), the same for the same seed.
struct EnterpriseSet {
    var count: Int
    var seed: UInt64
    var smallest = 50
    var largest = 5_000

    /// The employees of the next enterprise, drawn from the set's own stream.
    func employees(_ rng: inout SplitMix64) -> Int {
        let fraction = Double(rng.int(0...1_000_000)) / 1_000_000
        let size = Double(smallest) * pow(Double(largest) / Double(smallest), fraction)
        return min(largest, max(smallest, Int(size.rounded())))
    }

    /// Every enterprise's head count, index 1 first: drawn in order from one stream, so the sizes (and
    /// with each enterprise's own seed, the bytes) do not depend on how many cores write them.
    func sizes() -> [Int] {
        var rng = SplitMix64(seed: seed)
        return (1...max(1, count)).map { _ in employees(&rng) }
    }

    /// The credit code of enterprise `index`: 91 (a company), 330200 (Ningbo), a 9-digit body, the check.
    static func creditCode(_ index: Int) -> String {
        let body = "91330200" + String(format: "%09d", 100_000_000 + index)
        return CreditCode.complete(body) ?? body
    }

    /// The folder name of enterprise `index`.
    static func folder(_ index: Int) -> String { String(format: "e%05d", index) }

    /// Writes every folder under `out` with `jobs` threads (largest enterprises first, so the last
    /// thread does not finish alone on a big one); returns the total number of employees.
    func write(to out: String, writer: FixtureWriter, jobs: Int) throws -> Int {
        let sizes = sizes()
        let order = sizes.indices.sorted { (sizes[$0], $1) > (sizes[$1], $0) }
        let queue = WorkQueue(order)
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, order.count))) { _ in
            while let slot = queue.next() {
                do {
                    try writeEnterprise(slot + 1, employees: sizes[slot], to: out, writer: writer)
                } catch {
                    failures.add(slot + 1, error)
                }
            }
        }
        if let (index, error) = failures.first() {
            throw GeneratorError("enterprise \(Self.folder(index)): \(error)")
        }
        return sizes.reduce(0, +)
    }

    /// One enterprise's folder: its factory year and its profile.
    func writeEnterprise(_ index: Int, employees: Int, to out: String, writer: FixtureWriter) throws {
        let folder = out + "/" + Self.folder(index)
        try writer.write(FactoryYear(employees: employees, seed: seed &+ UInt64(index)).generate(), to: folder)
        let profile = """
            <?xml version="1.0" encoding="UTF-8"?>
            <profile enterprise="宁波测试企业\(String(format: "%05d", index))（\(employees)人）" code="\(Self.creditCode(index))"/>

            """
        try writer.writeText(profile, to: folder + "/profile.xml")
    }
}

/// Hands out the next item to whichever thread asks.
private final class WorkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private let items: [Int]
    private var position = 0

    init(_ items: [Int]) { self.items = items }

    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard position < items.count else { return nil }
        position += 1
        return items[position - 1]
    }
}

/// The errors of the threads, reported lowest enterprise first so the message is the same every run.
private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [(Int, any Error)] = []

    func add(_ index: Int, _ error: any Error) {
        lock.lock()
        errors.append((index, error))
        lock.unlock()
    }

    func first() -> (Int, any Error)? {
        lock.lock()
        defer { lock.unlock() }
        return errors.min { $0.0 < $1.0 }
    }
}
