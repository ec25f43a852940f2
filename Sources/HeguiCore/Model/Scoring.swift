import HeguiBase

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
    /// The fewest points a profile may give it (`min-points`); the pack's points when not declared.
    public var minPoints: Double?
    /// The most points a profile may give it (`max-points`); the pack's points when not declared.
    public var maxPoints: Double?
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

    /// The points a profile may give the indicator: a single value when the pack declares no bounds.
    public var pointBounds: ClosedRange<Double> {
        let low = min(minPoints ?? points, points)
        return low...max(maxPoints ?? points, points)
    }

    /// Whether a profile may change the indicator's points at all.
    public var isTailorable: Bool { pointBounds.lowerBound < pointBounds.upperBound }
}

/// A vetted change of one indicator's points by an enterprise profile, with its reason.
public struct PointsTailoring: Hashable, Sendable, Codable {
    /// The points the pack gives the indicator.
    public var packPoints: Double
    /// The points the profile gives it instead.
    public var points: Double
    /// Why the profile changes them.
    public var reason: String

    /// Creates a change.
    public init(packPoints: Double, points: Double, reason: String) {
        self.packPoints = packPoints
        self.points = points
        self.reason = reason
    }

    /// `分值调整：3 → 4（理由）` / `points tailored: 3 → 4 (reason)`.
    public var note: LocalizedText {
        Message.report(.pointsTailored(from: formatNumber(packPoints), to: formatNumber(points), reason: reason)).text
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
