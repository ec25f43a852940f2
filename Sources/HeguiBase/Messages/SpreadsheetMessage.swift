/// Messages about Excel workbooks (`.xlsx`) and 台账 layouts: damaged or hostile files, sheets,
/// cells, the rows read past around a table, and the workbooks hegui writes.
public enum SpreadsheetMessage: Hashable, Sendable {
    case passwordProtected
    case legacyWorkbook
    case emptyFile
    case notAZip
    case damagedZip
    case unpacksTooLarge(size: String, limit: String)
    case unpacksMoreThanDeclared(declared: String)
    case checksumMismatch
    case cannotUnpack
    case unpacksFewerBytes
    case noWorkbookPart
    case missingPart(part: String)
    case sheetWithoutPart(sheet: String)
    case badReference(reference: String)
    case cellInOtherRow(cell: String, row: Int)
    case rowOutOfOrder(row: String)
    case pastLastColumn
    case sharedStringWithoutIndex
    case sharedStringOutOfRange(index: Int, count: Int)
    case usedToLastRow
    case tableReachesLastRow
    case emptySheet(kind: String)
    case recordBelowTotal(row: Int)
    case excelError(field: String, value: String)
    case phantomLeapDay(field: String)
    case plainNumberNotDate(field: String, value: String)
    case valueWithoutHeader(column: String)
    case sheetNotRead(sheet: String, workbook: String, kind: String, chosen: String)
    case sheetsShareKind(first: String, second: String, kind: String)
    case sheetNamedAfterNoKind(sheet: String, known: String)
    case workbookNamedAfterNoKind(name: String, known: String)
    case legacyFileIgnored(name: String)
    case xmlReaderFailed
    case xmlUnreadable
    case workbookNotCreated
    case workbookWriterFailed(detail: String)
    case workbookNeedsOutput
    case wroteWorkbook(path: String)
    case templateFormatUnknown(format: String)
    case ledgerExportFormatUnknown(format: String)

    /// The zh-CN and en templates side by side.
    public var entry: MessageEntry {
        switch self {
        case .passwordProtected:
            MessageEntry(
                zh: "是设有打开密码的工作簿：hegui 无法读取加密文件；请取消密码（文件 → 信息 → 保护工作簿）后重新保存",
                en: "is a password-protected workbook: hegui cannot read encrypted files; remove the password (File → Info → Protect Workbook) and save again")
        case .legacyWorkbook:
            MessageEntry(
                zh: "是改了扩展名的 Excel 97-2003（.xls）或 WPS（.et）工作簿：请打开后另存为 Excel 工作簿（.xlsx）或 CSV",
                en: "is an Excel 97-2003 (.xls) or WPS (.et) workbook renamed .xlsx: open it and save it as Excel Workbook (.xlsx) or CSV")
        case .emptyFile: MessageEntry(zh: "是空文件：不是 .xlsx 工作簿", en: "is empty: not an .xlsx workbook")
        case .notAZip: MessageEntry(zh: "不是 .xlsx 工作簿（不是 zip 压缩包）", en: "is not an .xlsx workbook (not a zip archive)")
        case .damagedZip:
            MessageEntry(zh: "是损坏的 .xlsx 工作簿：无法读取其 zip 压缩包", en: "is a damaged .xlsx workbook: the zip archive cannot be read")
        case .unpacksTooLarge(let size, let limit):
            MessageEntry(
                zh: "解压后为 {size}，超过 {limit} 的上限：疑似 zip 炸弹，拒绝读取",
                en: "unpacks to {size}, more than the {limit} limit: refused as a possible zip bomb", ["size": size, "limit": limit])
        case .unpacksMoreThanDeclared(let declared):
            MessageEntry(
                zh: "解压后超过其声明的 {declared}：疑似 zip 炸弹，拒绝读取",
                en: "unpacks to more than the {declared} it declares: refused as a possible zip bomb", ["declared": declared])
        case .checksumMismatch: MessageEntry(zh: "已损坏：校验和不符", en: "is damaged: its checksum does not match")
        case .cannotUnpack: MessageEntry(zh: "已损坏：无法解压", en: "is damaged: it cannot be unpacked")
        case .unpacksFewerBytes:
            MessageEntry(zh: "已损坏：解压后的字节数少于其声明", en: "is damaged: it unpacks to fewer bytes than it declares")
        case .noWorkbookPart:
            MessageEntry(
                zh: "是 zip 压缩包但没有 xl/workbook.xml：不是 Excel（.xlsx）工作簿",
                en: "is a zip archive without xl/workbook.xml: not an Excel (.xlsx) workbook")
        case .missingPart(let part): MessageEntry(zh: "工作簿缺少部件 {part}", en: "the workbook has no part {part}", ["part": part])
        case .sheetWithoutPart(let sheet):
            MessageEntry(
                zh: "工作表“{sheet}”未指向工作簿中的任何部件（缺少关系）",
                en: "sheet '{sheet}' names no part of the workbook (relationship missing)", ["sheet": sheet])
        case .badReference(let reference):
            MessageEntry(
                zh: "单元格引用“{reference}”不是 Excel 工作表中的单元格",
                en: "cell reference '{reference}' is not a cell of an Excel sheet", ["reference": reference])
        case .cellInOtherRow(let cell, let row):
            MessageEntry(zh: "单元格 {cell} 位于第 {row} 行", en: "cell {cell} stands in row {row}", ["cell": cell, "row": String(row)])
        case .rowOutOfOrder(let row):
            MessageEntry(
                zh: "行号“{row}”顺序错乱或超出 Excel 的最后一行", en: "row number '{row}' is out of order or past Excel's last row",
                ["row": row])
        case .pastLastColumn: MessageEntry(zh: "单元格超出 Excel 的最后一列（XFD）", en: "cell past Excel's last column (XFD)")
        case .sharedStringWithoutIndex:
            MessageEntry(zh: "共享字符串单元格没有字符串序号", en: "shared-string cell holds no string index")
        case .sharedStringOutOfRange(let index, let count):
            MessageEntry(
                zh: "共享字符串序号 {index} 超出范围（工作簿只有 {count} 个共享字符串）",
                en: "shared-string index {index} is out of range (the workbook has {count} shared strings)",
                ["index": String(index), "count": String(count)])
        case .usedToLastRow:
            MessageEntry(
                zh: "工作表已用到 Excel 的最后一行（1,048,576）：保存时超出的行已被截掉；请把这类记录另存为 CSV",
                en: "the sheet is used down to Excel's last row (1,048,576): rows past it were cut off when it was saved; save this kind as CSV")
        case .tableReachesLastRow:
            MessageEntry(
                zh: "表格已到 Excel 的最后一行（1,048,576）：保存时超出的行已被截掉；请把这类记录另存为 CSV",
                en: "the table reaches Excel's last row (1,048,576): rows past it were cut off when the sheet was saved; save this kind as CSV")
        case .emptySheet(let kind):
            MessageEntry(
                zh: "工作表为空；应有一行表头列出记录类型“{kind}”的各列",
                en: "sheet is empty; expected a header row naming the columns of kind '{kind}'", ["kind": kind])
        case .recordBelowTotal(let row):
            MessageEntry(
                zh: "第 {row} 行合计行之下还有记录：表格应以合计/总计行结束，否则无法判断哪些行是记录",
                en: "a record below the total row {row}: the table must end at its total row; hegui cannot tell which rows are records",
                ["row": String(row)])
        case .excelError(let field, let value):
            MessageEntry(
                zh: "字段“{field}”：单元格是 Excel 错误值“{value}”", en: "field '{field}': the cell holds the Excel error '{value}'",
                ["field": field, "value": value])
        case .phantomLeapDay(let field):
            MessageEntry(
                zh: "字段“{field}”：日期序号 60 即 1900-02-29，这一天并不存在（Excel 的 1900 年闰年错误）",
                en: "field '{field}': serial date 60 is 1900-02-29, a day that did not exist (Excel's 1900 leap-year bug)",
                ["field": field])
        case .plainNumberNotDate(let field, let value):
            MessageEntry(
                zh: "字段“{field}”：“{value}”是普通数字而不是日期：请把该列设为日期格式（设置单元格格式 → 日期）或写成 2019-03-05",
                en: "field '{field}': '{value}' is a plain number, not a date: format the column as a date (Format Cells → Date) or write 2019-03-05",
                ["field": field, "value": value])
        case .valueWithoutHeader(let column):
            MessageEntry(
                zh: "第 {column} 列没有表头，却填了值", en: "value in column {column}, which has no header", ["column": column])
        case .sheetNotRead(let sheet, let workbook, let kind, let chosen):
            MessageEntry(
                zh: "未读取工作表“{sheet}”：“{workbook}”存放记录类型“{kind}”，已从工作表“{chosen}”读取",
                en: "sheet '{sheet}' is not read: '{workbook}' holds kind '{kind}', read from sheet '{chosen}'",
                ["sheet": sheet, "workbook": workbook, "kind": kind, "chosen": chosen])
        case .sheetsShareKind(let first, let second, let kind):
            MessageEntry(
                zh: "工作表“{first}”和“{second}”对应同一记录类型“{kind}”", en: "sheets '{first}' and '{second}' both name kind '{kind}'",
                ["first": first, "second": second, "kind": kind])
        case .sheetNamedAfterNoKind(let sheet, let known):
            MessageEntry(
                zh: "工作表“{sheet}”不对应任何记录类型（已知类型：{known}），已忽略该工作表",
                en: "sheet '{sheet}' is named after no record kind (known kinds: {known}); sheet ignored",
                ["sheet": sheet, "known": known])
        case .workbookNamedAfterNoKind(let name, let known):
            MessageEntry(
                zh: "“{name}”及其各工作表都不对应任何记录类型（已知类型：{known}），已忽略该文件",
                en: "'{name}' is named after no record kind and none of its sheets is (known kinds: {known}); file ignored",
                ["name": name, "known": known])
        case .legacyFileIgnored(let name):
            MessageEntry(
                zh: "“{name}”是 Excel 97-2003 或 WPS 工作簿，hegui 不读取；请另存为 .xlsx 或 CSV；已忽略该文件",
                en: "'{name}' is an Excel 97-2003 or WPS workbook, which hegui does not read; save it as .xlsx or CSV; file ignored",
                ["name": name])
        case .xmlReaderFailed: MessageEntry(zh: "无法启动 XML 读取器", en: "cannot start the XML reader")
        case .xmlUnreadable: MessageEntry(zh: "无法读取该 XML", en: "the XML could not be read")
        case .workbookNotCreated:
            MessageEntry(
                zh: "无法创建工作簿文件：请确认所在目录存在且可写", en: "cannot create the workbook file: is its folder there and writable?")
        case .workbookWriterFailed(let detail):
            MessageEntry(zh: "无法写入工作簿（libxlsxwriter：{detail}）", en: "cannot write the workbook (libxlsxwriter: {detail})", ["detail": detail])
        case .workbookNeedsOutput:
            MessageEntry(
                zh: "--format xlsx 写出的是工作簿文件：请用 --output 指定文件，如 --output 自评表.xlsx",
                en: "--format xlsx writes a workbook file: name it with --output, e.g. --output self-assessment.xlsx")
        case .wroteWorkbook(let path): MessageEntry(zh: "已写入 {path}", en: "wrote {path}", ["path": path])
        case .templateFormatUnknown(let format):
            MessageEntry(
                zh: "--format“{format}”无效：模板只能写成 xlsx", en: "--format '{format}': the template is written as xlsx only",
                ["format": format])
        case .ledgerExportFormatUnknown(let format):
            MessageEntry(
                zh: "--format“{format}”无效：只能是 csv、json 或 xlsx", en: "--format '{format}': use csv, json or xlsx", ["format": format])
        }
    }
}
