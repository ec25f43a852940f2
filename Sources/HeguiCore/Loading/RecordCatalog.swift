import HeguiBase

/// Merges the record kinds that several packs declare into one catalogue for import: a kind
/// declared in two packs gets the union of fields, and a field declared twice must agree on type.
public enum RecordCatalog {
    /// The merged kinds sorted by id, and a diagnostic for every conflicting declaration.
    public static func merge(_ packs: [RulePack]) -> (kinds: [RecordKind], diagnostics: [Diagnostic]) {
        var merged: [String: RecordKind] = [:]
        var diagnostics: [Diagnostic] = []
        for pack in packs {
            for kind in pack.recordKinds {
                guard var existing = merged[kind.id] else {
                    merged[kind.id] = kind
                    continue
                }
                for (attribute, mine, theirs) in [
                    ("key", kind.keyField, existing.keyField), ("date", kind.dateField, existing.dateField),
                ]
                where mine != theirs {
                    diagnostics.append(
                        Diagnostic(
                            at: kind.location,
                            .rules(
                                .kindAttributeDiffers(
                                    kind: kind.id, attribute: attribute, mine: mine ?? "", theirs: theirs ?? "",
                                    place: existing.location.description))))
                }
                for field in kind.fields {
                    guard let index = existing.fields.firstIndex(where: { $0.name == field.name }) else {
                        existing.fields.append(field)
                        continue
                    }
                    let other = existing.fields[index]
                    if other.type != field.type {
                        diagnostics.append(
                            Diagnostic(
                                at: field.location,
                                .rules(
                                    .fieldTypeDiffers(
                                        field: "\(kind.id).\(field.name)", type: field.type.typeName, other: other.type.typeName,
                                        place: other.location.description))))
                        continue
                    }
                    existing.fields[index].labels += field.labels.filter { !other.labels.contains($0) }
                    existing.fields[index].allowedValues += field.allowedValues.filter { !other.allowedValues.contains($0) }
                    existing.fields[index].required = other.required || field.required
                }
                merged[kind.id] = existing
            }
        }
        return (merged.values.sorted { $0.id < $1.id }, diagnostics)
    }
}
