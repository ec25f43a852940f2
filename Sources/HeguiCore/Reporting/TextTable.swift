/// The one text table layout: left-aligned columns by display width (CJK characters count two
/// columns), two spaces apart, a row's last cell never padded. Used by the text report, evidence
/// lines and the rule and parameter listings.
public enum TextTable {
    /// Renders rows with two spaces between columns; the first row is the header.
    public static func render(_ rows: [[String]]) -> String {
        lines(rows).joined(separator: "\n") + "\n"
    }

    /// Each row as one line. `decorate` may wrap a cell after it is padded (colour codes have no
    /// width, so they must not be counted).
    public static func lines(
        _ rows: [[String]], decorate: (_ row: Int, _ column: Int, _ padded: String) -> String = { $2 }
    ) -> [String] {
        guard let columns = rows.map(\.count).max() else { return [] }
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], displayWidth(cell)) }
        }
        return rows.enumerated().map { rowIndex, row in
            row.enumerated().map { index, cell in
                decorate(rowIndex, index, index == row.count - 1 ? cell : padded(cell, to: widths[index]))
            }.joined(separator: "  ")
        }
    }
}
