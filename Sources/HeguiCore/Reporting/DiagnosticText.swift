import Foundation
import HeguiBase

/// Diagnostics in the reader's language. Messages are written in English where they arise; this
/// catalogue gives the Chinese form of the ones people who keep records meet, matched by template.
/// The `error:`/`warning:` keyword stays English in both languages so GCC-style parsers keep working.
public enum DiagnosticText {
    /// English templates (`{}` stands for any text) and their Chinese forms (`{1}`… refer to the gaps).
    static let catalogue: [(en: String, zh: String)] = [
        ("field '{}': '{}' is not a valid date", "字段“{1}”：“{2}”不是有效日期"),
        ("field '{}': '{}' is not a number", "字段“{1}”：“{2}”不是数字"),
        ("field '{}': '{}' is negative; the field cannot be", "字段“{1}”：“{2}”是负数，该字段不能为负"),
        ("field '{}': '{}' is not a whole number", "字段“{1}”：“{2}”不是整数"),
        (
            "field '{}': '{}' is not a boolean (use 是/否, Y/N, true/false or 1/0)",
            "字段“{1}”：“{2}”不是是/否值（请填 是/否、Y/N、true/false 或 1/0）"
        ),
        ("field '{}': '{}' is not one of {}", "字段“{1}”：“{2}”不是可选值之一（{3}）"),
        ("field '{}' is required but empty", "字段“{1}”为必填项，但单元格为空"),
        ("unknown column '{}' for kind '{}' (expected: {})", "未知列“{1}”（记录类型“{2}”应有的列：{3}）"),
        ("column '{}' repeats field {}, already given in column {}", "列“{1}”重复了字段 {2}（第 {3} 列已有）"),
        ("missing required column {}", "缺少必填列 {1}"),
        ("row has {} cells but the header has {} columns", "该行有 {1} 个单元格，但表头只有 {2} 列"),
        ("value in column {}, which has no header", "第 {1} 列没有表头，却填了值"),
        ("unknown record kind <{}> (known kinds: {})", "未知记录类型 <{1}>（已知类型：{2}）"),
        ("unknown attribute '{}' for kind '{}' (expected: {})", "未知属性“{1}”（记录类型“{2}”应有的属性：{3}）"),
        ("attribute '{}' repeats field {}", "属性“{1}”重复了字段 {2}"),
        ("duplicate key '{}' (first at {})", "编号“{1}”重复（首次出现在 {2}）"),
        ("unterminated quoted field", "引号未闭合"),
        ("a cell contains a NUL byte (is the file UTF-16 or binary?)", "单元格中有 NUL 字节（文件是否为 UTF-16 或二进制文件？）"),
        ("unexpected character after closing quote", "右引号后有多余字符"),
        ("quote inside an unquoted field (quote the whole field and double the quote)", "未加引号的单元格中有引号（请给整个单元格加引号，并把其中的引号写成两个）"),
        ("file is empty; expected a header row naming the columns of kind '{}'", "文件为空；应有一行表头列出记录类型“{1}”的各列"),
        ("file is neither UTF-8 nor GB18030 ({})", "文件既不是 UTF-8 也不是 GB18030 编码（{1}）"),
        ("file is not valid UTF-8: invalid byte 0x{} at byte offset {}", "文件不是有效的 UTF-8：第 {2} 字节处有非法字节 0x{1}"),
        ("file is not valid GB18030: invalid byte sequence at byte offset {}", "文件不是有效的 GB18030：第 {1} 字节处有非法字节序列"),
        ("'{}' is named after no record kind (known kinds: {}); file ignored", "“{1}”不对应任何记录类型（已知类型：{2}），已忽略该文件"),
        (
            "'{}' is not a records bundle (its root is <{}>, not <records>); file ignored",
            "“{1}”不是记录文件（根元素是 <{2}> 而不是 <records>），已忽略该文件"
        ),
        ("{} more errors not shown (error limit {})", "另有 {1} 个错误未列出（错误上限 {2}）"),
        ("{} more error not shown (error limit {})", "另有 {1} 个错误未列出（错误上限 {2}）"),
        ("expected the root element <records>, found <{}>", "根元素应为 <records>，实为 <{1}>"),
        ("unexpected element <{}> inside <{}>", "<{2}> 中不应有元素 <{1}>"),
        ("unexpected text inside <{}>; values go in attributes", "<{1}> 中不应有文字；值应写在属性里"),
        ("missing required attribute {}", "缺少必填属性 {1}"),
        ("DOCTYPE declarations are not allowed (no DTDs or entities are loaded)", "不允许 DOCTYPE 声明（不加载 DTD 和实体）"),
        ("no such file or folder", "文件或目录不存在"),
        ("cannot read the records folder: {}", "无法读取记录目录：{1}"),
        ("cannot list the folder", "无法列出目录内容"),
        (
            "'{}' is not a period (use 2019, 2019Q2, 2019H1, 2019-03 or --from/--to)",
            "“{1}”不是评价期（请用 2019、2019Q2、2019H1、2019-03 或 --from/--to）"
        ),
        ("give --period (e.g. 2019) or both --from and --to", "请给出 --period（如 2019），或同时给出 --from 和 --to"),
        ("give --period or --from/--to, not both", "--period 与 --from/--to 只能二选一"),
        ("'{}' is not a date (YYYY-MM-DD)", "“{1}”不是日期（格式 YYYY-MM-DD）"),
        ("--from '{}' is not a date (YYYY-MM-DD)", "--from“{1}”不是日期（格式 YYYY-MM-DD）"),
        ("--to '{}' is not a date (YYYY-MM-DD)", "--to“{1}”不是日期（格式 YYYY-MM-DD）"),
        ("--from {} is after --to {}", "--from {1} 晚于 --to {2}"),
        ("period {} is outside the years {} hegui assesses", "评价期 {1} 超出 hegui 可评价的年份（{2}）"),
        ("date {} is outside the years {} hegui assesses", "日期 {1} 超出 hegui 可处理的年份（{2}）"),
        ("is larger than the 64 MiB limit for XML files ({} bytes)", "超过 XML 文件 64 MiB 的大小上限（{1} 字节）"),
        ("element <{}> has {} attributes; at most {} are allowed", "元素 <{1}> 有 {2} 个属性，最多允许 {3} 个"),
        ("unknown pack {} (have: {})", "未知规则包 {1}（现有：{2}）"),
        ("no indicator or veto '{}' in {}", "{2} 中没有编号为“{1}”的指标或否决项"),
        ("no indicator or veto '{}'", "没有编号为“{1}”的指标或否决项"),
        ("cannot write the report: {} is not a writable folder", "无法写入报告：{1} 不是可写的目录"),
        ("cannot write the report: {}", "无法写入报告：{1}"),
        ("cannot open the ledger: {}", "无法打开台账：{1}"),
        ("cannot record the run: {}", "无法记录本次检查：{1}"),
        ("cannot read rectification items: {}", "无法读取整改项：{1}"),
        ("no rule packs (*.xml) found", "未找到规则包（*.xml）"),
        ("No such file or directory", "文件或目录不存在"),
        ("Permission denied", "没有读取权限"),
        ("'{}' has no passing or failing test case", "“{1}”没有达标和未达标的测试用例"),
        ("'{}' has no passing test case", "“{1}”没有达标的测试用例"),
        ("'{}' has no failing test case", "“{1}”没有未达标的测试用例"),
        ("is a directory, not a file", "是目录，不是文件"),
        ("is a folder", "是目录，不是文件"),
        ("is larger than the {} limit", "超过 {1} 的大小上限"),
        ("is not a regular file", "不是普通文件"),
        ("is a symbolic link leading out of the records folder; refused", "是指向记录目录之外的符号链接，已拒绝读取"),
        ("cannot find the shipped rules folder (set HEGUI_RULES or pass --rules)", "找不到随附的规则目录（请设置 HEGUI_RULES 或使用 --rules）"),
    ]

    /// The message in the language: the Chinese form when the catalogue has one, else the English text.
    public static func message(_ message: String, _ language: Language) -> String {
        guard language == .zhCN else { return message }
        for entry in catalogue {
            if let gaps = match(message, template: entry.en) {
                var text = entry.zh
                for (index, gap) in gaps.enumerated() { text = text.replacingOccurrences(of: "{\(index + 1)}", with: gap) }
                return text
            }
        }
        return message
    }

    /// Printed text whose lines read `…: error: message` (or `warning:`), with each message in the
    /// language; other lines pass unchanged. The one place command failures are translated.
    public static func lines(_ text: String, _ language: Language) -> String {
        guard language == .zhCN else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            for keyword in [": error: ", ": warning: "] {
                if let range = line.range(of: keyword) {
                    return line[..<range.upperBound] + message(String(line[range.upperBound...]), language)
                }
            }
            return String(line)
        }.joined(separator: "\n")
    }

    /// `path:line:column: error: message` with the message in the language.
    public static func line(_ diagnostic: Diagnostic, _ language: Language) -> String {
        // Messages quote record values: made terminal-safe so a cell cannot drive the terminal.
        "\(diagnostic.location): \(diagnostic.severity.rawValue): \(terminalSafe(message(diagnostic.message, language)))"
    }

    /// The texts filling the template's `{}` gaps, or nil when the message does not fit it.
    static func match(_ message: String, template: String) -> [String]? {
        let literals = template.components(separatedBy: "{}")
        if literals.count == 1 { return message == template ? [] : nil }
        guard message.hasPrefix(literals[0]), message.hasSuffix(literals[literals.count - 1]),
            message.count >= literals[0].count + literals[literals.count - 1].count
        else { return nil }
        var rest = message.dropFirst(literals[0].count).dropLast(literals[literals.count - 1].count)
        var gaps: [String] = []
        for literal in literals.dropFirst().dropLast() {
            guard let range = rest.range(of: literal) else { return nil }
            gaps.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        gaps.append(String(rest))
        return gaps
    }
}
