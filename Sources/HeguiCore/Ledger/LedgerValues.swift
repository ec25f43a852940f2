/// A worker-representative patrol (职工代表巡视): one visit by a team over a scope.
public struct Patrol: Hashable, Sendable, Codable {
    /// The ledger's id for the patrol.
    public var id: Int64
    /// The day of the patrol.
    public var date: Day
    /// The team (巡视组).
    public var team: String
    /// What was visited (巡视范围).
    public var scope: String
    /// The team leader (组长).
    public var leader: String?

    /// Creates a patrol.
    public init(id: Int64, date: Day, team: String, scope: String, leader: String?) {
        self.id = id
        self.date = date
        self.team = team
        self.scope = scope
        self.leader = leader
    }
}

/// One audit-log event as stored.
public struct LedgerEvent: Hashable, Sendable, Codable {
    /// The event's id (1, 2, …; the chain order).
    public var id: Int64
    /// The item the event is about; nil for run recording and patrol creation.
    public var itemID: Int64?
    /// When, ISO 8601 UTC (`2024-05-01T08:00:00Z`).
    public var time: String
    /// Who acted.
    public var actor: String
    /// `create`, an action name, `check-pass`, `record-run`, `add-patrol` …
    public var action: String
    /// The status before, for item changes.
    public var fromStatus: RectificationStatus?
    /// The status after, for item changes.
    public var toStatus: RectificationStatus?
    /// The person's note.
    public var note: String?
    /// What else changed (assigned fields, evidence paths), as text.
    public var detail: String?
    /// The previous event's hash (64 zeros for the first).
    public var prevHash: String
    /// SHA-256 hex over `prevHash` and the canonical serialization (see `AuditChain`).
    public var hash: String

    /// Creates an event.
    public init(
        id: Int64, itemID: Int64?, time: String, actor: String, action: String, fromStatus: RectificationStatus?,
        toStatus: RectificationStatus?, note: String?, detail: String?, prevHash: String, hash: String
    ) {
        self.id = id
        self.itemID = itemID
        self.time = time
        self.actor = actor
        self.action = action
        self.fromStatus = fromStatus
        self.toStatus = toStatus
        self.note = note
        self.detail = detail
        self.prevHash = prevHash
        self.hash = hash
    }
}

/// What recording a check run did to the ledger.
public struct RunOutcome: Hashable, Sendable, Codable {
    /// The new run's id.
    public var runID: Int64
    /// Items opened for new failures.
    public var opened: Int
    /// Closed items reopened by a new failure.
    public var reopened: Int
    /// Items moved to check-passed or verified by a pass or a fixed offender, or struck off as superseded.
    public var closed: Int
    /// The ids of every item touched, in id order.
    public var itemIDs: [Int64]
    /// Failures of offenders that are items already in the ledger (a patrol issue failing AK08), linked
    /// to those items instead of opening a second item for the same problem.
    public var linked: Int

    /// Creates an outcome.
    public init(runID: Int64, opened: Int, reopened: Int, closed: Int, itemIDs: [Int64], linked: Int = 0) {
        self.runID = runID
        self.opened = opened
        self.reopened = reopened
        self.closed = closed
        self.itemIDs = itemIDs
        self.linked = linked
    }
}

/// What changed between two runs.
public struct RunDiff: Hashable, Sendable, Codable {
    /// One indicator (or veto) whose outcome changed.
    public struct Change: Hashable, Sendable, Codable {
        /// The pack id.
        public var pack: String
        /// The indicator or veto id.
        public var indicator: String
        /// The outcome in the earlier run; nil when it was not assessed.
        public var before: Outcome?
        /// The outcome in the later run; nil when it was not assessed.
        public var after: Outcome?

        /// Creates a change.
        public init(pack: String, indicator: String, before: Outcome?, after: Outcome?) {
            self.pack = pack
            self.indicator = indicator
            self.before = before
            self.after = after
        }
    }

    /// The earlier run.
    public var from: Int64
    /// The later run.
    public var to: Int64
    /// Indicators whose outcome changed, by pack then indicator.
    public var changes: [Change]
    /// Items opened (created) after the earlier run up to and including the later one. Every list shows
    /// items with the status the later run left them in, not their status today.
    public var opened: [RectificationItem]
    /// Items that existed before and were reopened in the same span (by a failing run or by hand).
    public var reopened: [RectificationItem]
    /// Items struck off in the same span and still struck off at the later run.
    public var closed: [RectificationItem]

    /// Creates a diff.
    public init(
        from: Int64, to: Int64, changes: [Change], opened: [RectificationItem], reopened: [RectificationItem] = [],
        closed: [RectificationItem]
    ) {
        self.from = from
        self.to = to
        self.changes = changes
        self.opened = opened
        self.reopened = reopened
        self.closed = closed
    }
}

/// The result of walking the audit chain.
public struct ChainReport: Hashable, Sendable, Codable {
    /// How many events were checked.
    public var events: Int
    /// The first broken link, nil when the chain holds.
    public var firstBreak: ChainBreak?
    /// Items whose stored status is not the status their last event moved them to (edited outside hegui).
    public var inconsistentItems: [Int64]
    /// The hash of the last event checked: printed in `ledger verify` and the review pack, it pins the
    /// ledger's state, so events later cut off the end (which the chain alone cannot show) are noticed.
    public var head: String
    /// Every way the stored tables differ from the tables the events rebuild.
    public var differences: [ReplayDifference] = []
    /// Other problems: MACs missing or wrong, anchors not found, evidence files missing or altered.
    public var problems: [LocalizedText] = []

    /// Creates a report.
    public init(
        events: Int, firstBreak: ChainBreak?, inconsistentItems: [Int64] = [], head: String = AuditChain.genesis,
        differences: [ReplayDifference] = [], problems: [LocalizedText] = []
    ) {
        self.events = events
        self.firstBreak = firstBreak
        self.inconsistentItems = inconsistentItems
        self.head = head
        self.differences = differences
        self.problems = problems
    }

    /// Whether every link holds, every table is what the events rebuild, and nothing else is wrong.
    public var isIntact: Bool { firstBreak == nil && inconsistentItems.isEmpty && differences.isEmpty && problems.isEmpty }
}
