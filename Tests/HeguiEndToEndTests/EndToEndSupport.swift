import Foundation
import Testing

/// Runs the built `hegui` binary in a temporary directory and collects what a user sees.
struct HeguiRun {
    /// `<package root>/.build/debug/hegui`, found from this file's path.
    static let binary: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent(".build/debug/hegui")

    /// The working directory: a fresh temporary folder.
    let dir: URL

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("hegui-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    struct Result {
        var code: Int32
        var out: String
        var err: String
        /// Wall time, for safety nets only.
        var elapsed: Duration
        /// Standard output and error with the working directory stripped from paths.
        func stripped(_ dir: URL) -> (out: String, err: String) {
            (out.replacingOccurrences(of: dir.path + "/", with: ""), err.replacingOccurrences(of: dir.path + "/", with: ""))
        }
    }

    /// The path of a name inside the working directory.
    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    /// Writes text (or bytes) into the working directory, creating folders.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String { try write(name, bytes: Array(text.utf8)) }

    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let url = dir.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// Runs `hegui args…` in the working directory to the end (killed after `timeout` seconds, a safety net).
    func run(_ args: [String], timeout: Double = 20) throws -> Result {
        try Self.execute(args, in: dir, timeout: timeout)
    }

    /// Runs `hegui args…` in a folder, with an English locale and no colour, and collects what it printed.
    static func execute(
        _ args: [String], in folder: URL, timeout: Double = 20, environment extra: [String: String] = [:], input: String? = nil
    ) throws -> Result {
        let p = Process()
        p.executableURL = Self.binary
        p.arguments = args
        p.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "en_US.UTF-8"
        // LC_ALL and LC_MESSAGES outrank LANG: clear them so every run speaks English whatever CI sets.
        environment["LC_ALL"] = nil
        environment["LC_MESSAGES"] = nil
        environment["NO_COLOR"] = "1"
        // The ledger follows --ledger, else $HEGUI_LEDGER: tests name theirs, whatever the caller set.
        environment["HEGUI_LEDGER"] = nil
        environment["HEGUI_LEDGER_KEY"] = nil
        environment["HEGUI_LEDGER_KEY_FILE"] = nil
        environment.merge(extra) { _, given in given }
        p.environment = environment
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        let stdin = Pipe()
        if input != nil { p.standardInput = stdin }
        let clock = ContinuousClock()
        let start = clock.now
        try p.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        // Drain both pipes on other threads so a large output cannot block the child.
        nonisolated(unsafe) var o = Data()
        nonisolated(unsafe) var e = Data()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { o = out.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { e = err.fileHandleForReading.readDataToEndOfFile() }
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning && Date() < deadline { usleep(10_000) }
        if p.isRunning { p.terminate() }
        p.waitUntilExit()
        group.wait()
        return Result(
            code: p.terminationStatus, out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self),
            elapsed: clock.now - start)
    }

    func run(_ args: String...) throws -> Result { try run(args) }

    // MARK: - A small pack

    static func titles(_ zh: String, _ en: String) -> String {
        "<title lang=\"zh-CN\">\(zh)</title><title lang=\"en\">\(en)</title>"
    }

    /// A valid pack: L01 (6 points, every contract signed, 0.25 off per 1 %), L06 (4 points, overtime ≤ 36 h per
    /// employee per month), veto V1 (no major accident within 3 years). Pass line 8.
    static func pack(tests: String = "") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <pack id="e2e" version="1.0">
          \(titles("端到端", "End to end"))
          <record-kind id="employee" key="employeeId">
            \(titles("职工", "Employees"))
            <field name="employeeId" type="string" label="工号" required="true"/>
            <field name="name" type="string" label="姓名"/>
            <field name="contractSigned" type="boolean" label="已签劳动合同"/>
            <field name="hiredOn" type="date" label="入职日期"/>
          </record-kind>
          <record-kind id="timesheet" date="date">
            \(titles("考勤", "Timesheet"))
            <field name="employeeId" type="string" label="工号" required="true"/>
            <field name="date" type="date" label="日期" required="true"/>
            <field name="overtimeHours" type="decimal" label="加班小时"/>
          </record-kind>
          <record-kind id="accident" key="accidentId" date="date">
            \(titles("事故", "Accidents"))
            <field name="accidentId" type="string" label="编号" required="true"/>
            <field name="date" type="date" label="日期" required="true"/>
            <field name="severity" type="enum" label="等级" values="一般 重大"/>
          </record-kind>
          <category id="labour" points="10">\(titles("劳动关系", "Labour"))</category>
          <indicator id="L01" category="labour" points="6" provenance="S">
            \(titles("劳动合同签订率", "Contracts signed"))
            <requirement lang="zh-CN">全员签订</requirement><requirement lang="en">All signed</requirement>
            <basis>劳动合同法第十条</basis>
            <share of="employee" at-least="100%"><that><field name="contractSigned" equals="true"/></that></share>
            <deduct points="0.25" per="1%"/>
          </indicator>
          <indicator id="L06" category="labour" points="4" provenance="L">
            \(titles("工时", "Working hours"))
            <requirement lang="zh-CN">每月加班不超过36小时</requirement><requirement lang="en">Overtime at most 36 h a month</requirement>
            <basis>劳动法第四十一条</basis>
            <for-each of="timesheet" group-by="employeeId" per="month"><sum field="overtimeHours" at-most="36"/></for-each>
          </indicator>
          <veto id="V1" provenance="L" look-back="3y">
            \(titles("重大事故", "Major accident"))
            <requirement lang="zh-CN">三年内无重大事故</requirement><requirement lang="en">No major accident in 3 years</requirement>
            <basis>安全生产法</basis>
            <count of="accident" equals="0"><where><field name="severity" equals="重大"/></where></count>
          </veto>
          <grading pass-line="8">
            <failing-grade>\(titles("不达标", "Failed"))</failing-grade>
            <grade id="pass" at-least="8">\(titles("达标", "Passed"))</grade>
          </grading>
        \(tests)
        </pack>

        """
    }

    static let employeeCSV = "employeeId,name,contractSigned,hiredOn\nE1,张三,是,2018-03-01\nE2,李四,是,2019-02-01\n"
    static let timesheetCSV = "employeeId,date,overtimeHours\nE1,2019-03-01,20\nE1,2019-03-02,10\n"
    static let accidentCSV = "accidentId,date,severity\n"

    /// Writes `pack.xml` and a `records/` folder (the given CSV texts by kind, default: a passing set).
    func setUp(employee: String = employeeCSV, timesheet: String = timesheetCSV, accident: String = accidentCSV) throws {
        try write("pack.xml", Self.pack())
        try write("records/employee.csv", employee)
        try write("records/timesheet.csv", timesheet)
        try write("records/accident.csv", accident)
    }

    /// `hegui check` on `pack.xml` and `records/` for 2019, no ledger, fixed today.
    func check(_ extra: String..., records: String = "records") throws -> Result {
        try run(
            [
                "check", "--rules", path("pack.xml"), "--records", path(records), "--period", "2019", "--no-ledger", "--today",
                "2020-01-15", "--lang", "en",
            ] + extra)
    }
}

/// The first `line:column` of a needle in a text, as the parser counts (1-based, Unicode scalars).
func position(of needle: String, in text: String) -> String {
    for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        if let range = line.range(of: needle) {
            return "\(number + 1):\(line.unicodeScalars.distance(from: line.startIndex, to: range.lowerBound) + 1)"
        }
    }
    return "?"
}

/// Parses JSON output into a dictionary.
func jsonObject(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}
