import HeguiBase
import HeguiXLSX

/// `hegui ledger export --format xlsx`: the 整改台账 with every 六定 field (item, measure, funds,
/// responsible department and person, deadline, re-checker), overdue rows highlighted, filter buttons on
/// the header, and the audit chain's head under the table and in the printed footer.
///
/// Read back, it is a records workbook of the `rectification` kind: the sheet is named by the kind (its
/// Chinese title, or its id in English) and each header is the field's Chinese label, or its name in
/// English; the chain head sits in a `注：` note row, which the reader reports and skips.
public enum LedgerWorkbook {
    /// One column: the `rectification` field it fills, its Chinese label, its width.
    struct Column {
        var field: String
        var label: String
        var width: Double
    }

    /// The columns, in the order a 整改台账 keeps them.
    static let columns: [Column] = [
        Column(field: "id", label: "问题编号", width: 8), Column(field: "source", label: "来源", width: 8),
        Column(field: "indicator", label: "对应指标", width: 9), Column(field: "foundOn", label: "发现日期", width: 11),
        Column(field: "finder", label: "发现人", width: 10), Column(field: "location", label: "地点", width: 14),
        Column(field: "description", label: "问题描述", width: 36), Column(field: "category", label: "问题类别", width: 9),
        Column(field: "grade", label: "问题等级", width: 8), Column(field: "measure", label: "整改措施", width: 28),
        Column(field: "funds", label: "整改资金", width: 10), Column(field: "department", label: "责任部门", width: 12),
        Column(field: "responsible", label: "责任人", width: 10), Column(field: "deadline", label: "整改期限", width: 11),
        Column(field: "rechecker", label: "复查人", width: 10), Column(field: "status", label: "状态", width: 12),
        Column(field: "submittedBy", label: "提交人", width: 10), Column(field: "verifiedBy", label: "验证人", width: 10),
        Column(field: "verifiedOn", label: "验证日期", width: 11), Column(field: "struckOff", label: "已销号", width: 8),
        Column(field: "overdue", label: "已逾期", width: 8),
    ]

    static let title = XLSXStyle(bold: true, centered: true, fontSize: 16)
    static let header = XLSXStyle(bold: true, wrap: true, centered: true, border: true, fill: 0xDDEBF7)
    static let plain = XLSXStyle(wrap: true, border: true)
    /// Excel's own "bad" colours: light red fill, dark red text.
    static let overdue = XLSXStyle(wrap: true, border: true, fill: 0xFFC7CE, fontColor: 0x9C0006)

    /// Writes the items (in id order), overdue as of `today`, with the chain head, to `path`.
    public static func write(
        _ items: [RectificationItem], today: Day, chainHead: String, language: Language, to path: String
    ) throws(XLSXWriteError) {
        let book = try XLSXWorkbookWriter(path: path)
        let sheet = book.addSheet(language.pick("整改台账", "rectification"))
        let lastColumn = columns.count - 1
        sheet.merge(0, 0, 0, lastColumn, language.pick("整改台账（截至 \(today)）", "Rectification ledger (as of \(today))"), title)
        sheet.rowHeight(0, 28)
        for (index, column) in columns.enumerated() {
            sheet.text(1, index, language == .en ? column.field : column.label, header)
            sheet.columnWidth(index, column.width)
        }
        var row = 2
        for item in items.sorted(by: { $0.id < $1.id }) {
            let style = item.isOverdue(on: today) ? overdue : plain
            for (index, column) in columns.enumerated() {
                write(column.field, of: item, today: today, language: language, sheet, row, index, style)
            }
            row += 1
        }
        sheet.autofilter(1, 0, max(row - 1, 1), lastColumn)
        sheet.freeze(rows: 2)
        let note = language.pick(
            "注：审计链末条哈希 \(chainHead)，可用 hegui ledger verify --anchor \(chainHead) 核对台账未被改动",
            "注: audit chain head \(chainHead); hegui ledger verify --anchor \(chainHead) shows the ledger was not altered")
        sheet.text(row + 1, 0, note)
        let footer = language.pick("&L审计链末条哈希 \(chainHead)&R第 &P 页，共 &N 页", "&LAudit chain head \(chainHead)&RPage &P of &N")
        sheet.page(XLSXPage(landscape: true, repeatRows: 1...1, footer: footer))
        try book.close()
    }

    /// One cell of an item: numbers, dates and yes/no typed as Excel types them.
    static func write(
        _ field: String, of item: RectificationItem, today: Day, language: Language, _ sheet: XLSXSheetWriter, _ row: Int,
        _ column: Int, _ style: XLSXStyle
    ) {
        let date = style.formatted("yyyy-mm-dd")
        func day(_ value: Day?) {
            guard let value else { return sheet.blank(row, column, style) }
            let parts = value.components
            sheet.date(row, column, year: parts.year, month: parts.month, day: parts.day, date)
        }
        func yes(_ value: Bool) {
            if language == .en { sheet.boolean(row, column, value, style) } else { sheet.text(row, column, value ? "是" : "否", style) }
        }
        switch field {
        case "id": sheet.number(row, column, Double(item.id), style)
        case "source": sheet.text(row, column, item.source.rawValue, style)
        case "indicator": sheet.text(row, column, item.indicator ?? "", style)
        case "foundOn": day(item.foundOn)
        case "finder": sheet.text(row, column, item.finder ?? "", style)
        case "location": sheet.text(row, column, item.location ?? "", style)
        case "description": sheet.text(row, column, item.description, style)
        case "category": sheet.text(row, column, item.category, style)
        case "grade": sheet.text(row, column, item.grade, style)
        case "measure": sheet.text(row, column, item.measure ?? "", style)
        case "funds":
            if let funds = item.funds { sheet.number(row, column, funds, style.formatted("#,##0.00")) } else { sheet.blank(row, column, style) }
        case "department": sheet.text(row, column, item.department ?? "", style)
        case "responsible": sheet.text(row, column, item.responsible ?? "", style)
        case "deadline": day(item.deadline)
        case "rechecker": sheet.text(row, column, item.rechecker ?? "", style)
        case "status": sheet.text(row, column, item.status.title.text(language), style)
        case "submittedBy": sheet.text(row, column, item.submittedBy ?? "", style)
        case "verifiedBy": sheet.text(row, column, item.verifiedBy ?? "", style)
        case "verifiedOn": day(item.verifiedOn)
        case "struckOff": yes(item.status.isClosed)
        case "overdue": yes(item.isOverdue(on: today))
        default: sheet.blank(row, column, style)
        }
    }
}
