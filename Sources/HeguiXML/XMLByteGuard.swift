import HeguiBase

#if canImport(Glibc)
    import Glibc
#endif

/// Watches XML bytes on their way to libxml2, chunk by chunk: a DOCTYPE (the only door to entities
/// and fetches) and a NUL byte (UTF-16 would hide a DOCTYPE from the scan) are refused, located,
/// before the parser sees them. Lines and columns are counted so the refusal names where it stands.
struct XMLByteGuard {
    let path: String
    private var line = 1
    private var column = 1
    /// The last bytes of the previous chunk, so a DOCTYPE split across two chunks is still seen.
    private var tail: [UInt8] = []
    private static let doctype = Array("<!DOCTYPE".utf8)

    init(path: String) { self.path = path }

    /// Checks the next chunk; throws the located refusal.
    mutating func check(_ bytes: UnsafeBufferPointer<UInt8>) throws(DiagnosticsError) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        let pattern = Self.doctype
        // A DOCTYPE that starts in the carried tail and ends in this chunk.
        if !tail.isEmpty {
            let joined = tail + bytes.prefix(pattern.count - 1)
            if let offset = Self.firstDoctype(in: joined) {
                let (atLine, atColumn) = position(after: joined[..<offset], carried: tail.count)
                throw refusal(atLine, atColumn, .doctypeRefused)
            }
        }
        if let offset = Self.firstDoctype(in: bytes) {
            let (atLine, atColumn) = position(after: bytes[..<offset], carried: 0)
            throw refusal(atLine, atColumn, .doctypeRefused)
        }
        if let nul = memchr(base, 0, bytes.count) {
            let offset = UnsafeRawPointer(nul) - UnsafeRawPointer(base)
            let (atLine, atColumn) = position(after: bytes[..<offset], carried: 0)
            throw refusal(atLine, atColumn, .nulByte)
        }
        advance(over: bytes)
        tail = Array(bytes.suffix(pattern.count - 1))
    }

    private func refusal(_ atLine: Int, _ atColumn: Int, _ message: XMLMessage) -> DiagnosticsError {
        DiagnosticsError([Diagnostic(at: SourceLocation(file: path, line: atLine, column: atColumn), .xml(message))])
    }

    /// Counts the chunk's lines and the characters after its last line break.
    private mutating func advance(over bytes: UnsafeBufferPointer<UInt8>) {
        var start = 0
        if let base = bytes.baseAddress {
            var from = 0
            while from < bytes.count, let found = memchr(base + from, 10, bytes.count - from) {
                line += 1
                from = UnsafeRawPointer(found) - UnsafeRawPointer(base) + 1
                start = from
            }
            if start > 0 { column = 1 }
        }
        var characters = 0
        for index in start..<bytes.count where bytes[index] & 0xC0 != 0x80 { characters += 1 }
        column += characters
    }

    /// The line and column of the byte after `prefix`, whose first `carried` bytes were already counted.
    private func position<C: Collection>(after prefix: C, carried: Int) -> (Int, Int) where C.Element == UInt8 {
        var atLine = line
        var atColumn = column
        for byte in prefix.dropFirst(carried) {
            if byte == 10 {
                atLine += 1
                atColumn = 1
            } else if byte & 0xC0 != 0x80 {
                atColumn += 1
            }
        }
        return (atLine, atColumn)
    }

    /// The offset of the first `<!DOCTYPE`, found by jumping from `<` to `<`.
    private static func firstDoctype<C: RandomAccessCollection>(in bytes: C) -> Int?
    where C.Element == UInt8, C.Index == Int {
        let pattern = doctype
        guard bytes.count >= pattern.count else { return nil }
        var index = bytes.startIndex
        let last = bytes.endIndex - pattern.count
        while index <= last {
            if bytes[index] == 60, bytes[index + 1] == 33 {
                var match = true
                for offset in 2..<pattern.count where bytes[index + offset] != pattern[offset] {
                    match = false
                    break
                }
                if match { return index - bytes.startIndex }
            }
            index += 1
        }
        return nil
    }

    /// The offset of the first `<!DOCTYPE` in a buffer: `memchr` jumps to each `!`, rare in XML.
    private static func firstDoctype(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let pattern = doctype
        var from = 1
        while from < bytes.count, let found = memchr(base + from, 33, bytes.count - from) {
            let bang = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            let start = bang - 1
            guard start + pattern.count <= bytes.count else { return nil }
            if memcmp(base + start, pattern, pattern.count) == 0 { return start }
            from = bang + 1
        }
        return nil
    }
}
