/// Evaluates every selected pack over one period of records: the core of `hegui check`.
public struct Assessor: Sendable {
    /// The packs, in load order.
    public var packs: [RulePack]
    /// The enterprise profile (name and parameter overrides).
    public var profile: Profile
    /// Waivers for indicators.
    public var waivers: [Waiver]
    /// The day waivers are judged on.
    public var today: Day

    /// Creates an assessor.
    public init(packs: [RulePack], profile: Profile = Profile(), waivers: [Waiver] = [], today: Day) {
        self.packs = packs
        self.profile = profile
        self.waivers = waivers
        self.today = today
    }

    /// The evaluator of one pack with this profile and these waivers.
    public func evaluator(for pack: RulePack) -> PackEvaluator {
        PackEvaluator(
            pack: profile.tailored(pack), parameters: profile.parameters(for: pack), waivers: waivers, today: today,
            schedules: profile.schedules(for: pack), deselected: profile.deselected[pack.id] ?? [:],
            tailoring: profile.points[pack.id] ?? [:])
    }

    /// Every pack's assessment over the period.
    public func assess(_ records: RecordSet, period: Period) -> Assessment {
        Assessment(
            period: period, enterprise: profile.enterprise,
            packs: packs.map { evaluator(for: $0).evaluate(records, period: period) },
            inputs: records.inputs)
    }
}
