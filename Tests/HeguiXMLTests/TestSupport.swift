import Foundation
import HeguiBase
import HeguiXML
import Testing

/// Parses a string as a document named `pack.xml`.
func parse(_ text: String) throws -> XMLDocument {
    try XMLDocument(bytes: Array(text.utf8), path: "pack.xml")
}

/// The diagnostics a parse fails with; records an issue if it does not fail that way.
func parseFailure(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [Diagnostic] {
    do {
        _ = try parse(text)
        Issue.record("expected the parse to fail", sourceLocation: sourceLocation)
    } catch let error as DiagnosticsError {
        return error.diagnostics
    } catch {
        Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
    }
    return []
}

/// A fresh temporary directory, removed by the caller.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("hegui-xml-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
