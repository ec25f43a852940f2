import Foundation
import HeguiBase

/// Diagnostics in the reader's language. Catalogue messages (`Message`) carry both languages; the
/// few command-line texts not yet moved into the catalogue are still matched here by template.
/// The `error:`/`warning:` keyword stays English in both languages so GCC-style parsers keep working.
public enum DiagnosticText {
    /// English templates (`{}` stands for any text) and their Chinese forms (`{1}`… refer to the gaps).
    static let catalogue: [(en: String, zh: String)] = [
        ("'{}' is not a period (use 2019, 2019Q2, 2019H1, 2019-03 or --from/--to)", "“{1}”不是评价期（请用 2019、2019Q2、2019H1、2019-03 或 --from/--to）"),
        ("give --period (e.g. 2019) or both --from and --to", "请给出 --period（如 2019），或同时给出 --from 和 --to"),
        ("give --period or --from/--to, not both", "--period 与 --from/--to 只能二选一"),
        ("'{}' is not a date (YYYY-MM-DD)", "“{1}”不是日期（格式 YYYY-MM-DD）"),
        ("--from '{}' is not a date (YYYY-MM-DD)", "--from“{1}”不是日期（格式 YYYY-MM-DD）"),
        ("--to '{}' is not a date (YYYY-MM-DD)", "--to“{1}”不是日期（格式 YYYY-MM-DD）"),
        ("--from {} is after --to {}", "--from {1} 晚于 --to {2}"),
        ("period {} is outside the years {} hegui assesses", "评价期 {1} 超出 hegui 可评价的年份（{2}）"),
        ("date {} is outside the years {} hegui assesses", "日期 {1} 超出 hegui 可处理的年份（{2}）"),
        ("unknown pack {} (have: {})", "未知规则包 {1}（现有：{2}）"),
        ("no indicator or veto '{}' in {}", "{2} 中没有编号为“{1}”的指标或否决项"),
        ("no indicator or veto '{}'", "没有编号为“{1}”的指标或否决项"),
        ("cannot write the report: {} is not a writable folder", "无法写入报告：{1} 不是可写的目录"),
        ("cannot write the report: {}", "无法写入报告：{1}"),
        ("cannot open the ledger: {}", "无法打开台账：{1}"),
        ("cannot record the run: {}", "无法记录本次检查：{1}"),
        ("cannot read rectification items: {}", "无法读取整改项：{1}"),
        ("'{}' has no passing or failing test case", "“{1}”没有达标和未达标的测试用例"),
        ("'{}' has no passing test case", "“{1}”没有达标的测试用例"),
        ("'{}' has no failing test case", "“{1}”没有未达标的测试用例"),
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
        // A catalogue message carries both languages; only text not yet in the catalogue is matched.
        guard diagnostic.text.zhCN == diagnostic.text.en else { return diagnostic.line(language) }
        // Messages quote record values: made terminal-safe so a cell cannot drive the terminal.
        return "\(diagnostic.location): \(diagnostic.severity.rawValue): \(terminalSafe(message(diagnostic.message, language)))"
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
