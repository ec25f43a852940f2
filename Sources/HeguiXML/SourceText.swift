import HeguiBase

/// The raw bytes of a document with a line index, for turning byte offsets into line and column.
struct SourceText {
    let bytes: [UInt8]
    /// Byte offset at which each line starts; lines end at `\n` as in libxml2.
    let lineStarts: [Int]
    /// Bytes of a leading UTF-8 byte order mark, which editors do not show as a column.
    let bomLength: Int

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        lineStarts = bytes.withUnsafeBufferPointer { buffer in
            var starts = [0]
            var offset = 0
            while offset < buffer.count {
                if buffer[offset] == 0x0A { starts.append(offset + 1) }
                offset += 1
            }
            return starts
        }
        bomLength = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// 1-based line and column of a byte offset; the column counts Unicode scalars, not bytes.
    func position(ofByte offset: Int) -> (line: Int, column: Int) {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let start = low == 0 ? bomLength : lineStarts[low]
        var column = 1
        bytes.withUnsafeBufferPointer { buffer in
            var index = start
            let end = min(offset, buffer.count)
            while index < end {
                // Count every byte that starts a scalar, i.e. is not a UTF-8 continuation byte.
                if buffer[index] & 0xC0 != 0x80 { column += 1 }
                index += 1
            }
        }
        return (low + 1, column)
    }

    /// The offset of the first occurrence of `pattern`, if any.
    func firstOffset(of pattern: [UInt8]) -> Int? {
        guard !pattern.isEmpty, bytes.count >= pattern.count else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            let first = pattern[0]
            var index = 0
            let last = buffer.count - pattern.count
            while index <= last {
                if buffer[index] == first {
                    var matched = true
                    for k in 1..<pattern.count where buffer[index + k] != pattern[k] {
                        matched = false
                        break
                    }
                    if matched { return index }
                }
                index += 1
            }
            return nil
        }
    }
}

/// A start tag found by scanning the source: where its `<` and its attribute names stand.
struct ScannedStartTag {
    var qualifiedName: String
    var offset: Int
    var attributes: [(qualifiedName: String, offset: Int)]
}

extension SourceText {
    /// Every start tag in document order, skipping comments, CDATA, processing instructions and
    /// end tags. Only meaningful for a document libxml2 accepted as well-formed; the i-th tag is
    /// then the i-th element of the tree in document order.
    func scanStartTags() -> [ScannedStartTag] {
        bytes.withUnsafeBufferPointer { b in
            var tags: [ScannedStartTag] = []
            let n = b.count
            var i = 0

            func skip(past terminator: StaticString, from start: Int) -> Int {
                let t = terminator.utf8Start
                let tn = terminator.utf8CodeUnitCount
                var j = start
                while j + tn <= n {
                    var matched = true
                    for k in 0..<tn where b[j + k] != t[k] {
                        matched = false
                        break
                    }
                    if matched { return j + tn }
                    j += 1
                }
                return n
            }
            func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }
            func isNameEnd(_ c: UInt8) -> Bool {
                isSpace(c) || c == UInt8(ascii: "/") || c == UInt8(ascii: ">") || c == UInt8(ascii: "=")
            }
            func name(_ from: Int, _ to: Int) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: b[from..<to]), as: UTF8.self)
            }
            func hasPrefix(_ literal: StaticString, at j: Int) -> Bool {
                let t = literal.utf8Start
                let tn = literal.utf8CodeUnitCount
                guard j + tn <= n else { return false }
                for k in 0..<tn where b[j + k] != t[k] { return false }
                return true
            }

            while i < n {
                guard b[i] == UInt8(ascii: "<") else { i += 1; continue }
                if hasPrefix("<!--", at: i) { i = skip(past: "-->", from: i + 4); continue }
                if hasPrefix("<![CDATA[", at: i) { i = skip(past: "]]>", from: i + 9); continue }
                if hasPrefix("<?", at: i) { i = skip(past: "?>", from: i + 2); continue }
                if hasPrefix("</", at: i) || hasPrefix("<!", at: i) { i = skip(past: ">", from: i + 2); continue }

                let tagStart = i
                var j = i + 1
                while j < n, !isNameEnd(b[j]) { j += 1 }
                var tag = ScannedStartTag(qualifiedName: name(i + 1, j), offset: tagStart, attributes: [])
                // Attributes: name, optional spaces, '=', optional spaces, quoted value.
                while j < n {
                    while j < n, isSpace(b[j]) { j += 1 }
                    guard j < n else { break }
                    if b[j] == UInt8(ascii: ">") { j += 1; break }
                    if b[j] == UInt8(ascii: "/") { j += 1; continue }
                    let nameStart = j
                    while j < n, !isNameEnd(b[j]) { j += 1 }
                    if j > nameStart { tag.attributes.append((name(nameStart, j), nameStart)) }
                    while j < n, isSpace(b[j]) { j += 1 }
                    if j < n, b[j] == UInt8(ascii: "=") { j += 1 }
                    while j < n, isSpace(b[j]) { j += 1 }
                    if j < n, b[j] == UInt8(ascii: "\"") || b[j] == UInt8(ascii: "'") {
                        let quote = b[j]
                        j += 1
                        while j < n, b[j] != quote { j += 1 }
                        j += 1
                    } else if j == nameStart {
                        j += 1  // not well-formed; make progress anyway
                    }
                }
                tags.append(tag)
                i = j
            }
            return tags
        }
    }
}
