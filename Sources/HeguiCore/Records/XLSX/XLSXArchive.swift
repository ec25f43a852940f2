import HeguiBase
import Foundation
import HeguiXML
import ZIPFoundation

/// An `.xlsx` file opened for reading: its zip parts, each unpacked under hard limits so a zip bomb
/// or a renamed `.xls` is a clear error, never an exhausted machine.
final class XLSXArchive {
    /// The workbook's path as the user gave it.
    let path: String
    private let archive: Archive
    private var entries: [String: Entry] = [:]

    /// The most one part may unpack to: a sheet of Excel's full 1,048,576 rows of a 17-column roster
    /// is about 400 MiB of XML.
    static let partLimit = 512 << 20
    /// The most all parts together may declare.
    static let totalLimit = 2 << 30

    /// Opens the workbook whose bytes are `bytes` (already read, for the hash and the sniff).
    init(path: String, bytes: [UInt8]) throws(DiagnosticsError) {
        self.path = path
        let here = SourceLocation(file: path)
        if let refusal = Self.sniff(bytes) { throw DiagnosticsError([Diagnostic(at: here, .spreadsheets(refusal))]) }
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw DiagnosticsError([Diagnostic(at: here, .spreadsheets(.damagedZip))])
        }
        var declared: UInt64 = 0
        for entry in archive {
            declared &+= entry.uncompressedSize
            entries[entry.path] = entry
        }
        guard declared <= UInt64(Self.totalLimit) else {
            throw DiagnosticsError([
                Diagnostic(
                    at: here,
                    .spreadsheets(.unpacksTooLarge(size: Self.size(declared), limit: Self.size(UInt64(Self.totalLimit)))))
            ])
        }
        guard entries["xl/workbook.xml"] != nil else {
            throw DiagnosticsError([
                Diagnostic(at: here, .spreadsheets(.noWorkbookPart))
            ])
        }
    }

    /// Why bytes that are not a zip archive cannot be an `.xlsx`, or nil when they are a zip archive.
    static func sniff(_ bytes: [UInt8]) -> SpreadsheetMessage? {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return nil }
        // An OLE compound file: an encrypted OOXML package keeps its data in an `EncryptedPackage` stream;
        // otherwise it is a BIFF workbook (Excel 97–2003 `.xls`, WPS `.et`).
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            let encrypted = Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            if contains(bytes, encrypted) {
                return .passwordProtected
            }
            return .legacyWorkbook
        }
        if bytes.isEmpty { return .emptyFile }
        return .notAZip
    }

    /// Whether the package holds this part.
    func has(_ part: String) -> Bool { entries[part] != nil }

    /// `book.xlsx!xl/worksheets/sheet1.xml`: where a part's diagnostics point.
    func partPath(_ part: String) -> String { path + "!" + part }

    /// The part's bytes, unpacked with the declared and the streamed size both held to `partLimit`.
    func bytes(of part: String) throws(DiagnosticsError) -> [UInt8] {
        var bytes: [UInt8] = []
        try unpack(part, reserving: { bytes.reserveCapacity($0) }) { chunk throws(DiagnosticsError) in bytes.append(contentsOf: chunk) }
        return bytes
    }

    /// Parses the part as it is unpacked, chunk by chunk into a push parser: a sheet of a million
    /// rows is never held whole, as bytes or as a tree. A second thread unpacks (inflate, checksum)
    /// while this one parses; a few chunks in flight bound the memory.
    func parse(_ part: String, with parser: XMLChunkParser) throws(DiagnosticsError) {
        let queue = ChunkQueue(capacity: 16)
        // The archive is used by the unpacking thread alone until it closes the queue.
        nonisolated(unsafe) let archive = self
        let unpacker = Thread {
            do throws(DiagnosticsError) {
                try archive.unpack(part, reserving: { _ in }) { chunk throws(DiagnosticsError) in
                    // The parser gave up: stop unpacking (its error is the one reported).
                    guard queue.put(Array(chunk)) else { throw DiagnosticsError([]) }
                }
                queue.close(nil)
            } catch {
                queue.close(error)
            }
        }
        unpacker.start()
        defer { queue.waitClosed() }
        while let chunk = queue.take() {
            do throws(DiagnosticsError) {
                try chunk.withUnsafeBufferPointer { (bytes) throws(DiagnosticsError) in try parser.feed(bytes) }
            } catch {
                queue.cancel()
                throw error
            }
        }
        if let failure = queue.failure { throw failure }
        try parser.finish()
    }

    /// Unpacks the part into `consume`, with the declared and the streamed size both held to
    /// `partLimit`; a failure of `consume` stops the unpacking and is rethrown.
    private func unpack(
        _ part: String, reserving: (Int) -> Void, _ consume: (UnsafeBufferPointer<UInt8>) throws(DiagnosticsError) -> Void
    ) throws(DiagnosticsError) {
        let here = SourceLocation(file: partPath(part))
        guard let entry = entries[part] else {
            throw DiagnosticsError([Diagnostic(at: SourceLocation(file: path), .spreadsheets(.missingPart(part: part)))])
        }
        let limit = UInt64(Self.partLimit)
        guard entry.uncompressedSize <= limit else {
            throw DiagnosticsError([
                Diagnostic(
                    at: here,
                    .spreadsheets(.unpacksTooLarge(size: Self.size(entry.uncompressedSize), limit: Self.size(limit))))
            ])
        }
        let declared = Int(entry.uncompressedSize)
        reserving(declared)
        var unpacked = 0
        var overflow = false
        var consumerFailure: DiagnosticsError?
        var checksum = ZipChecksum()
        do {
            // The checksum is ours (ZIPFoundation's is a byte at a time), checked once all is unpacked.
            _ = try archive.extract(entry, bufferSize: 1 << 16, skipCRC32: true) { chunk in
                // A lying header: more bytes than declared is a bomb (or damage), stopped at once.
                guard unpacked + chunk.count <= declared else {
                    overflow = true
                    throw Archive.ArchiveError.cancelledOperation
                }
                unpacked += chunk.count
                chunk.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                    checksum.update(raw.bindMemory(to: UInt8.self))
                    do throws(DiagnosticsError) {
                        try consume(raw.bindMemory(to: UInt8.self))
                    } catch {
                        consumerFailure = error
                    }
                }
                if consumerFailure != nil { throw Archive.ArchiveError.cancelledOperation }
            }
        } catch {
            if let consumerFailure { throw consumerFailure }
            if overflow {
                throw DiagnosticsError([
                    Diagnostic(
                        at: here, .spreadsheets(.unpacksMoreThanDeclared(declared: Self.size(UInt64(declared)))))
                ])
            }
            if case Archive.ArchiveError.invalidCRC32 = error {
                throw DiagnosticsError([Diagnostic(at: here, .spreadsheets(.checksumMismatch))])
            }
            throw DiagnosticsError([Diagnostic(at: here, .spreadsheets(.cannotUnpack))])
        }
        guard unpacked == declared else {
            throw DiagnosticsError([Diagnostic(at: here, .spreadsheets(.unpacksFewerBytes))])
        }
        guard checksum.value == entry.checksum else {
            throw DiagnosticsError([Diagnostic(at: here, .spreadsheets(.checksumMismatch))])
        }
    }

    /// A streaming XML reader over the part.
    func reader(for part: String) throws(DiagnosticsError) -> XMLStreamReader {
        try XMLStreamReader(bytes: try bytes(of: part), path: partPath(part))
    }

    static func size(_ bytes: UInt64) -> String {
        bytes >= 1 << 30 ? "\(bytes >> 30) GiB" : bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
    }

    private static func contains(_ bytes: [UInt8], _ pattern: [UInt8]) -> Bool {
        guard let first = pattern.first, bytes.count >= pattern.count else { return false }
        var index = 0
        while index <= bytes.count - pattern.count {
            if bytes[index] == first, bytes[index..<(index + pattern.count)].elementsEqual(pattern) { return true }
            index += 1
        }
        return false
    }
}

/// Unpacked chunks handed from the unpacking thread to the parsing one, at most `capacity` at a time.
private final class ChunkQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var chunks: [[UInt8]] = []
    private var head = 0
    private let capacity: Int
    private var closed = false
    private var cancelled = false
    private(set) var failure: DiagnosticsError?

    init(capacity: Int) { self.capacity = capacity }

    /// Adds a chunk, waiting while the queue is full; false when the reader cancelled.
    func put(_ chunk: [UInt8]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while chunks.count - head >= capacity, !cancelled { condition.wait() }
        guard !cancelled else { return false }
        chunks.append(chunk)
        condition.broadcast()
        return true
    }

    /// The next chunk, waiting for one; nil once the writer closed and all were taken.
    func take() -> [UInt8]? {
        condition.lock()
        defer { condition.unlock() }
        while head == chunks.count, !closed { condition.wait() }
        guard head < chunks.count else { return nil }
        let chunk = chunks[head]
        head += 1
        if head == chunks.count {
            chunks.removeAll(keepingCapacity: true)
            head = 0
        }
        condition.broadcast()
        return chunk
    }

    /// The writer is done, with the unpacking's failure if any.
    func close(_ error: DiagnosticsError?) {
        condition.lock()
        defer { condition.unlock() }
        closed = true
        failure = error
        condition.broadcast()
    }

    /// The reader stops: the writer's next `put` returns false.
    func cancel() {
        condition.lock()
        defer { condition.unlock() }
        cancelled = true
        chunks.removeAll()
        head = 0
        condition.broadcast()
    }

    /// Waits until the writer has closed (its thread no longer touches the archive).
    func waitClosed() {
        condition.lock()
        defer { condition.unlock() }
        while !closed { condition.wait() }
    }
}
