import HeguiBase
import HeguiXLSX

/// `hegui template --format xlsx`: an empty records workbook, one sheet per kind, ready to fill in.
/// Filled in and read back, it is a records workbook (sheets named by the kinds' Chinese titles,
/// headers by the fields' Chinese labels).
public enum TemplateWorkbook {
    /// The rows the drop-downs and date checks cover below the header.
    static let lastRow = 10_000

    /// Writes the template for these kinds (in id order) to `path`.
    public static func write(kinds: [RecordKind], to path: String) throws(XLSXWriteError) {
        let book = try XLSXWorkbookWriter(path: path)
        let header = XLSXStyle(bold: true, wrap: true, centered: true, border: true, fill: 0xDDEBF7)
        let required = XLSXStyle(bold: true, wrap: true, centered: true, border: true, fill: 0xFCE4D6)
        let date = XLSXStyle(numberFormat: "yyyy-mm-dd")
        for kind in kinds.sorted(by: { $0.id < $1.id }) {
            let sheet = book.addSheet(kind.title.zhCN)
            for (column, field) in kind.fields.enumerated() {
                let label = field.labels.first ?? field.name
                sheet.text(0, column, label, field.required ? required : header)
                sheet.comment(0, column, comment(field, kind: kind))
                let width = Double(max(displayWidth(label) + 4, field.type == .date ? 12 : 10))
                sheet.columnWidth(column, min(width, 40), field.type == .date ? date : nil)
                switch field.type {
                case .enumeration:
                    sheet.dropDown(column: column, firstRow: 1, lastRow: lastRow, values: field.allowedValues)
                case .boolean:
                    sheet.dropDown(column: column, firstRow: 1, lastRow: lastRow, values: ["是", "否"])
                case .date:
                    sheet.dateValidation(column: column, firstRow: 1, lastRow: lastRow)
                default:
                    break
                }
            }
            sheet.rowHeight(0, 30)
            sheet.freeze(rows: 1)
            sheet.printSetup(landscape: kind.fields.count > 8, repeatRows: 0...0, footer: "&C第 &P 页，共 &N 页")
        }
        try book.close()
    }

    /// A header cell's comment: the field, its type, whether it is required, what it takes.
    static func comment(_ field: FieldDefinition, kind: RecordKind) -> String {
        var lines = ["\(field.labels.first ?? field.name)（\(field.name)）"]
        let type: String
        switch field.type {
        case .string: type = "文本"
        case .integer: type = "整数"
        case .decimal: type = "数值"
        case .boolean: type = "是/否"
        case .date: type = "日期，如 2019-03-05"
        case .enumeration: type = "可选值：" + field.allowedValues.joined(separator: "、")
        }
        lines.append(type + (field.required ? "；必填" : "；可空"))
        if kind.keyField == field.name { lines.append("编号列：不得重复") }
        if kind.dateField == field.name { lines.append("按此日期筛选评价期内的记录") }
        if field.nonNegative { lines.append("不得为负数") }
        if field.labels.count > 1 { lines.append("也可写作：" + field.labels.dropFirst().joined(separator: "、")) }
        return lines.joined(separator: "\n")
    }
}
