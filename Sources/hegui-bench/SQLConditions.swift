import HeguiCore

/// Row conditions and operands of a pack, written as DuckDB SQL with the evaluator's semantics:
/// every condition is a non-null boolean, an empty cell meets only `empty="true"` (and the negation
/// of other tests), parameters with dates take the value in force on each record's own date.
extension SQLPeer {
    /// The table's alias and kind a condition is written against.
    struct Scope {
        var alias: String
        var kind: RecordKind
    }

    /// A quoted identifier.
    static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// A quoted string literal.
    static func literal(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }

    /// A day as a DATE literal.
    static func date(_ day: Day) -> String { "DATE '\(day)'" }

    /// A number as a DOUBLE literal (round-trips exactly).
    static func number(_ value: Double) -> String { "CAST('\(value)' AS DOUBLE)" }

    /// A column of the scope's table, remembered as read.
    mutating func column(_ field: String, _ scope: Scope) throws -> String {
        guard scope.kind.field(field) != nil else { throw GeneratorError("kind '\(scope.kind.id)' has no field '\(field)'") }
        reads[scope.kind.id, default: []].insert(field)
        return "\(scope.alias).\(Self.quoted(field))"
    }

    /// Whether a row of the scope falls in the window: its date (or due date) inside, or always for
    /// kinds without a date field.
    mutating func inWindow(_ scope: Scope, _ window: Period) throws -> String {
        reads[scope.kind.id, default: []].formUnion([])
        guard let dateField = scope.kind.dateField, scope.kind.field(dateField)?.type == .date else { return "true" }
        let range = "BETWEEN \(Self.date(window.start)) AND \(Self.date(window.end))"
        var test = "\(try column(dateField, scope)) \(range)"
        if let due = scope.kind.dueField {
            test = "(\(test) OR \(try column(due, scope)) \(range))"
        }
        return "coalesce(\(test), false)"
    }

    /// An operand's value in a window (nil for `@field`), with dated parameters read on `asOf`
    /// or the window's last day.
    func resolve(_ operand: Operand, in window: Period, asOf: Day?) throws -> Value? {
        switch operand {
        case .literal(let value): return value
        case .parameter(let name):
            guard let parameter = pack.parameter(name) else { throw GeneratorError("no parameter $\(name)") }
            var value = parameter.defaultValue
            let day = asOf ?? window.end
            for effective in parameter.schedule where effective.from <= day { value = effective.value }
            return value
        case .field, .fieldShifted, .outerField: return nil
        case .periodStart(let shift): return .date(try shifted(window.start, by: shift, in: window))
        case .periodEnd(let shift): return .date(try shifted(window.end, by: shift, in: window))
        }
    }

    private func shifted(_ day: Day, by shift: Operand.Shift?, in window: Period) throws -> Day {
        guard let shift else { return day }
        guard case .duration(let duration)? = try resolve(shift.duration, in: window, asOf: nil) else {
            throw GeneratorError("a date shift is not a duration")
        }
        return shift.backwards ? duration.subtracted(from: day) : duration.added(to: day)
    }

    /// A numeric bound resolved on the window's last day.
    func bound(_ operand: Operand?, in window: Period) throws -> Double? {
        guard let operand else { return nil }
        guard case .number(let n)? = try resolve(operand, in: window, asOf: nil) else {
            throw GeneratorError("bound \(operand) is not a number")
        }
        return n
    }

    /// A condition as a non-null SQL boolean over the scope's row.
    mutating func condition(_ condition: Condition, _ scope: Scope, _ window: Period, asOf: Day? = nil) throws -> String {
        switch condition {
        case .all(let parts):
            guard !parts.isEmpty else { return "true" }
            return "(" + (try parts.map { try self.condition($0, scope, window, asOf: asOf) }).joined(separator: " AND ") + ")"
        case .any(let parts):
            guard !parts.isEmpty else { return "false" }
            return "(" + (try parts.map { try self.condition($0, scope, window, asOf: asOf) }).joined(separator: " OR ") + ")"
        case .not(let inner):
            return "(NOT \(try self.condition(inner, scope, window, asOf: asOf)))"
        case .distinct(let fields):
            let columns = try fields.map { try column($0, scope) }
            var tests = columns.map { "\($0) IS NOT NULL" }
            for i in columns.indices { for j in columns.indices where j > i { tests.append("\(columns[i]) <> \(columns[j])") } }
            return "(" + tests.joined(separator: " AND ") + ")"
        case .has(let kind, let by, let to, let filter):
            guard let other = kinds[kind] else { throw GeneratorError("no kind '\(kind)'") }
            let inner = Scope(alias: nextAlias(), kind: other)
            var filters = [try inWindow(inner, window)]
            if let filter {
                outerScopes.append(scope)
                defer { outerScopes.removeLast() }
                filters.append(try self.condition(filter, inner, window))
            }
            let linked = try column(to, inner)
            filters.append("\(linked) IS NOT NULL")
            let mine = try column(by, scope)
            return
                "coalesce(\(mine) IN (SELECT \(linked) FROM \(Self.quoted(kind)) \(inner.alias) WHERE \(filters.joined(separator: " AND "))), false)"
        case .field(let name, let comparison):
            return try field(name, comparison, scope, window, asOf: asOf)
        }
    }

    /// A field comparison; a parameter with dates splits it by the record's own date, as the evaluator does.
    private mutating func field(
        _ name: String, _ comparison: Comparison, _ scope: Scope, _ window: Period, asOf: Day?
    ) throws -> String {
        let scheduled = Self.operands(comparison).compactMap { operand -> String? in
            if case .parameter(let p) = operand, pack.parameter(p)?.schedule.isEmpty == false { return p }
            return nil
        }
        if asOf == nil, !scheduled.isEmpty, let dateField = scope.kind.dateField, scope.kind.field(dateField)?.type == .date {
            let changes = Array(Set(scheduled.flatMap { pack.parameter($0)!.schedule.map(\.from) })).sorted()
            let days = [changes[0].adding(days: -1)] + changes
            let date = try column(dateField, scope)
            // The segment of the window's last day judges rows without a date.
            let undated = changes.filter { $0 <= window.end }.count
            var sql = "CASE WHEN \(date) IS NULL THEN \(try plainField(name, comparison, scope, window, asOf: days[undated]))"
            for (index, change) in changes.enumerated() {
                sql += " WHEN \(date) < \(Self.date(change)) THEN \(try plainField(name, comparison, scope, window, asOf: days[index]))"
            }
            return sql + " ELSE \(try plainField(name, comparison, scope, window, asOf: days[changes.count])) END"
        }
        return try plainField(name, comparison, scope, window, asOf: asOf)
    }

    private mutating func plainField(
        _ name: String, _ comparison: Comparison, _ scope: Scope, _ window: Period, asOf: Day?
    ) throws -> String {
        let column = try self.column(name, scope)
        guard let type = scope.kind.field(name)?.type else { throw GeneratorError("no field \(name)") }
        if case .isEmpty(let wanted) = comparison { return "(\(column) IS \(wanted ? "" : "NOT ")NULL)" }
        let op: String
        switch comparison {
        case .equals: op = "="
        case .notEquals: op = "<>"
        case .lessThan: op = "<"
        case .atMost: op = "<="
        case .greaterThan: op = ">"
        case .atLeast: op = ">="
        default: op = ""
        }
        // Another field of the same row, possibly shifted by a duration.
        if let operand = Self.operands(comparison).first {
            switch operand {
            case .field(let other):
                return "coalesce(\(column) \(op) \(try self.column(other, scope)), false)"
            case .fieldShifted(let other, let shift):
                let shifted = try self.shifted(try self.column(other, scope), by: shift, in: window, asOf: asOf)
                return "coalesce(\(column) \(op) \(shifted), false)"
            case .outerField(let other, let shift):
                // The row the enclosing `<has>` is tested for: a correlated reference to its alias.
                guard let outer = outerScopes.last else { throw GeneratorError("^\(other) outside <has>") }
                var value = try self.column(other, outer)
                if let shift { value = try self.shifted(value, by: shift, in: window, asOf: asOf) }
                return "coalesce(\(column) \(op) \(value), false)"
            default: break
            }
        }
        var values: [String] = []
        for operand in Self.operands(comparison) {
            guard let value = try resolve(operand, in: window, asOf: asOf) else { continue }
            switch (type, value) {
            case (.integer, .number(let n)), (.decimal, .number(let n)): values.append(Self.number(n))
            case (.date, .date(let d)): values.append(Self.date(d))
            case (.boolean, .boolean(let b)): values.append(b ? "true" : "false")
            case (.string, _), (.enumeration, _): values.append(Self.literal(value.description))
            default: continue
            }
        }
        guard let first = values.first else { throw GeneratorError("comparison of \(name) with a value of the wrong type") }
        switch comparison {
        case .isIn: return "coalesce(\(column) IN (\(values.joined(separator: ", "))), false)"
        case .between:
            let ordered = type.isNumeric || type == .date
            guard ordered else { throw GeneratorError("between on a \(type) field") }
            return "coalesce(\(column) BETWEEN least(\(values.joined(separator: ", "))) AND greatest(\(values.joined(separator: ", "))), false)"
        default:
            if !(type.isNumeric || type == .date), !["=", "<>"].contains(op) {
                throw GeneratorError("ordering a \(type) field")
            }
            return "coalesce(\(column) \(op) \(first), false)"
        }
    }

    /// A date column shifted by a duration, as DuckDB adds calendar intervals.
    private func shifted(_ column: String, by shift: Operand.Shift, in window: Period, asOf: Day?) throws -> String {
        guard case .duration(let duration)? = try resolve(shift.duration, in: window, asOf: asOf) else {
            throw GeneratorError("a date shift is not a duration")
        }
        let unit = ["d": "DAY", "m": "MONTH", "y": "YEAR"][duration.unit.rawValue] ?? "DAY"
        return "CAST(\(column) \(shift.backwards ? "-" : "+") INTERVAL \(duration.amount) \(unit) AS DATE)"
    }

    /// The operands a comparison reads.
    static func operands(_ comparison: Comparison) -> [Operand] {
        switch comparison {
        case .equals(let o), .notEquals(let o), .lessThan(let o), .atMost(let o), .greaterThan(let o), .atLeast(let o): [o]
        case .isIn(let items): items
        case .between(let a, let b): [a, b]
        case .isEmpty: []
        }
    }
}
