import HeguiXML
import Testing

@testable import HeguiCore

@Suite struct TextEncodingTests {
    private func utf8(_ decoded: DecodedText, _ raw: [UInt8]) -> [UInt8] {
        switch decoded {
        case .original(let offset): Array(raw[offset...])
        case .transcoded(let bytes): bytes
        }
    }

    @Test func automaticKeepsUTF8AndStripsTheBOM() throws {
        let plain = Array("工号\n张三\n".utf8)
        #expect(utf8(try TextEncoding.automatic.decode(plain, path: "a.csv"), plain) == plain)
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF] + plain
        #expect(utf8(try TextEncoding.automatic.decode(bom, path: "a.csv"), bom) == plain)
    }

    @Test func automaticTranscodesGB18030() throws {
        let gb: [UInt8] = [0xD5, 0xC5, 0xC8, 0xFD, 0x0A]  // 张三
        #expect(utf8(try TextEncoding.automatic.decode(gb, path: "a.csv"), gb) == Array("张三\n".utf8))
        #expect(utf8(try TextEncoding.gb18030.decode(gb, path: "a.csv"), gb) == Array("张三\n".utf8))
    }

    @Test func bytesValidInNeitherAreOneErrorAtTheStart() {
        let bad: [UInt8] = Array("a\nb\n".utf8) + [0xFF, 0x0A]
        #expect {
            try TextEncoding.automatic.decode(bad, path: "x.csv")
        } throws: { error in
            let diagnostics = (error as! DiagnosticsError).diagnostics
            return diagnostics.count == 1
                && diagnostics[0].description
                    == "x.csv:3:1: error: file is neither UTF-8 nor GB18030 (first invalid UTF-8 byte on line 3; first invalid GB18030 byte on line 3)"
        }
    }

    @Test func forcedUTF8NamesTheLineOfTheBadByte() {
        let gb: [UInt8] = Array("工号\r\n".utf8) + [0xD5, 0xC5]
        #expect {
            try TextEncoding.utf8.decode(gb, path: "x.csv")
        } throws: { error in
            (error as! DiagnosticsError).description
                == "x.csv:2:1: error: file is not valid UTF-8: invalid byte 0xd5 at byte offset 8"
        }
    }

    @Test func utf8Validation() {
        #expect(firstInvalidUTF8(Array("ascii only, long enough for the fast path".utf8)) == nil)
        #expect(firstInvalidUTF8(Array("中文😀".utf8)) == nil)
        #expect(firstInvalidUTF8([0x61, 0xC0, 0x80]) == 1)  // overlong
        #expect(firstInvalidUTF8([0xED, 0xA0, 0x80]) == 0)  // surrogate
        #expect(firstInvalidUTF8([0x61, 0x62, 0xE4, 0xB8]) == 2)  // truncated
    }
}
