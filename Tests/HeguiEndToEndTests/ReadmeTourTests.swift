import Foundation
import Testing

/// The README's short tour, run as written from a fresh folder with no `--ledger`: the ledger is
/// `hegui.sqlite` there, and the check's item and the patrol issue both reach `rectify list` and the
/// review pack.
@Suite struct ReadmeTourTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The tour's command lines: every line of its `sh` blocks but the one setting `H` and `F`, without
    /// comments, split at `;`, each as `$H` arguments.
    static func tourCommands() throws -> [[String]] {
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "## A short tour\n"))
        let section = readme[start.upperBound...]
        let end = section.range(of: "\n## ")?.lowerBound ?? section.endIndex
        var commands: [[String]] = []
        var inShell = false
        for line in section[..<end].split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                inShell = line == "```sh"
                continue
            }
            guard inShell, !line.hasPrefix("H=") else { continue }
            let code = line.range(of: "  #").map { line[..<$0.lowerBound] } ?? line[...]
            for command in code.split(separator: ";") {
                let words = command.split(separator: " ").map(String.init)
                guard let first = words.first else { continue }
                #expect(first == "$H", "a tour command runs hegui: \(command)")
                commands.append(Array(words.dropFirst()))
            }
        }
        return commands
    }

    @Test func theTourWorksAsWrittenFromAFreshFolder() throws {
        let h = try HeguiRun()
        let fixtures = Self.root.appendingPathComponent("fixtures").path
        let recordsLedger = fixtures + "/scenarios/overtime-37h/hegui.sqlite"
        let recordsLedgerBefore = FileManager.default.fileExists(atPath: recordsLedger)
        let commands = try Self.tourCommands()
        #expect(commands.count >= 10)
        var ran: [(args: [String], result: HeguiRun.Result)] = []
        for words in commands {
            let args = words.map { $0.hasPrefix("$F/") ? fixtures + $0.dropFirst(2) : $0 }
            ran.append((args, try h.run(args, timeout: 60)))
        }
        for (args, result) in ran {
            #expect(result.code != 2, "hegui \(args.joined(separator: " ")): \(result.err)")
        }
        #expect(FileManager.default.fileExists(atPath: h.path("hegui.sqlite")))
        #expect(FileManager.default.fileExists(atPath: recordsLedger) == recordsLedgerBefore, "nothing kept beside the records")

        let list = try #require(ran.first { $0.args.prefix(2) == ["rectify", "list"] })
        #expect(list.result.code == 0, "\(list.result.err)")
        let items = list.result.out.split(separator: "\n")
        #expect(items.contains { $0.hasPrefix("#1 ") && $0.contains("E0001 2019-05") }, "\(list.result.out)")
        #expect(items.contains { $0.hasPrefix("#2 ") && $0.contains("消防通道堆放物料") }, "\(list.result.out)")

        let report = try #require(ran.first { $0.args.first == "report" })
        #expect(report.result.code <= 1, "\(report.result.err)")
        let review = try String(contentsOfFile: h.path("review.html"), encoding: .utf8)
        #expect(review.contains("消防通道堆放物料"))
        #expect(review.contains("E0001 2019-05"))

        let verify = try #require(ran.first { $0.args.prefix(2) == ["ledger", "verify"] })
        #expect(verify.result.code == 0, "\(verify.result.out)\(verify.result.err)")
    }
}
