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

    /// A field the rule reads has no column in a records file of its kind: the cells are not empty,
    /// they were never given, so the rule cannot be judged.
    static func absentColumn(_ field: FieldDefinition?, named name: String, kind: String, at location: SourceLocation)
        -> EvaluationError
    {
        let label = field?.labels.first
        let zhName = label.map { "“\($0)”（\(name)）" } ?? "“\(name)”"
        let enName = label.map { "'\(name)' (\($0))" } ?? "'\(name)'"
        return EvaluationError(
            message: LocalizedText(
                zh: "\(location): “\(kind)”记录文件缺少\(zhName)列；本规则读取该列，无法判定",
                en: "\(location): the '\(kind)' records file has no column \(enName); this rule reads it and cannot be judged"))
    }

    /// A kind the pack declares non-empty has a file with no records.
    static func emptyKind(_ kind: RecordKind, files: [RecordFile]) -> EvaluationError {
        let place = files.first.map { "\($0.path): " } ?? ""
        return EvaluationError(
            message: LocalizedText(
                zh: "\(place)“\(kind.title.zhCN)”（\(kind.id)）没有任何记录；本包要求该记录不能为空",
                en: "\(place)'\(kind.title.en)' (\(kind.id)) has no records; the pack requires at least one"))
    }

    /// Any other reason.
    static func because(zh: String, en: String) -> EvaluationError {
        EvaluationError(message: LocalizedText(zh: zh, en: en))
    }
}
