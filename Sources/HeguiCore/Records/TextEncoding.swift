import HeguiBase

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The character encoding of a CSV file: Excel and WPS on Chinese Windows often save GB18030 (GBK).
public enum TextEncoding: String, Hashable, Sendable, CaseIterable {
    /// UTF-8 when the bytes are valid UTF-8 (BOM or not), else GB18030.
    case automatic
    /// UTF-8 only; a leading BOM is dropped.
    case utf8 = "utf-8"
    /// GB18030 (a superset of GBK and GB2312).
    case gb18030
}

/// A file's text as UTF-8 bytes: either a slice of the raw bytes (no copy) or a transcoded buffer.
enum DecodedText {
    /// The raw bytes are UTF-8; the text starts at `offset` (3 after a BOM).
    case original(offset: Int)
    /// The raw bytes were transcoded; these are the UTF-8 bytes.
    case transcoded([UInt8])
}

extension TextEncoding {
    /// Decodes raw bytes to UTF-8, or throws one `DiagnosticsError` saying why the bytes are not text.
    func decode(_ bytes: [UInt8], path: String) throws -> DecodedText {
        try bytes.withUnsafeBufferPointer { try decode($0, path: path) }
    }

    /// Decodes raw bytes (a mapped file, say) to UTF-8; the text is a slice of them or a new buffer.
    func decode(_ bytes: UnsafeBufferPointer<UInt8>, path: String) throws -> DecodedText {
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        switch self {
        case .utf8:
            if let bad = firstInvalidUTF8Concurrently(bytes) {
                throw DiagnosticsError([
                    Diagnostic(
                        at: SourceLocation(file: path, line: lineNumber(of: bad, in: bytes), column: 1),
                        .records(.notUTF8(byte: lowercaseHex([bytes[bad]]), offset: bad)))
                ])
            }
            return .original(offset: hasBOM ? 3 : 0)
        case .gb18030:
            switch transcodeGB18030(bytes) {
            case .success(let utf8): return .transcoded(utf8)
            case .failure(let failure):
                throw DiagnosticsError([
                    Diagnostic(
                        at: SourceLocation(file: path, line: lineNumber(of: failure.offset, in: bytes), column: 1),
                        failure.unavailable
                            ? .records(.noGB18030Converter)
                            : .records(.notGB18030(offset: failure.offset)))
                ])
            }
        case .automatic:
            if hasBOM { return try TextEncoding.utf8.decode(bytes, path: path) }
            guard let badUTF8 = firstInvalidUTF8Concurrently(bytes) else { return .original(offset: 0) }
            switch transcodeGB18030(bytes) {
            case .success(let utf8): return .transcoded(utf8)
            case .failure(let failure):
                // Both offsets help: the user may have meant either encoding.
                let utf8Line = lineNumber(of: badUTF8, in: bytes)
                let message: RecordMessage =
                    failure.unavailable
                    ? .neitherEncodingNoConverter(utf8Line: utf8Line)
                    : .neitherEncoding(utf8Line: utf8Line, gbLine: lineNumber(of: failure.offset, in: bytes))
                // Located at the first byte that is not UTF-8: in a mostly UTF-8 file, the stray cell.
                throw DiagnosticsError([
                    Diagnostic(
                        at: SourceLocation(file: path, line: utf8Line, column: 1),
                        .records(message))
                ])
            }
        }
    }
}

/// The offset of the first byte that does not belong to a well-formed UTF-8 sequence, or nil.
func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBufferPointer { firstInvalidUTF8($0) }
}

/// The offset of the first byte that does not belong to a well-formed UTF-8 sequence, or nil.
func firstInvalidUTF8(_ buffer: UnsafeBufferPointer<UInt8>) -> Int? {
    let count = buffer.count
    var i = 0
    while i < count {
        // Fast path: eight ASCII bytes at a time.
        if i + 8 <= count {
            let word = UnsafeRawPointer(buffer.baseAddress! + i).loadUnaligned(as: UInt64.self)
            if word & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
        }
        let b0 = buffer[i]
        if b0 < 0x80 {
            i += 1
            continue
        }
        var need = 0
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch b0 {
        case 0xC2...0xDF: need = 1
        case 0xE0:
            need = 2
            low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: need = 2
        case 0xED:
            need = 2
            high = 0x9F
        case 0xF0:
            need = 3
            low = 0x90
        case 0xF1...0xF3: need = 3
        case 0xF4:
            need = 3
            high = 0x8F
        default: return i
        }
        guard i + need < count else { return i }
        let b1 = buffer[i + 1]
        guard b1 >= low, b1 <= high else { return i }
        for k in 2..<(need + 1) where buffer[i + k] & 0xC0 != 0x80 { return i }
        i += need + 1
    }
    return nil
}

/// `firstInvalidUTF8` over a large buffer, in pieces on every core. Each piece starts at a byte that
/// is not a continuation byte: a single pass reaching it without error starts a sequence there (a
/// sequence running across it would be invalid before it), so the first invalid offset of the first
/// piece that has one is the offset the single pass finds.
func firstInvalidUTF8Concurrently(_ buffer: UnsafeBufferPointer<UInt8>, pieceBytes: Int = 1 << 24) -> Int? {
    guard buffer.count >= pieceBytes * 2 else { return firstInvalidUTF8(buffer) }
    let pieces = buffer.count / pieceBytes
    var starts = [0]
    for k in 1..<pieces {
        var start = buffer.count / pieces * k
        while start < buffer.count, buffer[start] & 0xC0 == 0x80 { start += 1 }
        if start > starts[starts.count - 1], start < buffer.count { starts.append(start) }
    }
    starts.append(buffer.count)
    let found = UnsafeMutableBufferPointer<Int>.allocate(capacity: starts.count - 1)
    defer { found.deallocate() }
    found.initialize(repeating: Int.max)
    concurrentForEach(starts.count - 1) { piece in
        let range = starts[piece]..<starts[piece + 1]
        if let offset = firstInvalidUTF8(UnsafeBufferPointer(rebasing: buffer[range])) { found[piece] = range.lowerBound + offset }
    }
    let first = found.min() ?? Int.max
    return first == Int.max ? nil : first
}

/// Why GB18030 transcoding failed: at which byte, or because iconv lacks the converter.
struct TranscodingFailure: Error {
    var offset: Int
    var unavailable: Bool
}

/// Transcodes GB18030 bytes to UTF-8 with glibc iconv.
func transcodeGB18030(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<[UInt8], TranscodingFailure> {
    guard bytes.count > 0 else { return .success([]) }
    let cd = iconv_open("UTF-8", "GB18030")
    guard let cd, Int(bitPattern: cd) != -1 else {
        return .failure(TranscodingFailure(offset: 0, unavailable: true))
    }
    defer { iconv_close(cd) }
    // Two GB18030 bytes become at most three UTF-8 bytes, four become four: 1.5× always suffices.
    var output = [UInt8](repeating: 0, count: bytes.count + bytes.count / 2 + 16)
    let outcome: Result<Int, TranscodingFailure> = output.withUnsafeMutableBufferPointer { out in
        var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: bytes.baseAddress!)
            .assumingMemoryBound(to: CChar.self)
        var inLeft = bytes.count
        var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(out.baseAddress!)
            .assumingMemoryBound(to: CChar.self)
        var outLeft = out.count
        let result = iconv(cd, &inPointer, &inLeft, &outPointer, &outLeft)
        if result == -1 {
            // EILSEQ (bad sequence) or EINVAL (truncated at the end): either way, the input is not GB18030.
            return .failure(TranscodingFailure(offset: bytes.count - inLeft, unavailable: false))
        }
        return .success(out.count - outLeft)
    }
    switch outcome {
    case .success(let written):
        output.removeSubrange(written...)
        return .success(output)
    case .failure(let failure):
        return .failure(failure)
    }
}

/// The 1-based physical line of a byte offset (LF, CRLF and lone CR each end a line).
func lineNumber(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var line = 1
    var i = 0
    let end = min(offset, bytes.count)
    while i < end {
        let b = bytes[i]
        if b == 0x0A {
            line += 1
        } else if b == 0x0D {
            if i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
            line += 1
        }
        i += 1
    }
    return line
}
