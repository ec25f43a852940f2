import HeguiBase

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
    /// The profile's change of the indicator's points, when it made one (`points` is then the profile's).
    public var tailoring: PointsTailoring?

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
