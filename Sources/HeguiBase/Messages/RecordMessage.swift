/// Messages about the records folder's contents: CSV and XML files, their encodings and cells.
public enum RecordMessage: Hashable, Sendable {
    case notADate(field: String, value: String)
    case notANumber(field: String, value: String)
    case negative(field: String, value: String)
    case notAWholeNumber(field: String, value: String)
    case notABoolean(field: String, value: String)
    case notAllowed(field: String, value: String, allowed: String)
    case requiredEmpty(field: String)
    case unknownColumn(name: String, kind: String, expected: String)
    case repeatedColumn(name: String, field: String, firstColumn: Int)
    case missingColumn(field: String)
    case tooManyCells(cells: Int, columns: Int)
    case valueWithoutHeader(column: Int)
    case unknownKind(element: String, known: String)
    case unknownAttribute(name: String, kind: String, expected: String)
    case repeatedAttribute(name: String, field: String)
    case duplicateKeyOnLine(key: String, line: Int)
    case duplicateKeyInFile(key: String, place: String)
    case unterminatedQuote
    case nulByte
    case characterAfterQuote
    case quoteInUnquotedField
    case emptyFile(kind: String)
    case notUTF8(byte: String, offset: Int)
    case notGB18030(offset: Int)
    case noGB18030Converter
    case neitherEncoding(utf8Line: Int, gbLine: Int)
    case neitherEncodingNoConverter(utf8Line: Int)
    case fileNamedAfterNoKind(name: String, known: String)
    case notARecordsBundle(name: String, root: String)
    case moreErrors(count: Int, limit: Int)
    case wrongRoot(root: String)
    case unexpectedElement(element: String, parent: String)
    case unexpectedText(element: String)
    case missingAttribute(field: String)

    /// The zh-CN and en templates side by side.
    public var entry: MessageEntry {
        switch self {
        case .notADate(let field, let value):
            MessageEntry(
                zh: "字段“{field}”：“{value}”不是有效日期", en: "field '{field}': '{value}' is not a valid date",
                ["field": field, "value": value])
        case .notANumber(let field, let value):
            MessageEntry(
                zh: "字段“{field}”：“{value}”不是数字", en: "field '{field}': '{value}' is not a number",
                ["field": field, "value": value])
        case .negative(let field, let value):
            MessageEntry(
                zh: "字段“{field}”：“{value}”是负数，该字段不能为负",
                en: "field '{field}': '{value}' is negative; the field cannot be", ["field": field, "value": value])
        case .notAWholeNumber(let field, let value):
            MessageEntry(
                zh: "字段“{field}”：“{value}”不是整数", en: "field '{field}': '{value}' is not a whole number",
                ["field": field, "value": value])
        case .notABoolean(let field, let value):
            MessageEntry(
                zh: "字段“{field}”：“{value}”不是是/否值（请填 是/否、Y/N、true/false 或 1/0）",
                en: "field '{field}': '{value}' is not a boolean (use 是/否, Y/N, true/false or 1/0)",
                ["field": field, "value": value])
        case .notAllowed(let field, let value, let allowed):
            MessageEntry(
                zh: "字段“{field}”：“{value}”不是可选值之一（{allowed}）",
                en: "field '{field}': '{value}' is not one of {allowed}",
                ["field": field, "value": value, "allowed": allowed])
        case .requiredEmpty(let field):
            MessageEntry(zh: "字段“{field}”为必填项，但单元格为空", en: "field '{field}' is required but empty", ["field": field])
        case .unknownColumn(let name, let kind, let expected):
            MessageEntry(
                zh: "未知列“{name}”（记录类型“{kind}”应有的列：{expected}）",
                en: "unknown column '{name}' for kind '{kind}' (expected: {expected})",
                ["name": name, "kind": kind, "expected": expected])
        case .repeatedColumn(let name, let field, let firstColumn):
            MessageEntry(
                zh: "列“{name}”重复了字段 {field}（第 {first} 列已有）",
                en: "column '{name}' repeats field {field}, already given in column {first}",
                ["name": name, "field": field, "first": String(firstColumn)])
        case .missingColumn(let field):
            MessageEntry(zh: "缺少必填列 {field}", en: "missing required column {field}", ["field": field])
        case .tooManyCells(let cells, let columns):
            MessageEntry(
                zh: "该行有 {cells} 个单元格，但表头只有 {columns} 列",
                en: "row has {cells} cells but the header has {columns} columns",
                ["cells": String(cells), "columns": String(columns)])
        case .valueWithoutHeader(let column):
            MessageEntry(
                zh: "第 {column} 列没有表头，却填了值", en: "value in column {column}, which has no header",
                ["column": String(column)])
        case .unknownKind(let element, let known):
            MessageEntry(
                zh: "未知记录类型 <{element}>（已知类型：{known}）", en: "unknown record kind <{element}> (known kinds: {known})",
                ["element": element, "known": known])
        case .unknownAttribute(let name, let kind, let expected):
            MessageEntry(
                zh: "未知属性“{name}”（记录类型“{kind}”应有的属性：{expected}）",
                en: "unknown attribute '{name}' for kind '{kind}' (expected: {expected})",
                ["name": name, "kind": kind, "expected": expected])
        case .repeatedAttribute(let name, let field):
            MessageEntry(
                zh: "属性“{name}”重复了字段 {field}", en: "attribute '{name}' repeats field {field}",
                ["name": name, "field": field])
        case .duplicateKeyOnLine(let key, let line):
            MessageEntry(
                zh: "编号“{key}”重复（首次出现在第 {line} 行）", en: "duplicate key '{key}' (first at line {line})",
                ["key": key, "line": String(line)])
        case .duplicateKeyInFile(let key, let place):
            MessageEntry(
                zh: "编号“{key}”重复（首次出现在 {place}）", en: "duplicate key '{key}' (first at {place})",
                ["key": key, "place": place])
        case .unterminatedQuote:
            MessageEntry(zh: "引号未闭合", en: "unterminated quoted field")
        case .nulByte:
            MessageEntry(
                zh: "单元格中有 NUL 字节（文件是否为 UTF-16 或二进制文件？）",
                en: "a cell contains a NUL byte (is the file UTF-16 or binary?)")
        case .characterAfterQuote:
            MessageEntry(zh: "右引号后有多余字符", en: "unexpected character after closing quote")
        case .quoteInUnquotedField:
            MessageEntry(
                zh: "未加引号的单元格中有引号（请给整个单元格加引号，并把其中的引号写成两个）",
                en: "quote inside an unquoted field (quote the whole field and double the quote)")
        case .emptyFile(let kind):
            MessageEntry(
                zh: "文件为空；应有一行表头列出记录类型“{kind}”的各列",
                en: "file is empty; expected a header row naming the columns of kind '{kind}'", ["kind": kind])
        case .notUTF8(let byte, let offset):
            MessageEntry(
                zh: "文件不是有效的 UTF-8：第 {offset} 字节处有非法字节 0x{byte}",
                en: "file is not valid UTF-8: invalid byte 0x{byte} at byte offset {offset}",
                ["byte": byte, "offset": String(offset)])
        case .notGB18030(let offset):
            MessageEntry(
                zh: "文件不是有效的 GB18030：第 {offset} 字节处有非法字节序列",
                en: "file is not valid GB18030: invalid byte sequence at byte offset {offset}", ["offset": String(offset)])
        case .noGB18030Converter:
            MessageEntry(
                zh: "无法从 GB18030 转换：iconv 没有 GB18030 转换器",
                en: "cannot convert from GB18030: iconv has no GB18030 converter")
        case .neitherEncoding(let utf8Line, let gbLine):
            MessageEntry(
                zh: "文件既不是 UTF-8 也不是 GB18030 编码（第一个非 UTF-8 字节在第 {utf8Line} 行；第一个非 GB18030 字节在第 {gbLine} 行）",
                en: "file is neither UTF-8 nor GB18030 (first invalid UTF-8 byte on line {utf8Line}; first invalid GB18030 byte on line {gbLine})",
                ["utf8Line": String(utf8Line), "gbLine": String(gbLine)])
        case .neitherEncodingNoConverter(let utf8Line):
            MessageEntry(
                zh: "文件既不是 UTF-8 也不是 GB18030 编码（第一个非 UTF-8 字节在第 {utf8Line} 行；iconv 没有 GB18030 转换器）",
                en: "file is neither UTF-8 nor GB18030 (first invalid UTF-8 byte on line {utf8Line}; iconv has no GB18030 converter)",
                ["utf8Line": String(utf8Line)])
        case .fileNamedAfterNoKind(let name, let known):
            MessageEntry(
                zh: "“{name}”不对应任何记录类型（已知类型：{known}），已忽略该文件",
                en: "'{name}' is named after no record kind (known kinds: {known}); file ignored",
                ["name": name, "known": known])
        case .notARecordsBundle(let name, let root):
            MessageEntry(
                zh: "“{name}”不是记录文件（根元素是 <{root}> 而不是 <records>），已忽略该文件",
                en: "'{name}' is not a records bundle (its root is <{root}>, not <records>); file ignored",
                ["name": name, "root": root])
        case .moreErrors(let count, let limit):
            MessageEntry(
                zh: "另有 {count} 个错误未列出（错误上限 {limit}）",
                en: count == 1 ? "{count} more error not shown (error limit {limit})" : "{count} more errors not shown (error limit {limit})",
                ["count": String(count), "limit": String(limit)])
        case .wrongRoot(let root):
            MessageEntry(zh: "根元素应为 <records>，实为 <{root}>", en: "expected the root element <records>, found <{root}>", ["root": root])
        case .unexpectedElement(let element, let parent):
            MessageEntry(
                zh: "<{parent}> 中不应有元素 <{element}>", en: "unexpected element <{element}> inside <{parent}>",
                ["element": element, "parent": parent])
        case .unexpectedText(let element):
            MessageEntry(
                zh: "<{element}> 中不应有文字；值应写在属性里", en: "unexpected text inside <{element}>; values go in attributes",
                ["element": element])
        case .missingAttribute(let field):
            MessageEntry(zh: "缺少必填属性 {field}", en: "missing required attribute {field}", ["field": field])
        }
    }
}
