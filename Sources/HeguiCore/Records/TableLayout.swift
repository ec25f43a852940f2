import HeguiBase

/// How a 台账 sits on its sheet (or in its CSV): title rows above the header, a header of one or two
/// rows found by the kind's field names and labels, 合计/小计 rows and notes around the records.
/// Shared by the CSV and the XLSX readers so both read the same layouts the same way.
enum TableLayout {
    /// How many non-blank rows from the top are searched for the header.
    static let headerSearchRows = 30

    /// One row as the header search sees it: its line (or sheet row) and its non-empty cells.
    struct Row {
        var line: Int
        /// (1-based column, trimmed text) of each non-empty cell, in column order.
        var cells: [(column: Int, text: String)]
    }

    /// The header the search settled on.
    struct Header {
        /// Index in the searched rows of the (last) header row.
        var lastRow: Int
        /// Index of the first header row (one less than `lastRow` for a two-row header).
        var firstRow: Int
        /// (1-based column, label) the header gives each named column.
        var labels: [(column: Int, text: String)]
    }

    /// Header cells that are kept in 台账 but carry no field: read past, listed in the skipped-rows note.
    static let ignoredColumns: Set<String> = ["序号", "序 号", "No.", "NO.", "备注"]

    /// A label as compared: without spaces and line breaks (`入职\n日期`, `工 号`).
    static func normalized(_ text: String) -> String {
        guard text.contains(where: \.isWhitespace) else { return text }
        return String(text.filter { !$0.isWhitespace })
    }

    /// How many of the cells name a field of the layout, and whether every required field is named.
    static func score(_ labels: [(column: Int, text: String)], _ layout: KindLayout) -> (matched: Int, complete: Bool) {
        var found = Set<Int>()
        var ignored = 0
        for cell in labels {
            if let field = layout.fieldIndex[cell.text] ?? layout.fieldIndex[normalized(cell.text)] {
                found.insert(field)
            } else if ignoredColumns.contains(cell.text) {
                ignored += 1
            }
        }
        let complete = layout.kind.fields.indices.allSatisfy { !layout.required[$0] || found.contains($0) }
        return (found.count + ignored, complete && found.count >= min(2, layout.kind.fields.count))
    }

    /// The labels of a two-row header: the lower row's cell, or the upper row's where the lower is empty
    /// (a cell merged down over both rows keeps its text in the upper one).
    static func combined(_ upper: Row, _ lower: Row) -> [(column: Int, text: String)] {
        var byColumn: [Int: String] = [:]
        for cell in upper.cells { byColumn[cell.column] = cell.text }
        for cell in lower.cells { byColumn[cell.column] = cell.text }
        return byColumn.keys.sorted().map { ($0, byColumn[$0]!) }
    }

    /// Finds the header among the first rows: the first row (or pair of rows) naming every required
    /// field. Nil when none does; the caller then takes the first row and reports what is missing.
    static func findHeader(_ rows: [Row], layout: KindLayout) -> Header? {
        for index in rows.indices {
            let single = score(rows[index].cells, layout)
            let next = index + 1 < rows.count ? rows[index + 1] : nil
            let pair = next.map { combined(rows[index], $0) }
            let pairScore = pair.map { score($0, layout) } ?? (matched: 0, complete: false)
            let nextScore = next.map { score($0.cells, layout) } ?? (matched: 0, complete: false)
            if single.complete {
                if let pair, pairScore.complete, pairScore.matched > single.matched {
                    return Header(lastRow: index + 1, firstRow: index, labels: pair)
                }
                return Header(lastRow: index, firstRow: index, labels: rows[index].cells)
            }
            if let pair, pairScore.complete {
                // A title row above a complete header is a title, not half of the header.
                if nextScore.complete, nextScore.matched >= pairScore.matched { continue }
                return Header(lastRow: index + 1, firstRow: index, labels: pair)
            }
        }
        return nil
    }

    /// What a row below the header is.
    enum Role {
        case record
        /// A 合计/总计 row: the table ends here.
        case total
        /// A 小计 row: a subtotal inside the table.
        case subtotal
        /// A note under the table (`注：`, `制表人：`, `填报日期：`, `Note:`).
        case note
    }

    private static let totalPrefixes = ["合计", "总计", "小计", "本页合计", "本页小计", "总合计", "累计"]
    private static let notePrefixes = [
        "注：", "注:", "说明：", "说明:", "备注：", "备注:", "制表人", "制表：", "制表:", "填表人", "填报人", "审核人",
        "审核：", "审核:", "负责人：", "负责人:", "单位负责人", "填表日期", "制表日期", "填报日期", "填报单位", "数据来源",
        // hegui's own English ledger export ends with one, and must read back
        "Note:",
    ]
    /// The first three UTF-8 bytes of every prefix above, packed in one number each: a cell starting
    /// otherwise is a record, found without building a String or an array (this runs on every row of
    /// a million-row file).
    private static let leadBytes: [UInt32] = ((totalPrefixes + notePrefixes).map { Array($0.utf8.prefix(3)) } + [Array("注".utf8)])
        .map { packed($0[0], $0[1], $0[2]) }

    private static func packed(_ b0: UInt8, _ b1: UInt8, _ b2: UInt8) -> UInt32 {
        UInt32(b0) << 16 | UInt32(b1) << 8 | UInt32(b2)
    }

    /// The role of a row given its first non-empty cell and how many cells are non-empty.
    static func role(firstCell: UnsafeBufferPointer<UInt8>, nonEmptyCells: Int) -> Role {
        // Almost every prefix starts with a Chinese character (a UTF-8 lead byte of at least 0xE0); the
        // English `Note:` of hegui's own ledger export is the one ASCII exception.
        guard firstCell.count >= 3, firstCell[0] >= 0xE0 || firstCell[0] == UInt8(ascii: "N"),
            leadBytes.contains(packed(firstCell[0], firstCell[1], firstCell[2]))
        else {
            return .record
        }
        let text = normalized(String(decoding: firstCell, as: UTF8.self))
        if text.hasPrefix("小计") || text.hasPrefix("本页小计") { return .subtotal }
        if totalPrefixes.contains(where: { text.hasPrefix($0) }) { return .total }
        guard nonEmptyCells <= 2 else { return .record }
        if notePrefixes.contains(where: { text.hasPrefix($0) }) { return .note }
        // `注1.`, `注 …`: 注 followed by a digit.
        if text.hasPrefix("注"), let next = text.dropFirst().first, next.isNumber { return .note }
        return .record
    }
}

/// The rows of one file that were read past rather than as records, for the note that lists them.
struct SkippedRows {
    var titles: [Int] = []
    var headers: [Int] = []
    var totals: [Int] = []
    /// The 合计/总计 rows among `totals` (not 小计): the table ends at the first.
    var grandTotals: [Int] = []
    var notes: [Int] = []
    var blanks: [Int] = []
    var ignoredColumns: [String] = []

    /// Renumbers chunk-relative lines to file lines.
    mutating func shift(by delta: Int) {
        guard delta != 0 else { return }
        titles = titles.map { $0 + delta }
        headers = headers.map { $0 + delta }
        totals = totals.map { $0 + delta }
        grandTotals = grandTotals.map { $0 + delta }
        notes = notes.map { $0 + delta }
        blanks = blanks.map { $0 + delta }
    }

    var isEmpty: Bool {
        titles.isEmpty && headers.isEmpty && totals.isEmpty && notes.isEmpty && ignoredColumns.isEmpty
    }

    mutating func append(_ other: SkippedRows) {
        titles += other.titles
        headers += other.headers
        totals += other.totals
        grandTotals += other.grandTotals
        notes += other.notes
        blanks += other.blanks
        ignoredColumns += other.ignoredColumns
    }

    /// `skipped 4 rows that are not records: above the header (line 1), total (line 40), note (lines
    /// 41-42)`, in both languages: one note per file. Rows of a sheet are `row`s, of a CSV `line`s.
    func summary(sheetRows: Bool = false) -> LocalizedText? {
        guard !isEmpty else { return nil }
        let groups: [(name: EvaluationMessage, lines: [Int])] = [
            (.aboveHeader, titles), (.repeatedHeader, headers), (.totalRow, totals), (.noteRow, notes), (.blankRow, blanks),
        ].filter { !$0.lines.isEmpty }
        let count = groups.reduce(0) { $0 + $1.lines.count }
        var parts: [LocalizedText] = []
        if count > 0 {
            let listed = groups.map { group in
                let name = Message.evaluation(group.name).text
                let lines = LocalizedText(joining: Self.rangeParts(group.lines).map(LocalizedText.init(verbatim:)), separator: .list)
                return Message.evaluation(
                    group.lines.count == 1
                        ? .skippedGroupOne(group: name, lines: lines, sheetRows: sheetRows)
                        : .skippedGroupMany(group: name, lines: lines, sheetRows: sheetRows)
                ).text
            }
            let joined = LocalizedText(joining: listed, separator: .phrases)
            parts.append(Message.evaluation(count == 1 ? .skippedRow(groups: joined) : .skippedRows(count: count, groups: joined)).text)
        }
        if let column = ignoredColumns.first, ignoredColumns.count == 1 {
            parts.append(Message.evaluation(.columnNotRead(column: column)).text)
        } else if !ignoredColumns.isEmpty {
            let columns = LocalizedText(joining: ignoredColumns.map(LocalizedText.init(verbatim:)), separator: .list)
            parts.append(Message.evaluation(.columnsNotRead(columns: columns)).text)
        }
        return LocalizedText(joining: parts, separator: .clauses)
    }

    /// `1-3, 7, 9-10`.
    static func ranges(_ lines: [Int]) -> String {
        rangeParts(lines).joined(separator: ", ")
    }

    /// `[1-3, 5]`: runs of consecutive lines, each as one part.
    static func rangeParts(_ lines: [Int]) -> [String] {
        let sorted = Array(Set(lines)).sorted()
        var parts: [String] = []
        var index = 0
        while index < sorted.count {
            var end = index
            while end + 1 < sorted.count, sorted[end + 1] == sorted[end] + 1 { end += 1 }
            parts.append(end == index ? "\(sorted[index])" : "\(sorted[index])-\(sorted[end])")
            index = end + 1
        }
        return parts
    }
}
