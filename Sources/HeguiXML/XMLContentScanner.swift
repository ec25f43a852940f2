import CLibXML2
import HeguiBase

#if canImport(Glibc)
    import Glibc
#endif

/// Reads one element's content in the narrow shape spreadsheet writers produce, reporting to an
/// `XMLPushHandler` the events libxml2 would report for it, several times faster than libxml2.
///
/// It accepts unprefixed ASCII element names, attributes unprefixed or with a prefix the root declares
/// (and `xml:space`), quoted attribute values without references, tabs or line breaks, text with the
/// five predefined entities and character references, and well-formed UTF-8 of XML characters.
/// Anything else — a comment, CDATA, a processing instruction, a DOCTYPE, a prefixed element, an
/// undeclared prefix, another entity, a control character, a duplicate attribute name, malformed
/// markup — makes it decline: it never guesses, and the document is then read
/// again by libxml2, the reference, which also gives every located error.
final class XMLContentScanner {
    /// How far a call got.
    enum Outcome: Equatable {
        /// These many bytes were read; the rest is an incomplete token, to be given again with more.
        case consumed(Int)
        /// The element's end tag starts at this offset: the content is over.
        case ended(Int)
        /// Something outside the narrow shape: read the document with libxml2 instead.
        case declined
    }

    private let handler: XMLPushHandler
    /// The element whose content this is (`sheetData`), and whose end tag ends the scan.
    private let element: [UInt8]
    /// The namespace prefixes the root declares, which attributes inside may use.
    var declaredPrefixes: [[UInt8]] = []
    /// The open elements' names, one after another, and where each ends.
    private var openNames: [UInt8] = []
    private var openEnds: [Int] = []
    /// NUL-terminated names handed to the handler (element first, then attributes).
    private let names: UnsafeMutablePointer<UInt8>
    /// Where each attribute's name starts in `names`, and its length, for the duplicate check.
    private let attributeNames: UnsafeMutablePointer<(start: Int, count: Int)>
    /// libxml2's attribute layout: local name, prefix, URI, value start, value end.
    private let attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>
    /// A decoded entity or character reference.
    private let decoded: UnsafeMutablePointer<UInt8>

    static let maxName = 64
    static let maxAttributes = 32
    static let maxDepth = 64
    private static let nameCapacity = (maxName + 1) * (maxAttributes + 1)

    init(handler: XMLPushHandler, element: StaticString) {
        self.handler = handler
        self.element = Array(UnsafeBufferPointer(start: element.utf8Start, count: element.utf8CodeUnitCount))
        names = .allocate(capacity: Self.nameCapacity)
        attributeNames = .allocate(capacity: Self.maxAttributes)
        attributes = .allocate(capacity: 5 * Self.maxAttributes)
        attributes.initialize(repeating: nil, count: 5 * Self.maxAttributes)
        decoded = .allocate(capacity: 4)
    }

    deinit {
        names.deallocate()
        attributeNames.deallocate()
        attributes.deallocate()
        decoded.deallocate()
    }

    /// Reads as many whole tokens of `bytes` as it holds, reporting them to the handler (whose errors
    /// are rethrown).
    func scan(_ bytes: UnsafeBufferPointer<UInt8>) throws(DiagnosticsError) -> Outcome {
        guard let base = bytes.baseAddress else { return .consumed(0) }
        let count = bytes.count
        var position = 0
        while position < count {
            if bytes[position] != Byte.lt {
                // Text runs to the next `<`; an unfinished run waits for more bytes.
                guard let found = memchr(base + position, Int32(Byte.lt), count - position) else { return .consumed(position) }
                let end = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                guard try text(bytes, from: position, to: end) else { return .declined }
                position = end
                continue
            }
            guard position + 1 < count else { return .consumed(position) }
            let outcome: Outcome
            if bytes[position + 1] == Byte.slash {
                outcome = try endTag(bytes, at: position)
            } else {
                outcome = try startTag(bytes, at: position)
            }
            guard case .consumed(let next) = outcome else { return outcome }
            if next == position { return .consumed(position) }
            position = next
        }
        return .consumed(position)
    }

    /// `</name>`: the offset after it, `position` itself when it is incomplete.
    private func endTag(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int) throws(DiagnosticsError) -> Outcome {
        let count = bytes.count
        let nameStart = position + 2
        var index = nameStart
        while index < count, Byte.isNameByte(bytes[index]) { index += 1 }
        guard index < count else { return .consumed(position) }
        let nameEnd = index
        guard nameEnd > nameStart, Byte.isNameStart(bytes[nameStart]), nameEnd - nameStart <= Self.maxName else { return .declined }
        while index < count, Byte.isSpace(bytes[index]) { index += 1 }
        guard index < count else { return .consumed(position) }
        guard bytes[index] == Byte.gt else { return .declined }
        let name = UnsafeBufferPointer(rebasing: bytes[nameStart..<nameEnd])
        guard let last = openEnds.last else {
            return name.elementsEqual(element) ? .ended(position) : .declined
        }
        let openStart = openEnds.count > 1 ? openEnds[openEnds.count - 2] : 0
        guard openNames[openStart..<last].elementsEqual(name) else { return .declined }
        openNames.removeSubrange(openStart...)
        openEnds.removeLast()
        try handler.endElement(XMLName(pointer: UnsafePointer(copyName(name, to: 0))))
        return .consumed(index + 1)
    }

    /// `<name a="v" …>` or `<name …/>`: the offset after it, `position` itself when it is incomplete.
    private func startTag(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int) throws(DiagnosticsError) -> Outcome {
        guard let base = bytes.baseAddress else { return .declined }
        let count = bytes.count
        let nameStart = position + 1
        // `<!` (comment, CDATA, DOCTYPE), `<?` and anything else not a plain name.
        guard Byte.isNameStart(bytes[nameStart]) else { return .declined }
        var index = nameStart
        while index < count, Byte.isNameByte(bytes[index]) { index += 1 }
        guard index < count else { return .consumed(position) }
        guard index - nameStart <= Self.maxName else { return .declined }
        let name = UnsafeBufferPointer(rebasing: bytes[nameStart..<index])
        var used = name.count + 1
        var attributeCount = 0
        var selfClosing = false
        while true {
            let spaced = Byte.isSpace(bytes[index])
            while index < count, Byte.isSpace(bytes[index]) { index += 1 }
            guard index < count else { return .consumed(position) }
            let byte = bytes[index]
            if byte == Byte.gt {
                index += 1
                break
            }
            if byte == Byte.slash {
                guard index + 1 < count else { return .consumed(position) }
                guard bytes[index + 1] == Byte.gt else { return .declined }
                selfClosing = true
                index += 2
                break
            }
            guard spaced, Byte.isNameStart(byte), attributeCount < Self.maxAttributes else { return .declined }
            let attributeStart = index
            while index < count, Byte.isNameByte(bytes[index]) { index += 1 }
            guard index < count else { return .consumed(position) }
            var attributeName = UnsafeBufferPointer(rebasing: bytes[attributeStart..<index])
            guard attributeName.count <= Self.maxName else { return .declined }
            var onlyPreserve = false
            if bytes[index] == Byte.colon {
                // A prefix declared on the root (`x14ac:dyDescent`), or `xml:space`: libxml2 reports
                // the local name. Any other prefix is libxml2's to judge.
                let prefix = attributeName
                let localStart = index + 1
                index = localStart
                while index < count, Byte.isNameByte(bytes[index]) { index += 1 }
                guard index < count else { return .consumed(position) }
                guard index > localStart, Byte.isNameStart(bytes[localStart]), index - localStart <= Self.maxName else { return .declined }
                attributeName = UnsafeBufferPointer(rebasing: bytes[localStart..<index])
                if prefix.elementsEqual(Byte.xml) {
                    guard attributeName.elementsEqual(Byte.space) else { return .declined }
                    onlyPreserve = true
                } else {
                    guard !prefix.starts(with: Byte.xml), declaredPrefixes.contains(where: { prefix.elementsEqual($0) }) else {
                        return .declined
                    }
                }
            } else if attributeName.starts(with: Byte.xml) {
                // `xmlns` declarations and other reserved names are libxml2's to judge.
                return .declined
            }
            while index < count, Byte.isSpace(bytes[index]) { index += 1 }
            guard index < count else { return .consumed(position) }
            guard bytes[index] == Byte.equals else { return .declined }
            index += 1
            while index < count, Byte.isSpace(bytes[index]) { index += 1 }
            guard index < count else { return .consumed(position) }
            let quote = bytes[index]
            guard quote == Byte.quote || quote == Byte.apostrophe else { return .declined }
            let valueStart = index + 1
            guard valueStart < count, let found = memchr(base + valueStart, Int32(quote), count - valueStart) else {
                return .consumed(position)
            }
            let valueEnd = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            let value = UnsafeBufferPointer(rebasing: bytes[valueStart..<valueEnd])
            guard Self.isPlainValue(value) else { return .declined }
            if onlyPreserve, !value.elementsEqual(Byte.preserve), !value.elementsEqual(Byte.defaultSpace) { return .declined }
            index = valueEnd + 1
            guard index < count else { return .consumed(position) }
            for earlier in 0..<attributeCount {
                let other = attributeNames[earlier]
                if UnsafeBufferPointer(start: names + other.start, count: other.count).elementsEqual(attributeName) {
                    return .declined
                }
            }
            attributeNames[attributeCount] = (used, attributeName.count)
            let slot = attributes + 5 * attributeCount
            slot[0] = UnsafePointer(copyName(attributeName, to: used))
            slot[3] = UnsafePointer(base + valueStart)
            slot[4] = UnsafePointer(base + valueEnd)
            used += attributeName.count + 1
            attributeCount += 1
        }
        if !selfClosing {
            guard openEnds.count < Self.maxDepth else { return .declined }
            openNames.append(contentsOf: name)
            openEnds.append(openNames.count)
        }
        let namePointer = UnsafePointer(copyName(name, to: 0))
        try handler.startElement(XMLName(pointer: namePointer), XMLAttributes(base: attributes, count: attributeCount))
        if selfClosing { try handler.endElement(XMLName(pointer: namePointer)) }
        return .consumed(index)
    }

    /// Copies a name into `names` at `offset`, NUL-terminated as libxml2 hands names over.
    private func copyName(_ name: UnsafeBufferPointer<UInt8>, to offset: Int) -> UnsafeMutablePointer<UInt8> {
        let target = names + offset
        for index in 0..<name.count { target[index] = name[index] }
        target[name.count] = 0
        return target
    }

    /// Reports the text between two tags, entities decoded; false when it is outside the narrow shape.
    private func text(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) throws(DiagnosticsError) -> Bool {
        var run = start
        var index = start
        while index < end {
            let byte = bytes[index]
            if byte >= 0x20, byte < 0x80 {
                if byte == Byte.ampersand {
                    if index > run { try handler.characters(UnsafeBufferPointer(rebasing: bytes[run..<index])) }
                    guard let (length, next) = reference(bytes, at: index, end: end) else { return false }
                    try handler.characters(UnsafeBufferPointer(start: decoded, count: length))
                    index = next
                    run = next
                    continue
                }
                // `]]>` is not allowed in text.
                if byte == Byte.closeBracket, index + 2 < end, bytes[index + 1] == Byte.closeBracket, bytes[index + 2] == Byte.gt {
                    return false
                }
                index += 1
            } else if byte == Byte.tab || byte == Byte.newline {
                index += 1
            } else if byte == Byte.carriageReturn {
                // Line ends are normalised, as libxml2 does: CR LF and a lone CR are one LF.
                if index > run { try handler.characters(UnsafeBufferPointer(rebasing: bytes[run..<index])) }
                decoded[0] = Byte.newline
                try handler.characters(UnsafeBufferPointer(start: decoded, count: 1))
                index += index + 1 < end && bytes[index + 1] == Byte.newline ? 2 : 1
                run = index
            } else if byte < 0x20 {
                // A control character is no XML character.
                return false
            } else {
                guard let length = Self.characterLength(bytes, at: index, end: end) else { return false }
                index += length
            }
        }
        if end > run { try handler.characters(UnsafeBufferPointer(rebasing: bytes[run..<end])) }
        return true
    }

    /// Decodes `&…;` at `index` into `decoded`: its length and the offset after it; nil when it is no
    /// predefined entity or valid character reference.
    private func reference(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> (Int, Int)? {
        var semicolon = index + 1
        while semicolon < end, semicolon - index <= 10, bytes[semicolon] != Byte.semicolon { semicolon += 1 }
        guard semicolon < end, bytes[semicolon] == Byte.semicolon else { return nil }
        let body = UnsafeBufferPointer(rebasing: bytes[(index + 1)..<semicolon])
        let next = semicolon + 1
        for (name, value) in Byte.entities where body.elementsEqual(name) {
            decoded[0] = value
            return (1, next)
        }
        guard body.count >= 2, body[0] == Byte.hash else { return nil }
        var scalar: UInt32 = 0
        if body[1] == Byte.lowerX {
            guard body.count >= 3, body.count <= 8 else { return nil }
            for digit in body[2...] {
                guard let value = Byte.hexValue(digit) else { return nil }
                scalar = scalar * 16 + UInt32(value)
            }
        } else {
            guard body.count <= 8 else { return nil }
            for digit in body[1...] {
                guard digit >= Byte.zero, digit <= Byte.nine else { return nil }
                scalar = scalar * 10 + UInt32(digit - Byte.zero)
            }
        }
        guard Byte.isXMLCharacter(scalar), let character = Unicode.Scalar(scalar) else { return nil }
        var length = 0
        for unit in UTF8.encode(character) ?? UTF8.EncodedScalar() {
            decoded[length] = unit
            length += 1
        }
        return (length, next)
    }

    /// Whether an attribute value reads the same raw as libxml2 reads it: no `<`, no reference, no
    /// whitespace it would normalise, only well-formed UTF-8 of XML characters.
    private static func isPlainValue(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < value.count {
            let byte = value[index]
            if byte >= 0x80 {
                guard let length = characterLength(value, at: index, end: value.count) else { return false }
                index += length
                continue
            }
            guard byte >= 0x20, byte != Byte.lt, byte != Byte.ampersand else { return false }
            index += 1
        }
        return true
    }

    /// The length of the UTF-8 sequence of an XML character starting at `index` (a byte ≥ 0x80):
    /// nil for malformed UTF-8, surrogates, overlong forms and U+FFFE/U+FFFF.
    static func characterLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Int? {
        func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            index + offset < end && bytes[index + offset] >= low && bytes[index + offset] <= high
        }
        let lead = bytes[index]
        switch lead {
        case 0xC2...0xDF:
            return continuation(1) ? 2 : nil
        case 0xE0...0xEF:
            let second = continuation(1, lead == 0xE0 ? 0xA0 : 0x80, lead == 0xED ? 0x9F : 0xBF)
            guard second, continuation(2) else { return nil }
            // U+FFFE and U+FFFF are not XML characters.
            if lead == 0xEF, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE { return nil }
            return 3
        case 0xF0...0xF4:
            let second = continuation(1, lead == 0xF0 ? 0x90 : 0x80, lead == 0xF4 ? 0x8F : 0xBF)
            return second && continuation(2) && continuation(3) ? 4 : nil
        default:
            return nil
        }
    }
}

/// The bytes the scanner looks for.
enum Byte {
    static let tab: UInt8 = 0x09
    static let newline: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let quote = UInt8(ascii: "\"")
    static let hash = UInt8(ascii: "#")
    static let ampersand = UInt8(ascii: "&")
    static let apostrophe = UInt8(ascii: "'")
    static let slash = UInt8(ascii: "/")
    static let zero = UInt8(ascii: "0")
    static let nine = UInt8(ascii: "9")
    static let colon = UInt8(ascii: ":")
    static let semicolon = UInt8(ascii: ";")
    static let lt = UInt8(ascii: "<")
    static let equals = UInt8(ascii: "=")
    static let gt = UInt8(ascii: ">")
    static let closeBracket = UInt8(ascii: "]")
    static let lowerX = UInt8(ascii: "x")
    static let xml = Array("xml".utf8)
    static let space = Array("space".utf8)
    static let preserve = Array("preserve".utf8)
    static let defaultSpace = Array("default".utf8)
    static let entities: [([UInt8], UInt8)] = [
        (Array("lt".utf8), UInt8(ascii: "<")), (Array("gt".utf8), UInt8(ascii: ">")), (Array("amp".utf8), UInt8(ascii: "&")),
        (Array("quot".utf8), UInt8(ascii: "\"")), (Array("apos".utf8), UInt8(ascii: "'")),
    ]

    @inline(__always) static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    @inline(__always) static func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte == 0x5F
    }

    @inline(__always) static func isNameByte(_ byte: UInt8) -> Bool {
        isNameStart(byte) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x2E
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }

    /// XML 1.0's `Char`.
    static func isXMLCharacter(_ scalar: UInt32) -> Bool {
        scalar == 0x9 || scalar == 0xA || scalar == 0xD || (scalar >= 0x20 && scalar <= 0xD7FF)
            || (scalar >= 0xE000 && scalar <= 0xFFFD) || (scalar >= 0x10000 && scalar <= 0x10FFFF)
    }
}
