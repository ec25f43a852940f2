import Crypto
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import HeguiXML

/// The SHA-256 of bytes, lower-case hex.
func sha256Hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var hex: [UInt8] = []
    hex.reserveCapacity(64)
    for byte in SHA256.hash(data: bytes) {
        hex.append(digits[Int(byte >> 4)])
        hex.append(digits[Int(byte & 15)])
    }
    return String(decoding: hex, as: UTF8.self)
}

/// Reads a whole file into memory with one buffer, or throws `UnreadableFileError`.
func readFileBytes(_ path: String) throws -> [UInt8] {
    let tooLarge = UnreadableFileError(path: path, reason: "is larger than the 2 GiB limit")
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw UnreadableFileError(path: path, reason: String(cString: strerror(errno))) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else {
        throw UnreadableFileError(path: path, reason: String(cString: strerror(errno)))
    }
    guard info.st_mode & S_IFMT != S_IFDIR else { throw UnreadableFileError(path: path, reason: "is a folder") }
    guard Int(info.st_size) <= maximumRecordsFileBytes else { throw tooLarge }
    // One spare byte so a file that did not grow is read to EOF without resizing.
    var buffer = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
    var total = 0
    while true {
        if total == buffer.count { buffer.append(contentsOf: repeatElement(0, count: max(buffer.count, 4096))) }
        let got = buffer.withUnsafeMutableBytes { raw in read(fd, raw.baseAddress! + total, raw.count - total) }
        if got < 0 {
            if errno == EINTR { continue }
            throw UnreadableFileError(path: path, reason: String(cString: strerror(errno)))
        }
        if got == 0 { break }
        total += got
        // A file that grows while it is read is held to the same limit.
        if total > maximumRecordsFileBytes { throw tooLarge }
    }
    buffer.removeSubrange(total...)
    return buffer
}

/// The largest records file read (2 GiB, eight times a 40,000-employee year's timesheet): input
/// larger than that is refused with a clear error rather than exhausting memory.
let maximumRecordsFileBytes = 2 << 30

/// The names of the regular files (symbolic links followed) in a folder, or `UnreadableFileError`.
func listRegularFiles(_ path: String) throws -> [String] {
    guard let directory = opendir(path) else {
        throw UnreadableFileError(path: path, reason: "cannot read the records folder: \(String(cString: strerror(errno)))")
    }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
        let name = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
            String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
        }
        if name == "." || name == ".." { continue }
        var info = stat()
        let full = path.hasSuffix("/") ? path + name : path + "/" + name
        guard stat(full, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
        names.append(name)
    }
    return names
}
