import Crypto
import Dispatch
import HeguiBase
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One CSV file on its way through the importer: its bytes, header and chunk boundaries, then each
/// chunk's table and diagnostics. Each stage writes fields no other running task touches.
final class CSVJob: @unchecked Sendable {
    let path: String
    let layout: KindLayout
    /// The file's bytes when given in memory; nil for a file on disk, which is mapped instead.
    var bytes: [UInt8]?
    /// The file on disk, mapped; each stage gives back the pages it has read, so the whole file is
    /// resident only while it is first decoded and split, before any table is built.
    var mapped: MappedFile?
    /// Set when the file could not be read; thrown when the file's turn comes.
    var failure: (any Error)?
    /// Where the UTF-8 text starts in `bytes` (3 after a BOM), when not transcoded.
    var textOffset = 0
    /// The UTF-8 text when the file was transcoded from GB18030.
    var transcoded: [UInt8]?
    /// Diagnostics of decoding and the header.
    var sink: DiagnosticCollector
    var header: CSVHeader?
    /// Chunk boundaries in the text: the first row's offset, …, the text's end.
    var splits: [Int] = []
    /// The physical line of the first byte after the header.
    var firstRowLine = 1
    /// One slot per chunk, filled by the task that parses it: tasks only read this array and each
    /// writes its own slot object, so no two threads ever mutate the same Swift value.
    var chunks: [ChunkSlot] = []
    var sha256 = ""

    init(path: String, layout: KindLayout, errorLimit: Int = 100) {
        self.path = path
        self.layout = layout
        sink = DiagnosticCollector(limit: errorLimit)
    }

    /// The file's size in bytes (0 before it is read).
    var byteCount: Int { mapped?.bytes.count ?? bytes?.count ?? 0 }

    /// Calls `body` with the file's raw bytes.
    func withRawBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let mapped { return try body(mapped.bytes) }
        return try (bytes ?? []).withUnsafeBufferPointer(body)
    }

    /// Calls `body` with the UTF-8 text.
    func withText<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let transcoded { return transcoded.withUnsafeBufferPointer(body) }
        return withRawBytes { body(UnsafeBufferPointer(rebasing: $0[textOffset...])) }
    }

    /// Gives back the mapped pages of a range of the text, once read (no-op for bytes in memory and
    /// for transcoded text, whose mapping is given back whole after transcoding).
    func releaseText(_ range: Range<Int>) {
        guard transcoded == nil, let mapped else { return }
        mapped.release((range.lowerBound + textOffset)..<(range.upperBound + textOffset))
    }

    /// The SHA-256 of the raw bytes; a mapped file is hashed in blocks, each given back once hashed.
    func hashBytes() -> String {
        guard let mapped else { return bytes.map(sha256Hex) ?? "" }
        var hasher = SHA256()
        let block = 1 << 23
        var start = 0
        while start < mapped.bytes.count {
            let end = min(start + block, mapped.bytes.count)
            hasher.update(bufferPointer: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: mapped.bytes[start..<end])))
            mapped.release(start..<end)
            start = end
        }
        return lowercaseHex(hasher.finalize())
    }
}

/// Where one chunk's parse result lands; a class so concurrent tasks never write into a shared array.
final class ChunkSlot: @unchecked Sendable {
    /// The chunk's result, once parsed.
    var value: CSVChunk?

    init(_ value: CSVChunk? = nil) {
        self.value = value
    }
}

/// Which field each CSV column feeds.
struct CSVHeader {
    /// The number of header cells.
    var count: Int
    /// For each field, its column, or -1 when the file has none.
    var columnOfField: [Int]
    /// Columns with an empty header: any value in them is an error.
    var unnamedColumns: [Int]
    /// The physical line of the header row, for "column absent" messages.
    var line = 1
    /// Non-blank rows above the header (titles), by line.
    var linesAbove: [Int] = []
    /// Columns headed 序号 or 备注: read past, named in the skipped-rows note.
    var ignoredColumns: [String] = []
    /// Each column's header label, to recognise a row repeating the header.
    var labels: [String] = []
}

/// One chunk's rows, parsed with lines counted from 1 at the chunk's first byte.
struct CSVChunk {
    var table: ParsedTable
    var sink: DiagnosticCollector
    /// Line ends the chunk contains, to number the next chunk's lines.
    var lineEnds: Int
    /// The chunk ended inside a quoted field: its end was not a record boundary.
    var endedInsideQuotes: Bool
    /// Rows read past as not records (totals, notes, blank rows, repeated headers).
    var skipped = SkippedRows()

    /// Renumbers rows and diagnostics from chunk lines to file lines.
    mutating func shiftLines(by shift: Int, path: String) {
        guard shift != 0 else { return }
        let delta = Int32(shift)
        table.table.lines.withUnsafeMutableBufferPointer { lines in
            for i in lines.indices { lines[i] += delta }
        }
        sink.shiftLines(by: shift, in: path)
        skipped.shift(by: shift)
    }
}

enum CSVChunks {
    /// Chunk boundaries for the rows in `text[start...]`: each lies just after a line end outside
    /// quotes (by quote parity from `start`), about `chunkBytes` apart. Parity can be wrong only in a
    /// malformed file; a chunk that then ends inside quotes is detected and the file re-read whole.
    static func boundaries(_ text: UnsafeBufferPointer<UInt8>, from start: Int, chunkBytes: Int) -> [Int] {
        let end = text.count
        let count = min(max((end - start) / chunkBytes, 1), 256)
        var splits = [start]
        guard count > 1, let base = text.baseAddress else { return splits + [end] }
        var quotes = 0
        var scanned = start
        for k in 1..<count {
            let target = start + (end - start) * k / count
            guard target > scanned else { continue }
            quotes += countQuotes(base, scanned, target)
            var p = target
            var split = end
            while p < end {
                let b = text[p]
                if b == 0x22 {
                    quotes += 1
                } else if (b == 0x0A || b == 0x0D) && quotes & 1 == 0 {
                    if b == 0x0D, p + 1 < end, text[p + 1] == 0x0A { p += 1 }
                    split = p + 1
                    break
                }
                p += 1
            }
            scanned = min(p + 1, end)
            guard split < end else { break }
            splits.append(split)
        }
        splits.append(end)
        return splits
    }

    /// The number of line ends (LF, or CR in a file without LF), by memchr.
    static func lineEnds(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = text.baseAddress else { return 0 }
        let lf = countByte(0x0A, base, 0, text.count)
        return lf > 0 ? lf : countByte(0x0D, base, 0, text.count)
    }

    private static func countByte(_ byte: Int32, _ base: UnsafePointer<UInt8>, _ from: Int, _ to: Int) -> Int {
        var count = 0
        var p = UnsafeRawPointer(base + from)
        let stop = UnsafeRawPointer(base + to)
        while p < stop, let hit = memchr(p, byte, stop - p) {
            count += 1
            p = UnsafeRawPointer(hit) + 1
        }
        return count
    }

    /// The number of `"` in `base[from..<to]`, by memchr (files rarely hold many quotes).
    private static func countQuotes(_ base: UnsafePointer<UInt8>, _ from: Int, _ to: Int) -> Int {
        var count = 0
        var p = UnsafeRawPointer(base + from)
        let stop = UnsafeRawPointer(base + to)
        while p < stop, let hit = memchr(p, 0x22, stop - p) {
            count += 1
            p = UnsafeRawPointer(hit) + 1
        }
        return count
    }
}

/// Runs `body(0..<count)` on every core; each index runs once, in no particular order.
func concurrentForEach(_ count: Int, _ body: (Int) -> Void) {
    if count <= 1 {
        if count == 1 { body(0) }
        return
    }
    withoutActuallyEscaping(body) { body in
        nonisolated(unsafe) let body = body
        DispatchQueue.concurrentPerform(iterations: count) { body($0) }
    }
}

extension DiagnosticCollector {
    /// Moves this collector's diagnostics of `path` down by `shift` lines.
    mutating func shiftLines(by shift: Int, in path: String) {
        errors = errors.map { diagnostic in
            var diagnostic = diagnostic
            if diagnostic.location.file == path, diagnostic.location.line > 0 { diagnostic.location.line += shift }
            return diagnostic
        }
    }
}

extension ParsedTable {
    /// The chunks of one file, in order, as one table (one file; text codes re-interned). Each column
    /// is built once at its final size, and each chunk's column is freed as soon as it is copied, so
    /// the file's rows exist about once, not twice, during the merge.
    init(consumingChunks pieces: inout [ParsedTable]) {
        if pieces.count == 1 {
            self = pieces[0]
            pieces = []
            return
        }
        let kind = pieces[0].table.kind
        let files = pieces[0].table.files
        let total = pieces.reduce(0) { $0 + $1.table.count }
        /// Appends every piece's array of one part, releasing it from the piece.
        func take<T>(_ part: WritableKeyPath<ParsedTable, ContiguousArray<T>>) -> ContiguousArray<T> {
            var out = ContiguousArray<T>()
            out.reserveCapacity(total)
            for index in pieces.indices {
                out.append(contentsOf: pieces[index][keyPath: part])
                pieces[index][keyPath: part] = []
            }
            return out
        }
        func takeColumn<T>(_ index: Int, _ values: (Column) -> ContiguousArray<T>?, _ empty: Column) -> ContiguousArray<T> {
            var out = ContiguousArray<T>()
            out.reserveCapacity(total)
            for piece in pieces.indices {
                if let part = values(pieces[piece].table.columns[index]) { out.append(contentsOf: part) }
                pieces[piece].table.columns[index] = empty
            }
            return out
        }
        var columns: [Column] = []
        for index in pieces[0].table.columns.indices {
            switch pieces[0].table.columns[index] {
            case .number:
                columns.append(.number(takeColumn(index, { if case .number(let v) = $0 { v } else { nil } }, .number([]))))
            case .date:
                columns.append(.date(takeColumn(index, { if case .date(let v) = $0 { v } else { nil } }, .date([]))))
            case .boolean:
                columns.append(.boolean(takeColumn(index, { if case .boolean(let v) = $0 { v } else { nil } }, .boolean([]))))
            case .text(var column):
                pieces[0].table.columns[index] = .text(TextColumn())
                var codes = column.codes
                column.codes = []
                codes.reserveCapacity(total)
                for piece in pieces.indices.dropFirst() {
                    guard case .text(let more) = pieces[piece].table.columns[index] else { continue }
                    pieces[piece].table.columns[index] = .text(TextColumn())
                    let mapping = more.values.map { column.intern($0) }
                    mapping.withUnsafeBufferPointer { mapping in
                        more.codes.withUnsafeBufferPointer { source in
                            for code in source { codes.append(code < 0 ? -1 : mapping[Int(code)]) }
                        }
                    }
                }
                column.codes = codes
                columns.append(.text(column))
            }
        }
        let lines = take(\.table.lines)
        let keyColumns = take(\.keyColumns)
        pieces = []
        let table = RecordTable(
            kind: kind, columns: columns, files: files, lines: lines)
        self.init(table: table, keyColumns: keyColumns)
    }
}

extension RecordKind {
    /// A copy whose field list shares no storage with this one's.
    func unshared() -> RecordKind {
        var copy = self
        copy.fields = fields.map { $0 }
        return copy
    }
}

/// A records file mapped read-only into memory. Its pages come from the page cache when first read
/// and can be given back range by range, so a large file is never copied and is resident whole only
/// while it is first decoded and split, not while its rows (which need the room) are parsed.
///
/// Records files are inputs the check only reads; one shrunk by another process while it is mapped
/// would make a read of the lost tail fault.
final class MappedFile: @unchecked Sendable {
    /// The mapped bytes.
    let bytes: UnsafeBufferPointer<UInt8>
    private let region: UnsafeMutableRawPointer

    /// Maps a non-empty regular file of at most `limit` bytes; nil for anything else (an empty file,
    /// a directory, a device, one too large or unreadable), which `FileReader` then reads or refuses
    /// with its own located reason.
    init?(regularFile path: String, limit: Int) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size > 0, info.st_size <= limit,
            let region = mmap(nil, Int(info.st_size), PROT_READ, MAP_PRIVATE, fd, 0),
            region != UnsafeMutableRawPointer(bitPattern: -1)
        else { return nil }
        self.region = region
        bytes = UnsafeBufferPointer(start: region.assumingMemoryBound(to: UInt8.self), count: Int(info.st_size))
    }

    deinit {
        munmap(region, bytes.count)
    }

    /// Gives back the whole pages inside `range`: they stop counting as this process's memory, and a
    /// later read maps them again from the file (the bytes are the same).
    func release(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        let page = Int(getpagesize())
        let start = (range.lowerBound + page - 1) / page * page
        // The last, partial page goes too when the range reaches the end of the file.
        let end = range.upperBound >= bytes.count ? bytes.count : range.upperBound / page * page
        guard end > start else { return }
        madvise(region + start, end - start, Int32(MADV_DONTNEED))
    }
}
