// PLACEHOLDER until the XML layer lands: signatures only.
/// A file that could not be read at all (missing, unreadable, too large): the run cannot go on.
public struct UnreadableFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The path as given.
    public var path: String
    /// Why it could not be read.
    public var reason: String

    /// Creates the error.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// `path: error: reason`.
    public var description: String { "\(path): error: \(reason)" }
}

/// A parsed XML document: the Swift element tree plus the libxml2 document kept for XSD validation.
public final class XMLDocument: @unchecked Sendable {
    /// The path the document was read from (or the name given for a buffer).
    public let path: String
    /// The root element.
    public let root: XMLElement

    init(path: String, root: XMLElement) {
        self.path = path
        self.root = root
    }

    /// Reads and parses a file securely; throws `UnreadableFileError` or `DiagnosticsError`.
    public convenience init(contentsOf path: String) throws {
        fatalError("XML layer not merged yet")
    }

    /// Parses a buffer securely; `path` names it in diagnostics. Throws `DiagnosticsError`.
    public convenience init(bytes: [UInt8], path: String) throws {
        fatalError("XML layer not merged yet")
    }
}

/// A compiled XSD schema.
public final class XMLSchema: @unchecked Sendable {
    /// Compiles the schema at this path.
    public init(contentsOf path: String) throws {
        fatalError("XML layer not merged yet")
    }

    /// Every violation of the schema in the document, each at its line.
    public func validate(_ document: XMLDocument) -> [Diagnostic] {
        fatalError("XML layer not merged yet")
    }
}
