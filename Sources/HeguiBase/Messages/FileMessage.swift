#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Messages about files and folders that cannot be read, including the operating system's reasons.
public enum FileMessage: Hashable, Sendable {
    case tooLarge(limit: String)
    case notARegularFile
    case isADirectory
    case symlinkOutOfFolder
    case cannotReadRecordsFolder(reason: OSReason)
    case noSuchFileOrFolder
    case cannotListFolder
    case noRulePacks
    case cannotRead
    case noShippedRules
    case os(OSReason)

    /// The zh-CN and en templates side by side.
    public var entry: MessageEntry {
        switch self {
        case .tooLarge(let limit):
            MessageEntry(zh: "超过 {limit} 的大小上限", en: "is larger than the {limit} limit", ["limit": limit])
        case .notARegularFile: MessageEntry(zh: "不是普通文件", en: "is not a regular file")
        case .isADirectory: MessageEntry(zh: "是目录，不是文件", en: "is a directory, not a file")
        case .symlinkOutOfFolder:
            MessageEntry(
                zh: "是指向记录目录之外的符号链接，已拒绝读取",
                en: "is a symbolic link leading out of the records folder; refused")
        case .cannotReadRecordsFolder(let reason):
            MessageEntry(
                zh: "无法读取记录目录：{reason}", en: "cannot read the records folder: {reason}",
                localized: ["reason": reason.entry.text])
        case .noSuchFileOrFolder: MessageEntry(zh: "文件或目录不存在", en: "no such file or folder")
        case .cannotListFolder: MessageEntry(zh: "无法列出目录内容", en: "cannot list the folder")
        case .noRulePacks: MessageEntry(zh: "未找到规则包（*.xml）", en: "no rule packs (*.xml) found")
        case .cannotRead: MessageEntry(zh: "无法读取", en: "cannot be read")
        case .noShippedRules:
            MessageEntry(
                zh: "找不到随附的规则目录（请设置 HEGUI_RULES 或使用 --rules）",
                en: "cannot find the shipped rules folder (set HEGUI_RULES or pass --rules)")
        case .os(let reason): reason.entry
        }
    }
}

/// Why the operating system refused a file operation: the errno kinds a user meets, each worded in
/// both languages; any other number is named by its code, never by the C library's English text.
public enum OSReason: Hashable, Sendable {
    case noSuchFile
    case permissionDenied
    case isADirectory
    case notADirectory
    case tooManySymbolicLinks
    case nameTooLong
    case noSpace
    case readOnlyFileSystem
    case inputOutput
    case tooManyOpenFiles
    case fileExists
    case other(code: Int32)

    /// The reason for an errno value.
    public init(errno code: Int32) {
        switch code {
        case ENOENT: self = .noSuchFile
        case EACCES, EPERM: self = .permissionDenied
        case EISDIR: self = .isADirectory
        case ENOTDIR: self = .notADirectory
        case ELOOP: self = .tooManySymbolicLinks
        case ENAMETOOLONG: self = .nameTooLong
        case ENOSPC: self = .noSpace
        case EROFS: self = .readOnlyFileSystem
        case EIO: self = .inputOutput
        case EMFILE, ENFILE: self = .tooManyOpenFiles
        case EEXIST: self = .fileExists
        default: self = .other(code: code)
        }
    }

    /// The zh-CN and en templates side by side.
    public var entry: MessageEntry {
        switch self {
        case .noSuchFile: MessageEntry(zh: "文件或目录不存在", en: "No such file or directory")
        case .permissionDenied: MessageEntry(zh: "没有访问权限", en: "Permission denied")
        case .isADirectory: MessageEntry(zh: "是目录", en: "Is a directory")
        case .notADirectory: MessageEntry(zh: "路径中有一段不是目录", en: "Not a directory")
        case .tooManySymbolicLinks: MessageEntry(zh: "符号链接层数过多", en: "Too many levels of symbolic links")
        case .nameTooLong: MessageEntry(zh: "文件名过长", en: "File name too long")
        case .noSpace: MessageEntry(zh: "磁盘空间不足", en: "No space left on device")
        case .readOnlyFileSystem: MessageEntry(zh: "文件系统只读", en: "Read-only file system")
        case .inputOutput: MessageEntry(zh: "输入/输出错误", en: "Input/output error")
        case .tooManyOpenFiles: MessageEntry(zh: "打开的文件过多", en: "Too many open files")
        case .fileExists: MessageEntry(zh: "文件已存在", en: "File exists")
        case .other(let code):
            MessageEntry(zh: "系统错误（错误码 {code}）", en: "system error (error code {code})", ["code": String(code)])
        }
    }
}
