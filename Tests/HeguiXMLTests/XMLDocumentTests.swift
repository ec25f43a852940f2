import Foundation
import HeguiBase
import HeguiXML
import Testing

@Suite struct XMLDocumentTests {
    @Test func convertsNamesAttributesTextAndNamespaces() throws {
        let document = try parse(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <pack xmlns="urn:hegui:rules" version="1">
              <!-- a comment is dropped -->
              <rule id="R1" level='high'>合规 &amp; 安全<![CDATA[<raw>]]>&#x4E2D;</rule>
              <x:meta xmlns:x="urn:other" x:kind="k"/>
            </pack>
            """)
        #expect(document.path == "pack.xml")
        let root = document.root
        #expect(root.name == "pack")
        #expect(root.namespace == "urn:hegui:rules")
        #expect(root.attributes.map(\.name) == ["version"])
        #expect(root.children.map(\.name) == ["rule", "meta"])
        let rule = try #require(root.child(named: "rule"))
        #expect(rule.attributes.map(\.name) == ["id", "level"])
        #expect(rule.attribute("id") == "R1")
        #expect(rule.attribute("level") == "high")
        #expect(rule.text == "合规 & 安全<raw>中")
        let meta = try #require(root.child(named: "meta"))
        #expect(meta.namespace == "urn:other")
        #expect(meta.attribute("kind") == "k")
    }

    @Test func locatesElementsAndAttributes() throws {
        let document = try parse(
            """
            <pack>
              <rule id="R1">
                <title>标题</title>
              </rule>
            </pack>
            """)
        let rule = try #require(document.root.child(named: "rule"))
        #expect(document.root.location.description == "pack.xml:1:1")
        #expect(rule.location.description == "pack.xml:2:3")
        #expect(rule.location(ofAttribute: "id").description == "pack.xml:2:9")
        #expect(rule.child(named: "title")?.location.description == "pack.xml:3:5")
    }

    @Test func countsColumnsInCharactersAfterChineseText() throws {
        let document = try parse("<p><a>中文说明</a><b k=\"值\" m  =  \"2\">文</b></p>")
        let a = try #require(document.root.child(named: "a"))
        let b = try #require(document.root.child(named: "b"))
        #expect(a.location.column == 4)
        // `<p><a>中文说明</a>` is 14 characters (but 22 bytes), so `<b` starts at column 15.
        #expect(b.location.line == 1)
        #expect(b.location.column == 15)
        #expect(b.location(ofAttribute: "k").column == 18)
        #expect(b.location(ofAttribute: "m").column == 24)
    }

    @Test func locatesSeveralSameNamedElementsOnOneLine() throws {
        let document = try parse("<r><i n=\"1\"/><i n=\"2\"/><i\n   n=\"3\"/></r>")
        let items = document.root.children(named: "i")
        #expect(items.map(\.location.line) == [1, 1, 1])
        #expect(items.map(\.location.column) == [4, 14, 24])
        #expect(items.map { $0.location(ofAttribute: "n").line } == [1, 1, 2])
        #expect(items.map { $0.location(ofAttribute: "n").column } == [7, 17, 4])
    }

    @Test func ignoresTagLookalikesInCommentsAndCData() throws {
        let document = try parse("<r><!-- <i> --><![CDATA[<i>]]><i/></r>")
        #expect(document.root.child(named: "i")?.location.column == 31)
    }

    @Test func reportsUnclosedTagAtItsLine() {
        let diagnostics = parseFailure("<pack>\n  <rule id=\"a\">\n</pack>\n")
        #expect(!diagnostics.isEmpty)
        #expect(diagnostics.allSatisfy { $0.severity == .error && $0.location.file == "pack.xml" })
        let first = diagnostics.first
        #expect(first?.location.line == 3)
        #expect(first?.description.hasPrefix("pack.xml:3:") == true)
        #expect(first?.description.contains(": error: ") == true)
    }

    @Test func reportsMismatchedTagWithLineAndColumn() {
        let diagnostics = parseFailure("<pack>\n  <rule>说明</rul>\n</pack>")
        // libxml2 points just past `</rul>`; the column counts the two Chinese characters as two.
        #expect(diagnostics.first?.location.description == "pack.xml:2:17")
        #expect(diagnostics.first?.message.contains("mismatch") == true)
    }

    @Test func parseErrorColumnsCountCharacters() {
        let diagnostics = parseFailure("<r>\n中中中 & x</r>")
        #expect(diagnostics.first?.location.description == "pack.xml:2:6")
    }

    @Test func reportsEveryErrorLibxml2Gives() {
        // An undeclared prefix is a namespace error that does not stop the parser.
        let diagnostics = parseFailure("<r>\n<a:x/>\n<b:y/>\n</r>")
        #expect(diagnostics.map(\.location.line) == [2, 3])
    }

    @Test func refusesExternalEntity() {
        let diagnostics = parseFailure(#"<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>"#)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location.description == "pack.xml:1:1")
        #expect(diagnostics.first?.message.contains("DOCTYPE") == true)
        #expect(!diagnostics.description.contains("root:"))
    }

    @Test func refusesBillionLaughs() {
        let lol = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
              <!ENTITY lol "lol">
              <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
              <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
              <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
              <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
              <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
              <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            <lolz>&lol9;</lolz>
            """
        let diagnostics = parseFailure(lol)
        #expect(diagnostics.first?.location.description == "pack.xml:2:1")
    }

    @Test func refusesNetworkDTD() {
        let diagnostics = parseFailure("<?xml version=\"1.0\"?>\n  <!DOCTYPE r SYSTEM \"http://example.com/x.dtd\"><r/>")
        #expect(diagnostics.first?.location.description == "pack.xml:2:3")
    }

    @Test func refusesNonUTF8Encodings() {
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in "<!DOCTYPE r SYSTEM \"http://example.com/x.dtd\"><r/>".utf16 {
            utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        #expect(throws: DiagnosticsError.self) { try XMLDocument(bytes: utf16, path: "pack.xml") }
    }

    @Test func reportsEmptyDocument() {
        #expect(parseFailure("").first?.location.description == "pack.xml:1:1")
    }

    @Test func readsFiles() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("pack.xml")
        try Data("<pack><rule id=\"R1\"/></pack>".utf8).write(to: file)
        let document = try XMLDocument(contentsOf: file.path)
        #expect(document.path == file.path)
        #expect(document.root.child(named: "rule")?.location.description == "\(file.path):1:7")

        try Data("<pack>\n<rule>".utf8).write(to: file)
        do {
            _ = try XMLDocument(contentsOf: file.path)
            Issue.record("expected a parse error")
        } catch let error as DiagnosticsError {
            #expect(error.diagnostics.allSatisfy { $0.location.file == file.path })
        }
    }

    @Test func missingFileIsUnreadable() {
        let error = #expect(throws: UnreadableFileError.self) {
            try XMLDocument(contentsOf: "/nonexistent/hegui/pack.xml")
        }
        #expect(error?.path == "/nonexistent/hegui/pack.xml")
        #expect(error?.description.hasPrefix("/nonexistent/hegui/pack.xml: error: ") == true)
    }

    @Test func directoryIsUnreadable() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let error = #expect(throws: UnreadableFileError.self) { try XMLDocument(contentsOf: directory.path) }
        #expect(error?.reason.contains("directory") == true)
    }

    @Test func linesPast65535AreRight() throws {
        let text = "<r>" + String(repeating: "\n", count: 70_000) + "<deep/></r>"
        let document = try parse(text)
        #expect(document.root.child(named: "deep")?.location.line == 70_001)
    }
}
