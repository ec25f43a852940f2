import Foundation
import HeguiBase

/// Renders `hegui rules list` and `hegui rules show`.
public enum RulesListing {
    /// One row per indicator and veto: pack, id, kind, category, points, title.
    public static func text(_ packs: [RulePack], language: Language) -> String {
        var rows: [[String]] = [
            [
                language == .en ? "pack" : "规则包", "id", language == .en ? "kind" : "类型", language == .en ? "category" : "类别",
                language == .en ? "points" : "分值", language == .en ? "title" : "名称",
            ]
        ]
        for pack in packs {
            for indicator in pack.indicators {
                rows.append([
                    pack.id, indicator.id, language == .en ? "indicator" : "指标",
                    pack.category(indicator.categoryID)?.title.text(language) ?? indicator.categoryID,
                    formatNumber(indicator.points), indicator.title.text(language),
                ])
            }
            for veto in pack.vetoes {
                rows.append([pack.id, veto.id, language == .en ? "veto" : "否决项", "—", "—", veto.title.text(language)])
            }
        }
        return TextTable.render(rows)
    }

    /// A JSON array: one object per indicator or veto with id, pack, category, points, kind, title, provenance.
    public static func json(_ packs: [RulePack]) -> String {
        var entries: [[String: Any]] = []
        for pack in packs {
            for indicator in pack.indicators {
                entries.append([
                    "id": indicator.id, "pack": pack.id, "category": indicator.categoryID, "points": indicator.points,
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
        let en = language == .en
        for pack in packs {
            if let indicator = pack.indicators.first(where: { $0.id == id }) {
                var lines = [
                    "\(indicator.id)  \(indicator.title.text(language))",
                    "\(en ? "pack" : "规则包"): \(pack.id) \(pack.version)   \(en ? "category" : "类别"): \(pack.category(indicator.categoryID)?.title.text(language) ?? indicator.categoryID)   \(en ? "points" : "分值"): \(formatNumber(indicator.points))   \(en ? "provenance" : "来源"): [\(indicator.provenance.rawValue)]",
                    "\(en ? "requirement" : "要求"): \(indicator.requirement.text(language))",
                    "\(en ? "basis" : "依据"): \(indicator.basis)",
                ]
                if let applies = indicator.appliesWhen {
                    lines.append(
                        "\(en ? "applies when" : "适用条件"): \(ParameterListing.resolved(RuleDescription.describe(applies).text(language), pack: pack, language: language))"
                    )
                }
                for check in indicator.checks {
                    lines.append(
                        "  - \(ParameterListing.resolved(RuleDescription.describe(check).text(language), pack: pack, language: language))")
                }
                if let deduction = indicator.deduction {
                    lines.append(
                        en
                            ? "deduction: \(formatNumber(deduction.points)) points per \(deduction.perText) short, down to 0"
                            : "扣分：每差 \(deduction.perText) 扣 \(formatNumber(deduction.points)) 分，扣完为止")
                }
                if let r = indicator.rectification {
                    lines.append(
                        en
                            ? "rectification: \(r.department), \(r.deadlineDays) days\(r.requiresSignOff ? ", sign-off required" : "")"
                            : "整改：\(r.department)，\(r.deadlineDays) 天\(r.requiresSignOff ? "，需签认" : "")")
                }
                lines.append("\(indicator.location)")
                return lines.joined(separator: "\n") + "\n"
            }
            if let veto = pack.vetoes.first(where: { $0.id == id }) {
                var lines = [
                    "\(veto.id)  \(veto.title.text(language))  (\(en ? "veto" : "否决项"))",
                    "\(en ? "pack" : "规则包"): \(pack.id) \(pack.version)   \(en ? "look-back" : "追溯期"): \(veto.lookBack.map { ParameterListing.resolved($0.description, pack: pack, language: language) } ?? (en ? "the period" : "评价期"))   \(en ? "provenance" : "来源"): [\(veto.provenance.rawValue)]",
                    "\(en ? "requirement" : "要求"): \(veto.requirement.text(language))",
                    "\(en ? "basis" : "依据"): \(veto.basis)",
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
