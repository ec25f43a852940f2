/// Bytes as lower-case hex, two digits each: the one hex encoder (hashes, byte values in messages,
/// JSON `\u` escapes).
public func lowercaseHex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
    let digits = Array("0123456789abcdef".utf8)
    var hex: [UInt8] = []
    hex.reserveCapacity(bytes.underestimatedCount * 2)
    for byte in bytes {
        hex.append(digits[Int(byte >> 4)])
        hex.append(digits[Int(byte & 15)])
    }
    return String(decoding: hex, as: UTF8.self)
}
