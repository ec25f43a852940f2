import HeguiBase

/// Bytes and byte-level checks for scanning XML in the narrow shape spreadsheet writers produce,
/// each as strict as libxml2 or stricter: a scanner that meets anything they refuse leaves the document
/// to libxml2.
public enum XMLByte {
    public static let quote = UInt8(ascii: "\"")
    public static let hash = UInt8(ascii: "#")
    public static let apostrophe = UInt8(ascii: "'")
    public static let slash = UInt8(ascii: "/")
    public static let zero = UInt8(ascii: "0")
    public static let nine = UInt8(ascii: "9")
    public static let colon = UInt8(ascii: ":")
    public static let semicolon = UInt8(ascii: ";")
    public static let lt = UInt8(ascii: "<")
    public static let equals = UInt8(ascii: "=")
    public static let gt = UInt8(ascii: ">")
    public static let lowerX = UInt8(ascii: "x")
    public static let entities: [([UInt8], UInt8)] = [
        (Array("lt".utf8), UInt8(ascii: "<")), (Array("gt".utf8), UInt8(ascii: ">")), (Array("amp".utf8), UInt8(ascii: "&")),
        (Array("quot".utf8), UInt8(ascii: "\"")), (Array("apos".utf8), UInt8(ascii: "'")),
    ]

    @inlinable public static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    @inlinable public static func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte == 0x5F
    }

    @inlinable public static func isNameByte(_ byte: UInt8) -> Bool {
        isNameStart(byte) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x2E
    }

    public static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }

    /// XML 1.0's `Char`.
    public static func isXMLCharacter(_ scalar: UInt32) -> Bool {
        scalar == 0x9 || scalar == 0xA || scalar == 0xD || (scalar >= 0x20 && scalar <= 0xD7FF)
            || (scalar >= 0xE000 && scalar <= 0xFFFD) || (scalar >= 0x10000 && scalar <= 0x10FFFF)
    }

    /// Decodes `&…;` at `index` into `decoded` (4 bytes): its length and the offset after it; nil when
    /// it is no predefined entity or valid character reference (which libxml2 would refuse).
    public static func reference(
        _ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int, into decoded: UnsafeMutablePointer<UInt8>
    ) -> (length: Int, next: Int)? {
        var semicolon = index + 1
        while semicolon < end, semicolon - index <= 10, bytes[semicolon] != XMLByte.semicolon { semicolon += 1 }
        guard semicolon < end, bytes[semicolon] == XMLByte.semicolon else { return nil }
        let body = UnsafeBufferPointer(rebasing: bytes[(index + 1)..<semicolon])
        let next = semicolon + 1
        for (name, value) in XMLByte.entities where body.elementsEqual(name) {
            decoded[0] = value
            return (1, next)
        }
        guard body.count >= 2, body[0] == XMLByte.hash else { return nil }
        var scalar: UInt32 = 0
        if body[1] == XMLByte.lowerX {
            guard body.count >= 3, body.count <= 8 else { return nil }
            for digit in body[2...] {
                guard let value = XMLByte.hexValue(digit) else { return nil }
                scalar = scalar * 16 + UInt32(value)
            }
        } else {
            guard body.count <= 8 else { return nil }
            for digit in body[1...] {
                guard digit >= XMLByte.zero, digit <= XMLByte.nine else { return nil }
                scalar = scalar * 10 + UInt32(digit - XMLByte.zero)
            }
        }
        guard XMLByte.isXMLCharacter(scalar), let character = Unicode.Scalar(scalar) else { return nil }
        var length = 0
        for unit in UTF8.encode(character) ?? UTF8.EncodedScalar() {
            decoded[length] = unit
            length += 1
        }
        return (length, next)
    }

    /// The length of the UTF-8 sequence of an XML character starting at `index` (a byte ≥ 0x80):
    /// nil for malformed UTF-8, surrogates, overlong forms and U+FFFE/U+FFFF.
    public static func characterLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Int? {
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
