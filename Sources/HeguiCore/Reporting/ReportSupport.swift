import HeguiBase

/// Everything a reporter needs: the assessment plus the ledger context around it.
public struct ReportInput: Sendable {
    /// The run's result.
    public var assessment: Assessment
    /// The language for labels and titles.
    public var language: Language
    /// When the run happened, ISO 8601; nil keeps output reproducible in tests.
    public var ranAt: String?
    /// The ledger's rectification items (may be empty).
    public var items: [RectificationItem]
    /// Past runs, oldest first, for a score trend (may be empty).
    public var history: [RunSummary]
    /// The day that decides which items are overdue.
    public var today: Day
    /// The ledger's audit chain as checked for this report, when a ledger was read.
    public var auditChain: ChainReport?

    /// Creates a report input.
    public init(
        assessment: Assessment, language: Language = .zhCN, ranAt: String? = nil, items: [RectificationItem] = [],
        history: [RunSummary] = [], today: Day, auditChain: ChainReport? = nil
    ) {
        self.assessment = assessment
        self.language = language
        self.ranAt = ranAt
        self.items = items
        self.history = history
        self.today = today
        self.auditChain = auditChain
    }
}

/// A report format: a pure function from input to text, so each format is testable byte for byte.
public protocol Reporter {
    /// Renders the whole report.
    func render(_ input: ReportInput) -> String
}

// MARK: - Display width

/// Terminal columns a string takes: East Asian Wide/Fullwidth characters count 2, combining marks 0.
public func displayWidth(_ text: String) -> Int {
    text.reduce(0) { $0 + characterWidth($1) }
}

/// Columns of one grapheme cluster, judged by its first scalar (combining marks ride along for free).
private func characterWidth(_ character: Character) -> Int {
    guard let scalar = character.unicodeScalars.first else { return 0 }
    let v = scalar.value
    if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
    if isZeroWidth(v) { return 0 }
    return isWide(v) ? 2 : 1
}

private func isZeroWidth(_ v: UInt32) -> Bool {
    (0x0300...0x036F).contains(v) || (0x200B...0x200F).contains(v) || (0xFE00...0xFE0F).contains(v)
        || v == 0xFEFF
}

/// East Asian Width W and F blocks (a compact approximation of Unicode's EastAsianWidth.txt).
private func isWide(_ v: UInt32) -> Bool {
    switch v {
    case 0x1100...0x115F,  // Hangul Jamo leading consonants
        0x2E80...0x303E,  // CJK radicals, Kangxi, CJK symbols and punctuation
        0x3041...0x33FF,  // Kana, Bopomofo, Hangul compatibility Jamo, enclosed CJK, CJK compatibility
        0x3400...0x4DBF,  // CJK Unified Ideographs Extension A
        0x4E00...0x9FFF,  // CJK Unified Ideographs
        0xA000...0xA4CF,  // Yi
        0xA960...0xA97F,  // Hangul Jamo Extended-A
        0xAC00...0xD7A3,  // Hangul syllables
        0xF900...0xFAFF,  // CJK compatibility ideographs
        0xFE10...0xFE19,  // vertical forms
        0xFE30...0xFE6F,  // CJK compatibility forms, small form variants
        0xFF00...0xFF60,  // fullwidth forms
        0xFFE0...0xFFE6,  // fullwidth signs
        0x1F300...0x1F64F,  // pictographs and emoticons
        0x1F900...0x1F9FF,  // supplemental symbols and pictographs
        0x20000...0x2FFFD,  // CJK extensions B–F
        0x30000...0x3FFFD:  // CJK extension G and beyond
        return true
    default:
        return false
    }
}

/// Pads with spaces on the right to a display width, so CJK columns line up.
func padded(_ text: String, to width: Int) -> String {
    let missing = width - displayWidth(text)
    return missing > 0 ? text + String(repeating: " ", count: missing) : text
}

// MARK: - Formatting

/// Number, threshold and evidence formatting shared by every reporter, so formats never drift apart.
public enum ReportFormat {
    /// A ratio as a percentage with at most two decimals: `0.985` → `98.5%`.
    public static func percent(_ ratio: Double) -> String {
        formatNumber((ratio * 10_000).rounded() / 100) + "%"
    }

    /// A measured number as people read it: ratios as percentages, offenders and numbers as-is; `—` when absent.
    public static func value(_ value: Double?, unit: MeasureUnit) -> String {
        guard let value else { return "—" }
        switch unit {
        case .ratio: return percent(value)
        case .number, .offenders: return formatNumber(value)
        }
    }

    /// A threshold in the unit of its check: `≥ 95%`, `= 0`, `≥ 1 and ≤ 3`; `—` when absent.
    public static func threshold(_ threshold: Threshold?, unit: MeasureUnit) -> String {
        guard let threshold else { return "—" }
        var parts: [String] = []
        if let atLeast = threshold.atLeast { parts.append("≥ " + value(atLeast, unit: unit)) }
        if let atMost = threshold.atMost { parts.append("≤ " + value(atMost, unit: unit)) }
        if let equals = threshold.equals { parts.append("= " + value(equals, unit: unit)) }
        return parts.isEmpty ? "—" : parts.joined(separator: " and ")
    }

    /// The primary check's measured value, or `—`; per-record, per-group and per-bucket checks say
    /// how many items broke the rule (`1 项不符` / `1 offending`), so `0` never reads as a score.
    public static func measured(_ finding: Finding, language: Language) -> String {
        guard let check = finding.primaryCheck else { return "—" }
        guard check.unit == .offenders, let count = check.measured else { return value(check.measured, unit: check.unit) }
        return language.report(.offending(count: formatNumber(count)))
    }

    /// The primary check's threshold, or `—`; for per-item checks the bound each item must meet (`每项 ≤ 36`).
    public static func threshold(_ finding: Finding, language: Language) -> String {
        guard let check = finding.primaryCheck else { return "—" }
        let text = threshold(check.threshold, unit: check.unit)
        guard check.unit == .offenders, check.threshold != nil else { return text }
        return language.label(.eachItem) + text
    }

    /// `awarded/points`, e.g. `2.5/4`.
    public static func points(_ finding: Finding) -> String {
        "\(formatNumber(finding.awarded))/\(formatNumber(finding.points))"
    }

    /// Where an evidence item lives: `file:line`, a sheet's cell (`book.xlsx!花名册!B12`), `file`, or empty.
    public static func location(_ item: EvidenceItem) -> String {
        guard let file = item.file else { return "" }
        if let cell = item.cell { return "\(file)!\(cell)" }
        return item.line.map { "\(file):\($0)" } ?? file
    }

    /// `… and 7 more` / `… 另有 7 条`.
    public static func more(_ count: Int, language: Language) -> String {
        language.report(.more(count: count))
    }

    /// How many evidence items the checks found before capping.
    public static func evidenceTotal(_ checks: [CheckResult]) -> Int {
        checks.reduce(0) { $0 + max($1.evidenceTotal, $1.evidence.count) }
    }

    /// Evidence lines for the given checks, at most `limit`, columns aligned by display width,
    /// then a `… and N more` line counting the uncapped total.
    public static func evidenceLines(_ checks: [CheckResult], language: Language, limit: Int = 10) -> [String] {
        // Several checks with offenders: each group under its check, or the same row would repeat
        // with nothing saying which rule it broke.
        let withEvidence = checks.filter { !$0.evidence.isEmpty }
        if withEvidence.count > 1 {
            return withEvidence.enumerated().flatMap { index, check in
                ["\(index + 1). " + ReportEscape.plain(check.description.text(language))]
                    + evidenceLines([check], language: language, limit: limit).map { "   " + $0 }
            }
        }
        let items = checks.flatMap(\.evidence).prefix(limit)
        let rows = items.map { item in
            [location(item), item.key, item.measured.map(formatNumber) ?? "", item.note?.text(language) ?? ""]
                .map(ReportEscape.plain)
        }
        // Columns empty for every item are dropped; the last kept column is not padded (no trailing spaces).
        let kept = (0..<4).filter { column in rows.contains { !$0[column].isEmpty } }
        var lines = TextTable.lines(rows.map { row in kept.map { row[$0] } }).map { line in
            var line = line
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
        let total = evidenceTotal(checks)
        if total > lines.count { lines.append(more(total - lines.count, language: language)) }
        return lines
    }

    /// The checks whose evidence explains a finding: the ones that did not pass.
    public static func failingChecks(_ finding: Finding) -> [CheckResult] {
        finding.checks.filter { $0.outcome != .pass }
    }

    /// The checks whose evidence explains a veto: failing and erroring ones.
    public static func failingChecks(_ veto: VetoResult) -> [CheckResult] {
        veto.checks.filter { $0.outcome != .pass }
    }

    /// Messages of a finding's non-passing checks, then the finding's own, deduplicated, in one language.
    public static func messages(_ finding: Finding, language: Language) -> [String] {
        var result: [String] = []
        // The profile's change of points is listed wherever the finding's own reasons are.
        for text in failingChecks(finding).compactMap(\.message) + [finding.message, finding.tailoring?.note].compactMap({ $0 }) {
            let line = text.text(language)
            if !line.isEmpty, !result.contains(line) { result.append(line) }
        }
        return result
    }

    /// `L01 (+4), L05 (+2)`.
    public static func gapItems(_ gap: GapToPass, language: Language) -> String {
        gap.items.map { "\($0.id) (+\(formatNumber($0.gain)))" }.joined(separator: language.label(.listSeparator))
    }

    /// The pack's verdict word: PASSED / FAILED, 通过 / 未通过.
    public static func verdict(_ passed: Bool, language: Language) -> String {
        passed ? language.label(.passed) : language.label(.failed)
    }

    /// The whole run's verdict; a run whose packs pass with failed items says how many need fixing,
    /// since `hegui check` then exits 1.
    public static func overall(_ assessment: Assessment, language: Language) -> String {
        let word = verdict(assessment.passed, language: language)
        guard assessment.passed, !assessment.isClean else { return word }
        let items = assessment.packs.reduce(0) { total, pack in
            total + pack.findings.filter(\.outcome.needsAttention).count + pack.vetoes.filter { $0.fired || $0.hasError }.count
        }
        return language.report(items == 1 ? .withOneItemToFix(verdict: word) : .withItemsToFix(verdict: word, count: items))
    }
}

extension ReportFormat {
    /// `审计链完整：12 条事件，末条哈希 3f2a…` or where it breaks; nil without a ledger.
    public static func auditChain(_ chain: ChainReport?, language: Language) -> String? {
        guard let chain else { return nil }
        if let broken = chain.firstBreak {
            return language.report(.chainBroken(event: String(broken.eventID), reason: broken.reason))
        }
        if !chain.inconsistentItems.isEmpty {
            let ids = chain.inconsistentItems.map(String.init).joined(separator: ", ")
            return language.report(.chainInconsistent(items: ids))
        }
        return language.report(.chainIntact(events: chain.events, head: chain.head))
    }
}

extension Outcome {
    /// Outcomes that need someone's attention (shown with evidence, counted as failing).
    var needsAttention: Bool { self == .fail || self == .error || self == .unattested }
}

extension Language {
    /// A report label from the catalogue, in this language.
    func label(_ label: ReportLabel) -> String { Message.report(.label(label)).text(self) }

    /// A report sentence from the catalogue, in this language.
    func report(_ message: ReportMessage) -> String { Message.report(message).text(self) }
}

// MARK: - Rectification counts

/// How many ledger items stand where, for summaries.
public struct RectificationCounts: Hashable, Sendable {
    /// Items not yet struck off.
    public var open: Int
    /// Open items past their deadline.
    public var overdue: Int
    /// Items waiting for a re-check (submitted or check-passed).
    public var submitted: Int
    /// Items struck off.
    public var verified: Int
    /// Items a worker representative contests.
    public var disputed: Int

    /// Counts items as of a day.
    public init(_ items: [RectificationItem], today: Day) {
        open = items.filter { !$0.status.isClosed }.count
        overdue = items.filter { $0.isOverdue(on: today) }.count
        submitted = items.filter { $0.status == .submitted || $0.status == .checkPassed }.count
        verified = items.filter { $0.status == .verified }.count
        disputed = items.filter { $0.status == .disputed }.count
    }
}

// MARK: - Escaping

/// Escapes for each output syntax; every value from records or the ledger goes through one of these.
public enum ReportEscape {
    /// XML/HTML text and attribute escape: `& < > " '`.
    public static func xml(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // XML 1.0 forbids most control characters even as references; drop them rather than emit bad XML.
                if scalar.value < 0x20, scalar != "\n", scalar != "\t", scalar != "\r" { continue }
                if scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A GitHub Markdown table cell: pipes escaped, line breaks turned into `<br>`, HTML specials
    /// neutralised, and link, image and code syntax (`[`, `]`, `` ` ``, backslash) escaped so input
    /// can never place a link or load an image in a pull-request comment.
    public static func markdownCell(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case "[": out += "\\["
            case "]": out += "\\]"
            case "`": out += "\\`"
            case "|": out += "\\|"
            case "\r\n", "\n", "\r": out += "<br>"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            default: out.append(character)
            }
        }
        return out
    }

    /// One line of terminal text (see `terminalSafe`): a record can neither break a table nor drive the terminal.
    public static func plain(_ text: String) -> String { terminalSafe(text) }

    /// A JSON string literal with quotes.
    public static func json(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += "\\u00" + lowercaseHex([UInt8(scalar.value)])
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
