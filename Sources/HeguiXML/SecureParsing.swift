import CLibXML2
import HeguiBase

/// A libxml2 document with its Swift tree and the source locations of its nodes.
struct ParsedDocument {
    var handle: xmlDocPtr
    var root: XMLElement
    /// Element and attribute nodes to where they stand, for locating schema errors.
    var locations: [UnsafeRawPointer: SourceLocation]
    /// Per element node, its attributes' locations keyed as libxml2's schema messages name them
    /// (`local` or `{namespace}local`), because schema errors about attributes point at the element.
    var attributeLocations: [UnsafeRawPointer: [String: SourceLocation]]
}

/// Parsing that refuses DTDs before libxml2 sees the bytes, and reports every error with a location.
enum SecureParser {
    /// More attributes than any record kind has fields: libxml2's duplicate-attribute check is
    /// quadratic in the count, so a longer tag is refused before libxml2 sees it.
    static let maximumAttributes = 128

    /// Parses `bytes`; `path` is used in every diagnostic and location. When `recovering`, a tree that
    /// libxml2 rebuilt after well-formedness errors is returned with those errors instead of throwing.
    static func parse(
        _ bytes: [UInt8], path: String, recovering: Bool = false
    ) throws(DiagnosticsError)
        -> (document: ParsedDocument, errors: [Diagnostic])
    {
        // Every XML document, records bundles included, is held to the same limit before parsing;
        // it also keeps the length within libxml2's Int32.
        guard bytes.count <= FileReader.xmlFileLimit else {
            throw DiagnosticsError([
                Diagnostic(
                    at: SourceLocation(file: path),
                    .xml(.tooLarge(bytes: bytes.count)))
            ])
        }
        let source = SourceText(bytes)
        func located(_ offset: Int, _ message: Message) -> DiagnosticsError {
            let position = source.position(ofByte: offset)
            return DiagnosticsError([
                Diagnostic(
                    .error,
                    at: SourceLocation(
                        file: path, line: position.line, column: position.column), message)
            ])
        }
        // A DTD is the only way to entities (XXE, billion laughs) and network fetches: refuse it outright.
        if let offset = source.firstOffset(of: Array("<!DOCTYPE".utf8)) {
            throw located(offset, .xml(.doctypeRefused))
        }
        // UTF-16/32 would hide a DOCTYPE from the scan above; XML never contains NUL anyway.
        if let offset = bytes.firstIndex(of: 0) {
            throw located(offset, .xml(.nulByte))
        }
        if bytes.isEmpty {
            throw DiagnosticsError([Diagnostic(.error, at: SourceLocation(file: path, line: 1, column: 1), .xml(.empty))])
        }
        let tags = source.scanStartTags()
        let crowded = tags.filter { $0.attributes.count > maximumAttributes }
        if !crowded.isEmpty {
            throw DiagnosticsError(
                crowded.prefix(20).map { tag in
                    let position = source.position(ofByte: tag.offset)
                    return Diagnostic(
                        at: SourceLocation(file: path, line: position.line, column: position.column),
                        .xml(
                            .tooManyAttributes(
                                element: truncatedForMessage(tag.qualifiedName), count: tag.attributes.count,
                                maximum: maximumAttributes)))
                })
        }

        let (outcome, errors) = LibXML.withCapturedErrors { () -> Result<ParsedDocument, DiagnosticsError> in
            guard let context = xmlNewParserCtxt() else {
                return .failure(
                    DiagnosticsError([Diagnostic(at: SourceLocation(file: path), .xml(.outOfMemory))]))
            }
            defer { xmlFreeParserCtxt(context) }
            let parsed = bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    xmlCtxtReadMemory(
                        context, chars.baseAddress, Int32(clamping: chars.count), nil, "UTF-8",
                        recovering ? LibXML.parseOptions | Int32(XML_PARSE_RECOVER.rawValue) : LibXML.parseOptions)
                }
            }
            guard let document = parsed else { return .failure(DiagnosticsError([])) }
            // Belt and braces: the DOCTYPE scan should make a DTD impossible here.
            guard document.pointee.intSubset == nil, document.pointee.extSubset == nil else {
                xmlFreeDoc(document)
                return .failure(located(0, .xml(.doctypeRefused)))
            }
            guard let rootNode = xmlDocGetRootElement(document) else {
                xmlFreeDoc(document)
                return .failure(
                    DiagnosticsError([
                        Diagnostic(at: SourceLocation(file: path, line: 1, column: 1), .xml(.noRootElement))
                    ]))
            }
            var builder = TreeBuilder(source: source, path: path, document: document, tags: tags)
            let root = builder.element(rootNode)
            return .success(
                ParsedDocument(
                    handle: document, root: root, locations: builder.locations,
                    attributeLocations: builder.attributeLocations))
        }

        let diagnostics = errors.map { error in diagnostic(for: error, path: path) }
        switch outcome {
        case .success(let parsed):
            guard !diagnostics.containsErrors || recovering else {
                xmlFreeDoc(parsed.handle)
                throw DiagnosticsError(diagnostics)
            }
            return (parsed, diagnostics)
        case .failure(let failure):
            var all = failure.diagnostics + diagnostics
            if all.isEmpty {
                all = [Diagnostic(at: SourceLocation(file: path, line: 1, column: 1), .xml(.unparsable))]
            }
            throw DiagnosticsError(all)
        }
    }

    /// A parser error at the caller's path; libxml2's `int2` already counts characters, not bytes.
    private static func diagnostic(for error: LibXMLError, path: String) -> Diagnostic {
        let column = error.line > 0 ? max(error.column, 1) : 0
        return Diagnostic(
            error.isWarning ? .warning : .error,
            at: SourceLocation(file: path, line: error.line, column: column), .xml(.parser(detail: error.message)))
    }
}

/// Walks a libxml2 tree into detached `XMLElement` values, locating each node from the source.
struct TreeBuilder {
    let source: SourceText
    let path: String
    let document: xmlDocPtr
    let tags: [ScannedStartTag]
    var nextTag = 0
    var locations: [UnsafeRawPointer: SourceLocation] = [:]
    var attributeLocations: [UnsafeRawPointer: [String: SourceLocation]] = [:]

    init(source: SourceText, path: String, document: xmlDocPtr, tags: [ScannedStartTag]) {
        self.source = source
        self.path = path
        self.document = document
        self.tags = tags
    }

    private func location(ofByte offset: Int) -> SourceLocation {
        let position = source.position(ofByte: offset)
        return SourceLocation(file: path, line: position.line, column: position.column)
    }

    private static func qualifiedName(_ name: UnsafePointer<xmlChar>?, _ ns: xmlNsPtr?) -> String {
        let local = swiftString(name) ?? ""
        guard let prefix = swiftString(ns?.pointee.prefix), !prefix.isEmpty else { return local }
        return prefix + ":" + local
    }

    mutating func element(_ node: xmlNodePtr) -> XMLElement {
        let qualified = Self.qualifiedName(node.pointee.name, node.pointee.ns)
        // The i-th start tag in the source is the i-th element in document order.
        var tag: ScannedStartTag?
        if nextTag < tags.count, tags[nextTag].qualifiedName == qualified { tag = tags[nextTag] }
        nextTag += 1
        let elementLocation =
            tag.map { location(ofByte: $0.offset) }
            ?? SourceLocation(file: path, line: Int(xmlGetLineNo(node)), column: 1)
        locations[UnsafeRawPointer(node)] = elementLocation

        var attributes: [XMLAttribute] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            let value = xmlNodeListGetString(document, current.pointee.children, 1)
            defer { hegui_xml_free(value) }
            let attributeName = Self.qualifiedName(current.pointee.name, current.pointee.ns)
            let attributeLocation =
                tag?.attributes.first { $0.qualifiedName == attributeName }
                .map { location(ofByte: $0.offset) } ?? elementLocation
            locations[UnsafeRawPointer(current)] = attributeLocation
            let localName = swiftString(current.pointee.name) ?? ""
            let schemaName = swiftString(current.pointee.ns?.pointee.href).map { "{\($0)}\(localName)" } ?? localName
            attributeLocations[UnsafeRawPointer(node), default: [:]][schemaName] = attributeLocation
            attributes.append(
                XMLAttribute(
                    name: localName,
                    value: swiftString(value) ?? "",
                    location: attributeLocation))
            attribute = current.pointee.next
        }

        var children: [XMLElement] = []
        var text = ""
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                children.append(element(current))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = swiftString(current.pointee.content) { text += content }
            default:
                break  // comments and processing instructions are not content
            }
            child = current.pointee.next
        }

        return XMLElement(
            name: swiftString(node.pointee.name) ?? "",
            namespace: swiftString(node.pointee.ns?.pointee.href),
            attributes: attributes, children: children, text: text, location: elementLocation)
    }
}
