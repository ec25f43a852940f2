import HeguiBase
import HeguiXML

/// A value in a rule: a literal, a `$parameter`, another field `@field`, or a period boundary
/// shifted by a duration (`$periodEnd-3y`, `$periodStart+$planWindow`).
public indirect enum Operand: Hashable, Sendable, CustomStringConvertible {
    /// A literal, already typed by the loader.
    case literal(Value)
    /// A pack parameter by name.
    case parameter(String)
    /// Another field of the same record.
    case field(String)
    /// A date field of the same record, shifted (`@hiredOn-$minimumWorkingAge`).
    case fieldShifted(String, shift: Shift)
    /// A field of the record a `<has>` is tested for, optionally shifted when it is a date (`^hiredOn`,
    /// `^hiredOn+1m`): inside `<has>`, the linked record is compared with its own outer record.
    case outerField(String, shift: Shift?)
    /// The first day of the evaluated period, shifted.
    case periodStart(shift: Shift?)
    /// The last day of the evaluated period, shifted.
    case periodEnd(shift: Shift?)

    /// A signed shift of a period boundary by a literal duration or a duration parameter.
    public struct Shift: Hashable, Sendable {
        /// Whether the shift goes back in time.
        public var backwards: Bool
        /// The duration, a literal or `$parameter`.
        public var duration: Operand

        /// Creates a shift.
        public init(backwards: Bool, duration: Operand) {
            self.backwards = backwards
            self.duration = duration
        }
    }

    /// The operand as written in a pack.
    public var description: String {
        switch self {
        case .literal(let v): v.description
        case .parameter(let name): "$\(name)"
        case .field(let name): "@\(name)"
        case .fieldShifted(let name, let shift): "@\(name)" + Operand.describe(shift)
        case .outerField(let name, let shift): "^\(name)" + Operand.describe(shift)
        case .periodStart(let shift): "$periodStart" + Operand.describe(shift)
        case .periodEnd(let shift): "$periodEnd" + Operand.describe(shift)
        }
    }

    private static func describe(_ shift: Shift?) -> String {
        guard let shift else { return "" }
        return (shift.backwards ? "-" : "+") + shift.duration.description
    }
}

/// A comparison of a field with operands.
public enum Comparison: Hashable, Sendable {
    case equals(Operand)
    case notEquals(Operand)
    case lessThan(Operand)
    case atMost(Operand)
    case greaterThan(Operand)
    case atLeast(Operand)
    case isIn([Operand])
    case between(Operand, Operand)
    /// `empty="true"` holds for a missing value; `empty="false"` for a present one.
    case isEmpty(Bool)
}

/// A condition on one record: filters (`<where>`) and requirements (`<that>`).
public indirect enum Condition: Hashable, Sendable {
    /// A field compared with operands.
    case field(String, Comparison)
    /// Every condition holds.
    case all([Condition])
    /// At least one condition holds.
    case any([Condition])
    /// The condition does not hold.
    case not(Condition)
    /// A record of another kind in the same period links to this one (`by` here equals `to` there)
    /// and meets `where`.
    case has(kind: String, by: String, to: String, where: Condition?)
    /// The fields all have values and no two are equal (three distinct approvers).
    case distinct([String])
}

/// How values of a field are aggregated.
public enum Aggregate: String, Hashable, Sendable, CaseIterable {
    case sum
    case average
    case minimum
    case maximum
    /// The number of distinct non-empty values.
    case distinct
}

/// A number measured over records of the evaluated period.
public indirect enum Measure: Hashable, Sendable {
    /// How many records meet `where`.
    case count(kind: String, where: Condition?)
    /// An aggregate of a field over the records that meet `where`.
    case aggregate(Aggregate, kind: String, field: String, where: Condition?)
    /// The share of records meeting `where` that also meet `that` (0…1).
    case share(kind: String, where: Condition?, that: Condition)
    /// One measure divided by another.
    case ratio(Measure, Measure)

    /// The record kinds the measure reads.
    public var kinds: [String] {
        switch self {
        case .count(let kind, _), .aggregate(_, let kind, _, _), .share(let kind, _, _): [kind]
        case .ratio(let a, let b): a.kinds + b.kinds
        }
    }
}

/// The bounds a measured number must respect; all given bounds must hold.
public struct Requirement: Hashable, Sendable {
    /// The least allowed value.
    public var atLeast: Operand?
    /// The largest allowed value.
    public var atMost: Operand?
    /// The exact value required.
    public var equals: Operand?

    /// Creates a requirement.
    public init(atLeast: Operand? = nil, atMost: Operand? = nil, equals: Operand? = nil) {
        self.atLeast = atLeast
        self.atMost = atMost
        self.equals = equals
    }

    /// Whether no bound is given.
    public var isEmpty: Bool { atLeast == nil && atMost == nil && equals == nil }
}

/// What a check measures and how offenders are found.
public enum CheckRule: Hashable, Sendable {
    /// One number over the period against the requirement.
    case measure(Measure)
    /// Every record meeting `where` must meet `that`; each that does not is an offender.
    case every(kind: String, where: Condition?, that: Condition)
    /// For each group of records (by fields, and by calendar bucket when `per` is set), the
    /// measure over the group against the requirement; each failing group is an offender.
    case forEachGroup(kind: String, by: [String], per: PeriodUnit?, where: Condition?, measure: Measure)
    /// In every bucket of the period, the measure against the requirement; each failing bucket
    /// is an offender.
    case inEvery(PeriodUnit, Measure)
    /// Change against the previous period, (current − previous) ÷ |previous|, against the requirement.
    case growth(Measure)
    /// An attestation record names the indicator, the attesting person and the document.
    case attested
}

/// One requirement of an indicator or veto, at its place in the pack.
public struct Check: Hashable, Sendable {
    /// What is measured.
    public var rule: CheckRule
    /// The bounds the measured number must respect.
    public var requirement: Requirement
    /// Where the check is declared.
    public var location: SourceLocation

    /// Creates a check.
    public init(rule: CheckRule, requirement: Requirement = Requirement(), location: SourceLocation) {
        self.rule = rule
        self.requirement = requirement
        self.location = location
    }
}

/// A test case a pack carries: records plus the outcomes they must produce.
public struct PackTestCase: Hashable, Sendable {
    /// The case's name.
    public var name: String
    /// The period to evaluate.
    public var period: Period
    /// The records element (the same shape as an XML records file), kept for the importer.
    public var records: XMLElement
    /// The expected outcomes.
    public var expectations: [Expectation]
    /// Where the case is declared.
    public var location: SourceLocation

    /// Creates a test case.
    public init(name: String, period: Period, records: XMLElement, expectations: [Expectation], location: SourceLocation) {
        self.name = name
        self.period = period
        self.records = records
        self.expectations = expectations
        self.location = location
    }
}

/// One expected result in a pack test case.
public struct Expectation: Hashable, Sendable {
    /// What is expected.
    public enum Target: Hashable, Sendable {
        /// An indicator's outcome, and optionally its awarded points.
        case indicator(id: String, outcome: Outcome, points: Double?)
        /// Whether a veto fires.
        case veto(id: String, fires: Bool)
        /// The pack's score and/or whether it passes.
        case pack(score: Double?, passed: Bool?)
    }

    /// What is expected.
    public var target: Target
    /// Where the expectation is declared.
    public var location: SourceLocation

    /// Creates an expectation.
    public init(target: Target, location: SourceLocation) {
        self.target = target
        self.location = location
    }
}
