import Foundation
import HeguiBase
import HeguiXML
import Testing

/// XML no input may use to exhaust the machine: oversized buffers and attribute-crowded elements are
/// refused before libxml2 parses them.
@Suite struct HostileXMLTests {
    private func errors(_ text: String) -> [String] {
        errors(Array(text.utf8))
    }

    private func errors(_ bytes: [UInt8]) -> [String] {
        do {
            _ = try XMLDocument(bytes: bytes, path: "in.xml")
            return []
        } catch let error as DiagnosticsError {
            return error.diagnostics.map { "\($0.location): \($0.message)" }
        } catch {
            return ["\(error)"]
        }
    }

    @Test func anElementWithTooManyAttributesIsRefusedAtItsTag() {
        let crowded = (0..<129).map { " a\($0)=\"\($0)\"" }.joined()
        #expect(
            errors("<records>\n  <employee\(crowded)/>\n</records>")
                == ["in.xml:2:3: element <employee> has 129 attributes; at most 128 are allowed"])
        let allowed = (0..<128).map { " a\($0)=\"\($0)\"" }.joined()
        #expect(errors("<records><employee\(allowed)/></records>").isEmpty)
    }

    @Test func a100000AttributeElementIsRefusedQuickly() {
        let crowded = (0..<100_000).map { " a\($0)=\"1\"" }.joined()
        let clock = ContinuousClock()
        let start = clock.now
        #expect(errors("<records><employee\(crowded)/></records>") == [
            "in.xml:1:10: element <employee> has 100000 attributes; at most 128 are allowed"
        ])
        #expect(clock.now - start < .seconds(5))
    }

    @Test func aBufferOverTheXMLLimitIsRefusedBeforeParsing() {
        var bytes = Array("<records>".utf8)
        bytes += [UInt8](repeating: 0x20, count: (64 << 20) - bytes.count - 9)
        bytes += Array("</records>".utf8)
        #expect(errors(bytes) == ["in.xml: is larger than the 64 MiB limit for XML files (67108865 bytes)"])
    }
}
