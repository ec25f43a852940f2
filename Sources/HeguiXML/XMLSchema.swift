import CLibXML2
import HeguiBase

/// A compiled XSD schema.
public final class XMLSchema: @unchecked Sendable {
    /// Owned compiled schema; read-only after init and only used under `LibXML`'s lock.
    private let handle: xmlSchemaPtr
    /// The schema's own document, parsed securely; kept alive because the schema may point into it.
    private let source: XMLDocument

    /// Compiles the schema at this path; throws `UnreadableFileError` or `DiagnosticsError`.
    public convenience init(contentsOf path: String) throws {
        try self.init(document: try XMLDocument(contentsOf: path), path: path)
    }

    /// Compiles the schema in a buffer; `path` names it in diagnostics. Throws `DiagnosticsError`.
    public convenience init(bytes: [UInt8], path: String) throws {
        try self.init(document: try XMLDocument(bytes: bytes, path: path), path: path)
    }

    /// Compiles a parsed schema document.
    private init(document: XMLDocument, path: String) throws {
        // The XSD goes through the same DOCTYPE-refusing parser as documents, and is compiled from
        // that tree rather than by libxml2's own reader (which would substitute entities).
        let (schema, errors) = LibXML.withCapturedErrors { () -> xmlSchemaPtr? in
            guard let context = xmlSchemaNewDocParserCtxt(document.handle) else { return nil }
            defer { xmlSchemaFreeParserCtxt(context) }
            return xmlSchemaParse(context)
        }
        var diagnostics = errors.map { error in
            Diagnostic(
                error.isWarning ? .warning : .error,
                at: document.location(ofNode: error.node, message: error.message)
                    ?? SourceLocation(file: path, line: error.line, column: error.line > 0 ? 1 : 0),
                .xml(.parser(detail: error.message)))
        }
        guard let schema, !diagnostics.containsErrors else {
            if let schema { xmlSchemaFree(schema) }
            if !diagnostics.containsErrors {
                diagnostics.append(Diagnostic(at: SourceLocation(file: path), .xml(.schemaNotCompiled)))
            }
            throw DiagnosticsError(diagnostics)
        }
        handle = schema
        source = document
    }

    deinit {
        xmlSchemaFree(handle)
    }

    /// Every violation of the schema in the document, each at its line.
    public func validate(_ document: XMLDocument) -> [Diagnostic] {
        let (status, errors) = LibXML.withCapturedErrors { () -> Int32? in
            guard let context = xmlSchemaNewValidCtxt(handle) else { return nil }
            defer { xmlSchemaFreeValidCtxt(context) }
            return xmlSchemaValidateDoc(context, document.handle)
        }
        var diagnostics = errors.map { error in
            Diagnostic(
                error.isWarning ? .warning : .error,
                at: document.location(ofNode: error.node, message: error.message)
                    ?? SourceLocation(file: document.path, line: error.line, column: error.line > 0 ? 1 : 0),
                .xml(.schema(detail: error.message)))
        }
        let rootLocation = document.root.location
        switch status {
        case nil:
            diagnostics.append(Diagnostic(at: rootLocation, .xml(.validationNotStarted)))
        case let code? where code < 0:
            // libxml2 reports an internal failure rather than a verdict: the document is not known valid.
            diagnostics.append(Diagnostic(at: rootLocation, .xml(.validationInternalError(code: code))))
        case let code? where code > 0 && !diagnostics.containsErrors:
            diagnostics.append(Diagnostic(at: rootLocation, .xml(.doesNotConform(code: code))))
        default:
            break
        }
        return diagnostics
    }
}
