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

    /// The employees of enterprise `index`.
    func employees(_ index: Int, _ rng: inout SplitMix64) -> Int {
        let fraction = Double(rng.int(0...1_000_000)) / 1_000_000
        let size = Double(smallest) * pow(Double(largest) / Double(smallest), fraction)
        return min(largest, max(smallest, Int(size.rounded())))
    }

    /// The credit code of enterprise `index`: 91 (a company), 330200 (Ningbo), a 9-digit body, the check.
    static func creditCode(_ index: Int) -> String {
        let body = "91330200" + String(format: "%09d", 100_000_000 + index)
        return CreditCode.complete(body) ?? body
    }

    /// Writes every folder under `out`; returns the total number of employees.
    func write(to out: String, writer: FixtureWriter) throws -> Int {
        var rng = SplitMix64(seed: seed)
        var total = 0
        for index in 1...count {
            let employees = employees(index, &rng)
            total += employees
            let folder = out + "/" + String(format: "e%05d", index)
            try writer.write(FactoryYear(employees: employees, seed: seed &+ UInt64(index)).generate(), to: folder)
            let profile = """
                <?xml version="1.0" encoding="UTF-8"?>
                <profile enterprise="宁波测试企业\(String(format: "%05d", index))（\(employees)人）" code="\(Self.creditCode(index))"/>

                """
            try writer.writeText(profile, to: folder + "/profile.xml")
        }
        return total
    }
}
