import HeguiBase

/// Why a check could not be evaluated: it becomes an `error` outcome that says what is missing.
struct EvaluationError: Error {
    /// The explanation, in both languages.
    var message: LocalizedText

    /// No records file for a kind the check reads.
    static func missingKind(_ kind: String) -> EvaluationError {
        EvaluationError(
            message: LocalizedText(
                zh: "缺少“\(kind)”记录文件（记录目录中应有 \(kind).csv 或 XML 记录）",
                en: "no records file for kind '\(kind)' (expected \(kind).csv or XML records in the records folder)"))
    }

    /// Any other reason.
    static func because(zh: String, en: String) -> EvaluationError {
        EvaluationError(message: LocalizedText(zh: zh, en: en))
    }
}
