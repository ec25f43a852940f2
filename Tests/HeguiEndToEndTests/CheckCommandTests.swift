import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `hegui check` on a temporary pack and CSV records: exit codes, report formats, bad input, encodings.
@Suite struct CheckCommandTests {
    @Test func passingRecordsExitZero() throws {
        let h = try HeguiRun()
        try h.setUp()
        let result = try h.check()
        #expect(result.code == 0, "\(result.err)")
        #expect(result.err == "")
        #expect(!FileManager.default.fileExists(atPath: h.path("records/hegui.sqlite")))
        #expect(!FileManager.default.fileExists(atPath: h.path("hegui.sqlite")))
    }

    @Test func failingRecordsExitOneWithTheScoreAndEvidence() throws {
        let h = try HeguiRun()
        try h.setUp(employee: "employeeId,name,contractSigned,hiredOn\nE1,张三,是,2018-03-01\nE2,李四,否,2019-02-01\n")
        let result = try h.check("--format", "json")
        #expect(result.code == 1)
        let json = try jsonObject(result.out)
        #expect(json["passed"] as? Bool == false)
        let pack = try #require((json["packs"] as? [[String: Any]])?.first)
        #expect(pack["score"] as? Double == 4)
        #expect(pack["passed"] as? Bool == false)
        let findings = try #require(pack["findings"] as? [[String: Any]])
        #expect(findings.map { $0["id"] as? String } == ["L01", "L06"])
        #expect(findings[0]["outcome"] as? String == "fail" && findings[0]["awarded"] as? Double == 0)
        let evidence = try #require(findings[0]["evidence"] as? [[String: Any]])
        #expect(evidence.count == 1)
        #expect(evidence.first?["key"] as? String == "E2")
        #expect(evidence.first?["file"] as? String == h.path("records/employee.csv"))
        #expect(evidence.first?["line"] as? Int == 3)
    }

    @Test func aFiredVetoFailsAFullScore() throws {
        let h = try HeguiRun()
        try h.setUp(accident: "accidentId,date,severity\nA1,2017-05-01,重大\n")
        let result = try h.check("--format", "json")
        #expect(result.code == 1)
        let pack = try #require((try jsonObject(result.out)["packs"] as? [[String: Any]])?.first)
        #expect(pack["score"] as? Double == 10 && pack["passed"] as? Bool == false)
        #expect((pack["grade"] as? [String: Any])?["id"] as? String == "fail")
    }

    @Test func junitHasOneTestcasePerIndicatorAndVeto() throws {
        let h = try HeguiRun()
        try h.setUp(timesheet: "employeeId,date,overtimeHours\nE1,2019-03-01,20\nE1,2019-03-02,20\n")
        let result = try h.check("--format", "junit")
        #expect(result.code == 1)
        final class Cases: NSObject, XMLParserDelegate {
            var names: [String] = []
            var failures = 0
            func parser(
                _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]
            ) {
                if name == "testcase" { names.append(attributes["name"] ?? "") }
                if name == "failure" { failures += 1 }
            }
        }
        let cases = Cases()
        let parser = XMLParser(data: Data(result.out.utf8))
        parser.delegate = cases
        #expect(parser.parse(), "\(result.out)")
        #expect(cases.names.map { String($0.prefix(3)) } == ["L01", "L06", "V1 "])
        #expect(cases.names.filter { $0.hasPrefix("L") }.count == 2)
        #expect(cases.failures == 1)
    }

    @Test func aCustomPeriodFromTo() throws {
        let h = try HeguiRun()
        // 40 h of overtime in March 2019: outside a Jan–Feb period, inside one that covers March.
        try h.setUp(timesheet: "employeeId,date,overtimeHours\nE1,2019-03-01,20\nE1,2019-03-02,20\n")
        func run(_ from: String, _ to: String) throws -> HeguiRun.Result {
            try h.run(
                "check", "--rules", h.path("pack.xml"), "--records", h.path("records"), "--from", from, "--to", to,
                "--no-ledger", "--today", "2020-01-15", "--format", "json")
        }
        #expect(try run("2019-01-01", "2019-02-28").code == 0)
        let march = try run("2019-01-01", "2019-03-01")
        #expect(march.code == 0)  // only the 20 h of 1 March fall in the period
        #expect(try run("2019-02-15", "2019-03-31").code == 1)
        let reversed = try run("2019-03-31", "2019-01-01")
        #expect(reversed.code == 2 && reversed.err.contains("--from 2019-03-31 is after --to 2019-01-01"))
    }

    @Test func textReportByDefault() throws {
        let h = try HeguiRun()
        try h.setUp()
        let result = try h.check()
        #expect(result.out.contains("L01") && result.out.contains("L06"))
    }

    // MARK: - Bad input: exit 2, located messages, no score

    @Test func aBrokenQuote() throws {
        let h = try HeguiRun()
        try h.setUp(employee: "employeeId,name,contractSigned,hiredOn\nE1,\"张三,是,2018-03-01\n")
        let result = try h.check()
        #expect(result.code == 2)
        let err = result.stripped(h.dir).err
        #expect(err.contains("records/employee.csv:2:4: error: unterminated quoted field\n"), "\(err)")
        #expect(result.out == "")
    }

    @Test func aBadDate() throws {
        let h = try HeguiRun()
        try h.setUp(timesheet: "employeeId,date,overtimeHours\nE1,2019-02-30,20\n")
        let result = try h.check()
        #expect(result.code == 2)
        let err = result.stripped(h.dir).err
        #expect(err.contains("records/timesheet.csv:2:4: error: field 'date': '2019-02-30' is not a valid date"), "\(err)")
        #expect(err.contains("the check stopped without a score"))
        #expect(result.out == "")
    }

    /// Past the error limit the rest are counted, not dropped: the note comes last and the total counts them.
    @Test func pastTheErrorLimitEveryProblemIsCounted() throws {
        let h = try HeguiRun()
        let rows = (1...105).map { "E1,2019-02-30,\($0)" }.joined(separator: "\n")
        try h.setUp(timesheet: "employeeId,date,overtimeHours\n" + rows + "\n")
        let result = try h.check()
        #expect(result.code == 2)
        let lines = result.stripped(h.dir).err.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.contains("is not a valid date") }.count == 100)
        #expect(
            lines.suffix(2) == [
                "records: error: 5 more errors not shown (error limit 100)",
                "hegui: error: 105 problems in the records; the check stopped without a score",
            ])
    }

    @Test func anUnknownColumn() throws {
        let h = try HeguiRun()
        try h.setUp(employee: "employeeId,name,shoeSize\nE1,张三,42\n")
        let result = try h.check()
        #expect(result.code == 2)
        let err = result.stripped(h.dir).err
        #expect(err.contains("records/employee.csv:1:17: error: unknown column 'shoeSize' for kind 'employee'"), "\(err)")
    }

    /// An --output that cannot be written is refused before the check runs, so nothing is recorded.
    @Test func anUnwritableOutputIsRefusedBeforeTheRun() throws {
        let h = try HeguiRun()
        try h.setUp()
        let result = try h.run([
            "check", "--records", "records", "--period", "2019", "--rules", "pack.xml", "--output", "missing/report.html",
        ])
        #expect(result.code == 2)
        #expect(result.stripped(h.dir).err.hasPrefix("missing/report.html: error: cannot write the report"))
        #expect(!FileManager.default.fileExists(atPath: h.path("records/hegui.sqlite")), "no run was recorded")
        #expect(!FileManager.default.fileExists(atPath: h.path("hegui.sqlite")), "no run was recorded")
    }

    @Test func aMissingRecordsFolder() throws {
        let h = try HeguiRun()
        try h.setUp()
        let result = try h.check(records: "no-such-folder")
        #expect(result.code == 2)
        #expect(result.stripped(h.dir).err.hasPrefix("no-such-folder: error: cannot read the records folder"))
        #expect(result.out == "")
    }

    @Test func aBadPeriodOrPackIsAUsageError() throws {
        let h = try HeguiRun()
        try h.setUp()
        let result = try h.run(
            "check", "--rules", h.path("pack.xml"), "--records", h.path("records"), "--period", "2019Q5", "--no-ledger")
        #expect(result.code == 2 && result.err.contains("'2019Q5' is not a period"))
        try h.write("bad.xml", HeguiRun.pack().replacingOccurrences(of: #"at-least="100%""#, with: #"at-least="100""#))
        let invalid = try h.run(
            "check", "--rules", h.path("bad.xml"), "--records", h.path("records"), "--period", "2019", "--no-ledger")
        #expect(invalid.code == 2 && invalid.err.contains("error: 100 is outside 0…1"))
    }

    // MARK: - Encodings

    @Test func utf8BomGB18030AndCRLFGiveIdenticalFindings() throws {
        let employee = "employeeId,name,contractSigned,hiredOn\nE1,张三,是,2018-03-01\nE2,李四,否,2019-02-01\n"
        let gb18030: [UInt8] =
            Array("employeeId,name,contractSigned,hiredOn\nE1,".utf8) + [0xD5, 0xC5, 0xC8, 0xFD]  // 张三
            + Array(",".utf8) + [0xCA, 0xC7]  // 是
            + Array(",2018-03-01\nE2,".utf8) + [0xC0, 0xEE, 0xCB, 0xC4]  // 李四
            + Array(",".utf8) + [0xB7, 0xF1]  // 否
            + Array(",2019-02-01\n".utf8)
        let variants: [(String, [UInt8])] = [
            ("utf8", Array(employee.utf8)),
            ("bom", [0xEF, 0xBB, 0xBF] + Array(employee.utf8)),
            ("gb18030", gb18030),
            ("crlf", Array(employee.replacingOccurrences(of: "\n", with: "\r\n").utf8)),
        ]
        let h = try HeguiRun()
        try h.write("pack.xml", HeguiRun.pack())
        var packs: [String] = []
        for (name, bytes) in variants {
            try h.write("\(name)/employee.csv", bytes: bytes)
            try h.write("\(name)/timesheet.csv", HeguiRun.timesheetCSV)
            try h.write("\(name)/accident.csv", HeguiRun.accidentCSV)
            let result = try h.check("--format", "json", records: name)
            #expect(result.code == 1, "\(name): \(result.err)")
            let json = try jsonObject(result.out)
            let data = try JSONSerialization.data(
                withJSONObject: json["packs"] ?? [], options: [.sortedKeys, .withoutEscapingSlashes])
            // Evidence names the file; compare with the folder name taken out.
            packs.append(String(decoding: data, as: UTF8.self).replacingOccurrences(of: "/\(name)/", with: "/FOLDER/"))
        }
        #expect(packs.count == 4 && Set(packs).count == 1)
        #expect(packs.first?.contains("\"key\":\"E2\"") == true)
    }
}
