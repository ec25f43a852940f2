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
        let footer = XLSXPage.literal(kind.title.text(language)) + "&R" + language.report(.pageOfPages(page: "&P", pages: "&N"))
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
            case .string: language.label(.typeText)
            case .integer: language.label(.typeWholeNumber)
            case .decimal: language.label(.typeNumber)
            case .boolean: language.label(.typeYesNo)
            case .date: language.label(.typeDate)
            case .enumeration:
                language.label(.oneOf) + field.allowedValues.joined(separator: language.label(.listSeparator))
            }
        lines.append(type + (field.required ? language.label(.required) : language.label(.mayBeEmpty)))
        if kind.keyField == field.name { lines.append(language.label(.keyColumn)) }
        if kind.dateField == field.name {
            lines.append(language.label(.periodDateColumn))
        }
        if field.nonNegative { lines.append(language.label(.neverNegative)) }
        if field.labels.count > 1 {
            lines.append(language.label(.alsoWritten) + field.labels.dropFirst().joined(separator: language.label(.listSeparator)))
        }
        return lines.joined(separator: "\n")
    }
}
