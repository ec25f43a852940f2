#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One cell of a CSV record: where its bytes are and where it stands in the file.
public struct CSVCell: Hashable, Sendable {
    /// The content bytes: inside the quotes for a quoted cell, with any `""` not yet unescaped.
    public var content: Range<Int>
    /// The offset of the cell's first byte (its opening quote when quoted).
    public var start: Int
    /// The physical line (1-based) where the cell starts.
    public var line: Int
    /// The offset where that line starts, so the column can be counted only when needed.
    public var lineStart: Int
    /// Whether the cell was enclosed in quotes.
    public var quoted: Bool
    /// Whether the content holds doubled quotes (`""`) that stand for one quote.
    public var hasEscapedQuotes: Bool
}

/// A CSV syntax error (broken quoting), with its physical line and character column.
public struct CSVSyntaxError: Error, Hashable, Sendable {
    /// The 1-based physical line.
    public var line: Int
    /// The 1-based column in characters.
    public var column: Int
    /// What is wrong: `.unterminatedQuote` for a quoted field the bytes end inside, `.nulByte` for a
    /// NUL byte inside a record (a UTF-16 or binary file, or a corrupted cell).
    public var message: RecordMessage
}

/// A streaming RFC 4180 reader over UTF-8 bytes: yields each record's cells as byte ranges.
///
/// The reader never copies the buffer and never builds strings; the buffer must outlive it.
public struct CSVReader {
    /// The bytes being read (UTF-8, no BOM).
    public let bytes: UnsafeBufferPointer<UInt8>
    /// The current record's cells; reused between records to avoid allocation.
    public private(set) var cells: [CSVCell] = []
    /// The physical line where the current record starts.
    public private(set) var line = 0

    /// The offset where reading continues: just after the last record's line end.
    public var offset: Int { position }
    /// The physical line at `offset`.
    public var nextLine: Int { currentLine }

    private var position = 0
    private var currentLine = 1
    private var currentLineStart = 0

    /// Creates a reader at the start of the bytes.
    public init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        cells.reserveCapacity(32)
    }

    private static let quote: UInt8 = 0x22
    private static let comma: UInt8 = 0x2C
    private static let lf: UInt8 = 0x0A
    private static let cr: UInt8 = 0x0D

    /// Reads the next record into `cells`; false at the end. Blank lines are skipped.
    ///
    /// After a thrown error the reader resumes at the next line (or the end, for an unclosed quote),
    /// so a caller can report every broken record of a file.
    public mutating func next() throws(CSVSyntaxError) -> Bool {
        let recordStart = position
        let recordLine = currentLine
        let recordLineStart = currentLineStart
        guard try readRecord() else { return false }
        // Checked after the record is read whole, so an error never changes where records split
        // (chunked and whole-file parsing agree); memchr keeps the clean case nearly free.
        if position > recordStart,
            let found = memchr(bytes.baseAddress! + recordStart, 0, position - recordStart)
        {
            let offset = bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
            var nulLine = recordLine
            var nulLineStart = recordLineStart
            var i = recordStart
            while i < offset {
                if bytes[i] == Self.lf || (bytes[i] == Self.cr && (i + 1 >= bytes.count || bytes[i + 1] != Self.lf)) {
                    nulLine += 1
                    nulLineStart = i + 1
                }
                i += 1
            }
            throw CSVSyntaxError(
                line: nulLine, column: column(of: offset, lineStart: nulLineStart), message: .nulByte)
        }
        return true
    }

    /// Reads one record's cells, skipping blank lines first; false at the end.
    private mutating func readRecord() throws(CSVSyntaxError) -> Bool {
        cells.removeAll(keepingCapacity: true)
        let count = bytes.count
        // Blank lines (and trailing line ends) carry no record.
        while position < count {
            let b = bytes[position]
            if b == Self.lf {
                position += 1
            } else if b == Self.cr {
                position += 1
                if position < count, bytes[position] == Self.lf { position += 1 }
            } else {
                break
            }
            currentLine += 1
            currentLineStart = position
        }
        guard position < count else { return false }
        line = currentLine
        while true {
            let start = position
            let cellLine = currentLine
            let cellLineStart = currentLineStart
            if position < count, bytes[position] == Self.quote {
                position += 1
                let contentStart = position
                var escaped = false
                while true {
                    guard position < count else {
                        throw CSVSyntaxError(
                            line: cellLine, column: column(of: start, lineStart: cellLineStart),
                            message: .unterminatedQuote)
                    }
                    let b = bytes[position]
                    if b == Self.quote {
                        if position + 1 < count, bytes[position + 1] == Self.quote {
                            escaped = true
                            position += 2
                            continue
                        }
                        break
                    }
                    position += 1
                    if b == Self.lf {
                        newLine()
                    } else if b == Self.cr {
                        if position < count, bytes[position] == Self.lf { position += 1 }
                        newLine()
                    }
                }
                cells.append(
                    CSVCell(
                        content: contentStart..<position, start: start, line: cellLine, lineStart: cellLineStart,
                        quoted: true, hasEscapedQuotes: escaped))
                position += 1  // the closing quote
                guard position < count else { return true }
                let b = bytes[position]
                if b == Self.comma {
                    position += 1
                    continue
                }
                if b == Self.lf || b == Self.cr {
                    consumeLineEnd()
                    return true
                }
                let error = CSVSyntaxError(
                    line: currentLine, column: column(of: position, lineStart: currentLineStart),
                    message: .characterAfterQuote)
                skipRestOfLine()
                throw error
            } else {
                while position < count {
                    let b = bytes[position]
                    if b == Self.comma || b == Self.lf || b == Self.cr { break }
                    if b == Self.quote {
                        // A bare quote is ambiguous (Excel never writes one): refuse rather than guess.
                        let error = CSVSyntaxError(
                            line: currentLine, column: column(of: position, lineStart: currentLineStart),
                            message: .quoteInUnquotedField)
                        skipRestOfLine()
                        throw error
                    }
                    position += 1
                }
                cells.append(
                    CSVCell(
                        content: start..<position, start: start, line: cellLine, lineStart: cellLineStart,
                        quoted: false, hasEscapedQuotes: false))
                guard position < count else { return true }
                if bytes[position] == Self.comma {
                    position += 1
                    continue
                }
                consumeLineEnd()
                return true
            }
        }
    }

    /// The 1-based column, in characters, of a byte offset on the line starting at `lineStart`.
    public func column(of offset: Int, lineStart: Int) -> Int {
        var column = 1
        var i = lineStart
        while i < offset {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return column
    }

    /// The 1-based column of a cell's first character.
    public func column(of cell: CSVCell) -> Int { column(of: cell.start, lineStart: cell.lineStart) }

    /// Calls `body` with a cell's content, `""` unescaped (into `scratch`) when needed.
    public func withContent<R>(
        of cell: CSVCell, scratch: inout [UInt8], _ body: (UnsafeBufferPointer<UInt8>) throws -> R
    ) rethrows -> R {
        let raw = UnsafeBufferPointer(rebasing: bytes[cell.content])
        guard cell.hasEscapedQuotes else { return try body(raw) }
        scratch.removeAll(keepingCapacity: true)
        var i = 0
        while i < raw.count {
            scratch.append(raw[i])
            i += raw[i] == Self.quote ? 2 : 1
        }
        return try scratch.withUnsafeBufferPointer(body)
    }

    private mutating func newLine() {
        currentLine += 1
        currentLineStart = position
    }

    /// Consumes one LF, CR or CRLF at the position.
    private mutating func consumeLineEnd() {
        if bytes[position] == Self.cr {
            position += 1
            if position < bytes.count, bytes[position] == Self.lf { position += 1 }
        } else {
            position += 1
        }
        newLine()
    }

    /// Skips to just past the next line end, for recovery after an error.
    private mutating func skipRestOfLine() {
        while position < bytes.count {
            let b = bytes[position]
            if b == Self.lf || b == Self.cr {
                consumeLineEnd()
                return
            }
            position += 1
        }
    }
}
