import Foundation
import HeguiBase
import Testing

/// Walks every case of the message catalogue: each has a sample, both texts, and the same placeholders.
@Suite struct MessageCatalogueTests {
    /// The catalogue's source folder, read to know which cases exist.
    static let cataloguePath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/HeguiBase/Messages").path

    /// `Type.case` for every case declared in the catalogue's source files.
    static func declaredCases() throws -> Set<String> {
        var cases: Set<String> = []
        let files = try FileManager.default.contentsOfDirectory(atPath: cataloguePath).filter { $0.hasSuffix(".swift") }
        #expect(!files.isEmpty)
        let enumPattern = try NSRegularExpression(pattern: #"^\s*(?:public\s+)?enum\s+(\w+)"#)
        let casePattern = try NSRegularExpression(pattern: #"^\s*case\s+([a-z]\w*)"#)
        for file in files {
            let text = try String(contentsOfFile: cataloguePath + "/" + file, encoding: .utf8)
            var current: String?
            for line in text.split(separator: "\n").map(String.init) {
                let range = NSRange(line.startIndex..., in: line)
                if let match = enumPattern.firstMatch(in: line, range: range), let name = Range(match.range(at: 1), in: line) {
                    current = String(line[name])
                } else if let match = casePattern.firstMatch(in: line, range: range),
                    let name = Range(match.range(at: 1), in: line), line[name] != "let", let current
                {
                    cases.insert("\(current).\(line[name])")
                }
            }
        }
        return cases
    }

    /// `Type.case` of a value and of every catalogue enum inside its payload.
    static func cases(in value: Any) -> Set<String> {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .enum:
            let type = String(describing: Swift.type(of: value))
            guard let payload = mirror.children.first else { return ["\(type).\(String(describing: value))"] }
            return cases(in: payload.value).union(["\(type).\(payload.label ?? "?")"])
        case .tuple:
            return mirror.children.reduce(into: []) { $0.formUnion(cases(in: $1.value)) }
        default:
            return []
        }
    }

    @Test func everyCaseHasASample() throws {
        let declared = try Self.declaredCases()
        let sampled = MessageSamples.all.reduce(into: Set<String>()) { $0.formUnion(Self.cases(in: $1)) }
        #expect(declared.count > 50)
        #expect(declared.subtracting(sampled).sorted() == [], "cases without a sample in MessageSamples")
        #expect(sampled.subtracting(declared).sorted() == [], "samples of cases the source scan did not find")
    }

    @Test func everyCaseHasBothTextsWithTheSamePlaceholders() {
        for message in MessageSamples.all {
            let entry = message.entry
            #expect(!entry.zh.isEmpty && !entry.en.isEmpty, "\(message)")
            let zh = MessageEntry.placeholders(in: entry.zh)
            let en = MessageEntry.placeholders(in: entry.en)
            #expect(zh == en, "\(message): zh-CN uses \(zh.sorted()), en uses \(en.sorted())")
            #expect(zh == Set(entry.arguments.keys), "\(message): placeholders \(zh.sorted()) but arguments \(entry.arguments.keys.sorted())")
            for language in Language.allCases {
                let text = message.text(language)
                #expect(!text.isEmpty)
                #expect(MessageEntry.placeholders(in: text).isEmpty, "\(message) left a placeholder: \(text)")
            }
        }
    }

    /// Han characters in an English template are only record values the user types (是/否), and the
    /// web pages' link to the Chinese pages, which names that language in its own script (中文).
    @Test func englishTextsHaveNoChinese() {
        for message in MessageSamples.all {
            let text = message.entry.en.replacingOccurrences(of: "是/否", with: "")
                .replacingOccurrences(of: "中文", with: message == .web(.label(.otherLanguage)) ? "" : "中文")
            #expect(!text.unicodeScalars.contains(where: isHan), "\(message): \(message.entry.en)")
        }
    }

    /// English in a Chinese template is only identifiers: flags, file formats, element names, codes.
    @Test func chineseTextsHaveOnlyIdentifiersInLatin() {
        let identifiers: Set<String> = [
            "UTF", "GB", "NUL", "DOCTYPE", "DTD", "iconv", "libxml", "XML", "MiB", "Y", "N", "true", "false",
            "HEGUI_RULES", "rules", "records", "xml", "YYYY", "MM", "DD", "hegui", "Q", "H",
            // attribute names
            "pack", "name", "value", "indicator", "reason", "approver", "expires",
            // an indicator's points bounds (min-points, max-points) and the profile's <points>
            "points", "min", "max",
            // spreadsheet file formats, products, package parts and Excel's last column
            "Excel", "WPS", "xlsx", "xls", "et", "zip", "CSV", "xl", "workbook", "XFD", "hegui",
            // rule pack attributes and values, and a duration's unit (3y)
            "at", "least", "most", "equals", "in", "between", "values", "of", "field", "per", "non", "negative",
            "outcome", "fires", "veto", "score", "passed", "attestation", "attestedBy", "document", "profile",
            "enterprise", "code", "y",
            // ledger commands, export formats, stores and audit-chain columns
            "check", "assign", "csv", "json", "schema", "MAC", "hash", "prev_hash", "HEGUI_LEDGER_KEY_FILE", "COUNT",
            "HASH",
            "libxlsxwriter",
            // database products and the account roles typed on the command line
            // report: the input files' digest, and the command that checks an exported ledger's anchor
            "SHA", "ledger", "verify",
            // web: photo formats and sizes, the upload formats, the serve command and the link to English
            "ArgumentParser", "error", "warning", "MB", "JPEG", "PNG", "HEIC", "WebP", "XLSX", "serve", "DIR", "English",
            "PostgreSQL", "SQLite", "admin", "officer", "representative", "department", "verifier", "viewer", "federation",
        ]
        for message in MessageSamples.all {
            for word in latinWords(in: message.entry.zh) where !identifiers.contains(word) {
                Issue.record("\(message): '\(word)' in \(message.entry.zh)")
            }
        }
    }

    @Test func placeholdersAreFilledOnceSoValuesStayAsWritten() {
        let text = Message.records(.requiredEmpty(field: "{field}")).text(.en)
        #expect(text == "field '{field}' is required but empty")
        #expect(Message.records(.moreErrors(count: 1, limit: 100)).text(.en) == "1 more error not shown (error limit 100)")
        #expect(Message.records(.moreErrors(count: 3, limit: 100)).text(.zhCN) == "另有 3 个错误未列出（错误上限 100）")
        #expect(Message.files(.cannotReadRecordsFolder(reason: .noSuchFile)).text(.zhCN) == "无法读取记录目录：文件或目录不存在")
        #expect(Message.files(.cannotReadRecordsFolder(reason: .noSuchFile)).text(.en) == "cannot read the records folder: No such file or directory")
    }
}

/// Whether a scalar is a CJK ideograph.
func isHan(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: true
    default: false
    }
}

/// The Latin words of a template, leaving out placeholders, `--flags` and `<elements>`.
func latinWords(in template: String) -> [String] {
    var text = template
    for pattern in [#"\{\w+\}"#, #"--[a-z-]+"#, #"<[^>]*>"#, #"\*\.\w+"#, #"0x"#] {
        text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
    }
    return text.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0 == "_")) }).map(String.init)
}
