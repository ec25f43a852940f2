import Foundation
import HeguiBase

/// What an export holds: the items and the chain head they were read at, from one read.
public struct LedgerExportSnapshot: Hashable, Sendable {
    /// Every item, in id order.
    public var items: [RectificationItem]
    /// How many events the chain had when the items were read.
    public var eventCount: Int64
    /// The hash of the last of those events (the genesis hash for an empty chain).
    public var headHash: String

    /// Creates a snapshot.
    public init(items: [RectificationItem], eventCount: Int64, headHash: String) {
        self.items = items
        self.eventCount = eventCount
        self.headHash = headHash
    }

    /// The chain head as a reviewer anchors it: `COUNT:HASH`.
    public var anchor: String { "\(eventCount):\(headHash)" }
}

/// One column of the exported 台账: a field of the `rectification` record kind, so the file reads
/// back as records, headed by the field's label in Chinese and by its name in English.
public struct LedgerExportColumn: Hashable, Sendable {
    /// The `rectification` field name (the English header).
    public var field: String
    /// The field's 列名 (the Chinese header).
    public var label: String

    /// The header in a language.
    public func header(_ language: Language) -> String { language == .zhCN ? label : field }
}

extension Ledger {
    /// The 台账 columns, in order: every 六定 field (整改措施, 资金, 责任部门, 责任人, 整改期限, 复查人), where
    /// the item came from (巡视批次, 发现人, indicator), the status, verification, overdue history and 公示.
    public static let exportColumns: [LedgerExportColumn] = [
        ("id", "问题编号"), ("source", "来源"), ("pack", "规则包"), ("indicator", "对应指标"), ("period", "考核期间"),
        ("groupKey", "涉及对象"), ("patrol", "巡视批次"), ("foundOn", "发现日期"), ("finder", "发现人"), ("location", "地点"),
        ("description", "问题描述"), ("category", "问题类别"), ("grade", "问题等级"), ("measure", "整改措施"),
        ("funds", "资金"), ("department", "责任部门"), ("responsible", "责任人"), ("deadline", "整改期限"),
        ("rechecker", "复查人"), ("status", "状态"), ("submittedBy", "提交人"), ("verifiedBy", "验证人"),
        ("verifiedOn", "验证日期"), ("struckOff", "已销号"), ("overdue", "已逾期"), ("everOverdue", "曾逾期"),
        ("missedDeadline", "逾期的期限"), ("published", "已公示"), ("publishedOn", "公示日期"),
        ("evidenceCount", "佐证数"),
    ].map { LedgerExportColumn(field: $0.0, label: $0.1) }

    /// The 状态 cell: the status in the language, with `（逾期）` / ` (overdue)` when the item is past its
    /// deadline on `today` and not struck off (e.g. `整改中（逾期）`).
    public static func statusCell(_ item: RectificationItem, today: Day, language: Language = .zhCN) -> String {
        let overdue = LedgerMessage.overdueNow.entry.render(language)
        let suffix = language == .zhCN ? "（\(overdue)）" : " (\(overdue))"
        return item.status.title.text(language) + (item.isOverdue(on: today) ? suffix : "")
    }

    /// One item's cells, in `exportColumns` order: dates ISO, booleans 是/否 or yes/no, numbers plain.
    static func exportCells(_ item: RectificationItem, today: Day, language: Language) -> [String] {
        func yes(_ flag: Bool) -> String { Message.report(.label(flag ? .yes : .no)).text(language) }
        return [
            String(item.id), item.source.rawValue, item.pack ?? "", item.indicator ?? "", item.period ?? "",
            item.groupKey ?? "", item.patrolID.map(String.init) ?? "", item.foundOn.description, item.finder ?? "", item.location ?? "",
            item.description, item.category, item.grade, item.measure ?? "", item.funds.map(formatNumber) ?? "",
            item.department ?? "", item.responsible ?? "", item.deadline.description, item.rechecker ?? "",
            statusCell(item, today: today, language: language), item.submittedBy ?? "", item.verifiedBy ?? "",
            item.verifiedOn?.description ?? "", yes(item.status.isClosed), yes(item.isOverdue(on: today)),
            yes(item.wasEverOverdue(on: today)), item.missedDeadline?.description ?? "", yes(item.publishedOn != nil),
            item.publishedOn?.description ?? "", String(item.evidence.count),
        ]
    }

    /// The items as CSV for Excel: UTF-8 BOM (so Excel reads UTF-8), CRLF line ends, RFC 4180 quoting,
    /// cells that Excel would run as formulas neutralised with a leading `'`. The first line names the
    /// chain head (so a reviewer can anchor what the file shows), then the `exportColumns` headers in
    /// the language: the file reads back as `rectification` records.
    public static func csv(_ snapshot: LedgerExportSnapshot, today: Day, language: Language) -> String {
        var lines = [csvCell(LedgerMessage.chainHead(count: Int(clamping: snapshot.eventCount), hash: snapshot.headHash).entry.render(language))]
        lines.append(exportColumns.map { csvCell($0.header(language)) }.joined(separator: ","))
        for item in snapshot.items {
            lines.append(exportCells(item, today: today, language: language).map(csvCell).joined(separator: ","))
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

    /// The items as JSON (the reports' one writer): `chainHead` (`events`, `hash`, `anchor`) and `items`,
    /// each with the `exportColumns` fields by name (absent values null, booleans and numbers typed,
    /// `status` its stable id such as `in-progress`).
    public static func json(_ snapshot: LedgerExportSnapshot, today: Day, language: Language) -> String {
        let items: [JSONNode] = snapshot.items.map { item in
            let cells = exportCells(item, today: today, language: language)
            return .object(
                zip(exportColumns, cells).map { column, cell in
                    (column.field, jsonValue(field: column.field, cell: cell, item: item, today: today))
                })
        }
        let head: JSONNode = .object([
            ("events", .number(Double(snapshot.eventCount))), ("hash", .string(snapshot.headHash)),
            ("anchor", .string(snapshot.anchor)),
        ])
        return JSONNode.object([("chainHead", head), ("items", .array(items))]).text
    }

    /// A field's JSON value: typed booleans and numbers, null for an empty cell.
    private static func jsonValue(field: String, cell: String, item: RectificationItem, today: Day) -> JSONNode {
        switch field {
        case "id": return .number(Double(item.id))
        case "status": return .string(item.status.rawValue)
        case "patrol": return item.patrolID.map { .number(Double($0)) } ?? .null
        case "funds": return .number(item.funds)
        case "evidenceCount": return .number(Double(item.evidence.count))
        case "struckOff": return .bool(item.status.isClosed)
        case "overdue": return .bool(item.isOverdue(on: today))
        case "everOverdue": return .bool(item.wasEverOverdue(on: today))
        case "published": return .bool(item.publishedOn != nil)
        default: return cell.isEmpty ? .null : .string(cell)
        }
    }
}
