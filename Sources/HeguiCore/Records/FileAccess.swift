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

/// Reads a whole file of at most `limit` bytes into memory with one buffer, or throws `UnreadableFileError`.
func readFileBytes(_ path: String, limit: Int = maximumRecordsFileBytes) throws -> [UInt8] {
    let limitText = limit >= 1 << 30 ? "\(limit >> 30) GiB" : "\(limit >> 20) MiB"
    let tooLarge = UnreadableFileError(path: path, reason: "is larger than the \(limitText) limit")
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw UnreadableFileError(path: path, reason: String(cString: strerror(errno))) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else {
        throw UnreadableFileError(path: path, reason: String(cString: strerror(errno)))
    }
    guard info.st_mode & S_IFMT != S_IFDIR else { throw UnreadableFileError(path: path, reason: "is a folder") }
    guard Int(info.st_size) <= limit else { throw tooLarge }
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
        if total > limit { throw tooLarge }
    }
    buffer.removeSubrange(total...)
    return buffer
}

/// The largest records file read (2 GiB, eight times a 40,000-employee year's timesheet): input
/// larger than that is refused with a clear error rather than exhausting memory.
let maximumRecordsFileBytes = 2 << 30

/// The largest XML records bundle read: a DOM costs many times the file, so XML is held to the
/// same 64 MiB as every other XML document, before a byte is parsed.
let maximumXMLFileBytes = 64 << 20

/// The names of the regular files in a folder, or `UnreadableFileError`. Symbolic links are followed
/// only while they stay inside the folder: one leading out of it is refused (never read, so nothing
/// of the target reaches an error message).
func listRegularFiles(_ path: String) throws -> [String] {
    guard let folderReal = realpath(path, nil) else {
        throw UnreadableFileError(path: path, reason: "cannot read the records folder: \(String(cString: strerror(errno)))")
    }
    let folder = String(cString: folderReal)
    free(folderReal)
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
        guard lstat(full, &info) == 0 else { continue }
        if info.st_mode & S_IFMT == S_IFLNK {
            guard let targetReal = realpath(full, nil) else { continue }  // dangling: nothing to read
            let target = String(cString: targetReal)
            free(targetReal)
            guard target.hasPrefix(folder == "/" ? "/" : folder + "/") else {
                throw UnreadableFileError(path: full, reason: "is a symbolic link leading out of the records folder; refused")
            }
            guard stat(full, &info) == 0 else { continue }
        }
        guard info.st_mode & S_IFMT == S_IFREG else { continue }
        names.append(name)
    }
    return names
}
