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
