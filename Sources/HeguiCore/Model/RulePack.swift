import HeguiBase

/// Where a rule's requirement comes from: a published standard, law, or a reasoned reconstruction.
public enum ProvenanceTag: String, Hashable, Sendable, Codable {
    /// Published in a comparable standard.
    case standard = "S"
    /// National law or regulation.
    case law = "L"
    /// Reconstructed: a reasoned default that users should review.
    case reconstructed = "R"
}

/// A rule pack: one XML file of indicators, vetoes and grading over declared record kinds.
public struct RulePack: Hashable, Sendable {
    /// The pack id, e.g. `harmonious-enterprise`.
    public var id: String
    /// The pack version, e.g. `2019.1`.
    public var version: String
    /// The first day the pack applies, if stated.
    public var effectiveFrom: Day?
    /// The last day the pack's rules apply, if they have been replaced.
    public var effectiveTo: Day?
    /// The span the rules are written for (a year), if stated: other periods get a warning.
    public var periodUnit: PeriodUnit?
    /// The pack's name.
    public var title: LocalizedText
    /// What the pack is based on.
    public var basis: String?
    /// The record kinds the pack reads.
    public var recordKinds: [RecordKind]
    /// Thresholds and other values a profile may override.
    public var parameters: [Parameter]
    /// Scored categories (sections).
    public var categories: [Category]
    /// Scored indicators, in pack order.
    public var indicators: [Indicator]
    /// Veto items (一票否决).
    public var vetoes: [Veto]
    /// Pass line, category minimums and grades.
    public var grading: Grading
    /// Default rectification deadlines by issue grade (一般 → 15 days).
    public var deadlineDaysByGrade: [String: Int]
    /// The pack's own test cases.
    public var testCases: [PackTestCase]
    /// Where the pack's root element stands.
    public var location: SourceLocation

    /// Creates a pack.
    public init(
        id: String, version: String, effectiveFrom: Day? = nil, title: LocalizedText, basis: String? = nil,
        recordKinds: [RecordKind] = [], parameters: [Parameter] = [], categories: [Category] = [],
        indicators: [Indicator] = [], vetoes: [Veto] = [], grading: Grading,
        deadlineDaysByGrade: [String: Int] = [:], testCases: [PackTestCase] = [], location: SourceLocation
    ) {
        self.id = id
        self.version = version
        self.effectiveFrom = effectiveFrom
        self.title = title
        self.basis = basis
        self.recordKinds = recordKinds
        self.parameters = parameters
        self.categories = categories
        self.indicators = indicators
        self.vetoes = vetoes
        self.grading = grading
        self.deadlineDaysByGrade = deadlineDaysByGrade
        self.testCases = testCases
        self.location = location
    }

    /// The total of all categories' points.
    public var maxScore: Double { categories.reduce(0) { $0 + $1.points } }

    /// The parameter with this name.
    public func parameter(_ name: String) -> Parameter? { parameters.first { $0.name == name } }

    /// The record kind with this id.
    public func recordKind(_ id: String) -> RecordKind? { recordKinds.first { $0.id == id } }

    /// The category with this id.
    public func category(_ id: String) -> Category? { categories.first { $0.id == id } }
}

/// The type of a record field.
public enum FieldType: String, Hashable, Sendable, Codable {
    case string
    case integer
    case decimal
    case boolean
    case date
    case enumeration = "enum"

    /// Whether values of this type are numbers.
    public var isNumeric: Bool { self == .integer || self == .decimal }

    /// The type's name with its article, for messages: `an integer`, `a date`.
    public var withArticle: String { self == .integer || self == .enumeration ? "an \(rawValue)" : "a \(rawValue)" }
}

/// A field of a record kind: a column of a CSV file or an attribute of an XML record.
public struct FieldDefinition: Hashable, Sendable {
    /// The English field name, used in rules and as a column header.
    public var name: String
    /// The value type.
    public var type: FieldType
    /// Chinese column labels accepted as headers (the first is the canonical one).
    public var labels: [String]
    /// Whether every record must have a value.
    public var required: Bool
    /// The allowed values of an enum field.
    public var allowedValues: [String]
    /// Whether a number below zero is refused (hours, amounts, counts).
    public var nonNegative: Bool
    /// Where the field is declared.
    public var location: SourceLocation

    /// Creates a field.
    public init(
        name: String, type: FieldType, labels: [String] = [], required: Bool = false,
        allowedValues: [String] = [], nonNegative: Bool = false, location: SourceLocation
    ) {
        self.name = name
        self.type = type
        self.labels = labels
        self.required = required
        self.allowedValues = allowedValues
        self.nonNegative = nonNegative
        self.location = location
    }
}

/// A kind of record (employee, expense, hazard…) with its typed fields.
public struct RecordKind: Hashable, Sendable {
    /// The kind id; also the records file name (`employee.csv`).
    public var id: String
    /// The kind's name.
    public var title: LocalizedText
    /// The field that identifies a record in evidence, if any.
    public var keyField: String?
    /// The date field used to keep only the records of the assessed period; none for rosters.
    public var dateField: String?
    /// The fields in declaration order.
    public var fields: [FieldDefinition]
    /// Whether the pack needs at least one record of this kind (a roster): an empty file is an
    /// error for every rule reading it, never a vacuous pass.
    public var nonEmpty: Bool
    /// A second date field (a deadline): records are also kept when it falls in the window, so an
    /// item found in one period and due in the next is judged in the period it is due.
    public var dueField: String?
    /// Where the kind is declared.
    public var location: SourceLocation

    /// Creates a record kind.
    public init(
        id: String, title: LocalizedText, keyField: String? = nil, dateField: String? = nil,
        fields: [FieldDefinition], nonEmpty: Bool = false, location: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.keyField = keyField
        self.dateField = dateField
        self.fields = fields
        self.nonEmpty = nonEmpty
        self.location = location
    }

    /// The field with this name.
    public func field(_ name: String) -> FieldDefinition? { fields.first { $0.name == name } }
}

/// The type of a parameter value.
public enum ParameterType: String, Hashable, Sendable, Codable {
    case number
    case date
    case duration
    case text
}

/// A named value (threshold, minimum wage, look-back window) that a profile may override.
public struct Parameter: Hashable, Sendable {
    /// The name used in rules as `$name`.
    public var name: String
    /// The value type.
    public var type: ParameterType
    /// The default value.
    public var defaultValue: Value
    /// The smallest allowed number, if bounded.
    public var minimum: Double?
    /// The largest allowed number, if bounded.
    public var maximum: Double?
    /// What the parameter means.
    public var title: LocalizedText
    /// Later values, each in force from its date (sorted); the default applies before the first.
    public var schedule: [EffectiveValue]
    /// Where the parameter is declared.
    public var location: SourceLocation

    /// Creates a parameter.
    public init(
        name: String, type: ParameterType, defaultValue: Value, minimum: Double? = nil, maximum: Double? = nil,
        title: LocalizedText, schedule: [EffectiveValue] = [], location: SourceLocation
    ) {
        self.schedule = schedule
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.minimum = minimum
        self.maximum = maximum
        self.title = title
        self.location = location
    }
}

/// A scored category (一级指标 / section) with its points and optional minimum.
public struct Category: Hashable, Sendable {
    /// The category id.
    public var id: String
    /// The category's name.
    public var title: LocalizedText
    /// The points the category's indicators add up to.
    public var points: Double
    /// The least score the category must reach to pass, if any (absolute points).
    public var minimum: Operand?
    /// The least share of its points the category must reach to pass (0.8 = 80 %), if any.
    public var minimumShare: Operand?
    /// Where the category is declared.
    public var location: SourceLocation

    /// Creates a category.
    public init(
        id: String, title: LocalizedText, points: Double, minimum: Operand? = nil, minimumShare: Operand? = nil,
        location: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.points = points
        self.minimum = minimum
        self.minimumShare = minimumShare
        self.location = location
    }
}

/// Partial credit for a failed indicator: `points` off per `per` units short, floored at zero.
public struct Deduction: Hashable, Sendable {
    /// Points taken off per unit.
    public var points: Double
    /// The size of one unit of shortfall (0.01 = one percentage point); offenders count 1 each.
    public var per: Double
    /// Where the deduction is declared.
    public var location: SourceLocation

    /// The unit as the pack's author wrote it (`1%`, `2`), for people to read.
    public var perText: String

    /// Creates a deduction; `perText` defaults to the number.
    public init(points: Double, per: Double, perText: String? = nil, location: SourceLocation) {
        self.points = points
        self.per = per
        self.perText = perText ?? formatNumber(per)
        self.location = location
    }
}

/// What a failed indicator's rectification item starts with.
public struct RectificationDefaults: Hashable, Sendable {
    /// The responsible department (责任部门).
    public var department: String
    /// Days from opening to the deadline.
    public var deadlineDays: Int
    /// Whether a person must sign off after a passing run before the item is struck off.
    public var requiresSignOff: Bool

    /// Creates rectification defaults.
    public init(department: String, deadlineDays: Int, requiresSignOff: Bool) {
        self.department = department
        self.deadlineDays = deadlineDays
        self.requiresSignOff = requiresSignOff
    }
}

/// A scored indicator: one or more checks that must all hold.
public struct Indicator: Hashable, Sendable {
    /// The indicator id, e.g. `L01`.
    public var id: String
    /// The category the points count towards.
    public var categoryID: String
    /// The points the indicator is worth.
    public var points: Double
    /// Where the requirement comes from.
    public var provenance: ProvenanceTag
    /// The indicator's name.
    public var title: LocalizedText
    /// The requirement in words.
    public var requirement: LocalizedText
    /// The source text or law the requirement rests on.
    public var basis: String
    /// When present, the indicator applies only if this check holds; otherwise not applicable.
    public var appliesWhen: Check?
    /// The checks that must all hold.
    public var checks: [Check]
    /// Partial credit on failure, if any.
    public var deduction: Deduction?
    /// Rectification defaults for a failure.
    public var rectification: RectificationDefaults?
    /// Where the indicator is declared.
    public var location: SourceLocation

    /// Creates an indicator.
    public init(
        id: String, categoryID: String, points: Double, provenance: ProvenanceTag, title: LocalizedText,
        requirement: LocalizedText, basis: String, appliesWhen: Check? = nil, checks: [Check],
        deduction: Deduction? = nil, rectification: RectificationDefaults? = nil, location: SourceLocation
    ) {
        self.id = id
        self.categoryID = categoryID
        self.points = points
        self.provenance = provenance
        self.title = title
        self.requirement = requirement
        self.basis = basis
        self.appliesWhen = appliesWhen
        self.checks = checks
        self.deduction = deduction
        self.rectification = rectification
        self.location = location
    }
}

/// A veto item (一票否决): fires when any of its checks fails within the look-back window.
public struct Veto: Hashable, Sendable {
    /// The veto id, e.g. `V1`.
    public var id: String
    /// Where the veto comes from.
    public var provenance: ProvenanceTag
    /// The veto's name.
    public var title: LocalizedText
    /// The condition in words.
    public var requirement: LocalizedText
    /// The source text or law.
    public var basis: String
    /// How far back from the period's end the checks look; the period itself when nil.
    public var lookBack: Operand?
    /// The checks; the veto fires when one fails.
    public var checks: [Check]
    /// Rectification defaults when the veto fires.
    public var rectification: RectificationDefaults?
    /// Where the veto is declared.
    public var location: SourceLocation

    /// Creates a veto.
    public init(
        id: String, provenance: ProvenanceTag, title: LocalizedText, requirement: LocalizedText, basis: String,
        lookBack: Operand? = nil, checks: [Check], rectification: RectificationDefaults? = nil,
        location: SourceLocation
    ) {
        self.id = id
        self.provenance = provenance
        self.title = title
        self.requirement = requirement
        self.basis = basis
        self.lookBack = lookBack
        self.checks = checks
        self.rectification = rectification
        self.location = location
    }
}

/// A grade reached at or above a score (e.g. 优胜单位 at 95), only when the pack passes.
public struct Grade: Hashable, Sendable {
    /// The grade id.
    public var id: String
    /// The grade's name.
    public var title: LocalizedText
    /// The least score for this grade.
    public var atLeast: Operand

    /// Creates a grade.
    public init(id: String, title: LocalizedText, atLeast: Operand) {
        self.id = id
        self.title = title
        self.atLeast = atLeast
    }
}

/// The pass line and the grades.
public struct Grading: Hashable, Sendable {
    /// The least total score to pass.
    public var passLine: Operand
    /// Grades from lowest to highest line.
    public var grades: [Grade]
    /// The grade given when the pack does not pass.
    public var failingGrade: LocalizedText
    /// Where grading is declared.
    public var location: SourceLocation

    /// Creates grading.
    public init(passLine: Operand, grades: [Grade], failingGrade: LocalizedText, location: SourceLocation) {
        self.passLine = passLine
        self.grades = grades
        self.failingGrade = failingGrade
        self.location = location
    }
}

/// A parameter value in force from a date on (until the next one).
public struct EffectiveValue: Hashable, Sendable {
    /// The first day the value applies.
    public var from: Day
    /// The value.
    public var value: Value

    /// Creates an effective value.
    public init(from: Day, value: Value) {
        self.from = from
        self.value = value
    }
}
