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
    }

    func run() throws {
        print(
            "machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(cpuModel()), \(ProcessInfo.processInfo.physicalMemory >> 30) GiB"
        )
        print(
            "hegui: \(hegui); best of \(repeats) runs for every time; peak = max resident set size of the check process (/usr/bin/time %M)"
        )
        let validate = try timeProcess([hegui, "validate", rules])
        print(String(format: "validate rules/: %.3f s wall, %.0f MiB peak", validate.seconds, validate.peakMiB))
        if let ningbo = ["fixtures/ningbo-2019"].first(where: { FileManager.default.fileExists(atPath: $0) }) {
            let check = try timeProcess(checkArguments(ningbo))
            print(String(format: "check fixtures/ningbo-2019: %.3f s wall, %.0f MiB peak", check.seconds, check.peakMiB))
        }
        print("employees      rows  timesheet     MB  import s  evaluate s  report s  check wall s  peak MiB")
        var lines: [Line] = []
        for size in sizes {
            let line = try measure(size)
            lines.append(line)
            print(
                String(
                    format: "%9d %9d %10d %6.0f %9.3f %11.3f %9.3f %13.3f %9.0f", line.employees, line.rows, line.timesheetRows,
                    line.megabytes, line.importSeconds, line.evaluateSeconds, line.reportSeconds, line.checkSeconds, line.peakMiB)
            )
        }
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
        let check = try timeProcess(checkArguments(path))
        return Line(
            employees: employees, rows: summary.rows, timesheetRows: summary.timesheetRows, megabytes: Double(bytes) / 1_048_576,
            importSeconds: importTime, evaluateSeconds: evaluateTime, reportSeconds: reportTime, checkSeconds: check.seconds,
            peakMiB: check.peakMiB)
    }

    private func checkArguments(_ records: String) -> [String] {
        [hegui, "check", "--records", records, "--period", "2019", "--no-ledger", "--format", "json", "--today", "2020-01-15"]
    }

    /// Best wall time of `repeats` runs and the largest peak RSS, output discarded; exit 0 or 1 expected.
    func timeProcess(_ arguments: [String]) throws -> (seconds: Double, peakMiB: Double) {
        var best = Double.infinity, peak = 0.0
        // Through /usr/bin/time: a child spawned straight from this (large) process would report our
        // own resident size as its peak, since Linux carries the high-water mark across exec.
        let usesTime = FileManager.default.isExecutableFile(atPath: "/usr/bin/time")
        let report = "\(NSTemporaryDirectory())/hegui-bench-rss-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: report) }
        let arguments = usesTime ? ["/usr/bin/time", "-f", "%M", "-o", report] + arguments : arguments
        for _ in 0..<repeats {
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
            guard status & 0x7F == 0, code <= 1 else {
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
