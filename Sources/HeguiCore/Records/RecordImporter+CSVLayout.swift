import HeguiBase

/// The 台账 layout of a CSV file (as saved from a sheet): the header searched among the first rows,
/// rows around the table read past and listed in one note.
extension RecordImporter {
    /// Reads the header: the first of the first rows naming every required field (with the row above
    /// when the two form one merged header), else the first non-blank row. Leaves `reader` after it.
    func readHeader(
        _ reader: inout CSVReader, path: String, layout: KindLayout, sink: inout DiagnosticCollector
    ) -> CSVHeader? {
        var scratch: [UInt8] = []
        var probe = reader
        // Each non-blank record of the first rows: its texts and the reader standing just after it.
        var records: [(line: Int, texts: [String], after: CSVReader)] = []
        while records.count < TableLayout.headerSearchRows {
            do {
                guard try probe.next() else { break }
            } catch {
                if records.isEmpty {
                    sink.error(SourceLocation(file: path, line: error.line, column: error.column), .records(error.message))
                    return nil
                }
                break
            }
            let texts = probe.cells.map { cell in
                probe.withContent(of: cell, scratch: &scratch) { String(decoding: CellParser.trim($0), as: UTF8.self) }
            }
            if texts.allSatisfy(\.isEmpty) { continue }
            records.append((probe.cells.first?.line ?? probe.line, texts, probe))
        }
        guard !records.isEmpty else {
            sink.error(
                SourceLocation(file: path, line: 1, column: 1),
                .records(.emptyFile(kind: layout.kind.id)))
            return nil
        }
        let rows = records.map { record in
            TableLayout.Row(
                line: record.line,
                cells: record.texts.enumerated().compactMap { $0.element.isEmpty ? nil : ($0.offset + 1, $0.element) })
        }
        let chosen =
            TableLayout.findHeader(rows, layout: layout)
            ?? TableLayout.Header(lastRow: 0, firstRow: 0, labels: rows[0].cells)
        reader = records[chosen.lastRow].after
        let headerRows = records[chosen.firstRow...chosen.lastRow]
        let headerCount = headerRows.map(\.texts.count).max() ?? 0
        var labels = [String](repeating: "", count: headerCount)
        for cell in chosen.labels { labels[cell.column - 1] = cell.text }
        /// Where a label stands: the lower header row when it has the text, else the upper one.
        func location(_ index: Int) -> SourceLocation {
            for record in headerRows.reversed() where index < record.texts.count && !record.texts[index].isEmpty {
                let cell = record.after.cells[index]
                return SourceLocation(file: path, line: cell.line, column: record.after.column(of: cell))
            }
            return SourceLocation(file: path, line: records[chosen.lastRow].line, column: 1)
        }
        var columnOfField = [Int](repeating: -1, count: layout.kind.fields.count)
        var unnamed: [Int] = []
        var ignored: [String] = []
        for (index, name) in labels.enumerated() {
            if name.isEmpty {
                unnamed.append(index)
                continue
            }
            if TableLayout.ignoredColumns.contains(name) {
                ignored.append("\(name) (\(index + 1))")
                continue
            }
            guard let field = layout.fieldIndex[name] ?? layout.fieldIndex[TableLayout.normalized(name)] else {
                sink.error(
                    location(index),
                    .records(.unknownColumn(name: truncatedForMessage(name), kind: layout.kind.id, expected: layout.expectedNames)))
                continue
            }
            if columnOfField[field] >= 0 {
                sink.error(
                    location(index),
                    .records(
                        .repeatedColumn(
                            name: truncatedForMessage(name), field: layout.describe(field), firstColumn: columnOfField[field] + 1)))
                continue
            }
            columnOfField[field] = index
        }
        let headerLine = records[chosen.lastRow].line
        for (index, field) in layout.kind.fields.enumerated() where field.required && columnOfField[index] < 0 {
            sink.error(SourceLocation(file: path, line: headerLine, column: 1), .records(.missingColumn(field: layout.describe(index))))
        }
        return CSVHeader(
            count: headerCount, columnOfField: columnOfField, unnamedColumns: unnamed, line: headerLine,
            linesAbove: records[..<chosen.firstRow].map(\.line), ignoredColumns: ignored, labels: labels)
    }

    /// Whether a row below the header is read past: blank, a 合计/小计 row, a note, or the header
    /// repeated (a printed 台账 repeats it on every page). Each is listed in `skipped`.
    func skipsRow(_ reader: CSVReader, header: CSVHeader, scratch: inout [UInt8], skipped: inout SkippedRows) -> Bool {
        var first = -1
        var nonEmpty = 0
        for (index, cell) in reader.cells.enumerated() {
            let filled = reader.withContent(of: cell, scratch: &scratch) { !CellParser.trim($0).isEmpty }
            guard filled else { continue }
            if first < 0 { first = index }
            nonEmpty += 1
            // Records fill many cells; past three the count no longer matters.
            if nonEmpty > 2 { break }
        }
        let line = reader.cells.first?.line ?? reader.line
        guard first >= 0 else {
            skipped.blanks.append(line)
            return true
        }
        let role = reader.withContent(of: reader.cells[first], scratch: &scratch) {
            TableLayout.role(firstCell: CellParser.trim($0), nonEmptyCells: nonEmpty)
        }
        switch role {
        case .total:
            skipped.totals.append(line)
            skipped.grandTotals.append(line)
            return true
        case .subtotal:
            skipped.totals.append(line)
            return true
        case .note:
            skipped.notes.append(line)
            return true
        case .record:
            break
        }
        guard first < header.labels.count, nonEmpty >= 2 else { return false }
        // Most rows differ from the label in length already: compared without touching the label's text.
        let repeatsFirst = header.labels[first].utf8.withContiguousStorageIfAvailable { label in
            reader.withContent(of: reader.cells[first], scratch: &scratch) { cell in
                let cell = CellParser.trim(cell)
                return !label.isEmpty && cell.count == label.count && cell.elementsEqual(label)
            }
        }
        guard
            repeatsFirst
                ?? reader.withContent(of: reader.cells[first], scratch: &scratch, {
                    !header.labels[first].isEmpty && CellParser.trim($0).elementsEqual(header.labels[first].utf8)
                })
        else { return false }
        var matches = 0
        var named = 0
        for (index, text) in header.labels.enumerated() where !text.isEmpty && index < reader.cells.count {
            named += 1
            let same = reader.withContent(of: reader.cells[index], scratch: &scratch) { CellParser.trim($0).elementsEqual(text.utf8) }
            if same { matches += 1 }
        }
        guard matches * 2 >= named else { return false }
        skipped.headers.append(line)
        return true
    }

    /// The one note listing a file's skipped rows, and an error for records below its 合计 row.
    func noteSkipped(_ skipped: SkippedRows, table: RecordTable, path: String, sink: inout DiagnosticCollector) {
        if let summary = skipped.summary() { sink.note(SourceLocation(file: path), summary) }
        guard let total = skipped.grandTotals.min() else { return }
        if let row = table.lines.firstIndex(where: { Int($0) > total }) {
            sink.error(
                SourceLocation(file: path, line: Int(table.lines[row]), column: 1),
                .spreadsheets(.recordBelowTotal(row: total)))
        }
    }
}
