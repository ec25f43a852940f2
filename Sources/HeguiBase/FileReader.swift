#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one way hegui reads input files: a regular file (symbolic links followed) read whole, under a
/// hard size limit, so a wrong path never hangs on a pipe or exhausts memory.
public enum FileReader {
    /// Every XML document (rule packs, schemas, records bundles) is held to this: a DOM costs many
    /// times the file, and rule packs are small; anything bigger is a mistake or an attack.
    public static let xmlFileLimit = 64 << 20

    /// The largest records file read (2 GiB, eight times a 40,000-employee year's timesheet): input
    /// larger than that is refused with a clear error rather than exhausting memory.
    public static let recordsFileLimit = 2 << 30

    /// Reads a regular file of at most `limit` bytes, or throws `UnreadableFileError` saying why not.
    public static func contents(of path: String, limit: Int) throws(UnreadableFileError) -> [UInt8] {
        let tooLarge = UnreadableFileError(path: path, .files(.tooLarge(limit: sizeText(limit))))
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw UnreadableFileError(path: path, .files(.os(OSReason(errno: errno)))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw UnreadableFileError(path: path, .files(.os(OSReason(errno: errno)))) }
        guard info.st_mode & S_IFMT != S_IFDIR else { throw UnreadableFileError(path: path, .files(.isADirectory)) }
        // FIFOs and devices could block or never end.
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw UnreadableFileError(path: path, .files(.notARegularFile))
        }
        guard info.st_size >= 0, info.st_size <= limit else { throw tooLarge }
        // One spare byte so a file that did not grow is read to its end without resizing.
        var buffer = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
        var total = 0
        while true {
            if total == buffer.count { buffer.append(contentsOf: repeatElement(0, count: max(buffer.count, 4096))) }
            let got = buffer.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return read(fd, base + total, raw.count - total)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw UnreadableFileError(path: path, .files(.os(OSReason(errno: errno))))
            }
            if got == 0 { break }
            total += got
            // A file that grows while it is read is held to the same limit.
            if total > limit { throw tooLarge }
        }
        buffer.removeSubrange(total...)
        return buffer
    }

    /// The names of the regular files in a folder, unsorted, or `UnreadableFileError`. Symbolic links
    /// are followed only while they stay inside the folder: one leading out of it is refused (never
    /// read, so nothing of the target reaches an error message).
    public static func regularFiles(in path: String) throws(UnreadableFileError) -> [String] {
        guard let folderReal = realpath(path, nil) else {
            throw UnreadableFileError(path: path, .files(.cannotReadRecordsFolder(reason: OSReason(errno: errno))))
        }
        let folder = String(cString: folderReal)
        free(folderReal)
        guard let directory = opendir(path) else {
            throw UnreadableFileError(path: path, .files(.cannotReadRecordsFolder(reason: OSReason(errno: errno))))
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
                    throw UnreadableFileError(path: full, .files(.symlinkOutOfFolder))
                }
                guard stat(full, &info) == 0 else { continue }
            }
            guard info.st_mode & S_IFMT == S_IFREG else { continue }
            names.append(name)
        }
        return names
    }

    /// `64 MiB`, `2 GiB`.
    static func sizeText(_ bytes: Int) -> String {
        bytes % (1 << 30) == 0 ? "\(bytes >> 30) GiB" : "\(bytes >> 20) MiB"
    }
}
