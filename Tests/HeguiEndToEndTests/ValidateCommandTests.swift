import Foundation
import Testing

/// `hegui validate`: exit codes, GCC-style lines, JSON, and hostile XML.
@Suite struct ValidateCommandTests {
    @Test func aValidPackExitsZero() throws {
        let h = try HeguiRun()
        let pack = try h.write("pack.xml", HeguiRun.pack())
        let result = try h.run("validate", pack)
        #expect(result.code == 0)
        #expect(result.out == "1 pack, 2 indicators, 1 veto: 0 errors, 0 warnings\n")
    }

    @Test func anInvalidPackExitsOneWithEveryErrorAtItsLine() throws {
        let h = try HeguiRun()
        let text = HeguiRun.pack()
            .replacingOccurrences(of: #"at-least="100%""#, with: #"at-least="100""#)
            .replacingOccurrences(of: #"<field name="severity" equals="重大"/>"#, with: #"<field name="severity" equals="特大"/>"#)
        let pack = try h.write("pack.xml", text)
        let result = try h.run("validate", pack)
        #expect(result.code == 1)
        #expect(
            result.stripped(h.dir).out == """
                pack.xml:\(position(of: #"at-least="100""#, in: text)): error: 100 is outside 0…1 for a share (write 95% or 0.95)
                pack.xml:\(position(of: #"equals="特大""#, in: text)): error: '特大' is not one of 一般, 重大 (field 'severity')
                1 pack, 2 indicators, 1 veto: 2 errors, 0 warnings

                """)
    }

    @Test func aMissingFileExitsTwo() throws {
        let h = try HeguiRun()
        let result = try h.run("validate", h.path("nope.xml"))
        #expect(result.code == 2)
        #expect(result.stripped(h.dir).out.hasPrefix("nope.xml: error: no such file or folder\n"))
    }

    @Test func jsonOutput() throws {
        let h = try HeguiRun()
        let text = HeguiRun.pack().replacingOccurrences(of: #"of="timesheet" group-by"#, with: #"of="timecard" group-by"#)
        let pack = try h.write("pack.xml", text)
        let result = try h.run("validate", "--format", "json", pack)
        #expect(result.code == 1)
        let json = try jsonObject(result.out)
        #expect(json["valid"] as? Bool == false)
        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 1)
        let expected = position(of: #"of="timecard""#, in: text).split(separator: ":").map { Int($0)! }
        #expect(diagnostics.first?["line"] as? Int == expected[0] && diagnostics.first?["column"] as? Int == expected[1])
        #expect(diagnostics.first?["severity"] as? String == "error")
        #expect(diagnostics.first?["message"] as? String == "unknown record kind 'timecard'")
        #expect(diagnostics.first?["file"] as? String == pack)
        let valid = try h.run("validate", "--format", "json", try h.write("ok.xml", HeguiRun.pack()))
        let validJSON = try jsonObject(valid.out)
        #expect(valid.code == 0 && validJSON["valid"] as? Bool == true && (validJSON["diagnostics"] as? [Any])?.isEmpty == true)
        #expect((validJSON["packs"] as? [[String: Any]])?.first?["id"] as? String == "e2e")
    }

    @Test func anExternalEntityIsNeverRead() throws {
        let h = try HeguiRun()
        let pack = try h.write(
            "pack.xml",
            """
            <?xml version="1.0"?>
            <!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <pack id="p" version="1"><title lang="en">&x;</title><title lang="zh-CN">&x;</title></pack>

            """)
        let result = try h.run("validate", pack)
        #expect(result.code != 0)
        #expect(!result.out.contains("root:") && !result.err.contains("root:"))
        let json = try h.run("validate", "--format", "json", pack)
        #expect(json.code != 0 && !json.out.contains("root:") && !json.err.contains("root:"))
    }

    @Test func billionLaughsIsRefusedQuickly() throws {
        let h = try HeguiRun()
        var entities = #"<!ENTITY a0 "ha">"#
        for i in 1...10 { entities += "\n<!ENTITY a\(i) \"" + String(repeating: "&a\(i - 1);", count: 10) + "\">" }
        let pack = try h.write(
            "pack.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE pack [\n\(entities)\n]>\n<pack id=\"p\" version=\"1\">&a10;</pack>\n")
        let result = try h.run(["validate", pack], timeout: 10)
        #expect(result.code != 0)
        // A safety net, not a performance assertion: an expanding parser would take far longer.
        #expect(result.elapsed < .seconds(5))
        #expect(result.out.utf8.count < 100_000)
    }

    @Test func anExternalDTDIsNotFetched() throws {
        let h = try HeguiRun()
        let pack = try h.write(
            "pack.xml",
            """
            <?xml version="1.0"?>
            <!DOCTYPE pack SYSTEM "http://example.com/x.dtd">
            \(HeguiRun.pack().split(separator: "\n").dropFirst().joined(separator: "\n"))
            """)
        let result = try h.run(["validate", pack], timeout: 10)
        #expect(result.code != 0)
        #expect(result.elapsed < .seconds(5))
    }
}
