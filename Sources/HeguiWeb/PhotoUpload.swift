import Foundation
import HeguiCore

/// Why an uploaded photo was refused.
enum PhotoRefusal: Error, Equatable {
    /// Larger than the limit (bytes).
    case tooLarge(limit: Int)
    /// Not a JPEG, PNG, HEIC or WebP by its first bytes.
    case notAPhoto

    /// The message shown.
    var message: LocalizedText {
        switch self {
        case .tooLarge(let limit):
            let mb = formatNumber(Double(limit) / 1_048_576)
            return Message.web(.photoTooLarge(megabytes: mb)).text
        case .notAPhoto:
            return Message.web(.notAPhoto).text
        }
    }
}

/// Checks an uploaded photo by its bytes (never by its name or declared type) and blanks its EXIF
/// location before it is stored.
enum PhotoUpload {
    /// The photo kinds accepted.
    enum Kind: String { case jpeg, png, heic, webp }

    /// The kind of a photo by its magic bytes, or nil.
    static func kind(of data: Data) -> Kind? {
        let b = [UInt8](data.prefix(16))
        if b.count >= 3, b[0] == 0xFF, b[1] == 0xD8, b[2] == 0xFF { return .jpeg }
        if b.count >= 8, b[0..<8].elementsEqual([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if b.count >= 12, b[0..<4].elementsEqual(Array("RIFF".utf8)), b[8..<12].elementsEqual(Array("WEBP".utf8)) {
            return .webp
        }
        if b.count >= 12, b[4..<8].elementsEqual(Array("ftyp".utf8)) {
            let brand = String(decoding: b[8..<12], as: UTF8.self)
            if ["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"].contains(brand) { return .heic }
        }
        return nil
    }

    /// The photo to store: refused when too large or not a photo; its GPS data blanked unless kept.
    static func accept(_ data: Data, limit: Int, keepLocation: Bool) throws(PhotoRefusal) -> Data {
        guard data.count <= limit else { throw .tooLarge(limit: limit) }
        guard let kind = kind(of: data) else { throw .notAPhoto }
        if keepLocation { return data }
        var bytes = [UInt8](data)
        if kind == .png {
            ExifLocation.blankPNG(&bytes)
        } else {
            ExifLocation.blankAfterExifMarkers(&bytes)
        }
        return Data(bytes)
    }
}

/// Blanks the GPS directory of EXIF blocks in place: every GPS entry and the values it points to become
/// zeros and the directory's entry count 0, so no reader finds a location; nothing else moves.
enum ExifLocation {
    /// Blanks every TIFF block that follows an `Exif\0\0` marker (JPEG APP1, WebP EXIF chunk, HEIC Exif item).
    static func blankAfterExifMarkers(_ bytes: inout [UInt8]) {
        let marker: [UInt8] = Array("Exif".utf8) + [0, 0]
        var index = 0
        while index + marker.count + 8 <= bytes.count {
            if bytes[index] == 0x45, bytes[index..<(index + marker.count)].elementsEqual(marker) {
                blankTIFF(&bytes, start: index + marker.count)
                index += marker.count
            } else {
                index += 1
            }
        }
    }

    /// Blanks the TIFF block of each PNG `eXIf` chunk and fixes the chunk's CRC.
    static func blankPNG(_ bytes: inout [UInt8]) {
        var offset = 8
        while offset + 12 <= bytes.count {
            let length = Int(be32(bytes, offset))
            let dataStart = offset + 8
            guard length >= 0, dataStart + length + 4 <= bytes.count else { return }
            if bytes[(offset + 4)..<(offset + 8)].elementsEqual(Array("eXIf".utf8)) {
                blankTIFF(&bytes, start: dataStart, end: dataStart + length)
                let crc = CRC32.of(bytes[(offset + 4)..<(dataStart + length)])
                for i in 0..<4 { bytes[dataStart + length + i] = UInt8((crc >> (24 - 8 * UInt32(i))) & 0xFF) }
            }
            offset = dataStart + length + 4
        }
    }

    /// Blanks the GPS directory of the TIFF block starting at `start` (ending by `end` at the latest).
    static func blankTIFF(_ bytes: inout [UInt8], start: Int, end: Int? = nil) {
        let end = min(end ?? bytes.count, bytes.count)
        guard start + 8 <= end else { return }
        let little: Bool
        if bytes[start] == 0x49, bytes[start + 1] == 0x49 {
            little = true
        } else if bytes[start] == 0x4D, bytes[start + 1] == 0x4D {
            little = false
        } else {
            return
        }
        func u16(_ at: Int) -> Int? {
            guard at >= start, at + 2 <= end else { return nil }
            return little ? Int(bytes[at]) | Int(bytes[at + 1]) << 8 : Int(bytes[at]) << 8 | Int(bytes[at + 1])
        }
        func u32(_ at: Int) -> Int? {
            guard let a = u16(at), let b = u16(at + 2) else { return nil }
            return little ? a | b << 16 : a << 16 | b
        }
        guard u16(start + 2) == 42, let ifd0 = u32(start + 4), let count0 = u16(start + ifd0) else { return }
        var gpsOffset: Int?
        for n in 0..<count0 {
            let entry = start + ifd0 + 2 + 12 * n
            if u16(entry) == 0x8825 { gpsOffset = u32(entry + 8) }
        }
        guard let gpsOffset, let count = u16(start + gpsOffset) else { return }
        // Bytes per value of each TIFF type (1 BYTE … 12 DOUBLE).
        let sizes = [0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8]
        for n in 0..<count {
            let entry = start + gpsOffset + 2 + 12 * n
            guard let type = u16(entry + 2), let values = u32(entry + 4), entry + 12 <= end else { break }
            let size = (type < sizes.count ? sizes[type] : 1) * values
            if size > 4, let at = u32(entry + 8), start + at >= start, start + at + size <= end {
                for i in (start + at)..<(start + at + size) { bytes[i] = 0 }
            }
            for i in entry..<(entry + 12) { bytes[i] = 0 }
        }
        bytes[start + gpsOffset] = 0
        bytes[start + gpsOffset + 1] = 0
    }

    static func be32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(bytes[at]) << 24 | UInt32(bytes[at + 1]) << 16 | UInt32(bytes[at + 2]) << 8 | UInt32(bytes[at + 3])
    }
}

/// CRC-32 (IEEE), as PNG chunks carry it.
enum CRC32 {
    static let table: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func of(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}
