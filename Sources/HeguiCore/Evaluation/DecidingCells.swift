/// The cell values a row's requirement read, for the evidence note: `closedOn=2019-05-20, deadline=2019-05-16`.
enum DecidingCells {
    /// The fields a condition reads on the row itself (not the linked kind of a `has`), in order.
    static func fields(_ condition: Condition) -> [String] {
        var seen: [String] = []
        func add(_ name: String) { if !seen.contains(name) { seen.append(name) } }
        func walk(_ condition: Condition) {
            switch condition {
            case .field(let name, let comparison):
                add(name)
                switch comparison {
                case .equals(let o), .notEquals(let o), .lessThan(let o), .atMost(let o), .greaterThan(let o), .atLeast(let o):
                    if case .field(let other) = o { add(other) }
                    if case .fieldShifted(let other, _) = o { add(other) }
                default: break
                }
            case .all(let parts), .any(let parts): parts.forEach(walk)
            case .not(let inner): walk(inner)
            case .has(_, let by, _, let filter):
                add(by)
                // `^hiredOn` in the linked record's conditions is a cell of this row that decided.
                filter.map(outerFields)?.forEach(add)
            case .distinct(let names): names.forEach(add)
            }
        }
        walk(condition)
        return seen
    }

    /// The fields of the outer row a `<has>` filter reads (`^name`), not those of a nested `<has>`.
    private static func outerFields(_ condition: Condition) -> [String] {
        switch condition {
        case .field(_, let comparison): EvaluationContext.outerOperand(of: comparison).map { [$0.name] } ?? []
        case .all(let parts), .any(let parts): parts.flatMap(outerFields)
        case .not(let inner): outerFields(inner)
        case .has, .distinct: []
        }
    }

    /// The note: each field's cell (— when empty), then which value repeats for a `distinct`.
    static func note(_ condition: Condition, table: RecordTable, row: Int) -> LocalizedText? {
        let names = fields(condition)
        guard !names.isEmpty else { return nil }
        let cells = names.map { "\($0)=\(table.value($0, at: row)?.description ?? "—")" }.joined(separator: ", ")
        guard let repeated = repeatedSignature(condition, table: table, row: row) else { return LocalizedText(verbatim: cells) }
        return Message.evaluation(.signsTwice(value: repeated)).text.map { cells + $0 }
    }

    /// For a `distinct` requirement, the first value that appears twice.
    private static func repeatedSignature(_ condition: Condition, table: RecordTable, row: Int) -> String? {
        switch condition {
        case .distinct(let names):
            var seen: [String] = []
            for name in names {
                guard let value = table.value(name, at: row)?.description else { continue }
                if seen.contains(value) { return value }
                seen.append(value)
            }
            return nil
        case .all(let parts), .any(let parts):
            return parts.lazy.compactMap { repeatedSignature($0, table: table, row: row) }.first
        default: return nil
        }
    }
}
