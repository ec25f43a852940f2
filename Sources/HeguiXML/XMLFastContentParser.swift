import HeguiBase

/// A parser fed a document chunk by chunk, as a zip entry unpacks.
public protocol XMLChunkParser: AnyObject {
    /// Parses the next bytes.
    func feed(_ bytes: UnsafeBufferPointer<UInt8>) throws(DiagnosticsError)
    /// Ends the document.
    func finish() throws(DiagnosticsError)
}

extension XMLPushParser: XMLChunkParser {}

/// How far a content scanner got.
public enum XMLContentScanOutcome: Equatable, Sendable {
    /// These many bytes were read; the rest is an incomplete token, to be given again with more.
    case consumed(Int)
    /// The element's end tag starts at this offset: the content is over.
    case ended(Int)
    /// Something outside the scanner's narrow shape: read the document with libxml2 instead.
    case declined
}

/// Reads an element's content fast, in a narrow shape, reporting what libxml2 would make of it; it
/// declines whatever it is not sure of (see `XMLByte` for the byte-level rules).
public protocol XMLContentScanner: AnyObject {
    /// Reads as many whole tokens of `bytes` as it holds; attributes inside may use the namespace
    /// prefixes the root declares (`declaredPrefixes`).
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, declaredPrefixes: [[UInt8]]) throws(DiagnosticsError) -> XMLContentScanOutcome
}

/// A document read by libxml2 except the content of its first `element` (a worksheet's
/// `<sheetData>`, nearly all of a sheet's bytes), which an `XMLContentScanner` reads: libxml2 still
/// judges the prolog, the root, the element's own start and end tags and everything after it, while
/// the bulk is scanned several times faster. Streaming is kept: only an unfinished token is carried
/// from one chunk to the next.
///
/// The handler sees the events libxml2 alone would report. Any failure — the scanner declining,
/// libxml2 reporting an error, the handler throwing, the document ending inside the element — is
/// thrown, and means: read the document again from its start with `XMLPushParser`, the reference,
/// which gives the located errors. The fast path never reports an error of its own.
public final class XMLFastContentParser: XMLChunkParser {
    private enum State {
        /// Before the element's start tag: bytes are held until the whole tag has arrived.
        case prolog
        /// Inside the element: the scanner reads.
        case content
        /// Everything goes to libxml2: after the element, or when the start tag never showed.
        case libxml
    }

    private let libxml: XMLPushParser
    private let watch: StartWatch
    private let scanner: XMLContentScanner
    private var declaredPrefixes: [[UInt8]] = []
    private let startPattern: [UInt8]
    private var state = State.prolog
    /// The prolog not yet given to libxml2, or the content's unfinished last token.
    private var pending: [UInt8] = []
    /// Where the search for the start tag resumes in `pending`.
    private var searchFrom = 0

    /// The most held back at once: a prolog this long, or a single token this long (a text of a
    /// megabyte), is libxml2's to read.
    static let holdLimit = 1 << 20

    /// A parser that reports to `handler`, except inside the first `element`, which `scanner` reads.
    public init(path: String, handler: XMLPushHandler, element: StaticString, scanner: XMLContentScanner) throws(DiagnosticsError) {
        watch = StartWatch(handler: handler, element: element)
        libxml = try XMLPushParser(path: path, handler: watch)
        self.scanner = scanner
        startPattern = [UInt8(ascii: "<")] + Array(UnsafeBufferPointer(start: element.utf8Start, count: element.utf8CodeUnitCount))
    }

    public func feed(_ bytes: UnsafeBufferPointer<UInt8>) throws(DiagnosticsError) {
        switch state {
        case .libxml:
            try libxml.feed(bytes)
        case .prolog:
            pending.append(contentsOf: bytes)
            try findStart()
        case .content:
            pending.append(contentsOf: bytes)
            try scanPending()
        }
    }

    public func finish() throws(DiagnosticsError) {
        switch state {
        case .prolog:
            try handToLibxml(from: 0)
        case .content:
            // The document ends inside the element: libxml2 says how.
            throw Self.declined
        case .libxml:
            break
        }
        try libxml.finish()
    }

    /// The signal to read again with the reference parser.
    static let declined = DiagnosticsError([])

    /// Looks for the element's start tag in the held prolog; once it is whole, libxml2 reads up to
    /// its end and the scanner takes over.
    private func findStart() throws(DiagnosticsError) {
        let found: (start: Int, end: Int)?? = pending.withUnsafeBufferPointer { bytes in
            var index = searchFrom
            while index + startPattern.count < bytes.count {
                defer { index += 1 }
                guard bytes[index] == XMLByte.lt, UnsafeBufferPointer(rebasing: bytes[index..<(index + startPattern.count)]).elementsEqual(startPattern)
                else { continue }
                let after = bytes[index + startPattern.count]
                guard XMLByte.isSpace(after) || after == XMLByte.gt || after == XMLByte.slash else { continue }
                // The tag's end: the first `>` outside quotes.
                var quote: UInt8 = 0
                for position in (index + startPattern.count)..<bytes.count {
                    let byte = bytes[position]
                    if quote != 0 {
                        if byte == quote { quote = 0 }
                    } else if byte == XMLByte.quote || byte == XMLByte.apostrophe {
                        quote = byte
                    } else if byte == XMLByte.gt {
                        return .some((index, position))
                    }
                }
                return .some(nil)
            }
            return nil
        }
        switch found {
        case .none:
            searchFrom = max(0, pending.count - startPattern.count)
            if pending.count > Self.holdLimit { try handToLibxml(from: 0) }
        case .some(.none):
            if pending.count > Self.holdLimit { try handToLibxml(from: 0) }
        case .some(.some(let tag)):
            if pending[tag.end - 1] == XMLByte.slash {
                // An empty element: nothing to scan.
                try handToLibxml(from: 0)
                return
            }
            let prolog = Array(pending[...tag.end])
            try prolog.withUnsafeBufferPointer { (bytes) throws(DiagnosticsError) in try libxml.feed(bytes) }
            pending.removeSubrange(...tag.end)
            // Only a start tag libxml2 itself has just reported is the element's (not one in a comment).
            guard watch.justStarted else {
                try handToLibxml(from: 0)
                return
            }
            declaredPrefixes = prolog.withUnsafeBufferPointer { Self.rootPrefixes($0) }
            state = .content
            try scanPending()
        }
    }

    /// Scans the held content; at the element's end tag, libxml2 reads on.
    private func scanPending() throws(DiagnosticsError) {
        let outcome = try pending.withUnsafeBufferPointer { (bytes) throws(DiagnosticsError) in
            try scanner.scan(bytes, declaredPrefixes: declaredPrefixes)
        }
        switch outcome {
        case .consumed(let count):
            pending.removeSubrange(..<count)
            if pending.count > Self.holdLimit { throw Self.declined }
        case .ended(let offset):
            try handToLibxml(from: offset)
        case .declined:
            throw Self.declined
        }
    }

    /// The namespace prefixes declared on the root element's start tag (`xmlns:x14ac="…"`), read
    /// from a prolog libxml2 has accepted; none when something precedes the root but the XML
    /// declaration and whitespace.
    static func rootPrefixes(_ bytes: UnsafeBufferPointer<UInt8>) -> [[UInt8]] {
        var index = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        func skipSpace() { while index < bytes.count, XMLByte.isSpace(bytes[index]) { index += 1 } }
        skipSpace()
        if bytes[index...].starts(with: [XMLByte.lt, UInt8(ascii: "?")]) {
            while index + 1 < bytes.count, !(bytes[index] == UInt8(ascii: "?") && bytes[index + 1] == XMLByte.gt) { index += 1 }
            index += 2
            skipSpace()
        }
        guard index + 1 < bytes.count, bytes[index] == XMLByte.lt, XMLByte.isNameStart(bytes[index + 1]) else { return [] }
        index += 1
        while index < bytes.count, XMLByte.isNameByte(bytes[index]) || bytes[index] == XMLByte.colon { index += 1 }
        var prefixes: [[UInt8]] = []
        let declaration = Array("xmlns:".utf8)
        while true {
            skipSpace()
            guard index < bytes.count, bytes[index] != XMLByte.gt, bytes[index] != XMLByte.slash else { return prefixes }
            let nameStart = index
            while index < bytes.count, XMLByte.isNameByte(bytes[index]) || bytes[index] == XMLByte.colon { index += 1 }
            let name = bytes[nameStart..<index]
            skipSpace()
            guard index < bytes.count, bytes[index] == XMLByte.equals else { return [] }
            index += 1
            skipSpace()
            guard index < bytes.count, bytes[index] == XMLByte.quote || bytes[index] == XMLByte.apostrophe else { return [] }
            let quote = bytes[index]
            index += 1
            while index < bytes.count, bytes[index] != quote { index += 1 }
            guard index < bytes.count else { return [] }
            index += 1
            if name.starts(with: declaration), name.count > declaration.count { prefixes.append(Array(name.dropFirst(declaration.count))) }
        }
    }

    /// Gives libxml2 the held bytes from `offset` on, and every later chunk.
    private func handToLibxml(from offset: Int) throws(DiagnosticsError) {
        state = .libxml
        let rest = pending[offset...]
        pending = []
        try rest.withUnsafeBufferPointer { (bytes) throws(DiagnosticsError) in try libxml.feed(bytes) }
    }
}

/// Passes libxml2's events on, noting whether the last one was the start of `element`.
private final class StartWatch: XMLPushHandler {
    let handler: XMLPushHandler
    let element: StaticString
    private(set) var justStarted = false

    init(handler: XMLPushHandler, element: StaticString) {
        self.handler = handler
        self.element = element
    }

    func startElement(_ name: XMLName, _ attributes: XMLAttributes) throws(DiagnosticsError) {
        justStarted = name.is(element)
        try handler.startElement(name, attributes)
    }

    func endElement(_ name: XMLName) throws(DiagnosticsError) {
        justStarted = false
        try handler.endElement(name)
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>) throws(DiagnosticsError) {
        justStarted = false
        try handler.characters(text)
    }
}
