import Foundation
import HeguiBase

/// Renders `hegui rules list` and `hegui rules show`.
public enum RulesListing {
    /// One row per indicator and veto: pack, id, kind, category, points, title.
    public static func text(_ packs: [RulePack], language: Language) -> String {
        func say(_ message: ExplainMessage) -> String { Message.explain(message).text(language) }
        var rows: [[String]] = [
            [say(.columnPack), "id", say(.columnKind), say(.columnCategory), say(.columnPoints), say(.columnTitle)]
        ]
        for pack in packs {
            for indicator in pack.indicators {
                rows.append([
                    pack.id, indicator.id, say(.kindIndicator),
                    pack.category(indicator.categoryID)?.title.text(language) ?? indicator.categoryID,
                    formatNumber(indicator.points), indicator.title.text(language),
                ])
            }
            for veto in pack.vetoes {
                rows.append([pack.id, veto.id, say(.kindVeto), "—", "—", veto.title.text(language)])
            }
        }
        return TextTable.render(rows)
    }

    /// A JSON array: one object per indicator or veto with id, pack, category, points (and the bounds a
    /// profile may tailor them within), kind, title, provenance.
    public static func json(_ packs: [RulePack]) -> String {
        var entries: [[String: Any]] = []
        for pack in packs {
            for indicator in pack.indicators {
                entries.append([
                    "id": indicator.id, "pack": pack.id, "category": indicator.categoryID, "points": indicator.points,
                    "minPoints": indicator.pointBounds.lowerBound, "maxPoints": indicator.pointBounds.upperBound,
                    "kind": "indicator", "title": ["zh-CN": indicator.title.zhCN, "en": indicator.title.en],
                    "provenance": indicator.provenance.rawValue,
                ])
            }
            for veto in pack.vetoes {
                entries.append([
                    "id": veto.id, "pack": pack.id, "category": NSNull(), "points": 0, "kind": "veto",
                    "title": ["zh-CN": veto.title.zhCN, "en": veto.title.en], "provenance": veto.provenance.rawValue,
                    "lookBack": veto.lookBack?.description ?? NSNull(),
                ])
            }
        }
        return JSONText.encode(entries)
    }

    /// Everything about one indicator or veto, or nil when no pack has the id.
    public static func show(_ id: String, in packs: [RulePack], language: Language) -> String? {
        func say(_ message: ExplainMessage) -> String { Message.explain(message).text(language) }
        for pack in packs {
            if let indicator = pack.indicators.first(where: { $0.id == id }) {
                var lines = [
                    "\(indicator.id)  \(indicator.title.text(language))",
                    say(
                        .packLine(
                            pack: pack.id, version: pack.version,
                            category: pack.category(indicator.categoryID)?.title.text(language) ?? indicator.categoryID,
                            points: formatNumber(indicator.points), provenance: indicator.provenance.rawValue)),
                    say(.showRequirement(text: indicator.requirement)),
                    say(.basis(text: indicator.basis)),
                ]
                let bounds = indicator.pointBounds
                if bounds.lowerBound != bounds.upperBound {
                    lines.append(say(.pointBounds(minimum: formatNumber(bounds.lowerBound), maximum: formatNumber(bounds.upperBound))))
                }
                if let applies = indicator.appliesWhen {
                    lines.append(
                        say(
                            .appliesWhen(
                                condition: ParameterListing.resolved(
                                    RuleDescription.describe(applies).text(language), pack: pack, language: language))))
                }
                for check in indicator.checks {
                    lines.append(
                        "  - \(ParameterListing.resolved(RuleDescription.describe(check).text(language), pack: pack, language: language))")
                }
                if let deduction = indicator.deduction {
                    lines.append(say(.deduction(points: formatNumber(deduction.points), per: deduction.perText)))
                }
                if let r = indicator.rectification {
                    lines.append(
                        say(
                            r.requiresSignOff
                                ? .rectificationSignedOff(department: r.department, days: r.deadlineDays)
                                : .rectification(department: r.department, days: r.deadlineDays)))
                }
                lines.append("\(indicator.location)")
                return lines.joined(separator: "\n") + "\n"
            }
            if let veto = pack.vetoes.first(where: { $0.id == id }) {
                var lines = [
                    say(.vetoShowHeading(id: veto.id, title: veto.title)),
                    say(
                        .vetoPackLine(
                            pack: pack.id, version: pack.version,
                            lookBack: veto.lookBack.map {
                                LocalizedText(verbatim: ParameterListing.resolved($0.description, pack: pack, language: language))
                            } ?? Message.explain(.wholePeriod).text,
                            provenance: veto.provenance.rawValue)),
                    say(.showRequirement(text: veto.requirement)),
                    say(.basis(text: veto.basis)),
                ]
                for check in veto.checks {
                    lines.append(
                        "  - \(ParameterListing.resolved(RuleDescription.describe(check).text(language), pack: pack, language: language))")
                }
                lines.append("\(veto.location)")
                return lines.joined(separator: "\n") + "\n"
            }
        }
        return nil
    }
}
