/// A test on a linked row paired with the outer row it is tested for: `(linked, outer)`.
typealias PairPredicate = (Int, Int) -> Bool

extension EvaluationContext {
    /// `<has>`: some row of the other kind in the window links to this row and meets the conditions.
    /// Conditions that read the outer row (`^hiredOn`) are judged per pair: the linked rows are indexed
    /// by their link value once, and each outer row tests only its own linked rows.
    func compileHas(
        kind: String, by: String, to: String, filter: Condition?, on table: RecordTable, in window: Period
    )
        throws(EvaluationError) -> RowPredicate
    {
        let other = try self.table(kind)
        let mine = try column(by, of: table)
        let theirs = try column(to, of: other)
        let (plain, correlated) = Self.splitOuter(filter)
        let otherRows = try rows(of: kind, in: window, where: plain)
        if let correlated {
            var linked: [Value: [Int32]] = [:]
            for row in otherRows {
                if let value = other.value(column: theirs, at: Int(row)) { linked[value, default: []].append(row) }
            }
            let test = try compilePair(correlated, linked: other, outer: table, in: window)
            return { row in
                guard let value = table.value(column: mine, at: row), let candidates = linked[value] else { return false }
                return candidates.contains { test(Int($0), row) }
            }
        }
        // A hash set of the linked values: one pass over each side, never a nested loop.
        var linked = Set<Value>()
        for row in otherRows {
            if let value = other.value(column: theirs, at: Int(row)) { linked.insert(value) }
        }
        if case .text(let column) = table.columns[mine] {
            let matches = column.values.map { linked.contains(.text($0)) }
            return { row in
                let code = column.codes[row]
                return code >= 0 && matches[Int(code)]
            }
        }
        return { row in table.value(column: mine, at: row).map(linked.contains) ?? false }
    }

    /// A `<has>` filter split into the part that reads only the linked row (filtered once, cached) and
    /// the part that reads the outer row (judged per pair); nil parts are absent.
    static func splitOuter(_ filter: Condition?) -> (plain: Condition?, correlated: Condition?) {
        guard let filter else { return (nil, nil) }
        guard case .all(let parts) = filter else { return readsOuter(filter) ? (nil, filter) : (filter, nil) }
        let plain = parts.filter { !readsOuter($0) }
        let correlated = parts.filter(readsOuter)
        func joined(_ list: [Condition]) -> Condition? { list.isEmpty ? nil : list.count == 1 ? list[0] : .all(list) }
        return (joined(plain), joined(correlated))
    }

    /// Whether a condition reads the outer row (`^field`); a nested `<has>` has its own outer row.
    static func readsOuter(_ condition: Condition) -> Bool {
        switch condition {
        case .field(_, let comparison): outerOperand(of: comparison) != nil
        case .all(let parts), .any(let parts): parts.contains(where: readsOuter)
        case .not(let inner): readsOuter(inner)
        case .has, .distinct: false
        }
    }

    /// The `^field` operand of an ordered or equality comparison, if it has one.
    static func outerOperand(of comparison: Comparison) -> (name: String, shift: Operand.Shift?)? {
        switch comparison {
        case .equals(.outerField(let f, let s)), .notEquals(.outerField(let f, let s)), .lessThan(.outerField(let f, let s)),
            .atMost(.outerField(let f, let s)), .greaterThan(.outerField(let f, let s)), .atLeast(.outerField(let f, let s)):
            (f, s)
        default: nil
        }
    }

    /// Compiles a condition over a linked row and its outer row; parts without `^field` read the linked row only.
    private func compilePair(
        _ condition: Condition, linked: RecordTable, outer: RecordTable, in window: Period
    ) throws(EvaluationError) -> PairPredicate {
        switch condition {
        case .all(let parts):
            var tests: [PairPredicate] = []
            for part in parts { tests.append(try compilePair(part, linked: linked, outer: outer, in: window)) }
            return { l, o in tests.allSatisfy { $0(l, o) } }
        case .any(let parts):
            var tests: [PairPredicate] = []
            for part in parts { tests.append(try compilePair(part, linked: linked, outer: outer, in: window)) }
            return { l, o in tests.contains { $0(l, o) } }
        case .not(let inner):
            let test = try compilePair(inner, linked: linked, outer: outer, in: window)
            return { l, o in !test(l, o) }
        case .field(let name, let comparison) where Self.outerOperand(of: comparison) != nil:
            guard let (outerName, shift) = Self.outerOperand(of: comparison) else { return { _, _ in false } }
            let index = try column(name, of: linked)
            let outerIndex = try column(outerName, of: outer)
            var resolvedShift: (Duration, Bool)?
            if let shift {
                guard case .duration(let duration)? = try resolve(shift.duration, in: window) else {
                    throw .because(.shiftNotDuration)
                }
                resolvedShift = (duration, shift.backwards)
            }
            // An empty cell on either side meets nothing, as with `@field`.
            return { l, o in
                guard let a = linked.value(column: index, at: l), var b = outer.value(column: outerIndex, at: o) else { return false }
                if let (duration, backwards) = resolvedShift, case .date(let day) = b {
                    b = .date(backwards ? duration.subtracted(from: day) : duration.added(to: day))
                }
                return Self.holds(comparison, a, [b])
            }
        default:
            let test = try compile(condition, on: linked, in: window)
            return { l, _ in test(l) }
        }
    }
}
