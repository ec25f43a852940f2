import HeguiBase
import CLibXML2
#if canImport(Glibc)
    import Glibc
#endif

/// A forward-only pull reader over XML (libxml2's `xmlTextReader`): one node at a time, never a tree,
/// so a sheet of a million rows costs the memory of one row. No DTD, entity or network is ever
/// loaded: a DOCTYPE is refused before libxml2 sees it. Not thread-safe; use it on one thread.
public final class XMLStreamReader {
    /// What the reader stands on.
    public enum NodeKind: Sendable {
        /// A start tag (`isEmptyElement` tells `<a/>`).
        case start
        /// An end tag.
        case end
        /// Text or CDATA.
        case text
        /// Whitespace, comments, processing instructions.
        case other
    }

    /// The path diagnostics name (`book.xlsx!xl/worksheets/sheet1.xml`).
    public let path: String
    private let state: StreamSource
    private let reader: xmlTextReaderPtr
    private let errors: LibXMLErrorCollector
    /// The current node's kind, valid after `read()` returned true.
    public private(set) var kind: NodeKind = .other

    /// Reads XML pulled from `source`, which fills the buffer it is given and returns the count (0 at the
    /// end). Throws when libxml2 cannot start a reader.
    public init(path: String, source: @escaping (UnsafeMutableRawBufferPointer) throws -> Int) throws(DiagnosticsError) {
        _ = LibXML.setUp
        self.path = path
        state = StreamSource(path: path, source: source)
        errors = LibXMLErrorCollector()
        let context = Unmanaged.passUnretained(state).toOpaque()
        let options = LibXML.parseOptions
        guard
            let reader = xmlReaderForIO(
                { context, buffer, length in
                    guard let context, let buffer, length > 0 else { return -1 }
                    let state = Unmanaged<StreamSource>.fromOpaque(context).takeUnretainedValue()
                    return state.fill(UnsafeMutableRawBufferPointer(start: buffer, count: Int(length)))
                }, nil, context, nil, "UTF-8", options)
        else {
            throw DiagnosticsError([Diagnostic(at: SourceLocation(file: path), .spreadsheets(.xmlReaderFailed))])
        }
        self.reader = reader
        xmlTextReaderSetStructuredErrorHandler(
            reader,
            { context, error in
                guard let context, let error else { return }
                Unmanaged<LibXMLErrorCollector>.fromOpaque(context).takeUnretainedValue().errors.append(
                    LibXMLError(error.pointee))
            }, Unmanaged.passUnretained(errors).toOpaque())
    }

    /// Reads XML held in memory.
    public convenience init(bytes: [UInt8], path: String) throws(DiagnosticsError) {
        var offset = 0
        try self.init(path: path) { buffer in
            let count = min(buffer.count, bytes.count - offset)
            guard count > 0 else { return 0 }
            bytes.withUnsafeBytes { whole in
                buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: whole[offset..<(offset + count)]))
            }
            offset += count
            return count
        }
    }

    deinit {
        xmlFreeTextReader(reader)
    }

    /// Moves to the next node; false at the end of the document. Throws every error found (malformed
    /// XML, a DOCTYPE, an entity reference, the source's own failure), located in `path`.
    public func read() throws(DiagnosticsError) -> Bool {
        hegui_xml_silence_generic_errors()
        let result = xmlTextReaderRead(reader)
        if let failure = state.failure { throw failure }
        if result < 0 || errors.errors.contains(where: { !$0.isWarning }) {
            var found = errors.errors.filter { !$0.isWarning }.map { error in
                Diagnostic(
                    at: SourceLocation(file: path, line: error.line, column: error.line > 0 ? max(error.column, 1) : 0),
                    .xml(.parser(detail: error.message)))
            }
            if found.isEmpty { found = [Diagnostic(at: location, .spreadsheets(.xmlUnreadable))] }
            throw DiagnosticsError(found)
        }
        guard result == 1 else { return false }
        switch xmlTextReaderNodeType(reader) {
        case 1: kind = .start
        case 15: kind = .end
        case 3, 4: kind = .text
        case 5, 10:
            // Unreachable while DOCTYPEs are refused, kept so an entity can never be expanded silently.
            throw DiagnosticsError([Diagnostic(at: location, .xml(.doctypeRefused))])
        default: kind = .other
        }
        return true
    }

    /// Whether the current start tag is written `<a/>` (no end tag follows).
    public var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }

    /// The element depth (the root is 0).
    public var depth: Int { Int(xmlTextReaderDepth(reader)) }

    /// Whether the current element's local name (no prefix) is `name`.
    public func isNamed(_ name: StaticString) -> Bool {
        guard let local = xmlTextReaderConstLocalName(reader) else { return false }
        return equal(local, name)
    }

    /// The current element's local name.
    public var localName: String {
        xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? ""
    }

    /// The value of the current element's attribute with this local name, if present.
    public func attribute(_ name: StaticString) -> String? {
        var found: String?
        forEachAttribute { local, value in
            if found == nil, local.elementsEqual(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)) {
                found = String(decoding: value, as: UTF8.self)
            }
        }
        return found
    }

    /// Calls `body` with each attribute's local name and value bytes (valid only inside the call).
    public func forEachAttribute(_ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> Void) {
        guard xmlTextReaderHasAttributes(reader) == 1 else { return }
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            let name = xmlTextReaderConstLocalName(reader)
            let value = xmlTextReaderConstValue(reader)
            body(buffer(name), buffer(value))
        }
        xmlTextReaderMoveToElement(reader)
    }

    /// Calls `body` with the current text node's bytes (valid only inside the call).
    public func withText<T>(_ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        body(buffer(xmlTextReaderConstValue(reader)))
    }

    /// The current text node's content.
    public var text: String { withText { String(decoding: $0, as: UTF8.self) } }

    /// Where the reader stands, for diagnostics.
    public var location: SourceLocation {
        SourceLocation(
            file: path, line: Int(xmlTextReaderGetParserLineNumber(reader)),
            column: max(Int(xmlTextReaderGetParserColumnNumber(reader)), 1))
    }

    /// Skips the rest of the current element (its children and end tag).
    public func skipElement() throws(DiagnosticsError) {
        guard kind == .start, !isEmptyElement else { return }
        let start = depth
        while try read() {
            if kind == .end, depth == start { return }
        }
    }

    private func buffer(_ pointer: UnsafePointer<xmlChar>?) -> UnsafeBufferPointer<UInt8> {
        guard let pointer else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: pointer, count: strlen(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self)))
    }

    private func equal(_ pointer: UnsafePointer<xmlChar>, _ name: StaticString) -> Bool {
        let count = name.utf8CodeUnitCount
        let bytes = name.utf8Start
        for index in 0..<count where pointer[index] != bytes[index] { return false }
        return pointer[count] == 0
    }
}

/// Feeds libxml2 from a Swift source, refusing a DOCTYPE and NUL bytes (UTF-16 would hide a DOCTYPE)
/// before the parser sees them.
final class StreamSource {
    let path: String
    let source: (UnsafeMutableRawBufferPointer) throws -> Int
    var failure: DiagnosticsError?
    private var guardian: XMLByteGuard

    init(path: String, source: @escaping (UnsafeMutableRawBufferPointer) throws -> Int) {
        self.path = path
        self.source = source
        guardian = XMLByteGuard(path: path)
    }

    /// Fills libxml2's buffer; -1 stops the parse with `failure` set.
    func fill(_ buffer: UnsafeMutableRawBufferPointer) -> Int32 {
        guard failure == nil else { return -1 }
        let count: Int
        do {
            count = try source(buffer)
        } catch let error as DiagnosticsError {
            failure = error
            return -1
        } catch {
            failure = DiagnosticsError([Diagnostic(at: SourceLocation(file: path), .xml(.sourceFailed(detail: "\(error)")))])
            return -1
        }
        do throws(DiagnosticsError) {
            try guardian.check(UnsafeRawBufferPointer(rebasing: buffer[0..<count]).bindMemory(to: UInt8.self))
        } catch {
            failure = error
            return -1
        }
        return Int32(count)
    }
}
