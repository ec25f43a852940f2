import HeguiBase
import HeguiXLSX

/// `hegui template --format xlsx`: an empty records workbook, one sheet per record kind, ready to fill
/// in. Filled in and read back, it is a records workbook: each sheet is named by its kind's Chinese
/// title (or, where Excel refuses that name, by the kind id) and headed by the fields' Chinese labels.
public enum TemplateWorkbook {
    /// The rows below the header that the drop-downs and type checks cover.
    static let dataRows = 1...10_000

    static let header = XLSXStyle(bold: true, wrap: true, centered: true, border: true, fill: 0xDDEBF7)
    /// Required fields' headers stand out.
    static let requiredHeader = XLSXStyle(bold: true, wrap: true, centered: true, border: true, fill: 0xFCE4D6)

    /// Writes the template for these kinds (in id order) to `path`; comments are in `language`.
    public static func write(kinds: [RecordKind], language: Language, to path: String) throws(XLSXWriteError) {
        let book = try XLSXWorkbookWriter(path: path)
        for kind in kinds.sorted(by: { $0.id < $1.id }) {
            let name = book.acceptsSheetName(kind.title.zhCN) ? kind.title.zhCN : kind.id
            sheet(kind, book.addSheet(name), language)
        }
        try book.close()
    }

    /// One kind's sheet: the header, its comments, the columns' formats and checks.
    static func sheet(_ kind: RecordKind, _ sheet: XLSXSheetWriter, _ language: Language) {
        for (column, field) in kind.fields.enumerated() {
            let label = field.labels.first ?? field.name
            sheet.text(0, column, label, field.required ? requiredHeader : header)
            sheet.comment(0, column, comment(field, kind: kind, language))
            let wide = field.type == .date ? 12 : 10
            sheet.columnWidth(column, Double(min(max(displayWidth(label) + 4, wide), 40)), columnStyle(field))
            switch field.type {
            case .enumeration:
                sheet.dropDown(column: column, rows: dataRows, values: field.allowedValues)
            case .boolean:
                sheet.dropDown(column: column, rows: dataRows, values: ["是", "否"])
            case .date:
                sheet.dateValidation(column: column, rows: dataRows)
            case .integer:
                sheet.numberValidation(column: column, rows: dataRows, whole: true, minimum: field.nonNegative ? 0 : nil)
            case .decimal:
                sheet.numberValidation(column: column, rows: dataRows, whole: false, minimum: field.nonNegative ? 0 : nil)
            case .string:
                break
            }
        }
        sheet.rowHeight(0, 30)
        sheet.freeze(rows: 1)
        let footer = XLSXPage.literal(kind.title.text(language)) + language.pick("&R第 &P 页，共 &N 页", "&RPage &P of &N")
        sheet.page(XLSXPage(landscape: kind.fields.count > 8, repeatRows: 0...0, footer: "&L" + footer))
    }

    /// Dates typed into a date column show as 2019-03-05; text columns keep what is typed (`001` stays
    /// `001`, not the number 1).
    static func columnStyle(_ field: FieldDefinition) -> XLSXStyle? {
        switch field.type {
        case .date: XLSXStyle(numberFormat: "yyyy-mm-dd")
        case .string: XLSXStyle(numberFormat: "@")
        default: nil
        }
    }

    /// A header cell's comment: the field, its type, whether it is required, what else it may be called.
    static func comment(_ field: FieldDefinition, kind: RecordKind, _ language: Language) -> String {
        var lines = ["\(field.labels.first ?? field.name)（\(field.name)）"]
        let type: String =
            switch field.type {
            case .string: language.pick("文本", "text")
            case .integer: language.pick("整数", "whole number")
            case .decimal: language.pick("数值", "number")
            case .boolean: language.pick("是/否", "是/否 (yes/no)")
            case .date: language.pick("日期，如 2019-03-05", "date, e.g. 2019-03-05")
            case .enumeration:
                language.pick("可选值：", "one of: ") + field.allowedValues.joined(separator: language.pick("、", ", "))
            }
        lines.append(type + (field.required ? language.pick("；必填", "; required") : language.pick("；可空", "; may be empty")))
        if kind.keyField == field.name { lines.append(language.pick("编号列：不得重复", "the key: no two rows alike")) }
        if kind.dateField == field.name {
            lines.append(language.pick("按此日期筛选评价期内的记录", "records are kept for the period by this date"))
        }
        if field.nonNegative { lines.append(language.pick("不得为负数", "never negative")) }
        if field.labels.count > 1 {
            lines.append(language.pick("也可写作：", "also written: ") + field.labels.dropFirst().joined(separator: language.pick("、", ", ")))
        }
        return lines.joined(separator: "\n")
    }
}
