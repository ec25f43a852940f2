import HeguiBase

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
