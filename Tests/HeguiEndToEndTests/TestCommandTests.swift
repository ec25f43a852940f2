import Foundation
import Testing

/// `hegui test`: a pack's own test cases, each unmet expectation at its `<expect>` line.
@Suite struct TestCommandTests {
    static let tests = """
          <test name="all signed" period="2019">
            <records>
              <employee employeeId="E1" contractSigned="是"/>
            </records>
            <expect indicator="L01" outcome="pass"/>
            <expect veto="V1" fires="false"/>
          </test>
          <test name="one unsigned" period="2019">
            <records>
              <employee employeeId="E1" contractSigned="是"/>
              <employee employeeId="E2" contractSigned="否"/>
            </records>
            <expect indicator="L06" outcome="pass"/>
            <expect indicator="L01" outcome="pass"/>
          </test>
        """

    @Test func anUnmetExpectationIsPrintedAtItsLine() throws {
        let h = try HeguiRun()
        let text = HeguiRun.pack(tests: Self.tests)
        let pack = try h.write("pack.xml", text)
        let result = try h.run("test", pack, "--today", "2020-01-15", "--lang", "en")
        #expect(result.code == 1)
        let lines = result.stripped(h.dir).out.split(separator: "\n").map(String.init)
        #expect(lines.first == "ok    e2e: all signed")
        #expect(lines.dropFirst().first == "FAIL  e2e: one unsigned")
        // The second L01 expectation (in "one unsigned").
        let lineNumber = text.split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated().filter { $0.element.contains(#"<expect indicator="L01" outcome="pass"/>"#) }.map { $0.offset + 1 }.last!
        #expect(
            lines.dropFirst(2).first?.hasPrefix(
                "  pack.xml:\(lineNumber):5: error: test 'one unsigned': L01: expected pass, got fail (measured 50%") == true,
            "\(lines)")
        #expect(lines.last == "1 passed, 1 failed")
    }

    @Test func allMetExitsZero() throws {
        let h = try HeguiRun()
        let pack = try h.write(
            "pack.xml", HeguiRun.pack(tests: Self.tests.components(separatedBy: "  <test name=\"one unsigned\"")[0]))
        let result = try h.run("test", pack, "--today", "2020-01-15", "--lang", "en")
        #expect(result.code == 0, "\(result.out)\(result.err)")
        #expect(result.out.hasSuffix("1 passed, 0 failed\n"))
    }

    @Test func anInvalidPackExitsTwo() throws {
        let h = try HeguiRun()
        let pack = try h.write(
            "pack.xml", HeguiRun.pack().replacingOccurrences(of: #"at-least="100%""#, with: #"at-least="100""#))
        let result = try h.run("test", pack, "--today", "2020-01-15")
        #expect(result.code == 2)
    }
}
