import Foundation
import HeguiCore

/// A batch summary as text or JSON, and its exit code.
enum BatchOutput {
    /// A failed enterprise's errors as the located lines `hegui check` would print.
    static func errorLines(_ error: ServiceError, _ language: Language) -> [String] {
        error.lines(language).split(separator: "\n").map(String.init)
    }

    /// What to print and the exit code: 0 when every enterprise was checked and passed, 1 otherwise.
    static func result(_ summary: BatchSummary, format: Batch.BatchFormat, worker: Bool, language: Language) -> CommandResult {
        func text(_ message: CommandMessage) -> String { Message.command(message).text(language) }
        if worker {
            return CommandResult(
                errors: text(.workerChecked(count: summary.checkedHere)) + "\n")
        }
        let exitCode: Int32 = summary.enterprises.allSatisfy(\.passed) ? 0 : 1
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = (try? encoder.encode(summary)) ?? Data()
            return CommandResult(output: String(decoding: data, as: UTF8.self) + "\n", exitCode: exitCode)
        case .text:
            var lines: [String] = []
            for entry in summary.enterprises {
                let name = [entry.enterprise, entry.creditCode.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ")
                lines.append(terminalSafe("\(entry.folder)" + (name.isEmpty ? "" : "  \(name)")))
                guard entry.checked else {
                    lines.append("  " + text(.couldNotBeChecked))
                    lines += entry.errors.map { "    " + terminalSafe($0) }
                    continue
                }
                for pack in entry.packs {
                    let verdict = text(pack.passed ? .batchPass : .batchFail)
                    lines.append(
                        terminalSafe("  \(pack.pack)  \(formatNumber(pack.score))/\(formatNumber(pack.maxScore))  \(pack.gradeTitle)  \(verdict)"))
                }
                let vetoes = entry.vetoes.isEmpty ? "—" : entry.vetoes.joined(separator: ", ")
                lines.append("  " + text(.batchEnterprise(vetoes: vetoes, open: entry.openItems, overdue: entry.overdueItems)))
            }
            let checked = summary.enterprises.filter(\.checked).count
            let passed = summary.enterprises.filter(\.passed).count
            let failed = summary.enterprises.count - checked
            lines.append(
                text(.batchSummary(total: summary.enterprises.count, period: "\(summary.period)", checked: checked, passed: passed, failed: failed)))
            return CommandResult(output: lines.map { $0 + "\n" }.joined(), exitCode: exitCode)
        }
    }
}
