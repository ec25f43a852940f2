import Foundation
import Testing

@testable import HeguiCore

/// Finding, parsing, schema-validating and reading pack files.
@Suite struct RulePackLoaderTests {
    typealias F = PackFixture

    /// The complete example pack of `docs/rule-format.md`.
    static func docsExample() throws -> String {
        let doc = try String(contentsOf: F.repositoryRoot.appendingPathComponent("docs/rule-format.md"), encoding: .utf8)
        let start = try #require(doc.range(of: "```xml\n"))
        let end = try #require(doc[start.upperBound...].range(of: "```"))
        return String(doc[start.upperBound..<end.lowerBound])
    }

    @Test func theDocumentedExamplePackIsValid() throws {
        let (loaded, lines, _) = try F.load(try Self.docsExample())
        #expect(lines == [])
        #expect(loaded.isValid)
        let pack = try #require(loaded.packs.first)
        #expect(pack.id == "demo" && pack.indicators.map(\.id) == ["L01", "L06"] && pack.vetoes.map(\.id) == ["V4"])
        #expect(pack.maxScore == 10 && pack.testCases.count == 2)
    }

    @Test func theDocumentedExampleTestCasesPassAndCoverEveryRuleBothWays() throws {
        let pack = try F.pack(try Self.docsExample())
        for test in pack.testCases {
            let result = PackTestRunner.run(test, of: pack, today: Day(iso: "2020-01-15")!)
            #expect(result.failures.map(\.description) == [], "\(test.name)")
        }
        #expect(PackTestRunner.coverageGaps(pack) == [])
    }

    @Test func aRuleWithoutAFailingCaseIsAWarningAtItsDeclaration() throws {
        let pack = try F.pack(try Self.docsExample())
        var onlyPassing = pack
        onlyPassing.testCases.removeLast()
        #expect(
            PackTestRunner.coverageGaps(onlyPassing).map(\.message) == [
                "'L01' has no failing test case", "'L06' has no failing test case", "'V4' has no failing test case",
            ])
        #expect(
            PackTestRunner.coverageGaps(onlyPassing).map(\.location)
                == (pack.indicators.map(\.location) + pack.vetoes.map(\.location)))
    }

    @Test func anUnclosedElementIsAParseErrorWithALine() throws {
        let text = "<?xml version=\"1.0\"?>\n<pack id=\"p\" version=\"1\">\n  <title lang=\"en\">x\n</pack>\n"
        let (loaded, lines, _) = try F.load(text)
        #expect(!loaded.isValid)
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { $0.hasPrefix("pack.xml:") && $0.contains(": error: ") })
        // The parse error is located on a real line (3 or 4, where the mismatch shows); schema errors
        // about the recovered tree may come beside it.
        let parseError = lines.first { $0.contains("mismatch") || $0.contains("Premature end") }
        let line = parseError.flatMap { $0.split(separator: ":").dropFirst().first }.flatMap { Int($0) }
        #expect(line == 3 || line == 4, "\(lines)")
    }

    /// A malformed tag does not hide the file's other problems: the tree libxml2 recovers is still
    /// checked against the schema and for meaning, and every problem is reported in one load.
    @Test func aMalformedTagUnknownElementDuplicateIdAndUndefinedFieldInOneRun() throws {
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <pack id="bad" version="1.0">
              <title lang="zh-CN">坏</title><title lang="en">Bad</title>
              <record-kind id="employee" key="employeeId">
                <title lang="zh-CN">职工</title><title lang="en">Employees</title>
                <field name="employeeId" type="string" required="true"/>
                <field name="signed" type="boolean"/>
                <bogus/>
              </record-kind>
              <category id="c" points="10"><title lang="zh-CN">类</title><title lang="en">C</title></category>
              <indicator id="I1" category="c" points="5" provenance="S">
                <title lang="zh-CN">一</title><title lang="en">One</title>
                <requirement lang="zh-CN">要求</requirement><requirement lang="en">Req</requirement>
                <basis>依据</basi>
                <count of="employee" at-least="1"><where><field name="signd" equals="true"/></where></count>
              </indicator>
              <indicator id="I1" category="c" points="5" provenance="S">
                <title lang="zh-CN">二</title><title lang="en">Two</title>
                <requirement lang="zh-CN">要求</requirement><requirement lang="en">Req</requirement>
                <basis>依据</basis>
                <count of="employee" at-least="1"/>
              </indicator>
              <grading pass-line="6">
                <failing-grade><title lang="zh-CN">不达标</title><title lang="en">Failed</title></failing-grade>
                <grade id="g" at-least="6"><title lang="zh-CN">达标</title><title lang="en">Passed</title></grade>
              </grading>
            </pack>

            """
        let (loaded, lines, _) = try F.load(text)
        #expect(!loaded.isValid)
        #expect(lines.count == 4, "\(lines)")
        guard lines.count == 4 else { return }
        #expect(
            lines[0].hasPrefix(
                "pack.xml:8:\(F.position(of: "<bogus/>", in: text).split(separator: ":")[1]): error: Element 'bogus'"))
        #expect(lines[1] == "pack.xml:14:21: error: Opening and ending tag mismatch: basis line 14 and basi")
        #expect(
            lines[2] == "pack.xml:\(F.position(of: "name=\"signd\"", in: text)): error: unknown field 'signd' of kind 'employee'")
        #expect(
            lines[3]
                == "pack.xml:\(F.position(of: "id=\"I1\"", in: text, occurrence: 2)): error: duplicate id 'I1' (first at line 11)"
        )
    }

    @Test func aMissingFileIsUnreadableNotADiagnostic() throws {
        // A folder with no packs cannot be validated: nothing checked must not look like all valid.
        let empty = try F.temporaryDirectory().path
        let loaded = RulePackLoader(schemaPath: F.schemaPath).load(paths: [empty])
        #expect(!loaded.isValid && loaded.diagnostics.isEmpty)
        #expect(loaded.unreadable.map(\.description) == ["\(empty): error: no rule packs (*.xml) found"])
        let missing = F.repositoryRoot.appendingPathComponent("no-such-pack-\(UUID().uuidString).xml").path
        let result = RulePackLoader(schemaPath: F.schemaPath).load(paths: [missing])
        #expect(result.unreadable.map(\.description) == ["\(missing): error: no such file or folder"])
        #expect(!result.isValid && result.diagnostics.isEmpty)
    }

    @Test func aFolderLoadsItsXMLFilesSortedAndNothingElse() throws {
        let one = F.packText(id: "b-pack", items: F.indicator("I1", #"<count of="employee" at-least="1"/>"#))
        let two = F.packText(id: "a-pack", items: F.indicator("I1", #"<count of="employee" at-least="1"/>"#))
        let (_, _, dir) = try F.load([("2.xml", one), ("1.xml", two), ("notes.txt", "not a pack")])
        let loaded = RulePackLoader(schemaPath: F.schemaPath).load(paths: [dir])
        #expect(loaded.isValid)
        #expect(loaded.packs.map(\.id) == ["a-pack", "b-pack"])
    }

    @Test func twoPacksWithTheSameIdConflict() throws {
        let text = F.packText(items: F.indicator("I1", #"<count of="employee" at-least="1"/>"#))
        let (loaded, lines, _) = try F.load([("a.xml", text), ("b.xml", text)])
        #expect(!loaded.isValid)
        #expect(lines.count == 1 && lines[0].hasPrefix("b.xml:2:1: error: duplicate pack id 'p' (also in "), "\(lines)")
    }

    @Test func twoPacksDeclaringAKindWithAConflictingFieldType() throws {
        let kind = """
              <record-kind id="employee" key="employeeId">
                \(F.titles("职工", "Employees"))
                <field name="employeeId" type="string" required="true"/>
                <field name="age" type="%TYPE%"/>
              </record-kind>
            """
        func pack(_ id: String, _ type: String) -> String {
            F.packText(
                id: id, kinds: kind.replacingOccurrences(of: "%TYPE%", with: type),
                items: F.indicator("I1", #"<count of="employee" at-least="1"/>"#))
        }
        let (loaded, lines, _) = try F.load([("a.xml", pack("a", "integer")), ("b.xml", pack("b", "string"))])
        #expect(!loaded.isValid)
        let b = pack("b", "string")
        #expect(lines.count == 1, "\(lines)")
        #expect(
            lines.first?.hasPrefix(
                "b.xml:\(F.position(of: "<field name=\"age\"", in: b)): error: field 'employee.age' is a string here but an integer at "
            ) == true, "\(lines)")
        // Same type in both: merged without complaint.
        #expect(try F.load([("a.xml", pack("a", "integer")), ("b.xml", pack("b", "integer"))]).lines == [])
    }

    @Test func hostileDocumentsAreRefused() throws {
        let external =
            "<?xml version=\"1.0\"?>\n<!DOCTYPE pack [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<pack id=\"p\" version=\"1\">&x;</pack>\n"
        let (loaded, lines, _) = try F.load(external)
        #expect(!loaded.isValid)
        #expect(!lines.joined().contains("root:"))
    }
}
