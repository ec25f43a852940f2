import Foundation
import HeguiBase
import HeguiXML
import Testing

@Suite struct XMLSchemaTests {
    static let xsd = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
          <xs:element name="pack">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="rule" maxOccurs="unbounded">
                  <xs:complexType>
                    <xs:simpleContent>
                      <xs:extension base="xs:string">
                        <xs:attribute name="id" type="xs:string" use="required"/>
                        <xs:attribute name="level" type="xs:positiveInteger"/>
                      </xs:extension>
                    </xs:simpleContent>
                  </xs:complexType>
                </xs:element>
              </xs:sequence>
            </xs:complexType>
          </xs:element>
        </xs:schema>
        """

    /// Writes `text` to a temporary file and compiles it.
    static func schema(_ text: String = xsd) throws -> XMLSchema {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("rules.xsd")
        try Data(text.utf8).write(to: file)
        return try XMLSchema(contentsOf: file.path)
    }

    @Test func validDocumentHasNoDiagnostics() throws {
        let document = try parse("<pack><rule id=\"R1\" level=\"2\">说明</rule></pack>")
        #expect(try Self.schema().validate(document) == [])
    }

    @Test func reportsEveryViolationAtItsLine() throws {
        let schema = try Self.schema()
        let document = try parse(
            """
            <pack>
              <rule id="R1">ok</rule>
              <rule>missing id</rule>
              <rule id="R3" level="high">bad level</rule>
            </pack>
            """)
        let diagnostics = schema.validate(document)
        #expect(diagnostics.count == 2)
        #expect(diagnostics.map(\.location.line) == [3, 4])
        #expect(diagnostics.allSatisfy { $0.location.file == "pack.xml" && $0.severity == .error })
        #expect(diagnostics.first?.location.column == 3)
        // The bad attribute value is placed at the attribute, not at its element.
        #expect(diagnostics.last?.location.description == "pack.xml:4:17")
        #expect(diagnostics.first?.message.contains("'id'") == true)
        #expect(diagnostics.last?.message.contains("high") == true)
        #expect(diagnostics.allSatisfy { !$0.message.hasSuffix("\n") })
        // Reusable: a second validation gives the same answer.
        #expect(schema.validate(document) == diagnostics)
    }

    @Test func reportsUnexpectedElement() throws {
        let document = try parse("<pack>\n<rule id=\"a\"/>\n<other/>\n</pack>")
        let diagnostics = try Self.schema().validate(document)
        #expect(diagnostics.map(\.location.description) == ["pack.xml:3:1"])
    }

    @Test func brokenSchemaIsReported() {
        #expect(throws: DiagnosticsError.self) {
            try Self.schema("<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"><xs:element/></xs:schema>")
        }
    }

    @Test func schemaWithIncludeIsNotFetched() {
        let text = """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:include schemaLocation="file:///etc/passwd"/>
              <xs:element name="pack"/>
            </xs:schema>
            """
        // Either refused or compiled without the include; never reading /etc/passwd into messages.
        do {
            _ = try Self.schema(text)
        } catch let error as DiagnosticsError {
            #expect(!error.description.contains("root:"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func missingSchemaIsUnreadable() {
        #expect(throws: UnreadableFileError.self) { try XMLSchema(contentsOf: "/nonexistent/rules.xsd") }
    }
}
