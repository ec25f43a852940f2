import HeguiBase

/// Where a rectification item came from.
public enum RectificationSource: String, Hashable, Sendable, Codable {
    /// A failed finding or fired veto of a check run.
    case check
    /// An issue found on a worker-representative patrol (职工代表巡视).
    case patrol
}

/// The 整改 lifecycle state of an item.
public enum RectificationStatus: String, Hashable, Sendable, Codable, CaseIterable {
    /// Found and notified, nobody working on it yet (已通知待整改).
    case open
    /// Being fixed (整改中).
    case inProgress = "in-progress"
    /// Fix claimed with evidence, waiting for the re-check (已整改待审核).
    case submitted
    /// A later check run passed the indicator; a verifier still has to sign off.
    case checkPassed = "check-passed"
    /// Re-checked and struck off (审核通过, 销号).
    case verified
    /// Re-check refused the fix (审核不通过); work goes on.
    case rejected
    /// A worker representative contests the closure.
    case disputed

    /// The status in people's words.
    public var title: LocalizedText { Message.ledger(.status(titleCase)).text }

    /// The catalogue case of the title.
    public var titleCase: StatusTitle {
        switch self {
        case .open: .open
        case .inProgress: .inProgress
        case .submitted: .submitted
        case .checkPassed: .checkPassed
        case .verified: .verified
        case .rejected: .rejected
        case .disputed: .disputed
        }
    }

    /// Whether the item is closed (struck off).
    public var isClosed: Bool { self == .verified }
}

/// A rectification item as shown to people: the 六定 fields plus where it came from and where it stands.
public struct RectificationItem: Hashable, Sendable, Codable {
    /// The ledger's id for the item (1, 2, …).
    public var id: Int64
    /// Check or patrol.
    public var source: RectificationSource
    /// The pack of the failed indicator, for items from checks.
    public var pack: String?
    /// The indicator or veto id, for items from checks (and patrol issues tied to one).
    public var indicator: String?
    /// The offender group the item is about (an employee, a month), when the check names one.
    public var groupKey: String?
    /// The period the failure was found in.
    public var period: String?
    /// The patrol batch, for patrol issues.
    public var patrolID: Int64?
    /// The day the issue was found (发现日期).
    public var foundOn: Day
    /// Who found it.
    public var finder: String?
    /// Where it is (地点).
    public var location: String?
    /// What is wrong (问题描述).
    public var description: String
    /// 安全 / 劳保 / 食堂宿舍 / 厂务公开 / 提案 / 指标 …
    public var category: String
    /// 一般 or 重大.
    public var grade: String
    /// The fix to make (整改措施).
    public var measure: String?
    /// Money set aside (资金), in yuan.
    public var funds: Double?
    /// The responsible department (责任部门).
    public var department: String?
    /// The responsible person (责任人).
    public var responsible: String?
    /// The deadline (整改期限).
    public var deadline: Day
    /// The planned re-checker (复查人).
    public var rechecker: String?
    /// Where the item stands.
    public var status: RectificationStatus
    /// Who submitted the fix.
    public var submittedBy: String?
    /// Who verified it (验证人).
    public var verifiedBy: String?
    /// The strike-off day (销号日期).
    public var verifiedOn: Day?
    /// Paths of photos and documents given as evidence, in the order added.
    public var evidence: [String]
    /// The first deadline the item was seen to miss (a change made to it while it was overdue), nil
    /// when it never was: kept through deadline changes, strike-offs and reopenings ("ever overdue").
    public var missedDeadline: Day?
    /// The day the result was made public (公示), nil while it is not.
    public var publishedOn: Day?

    /// Creates an item.
    public init(
        id: Int64, source: RectificationSource, pack: String? = nil, indicator: String? = nil,
        groupKey: String? = nil, period: String? = nil, patrolID: Int64? = nil, foundOn: Day,
        finder: String? = nil, location: String? = nil, description: String, category: String, grade: String,
        measure: String? = nil, funds: Double? = nil, department: String? = nil, responsible: String? = nil,
        deadline: Day, rechecker: String? = nil, status: RectificationStatus, submittedBy: String? = nil,
        verifiedBy: String? = nil, verifiedOn: Day? = nil, evidence: [String] = [], missedDeadline: Day? = nil,
        publishedOn: Day? = nil
    ) {
        self.id = id
        self.source = source
        self.pack = pack
        self.indicator = indicator
        self.groupKey = groupKey
        self.period = period
        self.patrolID = patrolID
        self.foundOn = foundOn
        self.finder = finder
        self.location = location
        self.description = description
        self.category = category
        self.grade = grade
        self.measure = measure
        self.funds = funds
        self.department = department
        self.responsible = responsible
        self.deadline = deadline
        self.rechecker = rechecker
        self.status = status
        self.submittedBy = submittedBy
        self.verifiedBy = verifiedBy
        self.verifiedOn = verifiedOn
        self.evidence = evidence
        self.missedDeadline = missedDeadline
        self.publishedOn = publishedOn
    }

    /// Whether the item is past its deadline and not struck off on `today`.
    public func isOverdue(on today: Day) -> Bool { !status.isClosed && today > deadline }

    /// Whether the item is overdue on `today` or was ever seen overdue before (`missedDeadline`).
    public func wasEverOverdue(on today: Day) -> Bool { missedDeadline != nil || isOverdue(on: today) }

    /// The item with `missedDeadline` set when a change made on `today` finds it overdue; an earlier
    /// mark is kept.
    public func markingMissedDeadline(on today: Day) -> RectificationItem {
        guard missedDeadline == nil, isOverdue(on: today) else { return self }
        var marked = self
        marked.missedDeadline = deadline
        return marked
    }
}

/// One stored check run, for history and trends.
public struct RunSummary: Hashable, Sendable, Codable {
    /// The ledger's id for the run.
    public var id: Int64
    /// When it ran, ISO 8601 UTC.
    public var ranAt: String
    /// The assessed period label.
    public var period: String
    /// Each pack's score, grade and pass.
    public var packs: [PackScore]

    /// One pack's result in a run.
    public struct PackScore: Hashable, Sendable, Codable {
        /// The pack id.
        public var pack: String
        /// The pack version.
        public var version: String
        /// The score.
        public var score: Double
        /// The full score.
        public var maxScore: Double
        /// The grade id.
        public var grade: String
        /// Whether the pack passed.
        public var passed: Bool

        /// Creates a pack score.
        public init(pack: String, version: String, score: Double, maxScore: Double, grade: String, passed: Bool) {
            self.pack = pack
            self.version = version
            self.score = score
            self.maxScore = maxScore
            self.grade = grade
            self.passed = passed
        }
    }

    /// Creates a run summary.
    public init(id: Int64, ranAt: String, period: String, packs: [PackScore]) {
        self.id = id
        self.ranAt = ranAt
        self.period = period
        self.packs = packs
    }
}
