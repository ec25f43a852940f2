import Foundation
import HeguiBase
import HeguiXML

/// The `<points>` changes of a profile, gathered per pack and category so that each category can be
/// checked to net to zero once every element has been read.
struct PointsChanges {
    /// One category's changes: where the first names it, the net change, and whether any was refused.
    struct Tally {
        var pack: String
        var category: String
        var firstAt: SourceLocation
        var net: Double = 0
        var refused = false
    }

    /// Tallies in the order their categories first appear.
    private(set) var tallies: [Tally] = []
    /// Packs with a change naming an indicator they lack: its category is unknown, so none is judged.
    private(set) var packsWithUnknownIndicators: Set<String> = []

    /// Records a change (or a refused one, which leaves its category unjudged rather than unbalanced).
    mutating func add(pack: String, category: String, at location: SourceLocation, delta: Double?) {
        if !tallies.contains(where: { $0.pack == pack && $0.category == category }) {
            tallies.append(Tally(pack: pack, category: category, firstAt: location))
        }
        guard let index = tallies.firstIndex(where: { $0.pack == pack && $0.category == category }) else { return }
        if let delta { tallies[index].net += delta } else { tallies[index].refused = true }
    }

    /// Marks a pack whose changes cannot all be placed in a category.
    mutating func unknownIndicator(in pack: String) {
        packsWithUnknownIndicators.insert(pack)
    }

    /// A located error for each category whose accepted changes do not net to zero. A category with a
    /// refused change is left alone: its imbalance would only echo the error already reported.
    func unbalanced() -> [Diagnostic] {
        tallies.compactMap { tally in
            guard !tally.refused, !packsWithUnknownIndicators.contains(tally.pack), abs(tally.net) > 1e-9 else { return nil }
            let net = (tally.net > 0 ? "+" : "") + formatNumber((tally.net * 10_000).rounded() / 10_000)
            return Diagnostic(at: tally.firstAt, .profiles(.pointsUnbalanced(pack: tally.pack, category: tally.category, net: net)))
        }
    }
}

extension Profile {
    /// Reads `<points pack indicator value reason/>`: a known indicator whose pack declares bounds, a value
    /// within them, a reason. Whether each category nets to zero is judged after the whole profile.
    mutating func readPoints(
        _ element: XMLElement, packs: [RulePack], into changes: inout PointsChanges, _ diagnostics: inout [Diagnostic]
    ) {
        let missing = ["pack", "indicator", "value", "reason"].filter {
            (element.attribute($0) ?? "").trimmingCharacters(in: .whitespaces).isEmpty
        }
        guard missing.isEmpty, let packID = element.attribute("pack"), let id = element.attribute("indicator"),
            let text = element.attribute("value"), let reason = element.attribute("reason")
        else {
            diagnostics.append(
                Diagnostic(at: element.location, .profiles(.pointsNeeds(missing: missing.map { "'\($0)'" }.joined(separator: ", ")))))
            // Its category, when known, cannot be judged for balance without this change.
            if let packID = element.attribute("pack") {
                if let category = packs.first(where: { $0.id == packID })?.indicators
                    .first(where: { $0.id == element.attribute("indicator") })?.categoryID
                {
                    changes.add(pack: packID, category: category, at: element.location, delta: nil)
                } else {
                    changes.unknownIndicator(in: packID)
                }
            }
            return
        }
        guard let pack = packs.first(where: { $0.id == packID }) else {
            diagnostics.append(
                Diagnostic(at: element.location(ofAttribute: "pack"), .profiles(.unknownPack(pack: truncatedForMessage(packID)))))
            return
        }
        guard let indicator = pack.indicators.first(where: { $0.id == id }) else {
            diagnostics.append(
                Diagnostic(
                    at: element.location(ofAttribute: "indicator"),
                    .profiles(.unknownScoredIndicator(pack: packID, indicator: truncatedForMessage(id)))))
            changes.unknownIndicator(in: packID)
            return
        }
        func refuse(_ diagnostic: Diagnostic) {
            diagnostics.append(diagnostic)
            changes.add(pack: packID, category: indicator.categoryID, at: element.location, delta: nil)
        }
        let valueAt = element.location(ofAttribute: "value")
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let value = Double(trimmed), value.isFinite else {
            return refuse(Diagnostic(at: valueAt, .profiles(.pointsNotANumber(value: truncatedForMessage(text), indicator: id))))
        }
        guard indicator.isTailorable else {
            return refuse(
                Diagnostic(
                    at: element.location(ofAttribute: "indicator"),
                    .profiles(.pointsNotTailorable(indicator: id, pack: packID, points: formatNumber(indicator.points)))))
        }
        let bounds = indicator.pointBounds
        guard bounds.contains(value) else {
            return refuse(
                Diagnostic(
                    at: valueAt,
                    .profiles(
                        .pointsOutOfBounds(
                            value: truncatedForMessage(trimmed), indicator: id, pack: packID,
                            minimum: formatNumber(bounds.lowerBound), maximum: formatNumber(bounds.upperBound)))))
        }
        guard self.points[packID]?[id] == nil else {
            return refuse(Diagnostic(at: element.location, .profiles(.pointsSetTwice(indicator: id, pack: packID))))
        }
        self.points[packID, default: [:]][id] = PointsTailoring(packPoints: indicator.points, points: value, reason: reason)
        changes.add(pack: packID, category: indicator.categoryID, at: element.location, delta: value - indicator.points)
    }

    /// A pack with this profile's points: each moved indicator carries its new points.
    public func tailored(_ pack: RulePack) -> RulePack {
        guard let moved = points[pack.id], !moved.isEmpty else { return pack }
        var result = pack
        for index in result.indicators.indices {
            if let change = moved[result.indicators[index].id] { result.indicators[index].points = change.points }
        }
        return result
    }
}
