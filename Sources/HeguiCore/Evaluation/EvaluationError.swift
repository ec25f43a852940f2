import HeguiBase

/// Why a check could not be evaluated: it becomes an `error` outcome that says what is missing.
struct EvaluationError: Error {
    /// The explanation, in both languages.
    var message: LocalizedText

    /// No records file for a kind the check reads.
    static func missingKind(_ kind: String) -> EvaluationError {
        .because(.missingKind(kind: kind))
    }

    /// A field the rule reads has no column in a records file of its kind: the cells are not empty,
    /// they were never given, so the rule cannot be judged.
    static func absentColumn(_ field: FieldDefinition?, named name: String, kind: String, at location: SourceLocation)
        -> EvaluationError
    {
        guard let label = field?.labels.first else {
            return .because(.absentColumn(location: "\(location)", kind: kind, name: name))
        }
        return .because(.absentLabelledColumn(location: "\(location)", kind: kind, name: name, label: label))
    }

    /// A kind the pack declares non-empty has a file with no records.
    static func emptyKind(_ kind: RecordKind, files: [RecordFile]) -> EvaluationError {
        let place = files.first.map { "\($0.path): " } ?? ""
        return .because(.emptyKind(place: place, title: kind.title, kind: kind.id))
    }

    /// Any other reason, from the catalogue.
    static func because(_ message: EvaluationMessage) -> EvaluationError {
        EvaluationError(message: Message.evaluation(message).text)
    }
}
