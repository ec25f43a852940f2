import Foundation

extension Ledger {
    /// The most offenders a failure opens one item each for; beyond it, one indicator-level item.
    static let offenderLimit = 50

    /// How many offender keys a description names before `等 N 项`.
    static let offendersShown = 5

    /// `指标名：要求；涉及 N 项：k1、k2、… 等` in plain words (the rule's requirement, not its formula),
    /// Chinese because the ledger is kept in Chinese; without a requirement, the name and offenders only.
    static func describe(_ finding: Finding, requirement: String?) -> String {
        var text = finding.title.zhCN + plain(requirement)
        if let check = finding.primaryCheck { text += dataError(check) + offenders(check) }
        if finding.outcome == .unattested { text += "（未佐证）" }
        return text
    }

    /// The veto's name, its requirement and its fired check's offenders.
    static func describe(_ veto: VetoResult, requirement: String?) -> String {
        var text = "否决项 " + veto.title.zhCN + plain(requirement)
        if let check = veto.checks.first(where: { $0.outcome == .fail }) { text += offenders(check) }
        return text
    }

    /// `指标名：要求；涉及：E0001 2019-05（37，要求 ≤ 36）`: one offender of a failure.
    static func describe(_ finding: Finding, requirement: String?, offender: OffenderGroup) -> String {
        finding.title.zhCN + plain(requirement) + offenderText(offender)
    }

    /// `否决项 名称：要求；涉及：key（…）`: one offender of a fired veto.
    static func describe(_ veto: VetoResult, requirement: String?, offender: OffenderGroup) -> String {
        "否决项 " + veto.title.zhCN + plain(requirement) + offenderText(offender)
    }

    /// `；涉及：key（note；note）`, each note without the key it repeats.
    static func offenderText(_ offender: OffenderGroup) -> String {
        "；涉及：" + offender.key + (offender.notes.isEmpty ? "" : "（" + offender.notes.joined(separator: "；") + "）")
    }

    /// The offenders a failure names, in check and evidence order, when it names every one of them: its
    /// failing checks all count offenders (per record, group or bucket), each lists all of its offenders,
    /// and there are at most `offenderLimit`. Nil for a measure (a rate, a sum), an error, a failure with
    /// more offenders than its evidence shows, or one naming none. An offender read from the ledger at
    /// `ledgerPath` (the line is the item id) carries that item, so the failure links to it.
    static func offenderGroups(_ checks: [CheckResult], ledgerPath: String? = nil) -> [OffenderGroup]? {
        let failing = checks.filter { [.fail, .error, .unattested].contains($0.outcome) }
        guard !failing.isEmpty else { return nil }
        var groups: [OffenderGroup] = []
        var index: [String: Int] = [:]
        for check in failing {
            guard check.outcome == .fail, check.unit == .offenders, check.evidence.count == check.evidenceTotal,
                check.evidenceTotal <= offenderLimit
            else { return nil }
            for evidence in check.evidence {
                // An empty key would share the indicator-level item's slot in the unique index.
                guard !evidence.key.isEmpty else { return nil }
                let i = index[evidence.key] ?? groups.count
                if i == groups.count {
                    index[evidence.key] = i
                    let item = evidence.file != nil && evidence.file == ledgerPath ? evidence.line.map(Int64.init) : nil
                    groups.append(OffenderGroup(key: evidence.key, notes: [], ledgerItem: item))
                }
                guard var note = evidence.note?.zhCN.trimmingCharacters(in: .whitespacesAndNewlines), !note.isEmpty
                else { continue }
                for prefix in [evidence.key + "：", evidence.key + ": ", evidence.key + ":"] where note.hasPrefix(prefix) {
                    note = String(note.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
                    break
                }
                if !note.isEmpty, !groups[i].notes.contains(note) { groups[i].notes.append(note) }
            }
        }
        guard !groups.isEmpty, groups.count <= offenderLimit else { return nil }
        return groups
    }

    /// `：要求` when there is one.
    static func plain(_ requirement: String?) -> String {
        guard let requirement = requirement?.trimmingCharacters(in: .whitespacesAndNewlines), !requirement.isEmpty
        else { return "" }
        return "：" + requirement
    }

    /// `（数据错误：…）` for a check that could not be evaluated.
    static func dataError(_ check: CheckResult) -> String {
        guard check.outcome == .error, let message = check.message else { return "" }
        return "（数据错误：\(message.zhCN)）"
    }

    /// `；涉及 N 项：k1、k2、… 等`: the first offender keys and their count.
    static func offenders(_ check: CheckResult) -> String {
        guard !check.evidence.isEmpty else { return "" }
        let keys = check.evidence.prefix(offendersShown).map(\.key).joined(separator: "、")
        let total = max(check.evidenceTotal, check.evidence.count)
        return "；涉及 \(total) 项：\(keys)" + (total > offendersShown ? " 等" : "")
    }
}
