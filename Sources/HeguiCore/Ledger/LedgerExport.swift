import Foundation

extension Ledger {
    /// The CSV header, exactly as the 整改台账 sheet names its columns.
    public static let csvHeader = ["序号", "发现日期", "地点", "问题描述", "类别", "等级", "责任部门", "责任人", "整改期限", "状态", "验证人", "销号日期"]

    /// The 状态 cell: the status in Chinese, with `（逾期）` when the item is past its deadline on `today`
    /// and not struck off (e.g. `整改中（逾期）`).
    public static func statusCell(_ item: RectificationItem, today: Day) -> String {
        item.status.title.zhCN + (item.isOverdue(on: today) ? "（逾期）" : "")
    }

    /// Items as CSV for Excel: UTF-8 BOM (so Excel reads UTF-8), CRLF line ends, RFC 4180 quoting,
    /// and cells that Excel would run as formulas neutralised with a leading `'`. The columns are
    /// exactly `csvHeader`; overdue shows in the 状态 cell (see `statusCell(_:today:)`).
    public static func csv(_ items: [RectificationItem], today: Day) -> String {
        var lines = [csvHeader.map(csvCell).joined(separator: ",")]
        for item in items {
            let cells = [
                String(item.id), item.foundOn.description, item.location ?? "", item.description, item.category,
                item.grade, item.department ?? "", item.responsible ?? "", item.deadline.description,
                statusCell(item, today: today), item.verifiedBy ?? "", item.verifiedOn?.description ?? "",
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

    /// Items as a pretty JSON array with sorted keys: each item's fields plus `overdue` (true when past
    /// its deadline on `today` and not struck off).
    public static func json(_ items: [RectificationItem], today: Day) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let exported = items.map { ExportedItem(item: $0, overdue: $0.isOverdue(on: today)) }
        return String(decoding: try encoder.encode(exported), as: UTF8.self) + "\n"
    }
}

/// An item as exported to JSON: its own keys and `overdue`.
private struct ExportedItem: Encodable {
    var item: RectificationItem
    var overdue: Bool

    enum Key: String, CodingKey { case overdue }

    func encode(to encoder: any Encoder) throws {
        try item.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(overdue, forKey: .overdue)
    }
}
