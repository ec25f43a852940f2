import Foundation
import Testing

/// Runs the built binary over representative commands (check, report as text, Markdown and HTML,
/// validate of a broken pack, rectify list and show, ledger verify, a usage error), once under the
/// default language (no locale: zh-CN) and once with `--lang en`, and looks for the other language:
/// under zh-CN any English word that is not an identifier or a record value, under en any Chinese
/// that is not a record value. Record values, field and kind names come from the files themselves,
/// so the allow-lists cannot hide a catalogue text.
@Suite struct LanguageAuditTests {
    /// Words hegui writes under both languages on purpose: its name, the located-diagnostic keywords
    /// (`path:1:2: error:`, as compilers write them), the digest's name, the records' file types, the
    /// ledger's action and status codes shown in an item's history (`create → open`, `run=1`) and
    /// the moves typed on the command line (`可执行: start, assign`).
    static let identifiers: Set<String> = [
        "hegui", "error", "warning", "SHA", "ArgumentParser", "csv", "xml", "xlsx", "sqlite",
        "create", "assign", "start", "submit", "verify", "reject", "dispute", "reopen", "open", "run", "group",
    ]

    /// One scenario's records, the shipped packs, and the ledger a first check fills.
    struct Scenario {
        let run: HeguiRun
        let records: String
        let ledger: String
        let broken: String
        /// ASCII words of the records (headers, values, file names) and of the packs' attributes
        /// (ids, kinds, field names) — never of their English titles.
        let words: Set<String>
        /// Chinese runs of the records and of the ledger's stored item texts.
        let values: [String]

        init() throws {
            run = try HeguiRun()
            records = run.path("records")
            ledger = run.path("ledger.sqlite")
            let fixtures = XLSXRecordsTests.root.appendingPathComponent("fixtures/scenarios/overtime-37h").path
            try FileManager.default.copyItem(atPath: fixtures, toPath: records)
            var words: Set<String> = []
            var text = ""
            for name in try FileManager.default.contentsOfDirectory(atPath: records) {
                text += try String(contentsOfFile: records + "/" + name, encoding: .utf8) + "\n"
                words.formUnion(LanguageAuditTests.latinWords(in: name))
            }
            words.formUnion(LanguageAuditTests.latinWords(in: text))
            // The ledger file's name, which the check's note quotes.
            words.formUnion(LanguageAuditTests.latinWords(in: "ledger.sqlite"))
            // A pack with an unknown record kind, for validate.
            broken = try run.write("broken.xml", HeguiRun.pack().replacingOccurrences(of: "of=\"timesheet\"", with: "of=\"timesheets\""))
            let rules = XLSXRecordsTests.root.appendingPathComponent("rules")
            var packs = [try String(contentsOfFile: broken, encoding: .utf8)]
            for name in try FileManager.default.contentsOfDirectory(atPath: rules.path) where name.hasSuffix(".xml") {
                packs.append(try String(contentsOf: rules.appendingPathComponent(name), encoding: .utf8))
            }
            for pack in packs {
                for match in pack.matches(of: /[a-zA-Z-]+="([^"]*)"/) { words.formUnion(LanguageAuditTests.latinWords(in: String(match.1))) }
            }
            self.words = words
            let check = try run.run(
                ["check", "--records", records, "--period", "2019", "--today", "2020-01-15", "--ledger", ledger], timeout: 120)
            #expect(check.code == 1, "the scenario has an item to fix: \(check.err)")
            // The ledger keeps what check wrote about each item: stored text, read back as a record value.
            let export = try run.run(["ledger", "export", "--format", "csv", "--ledger", ledger, "--today", "2020-01-15"])
            #expect(export.code == 0, "\(export.err)")
            values = LanguageAuditTests.hanRuns(in: text + export.out)
        }

        /// A command in a language: stdout, stderr and any `--output` file, the scratch folder stripped.
        func output(_ arguments: [String], _ language: String?, file: String? = nil) throws -> String {
            let full = arguments + (language.map { ["--lang", $0] } ?? [])
            // No locale at all: hegui's default language, zh-CN.
            let result = try HeguiRun.execute(full, in: run.dir, timeout: 120, environment: ["LANG": ""])
            #expect(result.code != 2 || arguments.contains("--bogus") || arguments.first == "validate", "\(full): \(result.err)")
            let stripped = result.stripped(run.dir)
            var text = stripped.out + stripped.err
            if let file {
                text += try String(contentsOfFile: run.path(file), encoding: .utf8).replacingOccurrences(of: run.dir.path + "/", with: "")
            }
            return text
        }

        /// Every representative command's output in a language.
        func outputs(_ language: String?) throws -> [String: String] {
            let suffix = language ?? "zh"
            let period = ["--records", records, "--period", "2019", "--today", "2020-01-15", "--ledger", ledger]
            var result: [String: String] = [:]
            result["check"] = try output(["check"] + period, language)
            for format in ["text", "markdown", "html"] {
                let file = "report-\(suffix).\(format)"
                result["report " + format] = try output(
                    ["report"] + period + ["--format", format, "--output", run.path(file)], language, file: file)
            }
            result["validate"] = try output(["validate", broken], language)
            result["rectify list"] = try output(["rectify", "list", "--ledger", ledger, "--today", "2020-01-15"], language)
            result["rectify show"] = try output(["rectify", "show", "1", "--ledger", ledger, "--today", "2020-01-15"], language)
            result["ledger verify"] = try output(["ledger", "verify", "--ledger", ledger], language)
            result["usage error"] = try output(["check", "--bogus"], language)
            return result
        }
    }

    @Test func zhCNHasNoEnglishButIdentifiersAndRecordValues() throws {
        let scenario = try Scenario()
        let zh = try scenario.outputs(nil)
        for (command, text) in zh.sorted(by: { $0.key < $1.key }) {
            var checked = Self.visibleText(text)
            if command == "usage error" {
                // hegui's own line is Chinese; the lines after it are ArgumentParser's, which exist only
                // in English (said on that first line, and in the README).
                let lines = checked.split(separator: "\n", omittingEmptySubsequences: false)
                #expect(lines.first?.contains("命令行参数有误") == true, "\(text)")
                checked = String(lines.first ?? "")
            }
            let english = Self.latinWords(in: checked).filter { !scenario.words.contains($0) && !Self.identifiers.contains($0) }
            #expect(Set(english).sorted() == [], "\(command) under zh-CN: \(text.prefix(2000))")
        }
        // The check is not blind: the same allow-lists find English in the English output.
        let en = try scenario.outputs("en")
        let leaked = Self.latinWords(in: Self.visibleText(en["report html"] ?? ""))
            .filter { !scenario.words.contains($0) && !Self.identifiers.contains($0) }
        #expect(Set(leaked).isSuperset(of: ["Trade", "Rectification", "Vetoes", "PASSED"]), "\(Set(leaked).sorted())")
    }

    @Test func englishHasNoChineseButRecordValues() throws {
        let scenario = try Scenario()
        let en = try scenario.outputs("en")
        for (command, text) in en.sorted(by: { $0.key < $1.key }) {
            let chinese = Self.hanRuns(in: text).filter { run in !scenario.values.contains { $0.contains(run) } }
            #expect(Set(chinese).sorted() == [], "\(command) under en: \(text.prefix(2000))")
        }
        // Not blind either: the Chinese output has Chinese that is no record value.
        let zh = try scenario.outputs(nil)
        let chinese = Self.hanRuns(in: zh["report html"] ?? "").filter { run in !scenario.values.contains { $0.contains(run) } }
        #expect(Set(chinese).isSuperset(of: ["工会工作合规检查报告", "签字确认"]))
    }

    /// What a reader sees: HTML without its markup, style sheet and entities; no long hex digests.
    static func visibleText(_ text: String) -> String {
        var text = text.replacing(/<style>[\s\S]*?<\/style>/, with: " ")
        text = text.replacing(/<[^>]*>/, with: " ").replacing(/&[a-z#0-9]+;/, with: " ")
        return text.replacing(/\b[0-9a-f]{8,}\b/, with: " ").replacing(/--[a-z-]+/, with: " ")
    }

    /// Runs of ASCII letters (and `_`), as words.
    static func latinWords(in text: String) -> [String] {
        text.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0 == "_")) }).map(String.init)
    }

    /// Runs of CJK ideographs.
    static func hanRuns(in text: String) -> [String] {
        var runs: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            if (0x3400...0x4DBF).contains(scalar.value) || (0x4E00...0x9FFF).contains(scalar.value) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                runs.append(current)
                current = ""
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }
}
