/// The outcome of one indicator.
public enum Outcome: String, Hashable, Sendable, Codable, CaseIterable {
    case pass
    case fail
    case notApplicable
    /// Data missing or unusable: never a silent pass.
    case error
    /// An attested indicator with no attestation.
    case unattested
    /// Excused by a current waiver.
    case waived

    /// The outcome's name for people.
    public var title: LocalizedText {
        switch self {
        case .pass: LocalizedText(zh: "达标", en: "pass")
        case .fail: LocalizedText(zh: "未达标", en: "fail")
        case .notApplicable: LocalizedText(zh: "不适用", en: "not applicable")
        case .error: LocalizedText(zh: "数据错误", en: "error")
        case .unattested: LocalizedText(zh: "未佐证", en: "unattested")
        case .waived: LocalizedText(zh: "已豁免", en: "waived")
        }
    }
}

/// One record (or group of records, or period bucket) behind a finding: where it is and what it shows.
public struct EvidenceItem: Hashable, Sendable, Codable {
    /// The record's key, the group's key (`E0042 2019-03`) or the bucket label (`2019Q3`).
    public var key: String
    /// The records file, when the item points at a record.
    public var file: String?
    /// The physical line where the record starts (1-based), when the item points at a record.
    public var line: Int?
    /// The number measured for this item (a group's sum, a bucket's count), if any.
    public var measured: Double?
    /// How many records the item stands for (a group's rows).
    public var records: Int?
    /// What is wrong with the item, in both languages.
    public var note: LocalizedText?

    /// Creates an evidence item.
    public init(
        key: String, file: String? = nil, line: Int? = nil, measured: Double? = nil, records: Int? = nil,
        note: LocalizedText? = nil
    ) {
        self.key = key
        self.file = file
        self.line = line
        self.measured = measured
        self.records = records
        self.note = note
    }
}

/// The resolved bounds a check was held to.
public struct Threshold: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The least allowed value.
    public var atLeast: Double?
    /// The largest allowed value.
    public var atMost: Double?
    /// The exact value required.
    public var equals: Double?

    /// Creates a threshold.
    public init(atLeast: Double? = nil, atMost: Double? = nil, equals: Double? = nil) {
        self.atLeast = atLeast
        self.atMost = atMost
        self.equals = equals
    }

    /// Whether a number meets every bound (with a small tolerance for decimal sums).
    public func isMet(by value: Double) -> Bool {
        let epsilon = 1e-9
        if let atLeast, value < atLeast - epsilon { return false }
        if let atMost, value > atMost + epsilon { return false }
        if let equals, abs(value - equals) > epsilon { return false }
        return true
    }

    /// `≥ 0.95`, `≤ 36`, `= 0`, or both bounds joined by `and`.
    public var description: String {
        var parts: [String] = []
        if let atLeast { parts.append("≥ \(formatNumber(atLeast))") }
        if let atMost { parts.append("≤ \(formatNumber(atMost))") }
        if let equals { parts.append("= \(formatNumber(equals))") }
        return parts.isEmpty ? "—" : parts.joined(separator: " and ")
    }
}

/// How a measured number is best shown.
public enum MeasureUnit: String, Hashable, Sendable, Codable {
    /// A plain number.
    case number
    /// A share or ratio, shown as a percentage.
    case ratio
    /// A number of offenders (records, groups or buckets) that broke the rule.
    case offenders
}

/// The result of one check of an indicator or veto.
public struct CheckResult: Hashable, Sendable, Codable {
    /// What the check measures, in words.
    public var description: LocalizedText
    /// Pass, fail or error for this check.
    public var outcome: Outcome
    /// The number measured (offenders count for per-record, per-group and per-bucket checks).
    public var measured: Double?
    /// How to show the number.
    public var unit: MeasureUnit
    /// The bounds it was held to.
    public var threshold: Threshold?
    /// The offending (or, for a passing count, the counted) records, groups or buckets, capped.
    public var evidence: [EvidenceItem]
    /// How many evidence items there were before capping.
    public var evidenceTotal: Int
    /// Why the check could not be evaluated, or other detail.
    public var message: LocalizedText?
    /// How many units short of the threshold a failure is, for deductions.
    public var shortfall: Double?

    /// Creates a check result.
    public init(
        description: LocalizedText, outcome: Outcome, measured: Double? = nil, unit: MeasureUnit = .number,
        threshold: Threshold? = nil, evidence: [EvidenceItem] = [], evidenceTotal: Int? = nil,
        message: LocalizedText? = nil, shortfall: Double? = nil
    ) {
        self.description = description
        self.outcome = outcome
        self.measured = measured
        self.unit = unit
        self.threshold = threshold
        self.evidence = evidence
        self.evidenceTotal = evidenceTotal ?? evidence.count
        self.message = message
        self.shortfall = shortfall
    }
}

/// A waiver that excuses an indicator: reason, approver and expiry.
public struct Waiver: Hashable, Sendable, Codable {
    /// The pack the indicator belongs to, or nil for any pack.
    public var pack: String?
    /// The indicator id.
    public var indicator: String
    /// Why it is waived.
    public var reason: String
    /// Who approved the waiver.
    public var approver: String
    /// The last day the waiver applies.
    public var expires: Day

    /// Creates a waiver.
    public init(pack: String?, indicator: String, reason: String, approver: String, expires: Day) {
        self.pack = pack
        self.indicator = indicator
        self.reason = reason
        self.approver = approver
        self.expires = expires
    }
}

/// The evaluated result of one indicator.
public struct Finding: Hashable, Sendable, Codable {
    /// The indicator id.
    public var id: String
    /// The category id.
    public var category: String
    /// The indicator's name.
    public var title: LocalizedText
    /// The outcome.
    public var outcome: Outcome
    /// The indicator's full points.
    public var points: Double
    /// The points awarded (full for pass, not applicable and waived; partial with a deduction).
    public var awarded: Double
    /// Each check's result, in pack order.
    public var checks: [CheckResult]
    /// The waiver applied, if any.
    public var waiver: Waiver?
    /// Why the outcome is what it is, when the checks alone do not say (not applicable, waived).
    public var message: LocalizedText?

    /// Creates a finding.
    public init(
        id: String, category: String, title: LocalizedText, outcome: Outcome, points: Double, awarded: Double,
        checks: [CheckResult], waiver: Waiver? = nil, message: LocalizedText? = nil
    ) {
        self.id = id
        self.category = category
        self.title = title
        self.outcome = outcome
        self.points = points
        self.awarded = awarded
        self.checks = checks
        self.waiver = waiver
        self.message = message
    }

    /// The check that decides what to show: the first failing or erroring one, else the first.
    public var primaryCheck: CheckResult? {
        checks.first { $0.outcome != .pass } ?? checks.first
    }
}

/// The evaluated result of one veto item.
public struct VetoResult: Hashable, Sendable, Codable {
    /// The veto id.
    public var id: String
    /// The veto's name.
    public var title: LocalizedText
    /// Whether the veto fired (a check failed); an erroring check does not fire but is reported.
    public var fired: Bool
    /// The window the checks looked at.
    public var window: Period
    /// Each check's result.
    public var checks: [CheckResult]
    /// Years of the look-back with no records of a kind the veto reads: shown in every report,
    /// since an empty year cannot clear the veto.
    public var coverage: LocalizedText?

    /// Creates a veto result.
    public init(
        id: String, title: LocalizedText, fired: Bool, window: Period, checks: [CheckResult], coverage: LocalizedText? = nil
    ) {
        self.id = id
        self.title = title
        self.fired = fired
        self.window = window
        self.checks = checks
        self.coverage = coverage
    }

    /// Whether some check could not be evaluated.
    public var hasError: Bool { checks.contains { $0.outcome == .error } }
}

/// A category's score against its minimum.
public struct CategoryScore: Hashable, Sendable, Codable {
    /// The category id.
    public var id: String
    /// The category's name.
    public var title: LocalizedText
    /// The points scored.
    public var score: Double
    /// The category's full points.
    public var maxScore: Double
    /// The least score required, if any (a share minimum is resolved to points).
    public var minimum: Double?

    /// Creates a category score.
    public init(id: String, title: LocalizedText, score: Double, maxScore: Double, minimum: Double?) {
        self.id = id
        self.title = title
        self.score = score
        self.maxScore = maxScore
        self.minimum = minimum
    }

    /// Whether the minimum (if any) is met.
    public var meetsMinimum: Bool { minimum.map { score >= $0 - 1e-9 } ?? true }
}

/// One failing indicator in the gap to pass, and what fixing it is worth.
public struct GapItem: Hashable, Sendable, Codable {
    /// The indicator id.
    public var id: String
    /// The indicator's name.
    public var title: LocalizedText
    /// The category id.
    public var category: String
    /// Points gained by repairing it.
    public var gain: Double

    /// Creates a gap item.
    public init(id: String, title: LocalizedText, category: String, gain: Double) {
        self.id = id
        self.title = title
        self.category = category
        self.gain = gain
    }
}

/// The smallest set of repairs that reaches the pass line, or why none does.
public struct GapToPass: Hashable, Sendable, Codable {
    /// Points missing to the pass line (0 when the score reaches it).
    public var pointsShort: Double
    /// The indicators to fix, most points first.
    public var items: [GapItem]
    /// Fired vetoes that no repair of indicators can lift.
    public var blockingVetoes: [String]
    /// Whether repairing `items` passes the pack (false when vetoes block or points cannot suffice).
    public var reachable: Bool

    /// Creates a gap.
    public init(pointsShort: Double, items: [GapItem], blockingVetoes: [String], reachable: Bool) {
        self.pointsShort = pointsShort
        self.items = items
        self.blockingVetoes = blockingVetoes
        self.reachable = reachable
    }
}

/// The grade a pack reached.
public struct GradeResult: Hashable, Sendable, Codable {
    /// The grade id (`fail` when the pack did not pass).
    public var id: String
    /// The grade's name.
    public var title: LocalizedText

    /// Creates a grade result.
    public init(id: String, title: LocalizedText) {
        self.id = id
        self.title = title
    }
}

/// One pack's assessment: findings, vetoes, scores, grade and gap to pass.
public struct PackAssessment: Hashable, Sendable, Codable {
    /// The pack id.
    public var pack: String
    /// The pack version.
    public var version: String
    /// The pack's name.
    public var title: LocalizedText
    /// The total score.
    public var score: Double
    /// The full score.
    public var maxScore: Double
    /// The pass line.
    public var passLine: Double
    /// Whether the pack passes: score at the line, no veto fired, every category minimum met.
    public var passed: Bool
    /// The grade.
    public var grade: GradeResult
    /// Every category's score.
    public var categories: [CategoryScore]
    /// Every veto's result, in pack order.
    public var vetoes: [VetoResult]
    /// Every indicator's finding, in pack order.
    public var findings: [Finding]
    /// What to fix first to pass.
    public var gapToPass: GapToPass

    /// Creates a pack assessment.
    public init(
        pack: String, version: String, title: LocalizedText, score: Double, maxScore: Double, passLine: Double,
        passed: Bool, grade: GradeResult, categories: [CategoryScore], vetoes: [VetoResult], findings: [Finding],
        gapToPass: GapToPass
    ) {
        self.pack = pack
        self.version = version
        self.title = title
        self.score = score
        self.maxScore = maxScore
        self.passLine = passLine
        self.passed = passed
        self.grade = grade
        self.categories = categories
        self.vetoes = vetoes
        self.findings = findings
        self.gapToPass = gapToPass
    }

    /// The vetoes that fired.
    public var firedVetoes: [VetoResult] { vetoes.filter(\.fired) }
}

/// A records file that went into an assessment, with its content hash.
public struct InputFile: Hashable, Sendable, Codable {
    /// The path as read.
    public var path: String
    /// The record kind it holds.
    public var kind: String
    /// The SHA-256 of the file's bytes, lower-case hex.
    public var sha256: String
    /// How many records it held.
    public var records: Int

    /// Creates an input file entry.
    public init(path: String, kind: String, sha256: String, records: Int) {
        self.path = path
        self.kind = kind
        self.sha256 = sha256
        self.records = records
    }
}

/// A whole run's result: every selected pack over one period.
public struct Assessment: Hashable, Sendable, Codable {
    /// The assessed period.
    public var period: Period
    /// The enterprise's name, from the profile.
    public var enterprise: String?
    /// Each pack's assessment, in the order the packs were loaded (sorted by file name).
    public var packs: [PackAssessment]
    /// The records files read.
    public var inputs: [InputFile]

    /// Creates an assessment.
    public init(period: Period, enterprise: String?, packs: [PackAssessment], inputs: [InputFile]) {
        self.period = period
        self.enterprise = enterprise
        self.packs = packs
        self.inputs = inputs
    }

    /// Whether every pack passed.
    public var passed: Bool { packs.allSatisfy(\.passed) }

    /// Whether there is nothing to fix: every pack passed, no veto fired or erred, and no indicator
    /// failed, erred or went unattested. A pack can pass its grade with a failed indicator; CI and
    /// the compliance officer still need to hear about it, so `hegui check` exits 1 unless clean.
    public var isClean: Bool {
        packs.allSatisfy { pack in
            pack.passed && !pack.vetoes.contains { $0.fired || $0.hasError }
                && pack.findings.allSatisfy { [.pass, .notApplicable, .waived].contains($0.outcome) }
        }
    }
}
