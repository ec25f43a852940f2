import HeguiBase
import HeguiXLSX

/// `hegui ledger export --format xlsx`: the 整改台账 with every 六定 field, overdue rows highlighted,
/// filter buttons on the header, and the audit chain's head in the printed footer and under the table.
public enum LedgerWorkbook {
    /// The columns: header, width.
    static let columns: [(String, Double)] = [
        ("序号", 6), ("来源", 8), ("对应指标", 10), ("发现日期", 12), ("发现人", 10), ("地点", 14), ("问题描述", 40),
        ("问题类别", 10), ("问题等级", 8), ("整改措施", 30), ("整改资金(元)", 12), ("责任部门", 14), ("责任人", 10),
        ("整改期限", 12), ("复查人", 10), ("状态", 16), ("提交人", 10), ("验证人", 10), ("销号日期", 12), ("佐证材料", 24),
    ]

    /// Writes the items (in id order), overdue as of `today`, to `path`.
    public static func write(_ items: [RectificationItem], today: Day, chainHead: String, to path: String) throws(XLSXWriteError) {
        let book = try XLSXWorkbookWriter(path: path)
        let sheet = book.addSheet("整改台账")
        let title = XLSXStyle(bold: true, centered: true, fontSize: 16)
        let header = XLSXStyle(bold: true, wrap: true, centered: true, border: true, fill: 0xDDEBF7)
        let plain = XLSXStyle(wrap: true, border: true)
        let overdue = XLSXStyle(wrap: true, border: true, fill: 0xFFC7CE, fontColor: 0x9C0006)
        let lastColumn = columns.count - 1
        sheet.merge(0, 0, 0, lastColumn, "整改台账（截至 \(today)）", title)
        sheet.rowHeight(0, 28)
        for (column, (name, width)) in columns.enumerated() {
            sheet.text(1, column, name, header)
            sheet.columnWidth(column, width)
        }
        var row = 2
        for item in items.sorted(by: { $0.id < $1.id }) {
            let style = item.isOverdue(on: today) ? overdue : plain
            let cells: [String] = [
                String(item.id), item.source == .check ? "检查" : "巡视", item.indicator ?? "", item.foundOn.description,
                item.finder ?? "", item.location ?? "", item.description, item.category, item.grade, item.measure ?? "",
                "", item.department ?? "", item.responsible ?? "", item.deadline.description, item.rechecker ?? "",
                Ledger.statusCell(item, today: today), item.submittedBy ?? "", item.verifiedBy ?? "",
                item.verifiedOn?.description ?? "", item.evidence.joined(separator: "\n"),
            ]
            for (column, text) in cells.enumerated() {
                switch column {
                case 0: sheet.number(row, column, Double(item.id), style)
                case 10:
                    if let funds = item.funds { sheet.number(row, column, funds, style) } else { sheet.blank(row, column, style) }
                default: sheet.text(row, column, text, style)
                }
            }
            row += 1
        }
        sheet.autofilter(1, 0, max(row - 1, 1), lastColumn)
        sheet.freeze(rows: 2)
        sheet.text(row + 1, 0, "审计链末条哈希：\(chainHead)（hegui ledger verify --anchor \(chainHead)）")
        sheet.printSetup(
            landscape: true, repeatRows: 1...1, footer: "&L审计链末条哈希 \(chainHead)&R第 &P 页，共 &N 页")
        try book.close()
    }
}
