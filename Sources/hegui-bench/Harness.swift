import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import HeguiCore

/// `hegui-bench run`: for each size, generate (or reuse) a benchmark year, time the in-process
/// steps with HeguiCore, then the whole `hegui check` as a process with its peak memory.
struct Harness {
    var sizes: [Int]
    var seed: UInt64
    var cache: String
    var hegui: String
    var rules: String
    var repeats: Int
    var kinds: [RecordKind]
    var packs: [RulePack]
    /// The packs' checks in SQL, for the DuckDB peer.
    var sql: String
    /// The native DuckDB command line, when found: then every size also runs the peer.
    var duckdb: String?

    /// One measured size.
    struct Line {
        var employees: Int
        var rows: Int
        var timesheetRows: Int
        var megabytes: Double
        var importSeconds: Double
        var evaluateSeconds: Double
        var reportSeconds: Double
        var checkSeconds: Double
        var peakMiB: Double
        var duckSeconds: Double?
        var duckPeakMiB: Double?
    }

    func run() throws {
        print(
            "machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(cpuModel()), \(ProcessInfo.processInfo.physicalMemory >> 30) GiB"
        )
        print(
            "hegui: \(hegui); best of \(repeats) runs for every time; peak = max resident set size of the process (/usr/bin/time %M)"
        )
        if let duckdb {
            print("duckdb: \(duckdb) with \(sql)/*.sql, in the same rounds as hegui check (one hegui run, then one duckdb run)")
        } else {
            print("duckdb: not found on the PATH (pip install duckdb-cli): hegui only")
        }
        print("load average at start: \(loadAverage())")
        let validate = try timeProcess([hegui, "validate", rules])
        print(String(format: "validate rules/: %.3f s wall, %.0f MiB peak", validate.seconds, validate.peakMiB))
        if let ningbo = ["fixtures/ningbo-2019"].first(where: { FileManager.default.fileExists(atPath: $0) }) {
            let check = try timeProcess(checkArguments(ningbo))
            print(String(format: "check fixtures/ningbo-2019: %.3f s wall, %.0f MiB peak", check.seconds, check.peakMiB))
        }
        print(
            "employees      rows  timesheet     MB  import s  evaluate s  report s   hegui s  duckdb s  time ratio  hegui MiB  duckdb MiB  peak ratio"
        )
        var lines: [Line] = []
        for size in sizes {
            let line = try measure(size)
            lines.append(line)
            var text = String(
                format: "%9d %9d %10d %6.0f %9.3f %11.3f %9.3f %9.3f", line.employees, line.rows, line.timesheetRows,
                line.megabytes, line.importSeconds, line.evaluateSeconds, line.reportSeconds, line.checkSeconds)
            if let duck = line.duckSeconds, let duckPeak = line.duckPeakMiB {
                text += String(
                    format: " %9.3f %11.2f %10.0f %11.0f %11.2f", duck, line.checkSeconds / duck, line.peakMiB, duckPeak,
                    line.peakMiB / duckPeak)
            } else {
                text += String(format: " %9@ %11@ %10.0f %11@ %11@", "-", "-", line.peakMiB, "-", "-")
            }
            print(text)
        }
        print("load average at end: \(loadAverage())")
        if let ten = lines.first(where: { $0.employees == 10_000 }), let forty = lines.first(where: { $0.employees == 40_000 }) {
            print(String(format: "40,000 / 10,000 check wall: %.2f×", forty.checkSeconds / ten.checkSeconds))
        }
    }

    /// The records folder for a size, generated once and reused (keyed by size and seed).
    func folder(for employees: Int) throws -> (path: String, summary: BenchmarkYear.Summary) {
        let path = "\(cache)/e\(employees)-s\(seed)"
        let marker = path + "/.bench-summary"
        if let text = try? String(contentsOfFile: marker, encoding: .utf8) {
            let numbers = text.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            if numbers.count == 2 { return (path, BenchmarkYear.Summary(rows: numbers[0], timesheetRows: numbers[1])) }
        }
        let started = now()
        let summary = try BenchmarkYear(employees: employees, seed: seed).write(to: path, kinds: kinds)
        try "\(summary.rows) \(summary.timesheetRows)\n".write(toFile: marker, atomically: true, encoding: .utf8)
        FileHandle.standardError.write(Data(String(format: "generated %@ in %.1f s\n", path, now() - started).utf8))
        return (path, summary)
    }

    private func measure(_ employees: Int) throws -> Line {
        let (path, summary) = try folder(for: employees)
        let bytes = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".csv") }.reduce(0) {
            total, name in
            total + ((try? FileManager.default.attributesOfItem(atPath: path + "/" + name)[.size] as? Int) ?? 0)
        }
        let period = Period(parsing: "2019")!
        let today = Day(iso: "2020-01-15")!
        var importTime = Double.infinity, evaluateTime = Double.infinity, reportTime = Double.infinity
        for _ in 0..<repeats {
            var started = now()
            let records = try RecordImporter(kinds: kinds).importDirectory(path)
            importTime = min(importTime, now() - started)
            started = now()
            let assessment = Assessor(packs: packs, today: today).assess(records, period: period)
            evaluateTime = min(evaluateTime, now() - started)
            started = now()
            let report = JSONReporter().render(ReportInput(assessment: assessment, today: today))
            reportTime = min(reportTime, now() - started)
            precondition(!report.isEmpty)
        }
        // Interleaved: each round runs hegui, then DuckDB, so both see the same load on a shared machine.
        var check = (seconds: Double.infinity, peakMiB: 0.0)
        var duck = (seconds: Double.infinity, peakMiB: 0.0)
        let script = "\(NSTemporaryDirectory())/hegui-bench-duckdb-\(getpid()).sql"
        defer { try? FileManager.default.removeItem(atPath: script) }
        let duckCommand = try duckdb.map { try DuckDBPeer(executable: $0, sqlFolder: sql).command(records: path, scriptPath: script) }
        for _ in 0..<repeats {
            let one = try timeProcess(checkArguments(path), repeats: 1)
            check = (min(check.seconds, one.seconds), max(check.peakMiB, one.peakMiB))
            if let duckCommand {
                let other = try timeProcess(duckCommand, repeats: 1, allowed: 0)
                duck = (min(duck.seconds, other.seconds), max(duck.peakMiB, other.peakMiB))
            }
        }
        return Line(
            employees: employees, rows: summary.rows, timesheetRows: summary.timesheetRows, megabytes: Double(bytes) / 1_048_576,
            importSeconds: importTime, evaluateSeconds: evaluateTime, reportSeconds: reportTime, checkSeconds: check.seconds,
            peakMiB: check.peakMiB, duckSeconds: duckCommand == nil ? nil : duck.seconds,
            duckPeakMiB: duckCommand == nil ? nil : duck.peakMiB)
    }

    private func checkArguments(_ records: String) -> [String] {
        [hegui, "check", "--records", records, "--period", "2019", "--no-ledger", "--format", "json", "--today", "2020-01-15"]
    }

    /// Best wall time of `repeats` runs and the largest peak RSS, output discarded; an exit code up to
    /// `allowed` expected (hegui: 1 means something to fix).
    func timeProcess(_ arguments: [String], repeats: Int? = nil, allowed: Int32 = 1) throws -> (seconds: Double, peakMiB: Double) {
        var best = Double.infinity, peak = 0.0
        // Through /usr/bin/time: a child spawned straight from this (large) process would report our
        // own resident size as its peak, since Linux carries the high-water mark across exec.
        let usesTime = FileManager.default.isExecutableFile(atPath: "/usr/bin/time")
        let report = "\(NSTemporaryDirectory())/hegui-bench-rss-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: report) }
        let arguments = usesTime ? ["/usr/bin/time", "-f", "%M", "-o", report] + arguments : arguments
        for _ in 0..<(repeats ?? self.repeats) {
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
            var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
            defer { for pointer in argv { free(pointer) } }
            var pid: pid_t = 0
            let started = now()
            let spawned = posix_spawn(&pid, arguments[0], &actions, nil, &argv, environ)
            guard spawned == 0 else { throw GeneratorError("cannot run \(arguments[0]): \(String(cString: strerror(spawned)))") }
            var status: Int32 = 0
            var usage = rusage()
            // wait4 gives this child's own rusage (without /usr/bin/time, an upper bound: see above).
            while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
            let elapsed = now() - started
            let code = (status >> 8) & 0xFF
            // /usr/bin/time passes the exit code through.
            guard status & 0x7F == 0, code <= allowed else {
                throw GeneratorError("\(arguments.joined(separator: " ")) failed (status \(status))")
            }
            best = min(best, elapsed)
            if usesTime, let text = try? String(contentsOfFile: report, encoding: .utf8),
                let kilobytes = text.split(separator: "\n").compactMap({ Double($0.trimmingCharacters(in: .whitespaces)) }).last
            {
                peak = max(peak, kilobytes / 1024)
            } else {
                peak = max(peak, Double(usage.ru_maxrss) / 1024)  // kilobytes on Linux
            }
        }
        return (best, peak)
    }

    /// The 1-, 5- and 15-minute load averages, as `uptime` prints them.
    private func loadAverage() -> String {
        (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ")
            ?? "unknown"
    }

    private func cpuModel() -> String {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
            let colon = line.firstIndex(of: ":")
        else { return "unknown CPU" }
        return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
}

/// Monotonic seconds.
func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}
