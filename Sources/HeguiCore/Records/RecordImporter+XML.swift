import HeguiBase
import HeguiXML

extension RecordImporter {
    // MARK: XML

    /// Reads a `<records>` bundle: one table per kind that has at least one element. Throws
    /// `DiagnosticsError` with every bad attribute; `bytes`, when given, are hashed for provenance.
    public func importXML(root: XMLElement, bytes: [UInt8]?, path: String) throws -> [String: RecordTable] {
        var sink = DiagnosticCollector(limit: errorLimit)
        let parsed = parseXML(root: root, sha256: bytes.map(sha256Hex) ?? "", path: path, sink: &sink)
        for table in parsed.values { table.checkKeys(sink: &sink) }
        try sink.throwIfErrors(summaryPath: path)
        return parsed.mapValues(\.table)
    }

    /// Reads, parses and imports one XML bundle. Throws `UnreadableFileError` or `DiagnosticsError`.
    public func importXMLFile(_ path: String) throws -> [String: RecordTable] {
        let bytes = try FileReader.contents(of: path, limit: FileReader.xmlFileLimit)
        // Parse the bytes we hash, so the hash is of exactly what was read.
        let document = try XMLDocument(bytes: bytes, path: path)
        return try importXML(root: document.root, bytes: bytes, path: path)
    }

    func parseXML(
        root: XMLElement, sha256: String, path: String, sink: inout DiagnosticCollector
    ) -> [String: ParsedTable] {
        guard root.name == "records" else {
            sink.error(root.location, .records(.wrongRoot(root: root.name)))
            return [:]
        }
        let file = RecordFile(path: path, sha256: sha256)
        var builders: [TableBuilder] = []
        var builderOfKind: [String: Int] = [:]
        var seen: [Int] = []
        for element in root.children {
            guard let layout = layouts[element.name] else {
                sink.error(
                    element.location,
                    .records(.unknownKind(element: element.name, known: kinds.map(\.id).joined(separator: ", "))))
                continue
            }
            let index: Int
            if let existing = builderOfKind[element.name] {
                index = existing
            } else {
                index = builders.count
                builderOfKind[element.name] = index
                builders.append(TableBuilder(layout: layout, file: file))
            }
            let fields = layout.kind.fields
            // The attribute feeding each field, by position in `element.attributes`.
            seen.removeAll(keepingCapacity: true)
            seen.append(contentsOf: repeatElement(-1, count: fields.count))
            for (position, attribute) in element.attributes.enumerated() {
                guard let field = layout.fieldIndex[attribute.name] else {
                    sink.error(
                        attribute.location,
                        .records(
                            .unknownAttribute(
                                name: truncatedForMessage(attribute.name), kind: layout.kind.id,
                                expected: layout.expectedNames)))
                    continue
                }
                if seen[field] >= 0 {
                    sink.error(
                        attribute.location,
                        .records(.repeatedAttribute(name: truncatedForMessage(attribute.name), field: layout.describe(field))))
                    continue
                }
                seen[field] = position
            }
            if let child = element.children.first {
                sink.error(child.location, .records(.unexpectedElement(element: child.name, parent: element.name)))
            }
            if element.text.contains(where: { !$0.isWhitespace }) {
                sink.error(element.location, .records(.unexpectedText(element: element.name)))
            }
            for field in 0..<fields.count {
                let position = seen[field]
                if position >= 0 {
                    let attribute = element.attributes[position]
                    var value = attribute.value
                    value.withUTF8 { content in
                        builders[index].append(content, field: field, sink: &sink) { attribute.location }
                    }
                } else if fields[field].required {
                    sink.error(element.location, .records(.missingAttribute(field: layout.describe(field))))
                    builders[index].appendEmpty(field)
                } else {
                    builders[index].appendEmpty(field)
                }
            }
            builders[index].endRow(line: element.location.line)
        }
        var result: [String: ParsedTable] = [:]
        for (kind, index) in builderOfKind { result[kind] = builders[index].finish() }
        return result
    }
}
