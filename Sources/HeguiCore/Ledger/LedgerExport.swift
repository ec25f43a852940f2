import Foundation

extension Ledger {
    /// The CSV header, exactly as the 整改台账 sheet names its columns.
    public static let csvHeader = ["序号", "发现日期", "地点", "问题描述", "类别", "等级", "责任部门", "责任人", "整改期限", "状态", "验证人", "销号日期"]

    /// Every item as CSV for Excel (see `csv(_:)`), ordered by id.
    public func exportCSV() throws -> String { Self.csv(try items()) }

    /// Every item as a JSON array ordered by id, keys sorted so the output is stable.
    public func exportJSON() throws -> String { try Self.json(try items()) }

    /// Items as CSV for Excel: UTF-8 BOM (so Excel reads UTF-8), CRLF line ends, RFC 4180 quoting,
    /// and cells that Excel would run as formulas neutralised with a leading `'`.
    public static func csv(_ items: [RectificationItem]) -> String {
        var lines = [csvHeader.map(csvCell).joined(separator: ",")]
        for item in items {
            let cells = [
                String(item.id), item.foundOn.description, item.location ?? "", item.description, item.category,
                item.grade, item.department ?? "", item.responsible ?? "", item.deadline.description,
                item.status.title.zhCN, item.verifiedBy ?? "", item.verifiedOn?.description ?? "",
            ]
            lines.append(cells.map(csvCell).joined(separator: ","))
        }
        return "\u{FEFF}" + lines.map { $0 + "\r\n" }.joined()
    }

    /// One CSV cell: formula-leading text gets `'` (CSV injection), then quotes when needed.
    public static func csvCell(_ text: String) -> String {
        var cell = text
        if let first = cell.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            cell = "'" + cell
        }
        if cell.contains(where: { $0 == "\"" || $0 == "," || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            cell = "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return cell
    }

    /// Items as a pretty JSON array with sorted keys.
    public static func json(_ items: [RectificationItem]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(items), as: UTF8.self) + "\n"
    }
}
