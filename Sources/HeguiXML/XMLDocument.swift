import CLibXML2
import HeguiBase

/// A parsed XML document: the Swift element tree plus the libxml2 document kept for XSD validation.
public final class XMLDocument: @unchecked Sendable {
    /// The path the document was read from (or the name given for a buffer).
    public let path: String
    /// The root element.
    public let root: XMLElement
    /// Owned libxml2 document; only touched under `LibXML`'s lock after init (hence `@unchecked Sendable`).
    let handle: xmlDocPtr
    /// Where each element and attribute node stands, to locate schema errors by node.
    private let nodeLocations: [UnsafeRawPointer: SourceLocation]
    /// Attribute locations per element node, keyed as schema messages name attributes.
    private let attributeLocations: [UnsafeRawPointer: [String: SourceLocation]]

    private init(path: String, parsed: ParsedDocument) {
        self.path = path
        self.root = parsed.root
        self.handle = parsed.handle
        self.nodeLocations = parsed.locations
        self.attributeLocations = parsed.attributeLocations
    }

    deinit {
        xmlFreeDoc(handle)
    }

    /// Reads and parses a file securely; throws `UnreadableFileError` or `DiagnosticsError`.
    public convenience init(contentsOf path: String) throws {
        let bytes = try FileReader.contents(of: path, limit: FileReader.xmlFileLimit)
        try self.init(bytes: bytes, path: path)
    }

    /// Parses a buffer securely; `path` names it in diagnostics. Throws `DiagnosticsError`.
    public convenience init(bytes: [UInt8], path: String) throws {
        let parsed = try SecureParser.parse(bytes, path: path)
        self.init(path: path, parsed: parsed.document)
    }

    /// Reads a file and keeps going after well-formedness errors: the tree libxml2 recovers, with
    /// those errors. For rule files, so one run reports a malformed tag beside the schema and meaning
    /// errors; never for records, whose values must not be guessed. The same security applies (a
    /// DOCTYPE is still refused). Throws `UnreadableFileError`, or `DiagnosticsError` when no tree results.
    public static func recovering(contentsOf path: String) throws -> (document: XMLDocument, errors: [Diagnostic]) {
        try recovering(bytes: try FileReader.contents(of: path, limit: FileReader.xmlFileLimit), path: path)
    }

    /// Parses a buffer the way `recovering(contentsOf:)` reads a file; `path` names it in diagnostics.
    public static func recovering(bytes: [UInt8], path: String) throws -> (document: XMLDocument, errors: [Diagnostic]) {
        let parsed = try SecureParser.parse(bytes, path: path, recovering: true)
        return (XMLDocument(path: path, parsed: parsed.document), parsed.errors)
    }

    /// Where a libxml2 node of this document stands, if known; a schema message of the form
    /// `Element 'e', attribute 'a': …` is placed at the attribute rather than its element.
    func location(ofNode node: UnsafeRawPointer?, message: String = "") -> SourceLocation? {
        guard let node else { return nil }
        if let attributes = attributeLocations[node],
            let start = message.firstRange(of: ", attribute '"),
            let end = message[start.upperBound...].firstRange(of: "':"),
            let location = attributes[String(message[start.upperBound..<end.lowerBound])]
        {
            return location
        }
        return nodeLocations[node]
    }
}
