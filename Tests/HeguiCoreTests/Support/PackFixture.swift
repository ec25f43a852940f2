import Foundation
import HeguiXML
import Testing

@testable import HeguiCore

/// Builds small rule packs and records as XML text, loads them the way `hegui` does, and evaluates.
enum PackFixture {
    /// The package root, found from this file's path.
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The shipped XSD.
    static let schemaPath = repositoryRoot.appendingPathComponent("rules/schema/rule-pack.xsd").path

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hegui-core-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes each (name, text) into a fresh directory and loads them all in one `load`.
    /// Diagnostic lines come back with the directory stripped, so they read `pack.xml:3:5: error: …`.
    static func load(_ files: [(name: String, text: String)]) throws -> (loaded: LoadedPacks, lines: [String], dir: String) {
        let dir = try temporaryDirectory()
        var paths: [String] = []
        for (name, text) in files {
            let url = dir.appendingPathComponent(name)
            try Data(text.utf8).write(to: url)
            paths.append(url.path)
        }
        let loaded = RulePackLoader(schemaPath: schemaPath).load(paths: paths)
        let prefix = dir.path + "/"
        let lines = (loaded.unreadable.map(\.description) + loaded.diagnostics.map(\.description))
            .map { $0.replacingOccurrences(of: prefix, with: "") }
        return (loaded, lines, dir.path)
    }

    /// Loads one pack text as `pack.xml`.
    static func load(_ text: String) throws -> (loaded: LoadedPacks, lines: [String], dir: String) {
        try load([("pack.xml", text)])
    }

    /// Loads a pack that must be valid; records an issue with every diagnostic otherwise.
    static func pack(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> RulePack {
        let (loaded, lines, _) = try load(text)
        if !loaded.isValid {
            Issue.record("pack is not valid:\n\(lines.joined(separator: "\n"))", sourceLocation: sourceLocation)
        }
        return try #require(loaded.packs.first, sourceLocation: sourceLocation)
    }

    /// `line:column` (1-based, columns in Unicode scalars as the parser counts) of the `occurrence`-th
    /// appearance of `needle` in `text`, so expected diagnostics are computed from the text written.
    static func position(of needle: String, in text: String, occurrence: Int = 1) -> String {
        var seen = 0
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = Substring(line)
            while let range = rest.range(of: needle) {
                seen += 1
                if seen == occurrence {
                    return "\(number + 1):\(line.unicodeScalars.distance(from: line.startIndex, to: range.lowerBound) + 1)"
                }
                rest = rest[range.upperBound...]
            }
        }
        Issue.record("'\(needle)' does not occur \(occurrence) time(s)")
        return "?"
    }

    // MARK: - Pack text

    /// Two titles.
    static func titles(_ zh: String, _ en: String) -> String {
        "<title lang=\"zh-CN\">\(zh)</title><title lang=\"en\">\(en)</title>"
    }

    /// The record kinds most tests use.
    static let standardKinds = """
          <record-kind id="employee" key="employeeId">
            \(titles("职工", "Employees"))
            <field name="employeeId" type="string" label="工号" required="true"/>
            <field name="name" type="string" label="姓名"/>
            <field name="gender" type="enum" label="性别" values="男 女"/>
            <field name="dept" type="string" label="部门"/>
            <field name="contractSigned" type="boolean" label="已签劳动合同"/>
            <field name="exposed" type="boolean" label="接触职业危害"/>
            <field name="salary" type="decimal" label="月工资"/>
            <field name="age" type="integer" label="年龄"/>
            <field name="hiredOn" type="date" label="入职日期"/>
          </record-kind>
          <record-kind id="timesheet" date="date">
            \(titles("考勤", "Timesheet"))
            <field name="employeeId" type="string" label="工号" required="true"/>
            <field name="date" type="date" label="日期" required="true"/>
            <field name="overtimeHours" type="decimal" label="加班小时"/>
          </record-kind>
          <record-kind id="healthExam" key="examId" date="examDate">
            \(titles("体检", "Health exams"))
            <field name="examId" type="string" label="编号" required="true"/>
            <field name="employeeId" type="string" label="工号"/>
            <field name="examDate" type="date" label="体检日期" required="true"/>
          </record-kind>
          <record-kind id="accident" key="accidentId" date="date">
            \(titles("事故", "Accidents"))
            <field name="accidentId" type="string" label="编号" required="true"/>
            <field name="date" type="date" label="日期" required="true"/>
            <field name="severity" type="enum" label="等级" values="一般 重大"/>
          </record-kind>
          <record-kind id="approval" key="approvalId" date="date">
            \(titles("审批", "Approvals"))
            <field name="approvalId" type="string" label="编号" required="true"/>
            <field name="date" type="date" label="日期" required="true"/>
            <field name="handler" type="string" label="经办人"/>
            <field name="reviewer" type="string" label="审核人"/>
            <field name="approver" type="string" label="批准人"/>
          </record-kind>
          <record-kind id="notice" key="noticeId">
            \(titles("通知", "Notices"))
            <field name="noticeId" type="string" label="编号" required="true"/>
            <field name="noticeDate" type="date" label="通知日期"/>
            <field name="startDate" type="date" label="开始日期"/>
          </record-kind>
          <record-kind id="meeting" key="meetingId" date="heldOn">
            \(titles("会议", "Meetings"))
            <field name="meetingId" type="string" label="编号" required="true"/>
            <field name="heldOn" type="date" label="日期" required="true"/>
            <field name="attendees" type="integer" label="人数"/>
          </record-kind>
          <record-kind id="attestation" date="date">
            \(titles("佐证", "Attestations"))
            <field name="indicator" type="string" label="指标"/>
            <field name="attestedBy" type="string" label="佐证人"/>
            <field name="document" type="string" label="文件"/>
            <field name="date" type="date" label="日期"/>
          </record-kind>
        """

    /// An indicator with the given checks (and optional applies-when, deduct, …, in `body`).
    static func indicator(_ id: String, category: String = "c", points: Double = 10, _ body: String) -> String {
        """
          <indicator id="\(id)" category="\(category)" points="\(formatNumber(points))" provenance="S">
            \(titles(id, id))
            <requirement lang="zh-CN">要求</requirement><requirement lang="en">requirement</requirement>
            <basis>依据</basis>
            \(body)
          </indicator>
        """
    }

    /// A veto with the given checks.
    static func veto(_ id: String, lookBack: String? = nil, _ body: String) -> String {
        """
          <veto id="\(id)" provenance="L"\(lookBack.map { " look-back=\"\($0)\"" } ?? "")>
            \(titles(id, id))
            <requirement lang="zh-CN">要求</requirement><requirement lang="en">requirement</requirement>
            <basis>依据</basis>
            \(body)
          </veto>
        """
    }

    /// A category.
    static func category(_ id: String, points: Double, minimum: String? = nil) -> String {
        "  <category id=\"\(id)\" points=\"\(formatNumber(points))\"\(minimum.map { " minimum=\"\($0)\"" } ?? "")>\(titles(id, id))</category>"
    }

    /// A grading block with grades `(id, line)` from the lowest up.
    static func grading(passLine: String, grades: [(String, String)]) -> String {
        "  <grading pass-line=\"\(passLine)\">\n    <failing-grade>\(titles("不达标", "Failed"))</failing-grade>\n"
            + grades.map { "    <grade id=\"\($0.0)\" at-least=\"\($0.1)\">\(titles($0.0, $0.0))</grade>\n" }.joined()
            + "  </grading>"
    }

    /// A whole pack.
    static func packText(
        id: String = "p", kinds: String = standardKinds, parameters: String = "", categories: String? = nil,
        items: String, grading: String? = nil, tests: String = ""
    ) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <pack id="\(id)" version="1.0">
          \(titles("测试", "Test"))
        \(kinds)
        \(parameters)
        \(categories ?? category("c", points: 10))
        \(items)
        \(grading ?? self.grading(passLine: "6", grades: [("good", "6"), ("excellent", "9")]))
        \(tests)
        </pack>

        """
    }

    /// A valid pack with one 10-point indicator `I1` in category `c` holding `body`.
    static func single(_ body: String, parameters: String = "", vetoes: String = "") throws -> RulePack {
        try pack(packText(parameters: parameters, items: indicator("I1", body) + "\n" + vetoes))
    }

    // MARK: - Records and evaluation

    /// Records in the XML records format; `body` goes between `<records>` and `</records>`, its first
    /// line is line 2 of `records.xml`. Every kind of the pack is present (empty when no rows) unless
    /// it is listed in `missing` — or `onlyGiven` is set, when kinds without rows have no table.
    static func records(
        _ body: String, for pack: RulePack, missing: Set<String> = [], onlyGiven: Bool = false
    ) throws -> RecordSet {
        let text = "<records>\n\(body)\n</records>\n"
        let bytes = Array(text.utf8)
        let document = try XMLDocument(bytes: bytes, path: "records.xml")
        var tables = try RecordImporter(kinds: pack.recordKinds).importXML(root: document.root, bytes: bytes, path: "records.xml")
        if !onlyGiven {
            for kind in pack.recordKinds where tables[kind.id] == nil { tables[kind.id] = RecordTable(emptyOf: kind) }
        }
        for kind in missing { tables[kind] = nil }
        return RecordSet(tables: tables, inputs: [])
    }

    /// Evaluates a pack over records for a period (`2019` by default), judging waivers on 2020-01-15.
    static func assess(
        _ pack: RulePack, _ records: RecordSet, period: String = "2019", today: String = "2020-01-15", waivers: [Waiver] = []
    ) throws -> PackAssessment {
        let period = try #require(Period(parsing: period))
        return PackEvaluator(pack: pack, waivers: waivers, today: Day(iso: today)!).evaluate(records, period: period)
    }

    /// Evaluates a pack over records and returns the finding of `I1` (or the named indicator).
    static func finding(
        _ pack: RulePack, _ body: String, period: String = "2019", id: String = "I1", missing: Set<String> = []
    ) throws -> Finding {
        let assessment = try assess(pack, try records(body, for: pack, missing: missing), period: period)
        return try #require(assessment.findings.first { $0.id == id })
    }
}

extension Finding {
    /// The first check's result.
    var check: CheckResult { checks[0] }
    /// `key@line` of the first check's evidence.
    var offenders: [String] { checks[0].evidence.map { "\($0.key)@\($0.line.map(String.init) ?? "-")" } }
}
