import HeguiBase

/// The default deadlines of patrol issues, by grade, as the rule packs set them.
public enum RectificationDeadlines {
    /// The issue deadlines by grade that the packs at `rules` (the shipped rules folder when empty) set in
    /// `<rectification-deadlines>`, packs in load order, the first pack to name a grade winning. When the
    /// packs cannot be found or are invalid the days are empty, so the built-in ones apply, and `warning`
    /// says so: recording an issue on the floor must not depend on the rules being readable.
    public static func daysByGrade(rules: [String]) -> (days: [String: Int], warning: LocalizedText?) {
        let problem: String
        do {
            let paths = rules.isEmpty ? [try RulesLocator.rulesDirectory()] : rules
            let loaded = try RulePackLoader.shipped().load(paths: paths)
            if loaded.isValid {
                var days: [String: Int] = [:]
                for pack in loaded.packs {
                    days.merge(pack.deadlineDaysByGrade) { first, _ in first }
                }
                return (days, nil)
            }
            if let unreadable = loaded.unreadable.first {
                problem = "\(unreadable.path): \(unreadable.reason)"
            } else {
                problem = loaded.diagnostics.first { $0.severity == .error }.map(\.description) ?? "invalid"
            }
        } catch {
            problem = "\(error)"
        }
        let builtIn = Ledger.defaultDeadlineDaysByGrade.sorted { $0.value < $1.value }
        return (
            [:],
            Message.evaluation(
                .deadlinesFallback(
                    problem: problem,
                    deadlines: LocalizedText(
                        joining: builtIn.map { Message.evaluation(.deadlineDays(grade: $0.key, days: $0.value)).text }, separator: .phrases))
            ).text
        )
    }
}
