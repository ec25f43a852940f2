import Foundation
import HeguiCore
import Testing

/// The benchmark's peer stays honest: the packs' checks in SQL (`bench/duckdb`) are what
/// `hegui-bench sql` writes from the packs today, and DuckDB running them over a generated year
/// finds exactly what hegui finds — every check's outcome, measured value and offender count,
/// every indicator's outcome and every veto. Needs the DuckDB command line (`pip install
/// duckdb-cli`, which `.ci/run` does); in CI a missing one fails, elsewhere the suite is disabled.
@Suite(.enabled(if: DuckDBCommandLine.shouldRun, DuckDBCommandLine.disabledReason))
struct DuckDBPeerTests {
    static let root = BenchmarkFindingsTests.root
    static let bench = root.appendingPathComponent(".build/debug/hegui-bench")

    /// Runs hegui-bench from the checkout; stdout on success.
    static func bench(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = bench
        process.arguments = arguments
        process.currentDirectoryURL = root
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(
            process.terminationStatus == 0,
            "hegui-bench \(arguments.joined(separator: " ")) failed: \(String(decoding: message, as: UTF8.self))")
        return String(decoding: data, as: UTF8.self)
    }

    @Test func committedSQLIsWhatThePacksGiveToday() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hegui-sql-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Self.bench(["sql", "--out", folder.path, "--period", "2019", "--rules", "rules"])
        let committed = Self.root.appendingPathComponent("bench/duckdb")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["ankang-cup.sql", "harmonious-enterprise.sql", "load.sql", "union-finance.sql"])
        for name in names {
            let fresh = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let kept = try? String(contentsOf: committed.appendingPathComponent(name), encoding: .utf8)
            #expect(fresh == kept, "bench/duckdb/\(name) is stale: run .build/debug/hegui-bench sql")
        }
    }

    @Test func duckDBFindsWhatHeguiFindsOnAGeneratedYear() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hegui-peer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Self.bench(["generate", "--out", folder.path, "--employees", "80", "--seed", "11", "--rules", "rules"])
        let csv = try Self.bench(["peer", "--records", folder.path, "--rules", "rules"])

        // pack,section,id,seq,ord,outcome,measured,evidence
        var peer: [String: (outcome: String, measured: Double?, evidence: Double?)] = [:]
        for line in csv.split(separator: "\n") where !line.hasPrefix("pack,") {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            try #require(cells.count == 8, "unexpected duckdb line: \(line)")
            peer["\(cells[0]) \(cells[1]) \(cells[2]) \(cells[4])"] = (cells[5], Double(cells[6]), Double(cells[7]))
        }

        let loaded = try RulePackLoader.shipped().load(paths: [Self.root.appendingPathComponent("rules").path])
        try #require(loaded.isValid)
        let records = try RecordImporter(kinds: RecordCatalog.merge(loaded.packs).kinds).importDirectory(folder.path)
        let assessment = Assessor(packs: loaded.packs, today: Day(iso: "2020-01-15")!).assess(
            records, period: Period(parsing: "2019")!)

        var mismatches: [String] = []
        var compared = 0
        func compare(_ key: String, _ result: CheckResult) {
            compared += 1
            guard let row = peer[key] else { return mismatches.append("\(key): no row from duckdb") }
            if row.outcome != result.outcome.rawValue { mismatches.append("\(key): outcome \(row.outcome), hegui \(result.outcome.rawValue)") }
            switch (row.measured, result.measured) {
            case (nil, nil): break
            case (let a?, let b?) where abs(a - b) <= 1e-9 * max(1, abs(b)): break
            default: mismatches.append("\(key): measured \(String(describing: row.measured)), hegui \(String(describing: result.measured))")
            }
            if row.evidence != Double(result.evidenceTotal) {
                mismatches.append("\(key): offenders \(String(describing: row.evidence)), hegui \(result.evidenceTotal)")
            }
        }
        for pack in assessment.packs {
            let definition = try #require(loaded.packs.first { $0.id == pack.pack })
            for finding in pack.findings {
                let indicator = try #require(definition.indicators.first { $0.id == finding.id })
                // The applies-when check is ord 0: hegui shows it alone when it does not hold (or is an
                // error), and shows only the indicator's own checks (ord 1…) when it holds.
                let applies = indicator.appliesWhen != nil && peer["\(pack.pack) indicator \(finding.id) 0"]?.outcome != "pass"
                let ords = applies ? [0] : Array(1...max(1, indicator.checks.count))
                for (ord, result) in zip(ords, finding.checks) { compare("\(pack.pack) indicator \(finding.id) \(ord)", result) }
                let own = peer["\(pack.pack) indicator \(finding.id) -1"]?.outcome
                if own != finding.outcome.rawValue {
                    mismatches.append("\(pack.pack) \(finding.id): \(own ?? "no row"), hegui \(finding.outcome.rawValue)")
                }
            }
            for veto in pack.vetoes {
                for (index, result) in veto.checks.enumerated() { compare("\(pack.pack) veto \(veto.id) \(index + 1)", result) }
                let own = peer["\(pack.pack) veto \(veto.id) -1"]?.outcome
                if own != (veto.fired ? "fired" : "clear") {
                    mismatches.append("\(pack.pack) veto \(veto.id): \(own ?? "no row"), hegui fired=\(veto.fired)")
                }
            }
        }
        #expect(mismatches.isEmpty, "DuckDB and hegui disagree:\n\(mismatches.joined(separator: "\n"))")
        // Every check of the three packs was compared (52 indicators, 10 vetoes).
        #expect(compared > 90)
        #expect(assessment.packs.flatMap(\.findings).count == 52)
        // The year has failures in every pack, so agreement is not agreement on "all pass".
        for pack in assessment.packs { #expect(pack.findings.contains { $0.outcome == .fail }) }
    }
}

/// Whether the DuckDB command line can be run: on the PATH, or required (in CI, where it then fails).
enum DuckDBCommandLine {
    static var onPath: Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/duckdb")
        }
    }
    static var shouldRun: Bool { onPath || !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty }
    static let disabledReason: Comment = "duckdb is not on the PATH: pip install duckdb-cli to check the benchmark's SQL peer"
}
