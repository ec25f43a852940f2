import HeguiBase

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
    /// Left out by the profile, with a reason (tailoring): counts full points, never a pass.
    case notSelected

    /// The outcome's name for people.
    public var title: LocalizedText {
        switch self {
        case .pass: Message.evaluation(.outcomePass).text
        case .fail: Message.evaluation(.outcomeFail).text
        case .notApplicable: Message.evaluation(.outcomeNotApplicable).text
        case .error: Message.evaluation(.outcomeError).text
        case .unattested: Message.evaluation(.outcomeUnattested).text
        case .waived: Message.evaluation(.outcomeWaived).text
        case .notSelected: Message.evaluation(.outcomeNotSelected).text
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
    /// The cell that names the record (`B12`) when `file` is a workbook's sheet (`book.xlsx!花名册`).
    public var cell: String?

    /// Creates an evidence item.
    public init(
        key: String, file: String? = nil, line: Int? = nil, measured: Double? = nil, records: Int? = nil,
        note: LocalizedText? = nil, cell: String? = nil
    ) {
        self.key = key
        self.file = file
        self.line = line
        self.measured = measured
        self.records = records
        self.note = note
        self.cell = cell
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
