/// Messages about XML documents (rule packs, profiles, waivers, records bundles) before their content
/// is read: well-formedness, size, refused DTDs and schema validation.
public enum XMLMessage: Hashable, Sendable {
    case doctypeRefused
    case tooLarge(bytes: Int)
    case nulByte
    case empty
    case tooManyAttributes(element: String, count: Int, maximum: Int)
    case outOfMemory
    case noRootElement
    case unparsable
    case schemaNotCompiled
    case validationNotStarted
    case validationInternalError(code: Int32)
    case doesNotConform(code: Int32)
    /// libxml2's own sentence, which exists only in English: introduced in the reader's language.
    case parser(detail: String)
    /// libxml2's own sentence about a schema violation, which exists only in English.
    case schema(detail: String)
    /// The failure of what fed the reader (an archive's member, say), in the words it came with.
    case sourceFailed(detail: String)

    /// The zh-CN and en templates side by side.
    public var entry: MessageEntry {
        switch self {
        case .doctypeRefused:
            MessageEntry(
                zh: "不允许 DOCTYPE 声明（不加载 DTD 和实体）",
                en: "DOCTYPE declarations are not allowed (no DTDs or entities are loaded)")
        case .tooLarge(let bytes):
            MessageEntry(
                zh: "超过 XML 文件 64 MiB 的大小上限（{bytes} 字节）",
                en: "is larger than the 64 MiB limit for XML files ({bytes} bytes)", ["bytes": String(bytes)])
        case .nulByte:
            MessageEntry(zh: "文档必须是 UTF-8 编码（发现 NUL 字节）", en: "documents must be UTF-8 (found a NUL byte)")
        case .empty: MessageEntry(zh: "文档为空", en: "Document is empty")
        case .tooManyAttributes(let element, let count, let maximum):
            MessageEntry(
                zh: "元素 <{element}> 有 {count} 个属性，最多允许 {maximum} 个",
                en: "element <{element}> has {count} attributes; at most {maximum} are allowed",
                ["element": element, "count": String(count), "maximum": String(maximum)])
        case .outOfMemory: MessageEntry(zh: "内存不足，无法创建 XML 解析器", en: "out of memory creating the XML parser")
        case .noRootElement: MessageEntry(zh: "文档没有根元素", en: "the document has no root element")
        case .unparsable: MessageEntry(zh: "无法解析该文档", en: "the document could not be parsed")
        case .schemaNotCompiled: MessageEntry(zh: "无法编译 XML 架构", en: "the schema could not be compiled")
        case .validationNotStarted:
            MessageEntry(zh: "架构校验无法开始（内存不足）", en: "schema validation could not start (out of memory)")
        case .validationInternalError(let code):
            MessageEntry(
                zh: "架构校验内部错误（libxml2 错误码 {code}）", en: "internal error in schema validation (libxml2 code {code})",
                ["code": String(code)])
        case .doesNotConform(let code):
            MessageEntry(
                zh: "文档不符合架构（libxml2 错误码 {code}）", en: "the document does not conform to the schema (libxml2 code {code})",
                ["code": String(code)])
        case .parser(let detail):
            MessageEntry(zh: "XML 格式错误（libxml2：{detail}）", en: "{detail}", ["detail": detail])
        case .schema(let detail):
            MessageEntry(zh: "不符合规则包架构（libxml2：{detail}）", en: "{detail}", ["detail": detail])
        case .sourceFailed(let detail):
            MessageEntry(zh: "无法读取：{detail}", en: "{detail}", ["detail": detail])
        }
    }
}
