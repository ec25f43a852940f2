import CLibXML2
import HeguiBase

#if canImport(Glibc)
    import Glibc
#endif

/// An element's local name as libxml2 hands it over (valid only inside the callback).
public struct XMLName {
    let pointer: UnsafePointer<xmlChar>

    /// Whether the local name is `name`.
    @inline(__always)
    public func `is`(_ name: StaticString) -> Bool {
        let bytes = name.utf8Start
        let count = name.utf8CodeUnitCount
        for index in 0..<count where pointer[index] != bytes[index] { return false }
        return pointer[count] == 0
    }
}

/// A start tag's attributes as libxml2 hands them over (valid only inside the callback).
public struct XMLAttributes {
    /// libxml2's array: per attribute its local name, prefix, URI, value start and value end.
    let base: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    /// How many attributes.
    public let count: Int

    /// Calls `body` with each attribute's local name and value bytes.
    public func forEach(_ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) throws(DiagnosticsError) -> Void)
        throws(DiagnosticsError)
    {
        guard let base else { return }
        for index in 0..<count {
            let entry = base + index * 5
            guard let name = entry[0], let start = entry[3], let end = entry[4] else { continue }
            let nameBuffer = UnsafeBufferPointer(start: name, count: strlen(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self)))
            try body(nameBuffer, UnsafeBufferPointer(start: start, count: end - start))
        }
    }

    /// The value of the attribute with this local name, if present.
    public func value(_ name: StaticString) -> String? {
        guard let base else { return nil }
        for index in 0..<count {
            let entry = base + index * 5
            guard let local = entry[0], let start = entry[3], let end = entry[4], XMLName(pointer: local).is(name) else { continue }
            return String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
        }
        return nil
    }
}

/// What a push parser reports, in document order. A throw stops the parse and is rethrown by `feed`.
public protocol XMLPushHandler: AnyObject {
    /// A start tag (an empty element `<a/>` is a start followed by its end).
    func startElement(_ name: XMLName, _ attributes: XMLAttributes) throws(DiagnosticsError)
    /// An end tag.
    func endElement(_ name: XMLName) throws(DiagnosticsError)
    /// Character data (text, CDATA, whitespace), entities already decoded; may come in pieces.
    func characters(_ text: UnsafeBufferPointer<UInt8>) throws(DiagnosticsError)
}

/// libxml2's SAX2 push parser: bytes are fed as they arrive (from a zip entry being unpacked) and
/// events go straight to a handler, so no tree and no whole document is ever held — half the work of
/// `xmlTextReader` per node, which matters for a sheet of a million rows. The same refusals as every
/// hegui parse: no DOCTYPE (seen in the bytes before libxml2 sees them, and again by libxml2), no
/// entity but the predefined ones, no network, no NUL byte. Use it on one thread.
public final class XMLPushParser {
    /// The path diagnostics name (`book.xlsx!xl/worksheets/sheet1.xml`).
    public let path: String
    private let state: PushState
    private var context: xmlParserCtxtPtr?
    private var guardian: XMLByteGuard

    /// A parser that reports to `handler`.
    public init(path: String, handler: XMLPushHandler) throws(DiagnosticsError) {
        _ = LibXML.setUp
        self.path = path
        state = PushState(handler: handler)
        guardian = XMLByteGuard(path: path)
        var sax = xmlSAXHandler()
        sax.initialized = UInt32(XML_SAX2_MAGIC)
        sax.startElementNs = { context, localName, _, _, _, _, attributeCount, _, attributes in
            guard let context, let localName else { return }
            let state = Unmanaged<PushState>.fromOpaque(context).takeUnretainedValue()
            guard state.failure == nil else { return }
            do throws(DiagnosticsError) {
                try state.handler.startElement(
                    XMLName(pointer: localName), XMLAttributes(base: attributes, count: Int(attributeCount)))
            } catch {
                state.stop(error)
            }
        }
        sax.endElementNs = { context, localName, _, _ in
            guard let context, let localName else { return }
            let state = Unmanaged<PushState>.fromOpaque(context).takeUnretainedValue()
            guard state.failure == nil else { return }
            do throws(DiagnosticsError) {
                try state.handler.endElement(XMLName(pointer: localName))
            } catch {
                state.stop(error)
            }
        }
        let characters: charactersSAXFunc = { context, text, length in
            guard let context, let text, length > 0 else { return }
            let state = Unmanaged<PushState>.fromOpaque(context).takeUnretainedValue()
            guard state.failure == nil else { return }
            do throws(DiagnosticsError) {
                try state.handler.characters(UnsafeBufferPointer(start: text, count: Int(length)))
            } catch {
                state.stop(error)
            }
        }
        sax.characters = characters
        sax.ignorableWhitespace = characters
        sax.cdataBlock = characters
        // Behind the byte scan: a DOCTYPE that reached libxml2 stops the parse before its subset is read.
        sax.internalSubset = { context, _, _, _ in
            guard let context else { return }
            let state = Unmanaged<PushState>.fromOpaque(context).takeUnretainedValue()
            state.stop(DiagnosticsError([Diagnostic(at: SourceLocation(file: state.path), .xml(.doctypeRefused))]))
        }
        sax.serror = { context, error in
            guard let context, let error else { return }
            Unmanaged<PushState>.fromOpaque(context).takeUnretainedValue().errors.append(LibXMLError(error.pointee))
        }
        state.path = path
        let user = Unmanaged.passUnretained(state).toOpaque()
        hegui_xml_silence_generic_errors()
        guard let context = xmlCreatePushParserCtxt(&sax, user, nil, 0, path) else {
            throw DiagnosticsError([Diagnostic(at: SourceLocation(file: path), .spreadsheets(.xmlReaderFailed))])
        }
        xmlCtxtUseOptions(context, LibXML.parseOptions)
        self.context = context
        state.context = context
    }

    deinit {
        if let context { xmlFreeParserCtxt(context) }
    }

    /// Parses the next bytes. Throws every error found so far (malformed XML, a DOCTYPE, an undeclared
    /// entity, the handler's own), located in `path`.
    public func feed(_ bytes: UnsafeBufferPointer<UInt8>) throws(DiagnosticsError) {
        guard let context, let base = bytes.baseAddress, !bytes.isEmpty else { return }
        try guardian.check(bytes)
        hegui_xml_silence_generic_errors()
        // libxml2 takes an Int32 length: feed large buffers in slices.
        var offset = 0
        while offset < bytes.count {
            let count = min(bytes.count - offset, 1 << 20)
            let pointer = UnsafeRawPointer(base + offset).assumingMemoryBound(to: CChar.self)
            xmlParseChunk(context, pointer, Int32(count), 0)
            try rethrow()
            offset += count
        }
    }

    /// Ends the document: an unclosed element or missing root is an error here.
    public func finish() throws(DiagnosticsError) {
        guard let context else { return }
        hegui_xml_silence_generic_errors()
        xmlParseChunk(context, nil, 0, 1)
        try rethrow()
    }

    private func rethrow() throws(DiagnosticsError) {
        if let failure = state.failure { throw failure }
        let found = state.errors.filter { !$0.isWarning }
        guard !found.isEmpty else { return }
        throw DiagnosticsError(
            found.map { error in
                Diagnostic(
                    at: SourceLocation(file: path, line: error.line, column: error.line > 0 ? max(error.column, 1) : 0),
                    .xml(.parser(detail: error.message)))
            })
    }
}

/// The parser's state reached from libxml2's callbacks through their `void*`.
private final class PushState {
    let handler: XMLPushHandler
    var path = ""
    var context: xmlParserCtxtPtr?
    var failure: DiagnosticsError?
    var errors: [LibXMLError] = []

    init(handler: XMLPushHandler) { self.handler = handler }

    /// Keeps the first failure and stops libxml2 at once.
    func stop(_ error: DiagnosticsError) {
        if failure == nil { failure = error }
        if let context { xmlStopParser(context) }
    }
}
