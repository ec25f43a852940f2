/// A test on one row of a table.
typealias RowPredicate = (Int) -> Bool

extension EvaluationContext {
    /// Compiles a condition into a predicate over the table's typed columns, resolving operands once.
    /// An empty cell meets only `empty="true"` (and the negation of other tests).
    func compile(_ condition: Condition, on table: RecordTable, in window: Period) throws(EvaluationError) -> RowPredicate {
        switch condition {
        case .all(let parts):
            let predicates = try compileEach(parts, on: table, in: window)
            return { row in predicates.allSatisfy { $0(row) } }
        case .any(let parts):
            let predicates = try compileEach(parts, on: table, in: window)
            return { row in predicates.contains { $0(row) } }
        case .not(let inner):
            let predicate = try compile(inner, on: table, in: window)
            return { row in !predicate(row) }
        case .distinct(let fields):
            var indices: [Int] = []
            for field in fields { indices.append(try column(field, of: table)) }
            return { row in
                var seen: [Value] = []
                for index in indices {
                    guard let value = table.value(column: index, at: row), !seen.contains(value) else { return false }
                    seen.append(value)
                }
                return true
            }
        case .has(let kind, let by, let to, let filter):
            return try compileHas(kind: kind, by: by, to: to, filter: filter, on: table, in: window)
        case .field(let name, let comparison):
            let index = try column(name, of: table)
            if let dated = try compileByRecordDate(index, comparison, on: table, in: window) { return dated }
            return try compileField(index, comparison, on: table, in: window)
        }
    }

    /// A comparison with a parameter that changes value on some dates, over a kind with a date
    /// field: one predicate per stretch of dates, each row judged by the value in force on its own
    /// date (a row without a date by the value on the window's last day). Nil when nothing is dated.
    private func compileByRecordDate(
        _ index: Int, _ comparison: Comparison, on table: RecordTable, in window: Period
    ) throws(EvaluationError) -> RowPredicate? {
        let names = Self.parameterNames(comparison).filter { schedules[$0] != nil }
        guard asOf == nil, !names.isEmpty, let dateField = table.kind.dateField,
            let dateIndex = table.columnIndex(dateField), case .date(let days) = table.columns[dateIndex]
        else { return nil }
        let changes = Array(Set(names.flatMap { schedules[$0]!.map(\.from) })).sorted()
        defer { asOf = nil }
        var predicates: [RowPredicate] = []
        for day in [changes[0].adding(days: -1)] + changes {
            asOf = day
            predicates.append(try compileField(index, comparison, on: table, in: window))
        }
        let starts = changes.map(\.ordinal)
        func segment(_ ordinal: Int32) -> Int {
            var i = 0
            while i < starts.count && starts[i] <= ordinal { i += 1 }
            return i
        }
        let undated = segment(window.end.ordinal)
        return { row in
            let day = days[row]
            return predicates[day == Column.emptyDate ? undated : segment(day)](row)
        }
    }

    /// The `$parameter` names a comparison reads.
    static func parameterNames(_ comparison: Comparison) -> [String] {
        let list: [Operand]
        switch comparison {
        case .equals(let o), .notEquals(let o), .lessThan(let o), .atMost(let o), .greaterThan(let o), .atLeast(let o): list = [o]
        case .isIn(let items): list = items
        case .between(let a, let b): list = [a, b]
        case .isEmpty: list = []
        }
        return list.compactMap { if case .parameter(let name) = $0 { name } else { nil } }
    }

    private func compileEach(
        _ parts: [Condition], on table: RecordTable, in window: Period
    ) throws(EvaluationError) -> [RowPredicate] {
        var predicates: [RowPredicate] = []
        for part in parts { predicates.append(try compile(part, on: table, in: window)) }
        return predicates
    }

    private func compileField(
        _ index: Int, _ comparison: Comparison, on table: RecordTable, in window: Period
    )
        throws(EvaluationError) -> RowPredicate
    {
        if case .isEmpty(let wanted) = comparison {
            return { row in (table.value(column: index, at: row) == nil) == wanted }
        }
        // Comparisons with another field of the same row go through typed values.
        if let other = fieldOperand(of: comparison) {
            let otherIndex = try column(other, of: table)
            let shift = try fieldShift(of: comparison, in: window)
            return { row in
                guard let a = table.value(column: index, at: row), var b = table.value(column: otherIndex, at: row) else {
                    return false
                }
                if let (duration, backwards) = shift, case .date(let day) = b {
                    b = .date(backwards ? duration.subtracted(from: day) : duration.added(to: day))
                }
                return Self.holds(comparison, a, [b])
            }
        }
        switch table.columns[index] {
        case .number(let values):
            let bounds = try operands(comparison, in: window).compactMap(\.number)
            let test = try numericTest(comparison, bounds)
            return { row in
                let v = values[row]
                return !v.isNaN && test(v)
            }
        case .date(let values):
            let bounds = try operands(comparison, in: window).compactMap { value -> Double? in
                if case .date(let d) = value { return Double(d.ordinal) }
                return nil
            }
            let test = try numericTest(comparison, bounds)
            return { row in
                let v = values[row]
                return v != Column.emptyDate && test(Double(v))
            }
        case .boolean(let values):
            let wanted = try operands(comparison, in: window).compactMap { value -> UInt8? in
                if case .boolean(let b) = value { return b ? 1 : 0 }
                return nil
            }
            switch comparison {
            case .equals, .isIn:
                return { row in wanted.contains(values[row]) }
            case .notEquals:
                return { row in values[row] != Column.emptyBoolean && !wanted.contains(values[row]) }
            default:
                throw .because(.booleanNotOrdered)
            }
        case .text(let column):
            let texts = try operands(comparison, in: window).map(\.description)
            // Compare dictionary codes, not strings: a text absent from the column matches no row.
            let codes = Set(texts.compactMap { column.codeOf[$0] })
            switch comparison {
            case .equals, .isIn:
                return { row in codes.contains(column.codes[row]) }
            case .notEquals:
                return { row in
                    let code = column.codes[row]
                    return code >= 0 && !codes.contains(code)
                }
            default:
                throw .because(.textNotOrdered)
            }
        }
    }

    private func fieldOperand(of comparison: Comparison) -> String? {
        switch comparison {
        case .equals(.field(let f)), .notEquals(.field(let f)), .lessThan(.field(let f)), .atMost(.field(let f)),
            .greaterThan(.field(let f)), .atLeast(.field(let f)):
            f
        case .equals(.fieldShifted(let f, _)), .notEquals(.fieldShifted(let f, _)), .lessThan(.fieldShifted(let f, _)),
            .atMost(.fieldShifted(let f, _)), .greaterThan(.fieldShifted(let f, _)), .atLeast(.fieldShifted(let f, _)):
            f
        default: nil
        }
    }

    /// The shift of a `@field±duration` operand, resolved to a duration once.
    private func fieldShift(of comparison: Comparison, in window: Period) throws(EvaluationError) -> (Duration, Bool)? {
        let operand: Operand
        switch comparison {
        case .equals(let o), .notEquals(let o), .lessThan(let o), .atMost(let o), .greaterThan(let o), .atLeast(let o): operand = o
        default: return nil
        }
        guard case .fieldShifted(_, let shift) = operand else { return nil }
        guard case .duration(let duration)? = try resolve(shift.duration, in: window) else {
            throw .because(.shiftNotDuration)
        }
        return (duration, shift.backwards)
    }

    private func operands(_ comparison: Comparison, in window: Period) throws(EvaluationError) -> [Value] {
        let list: [Operand]
        switch comparison {
        case .equals(let o), .notEquals(let o), .lessThan(let o), .atMost(let o), .greaterThan(let o), .atLeast(let o): list = [o]
        case .isIn(let items): list = items
        case .between(let a, let b): list = [a, b]
        case .isEmpty: list = []
        }
        var values: [Value] = []
        for operand in list {
            if let value = try resolve(operand, in: window) { values.append(value) }
        }
        return values
    }

    private func numericTest(_ comparison: Comparison, _ bounds: [Double]) throws(EvaluationError) -> (Double) -> Bool {
        guard let first = bounds.first else {
            throw .because(.comparisonWrongType)
        }
        switch comparison {
        case .equals: return { $0 == first }
        case .notEquals: return { $0 != first }
        case .lessThan: return { $0 < first }
        case .atMost: return { $0 <= first }
        case .greaterThan: return { $0 > first }
        case .atLeast: return { $0 >= first }
        case .isIn:
            let set = Set(bounds)
            return { set.contains($0) }
        case .between:
            let low = bounds.min()!, high = bounds.max()!
            return { $0 >= low && $0 <= high }
        case .isEmpty: return { _ in false }
        }
    }

    /// Whether a comparison holds between two present values (the slow path for `@field`).
    static func holds(_ comparison: Comparison, _ a: Value, _ others: [Value]) -> Bool {
        guard let b = others.first else { return false }
        func order(_ x: Value, _ y: Value) -> Int? {
            switch (x, y) {
            case (.number(let p), .number(let q)): p < q ? -1 : (p == q ? 0 : 1)
            case (.date(let p), .date(let q)): p < q ? -1 : (p == q ? 0 : 1)
            case (.text(let p), .text(let q)): p < q ? -1 : (p == q ? 0 : 1)
            case (.boolean(let p), .boolean(let q)): p == q ? 0 : (p ? 1 : -1)
            default: nil
            }
        }
        guard let c = order(a, b) else { return false }
        switch comparison {
        case .equals: return c == 0
        case .notEquals: return c != 0
        case .lessThan: return c < 0
        case .atMost: return c <= 0
        case .greaterThan: return c > 0
        case .atLeast: return c >= 0
        default: return false
        }
    }
}
