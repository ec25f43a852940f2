/// What one pack's evaluation reads: records, parameter values, and caches of row selections so
/// that indicators sharing a filter scan the records once.
final class EvaluationContext {
    let records: RecordSet
    let parameters: [String: Value]
    /// Kinds the pack declares non-empty: a table with no rows is an error, not a vacuous pass.
    let nonEmptyKinds: Set<String>
    /// Later values of parameters, each in force from its date (sorted).
    let schedules: [String: [EffectiveValue]]
    /// The day scheduled parameters are read on while compiling one segment of a row condition;
    /// nil reads them on the window's last day.
    var asOf: Day?
    /// The scheduled parameters read since the last reset, for the report's note.
    var usedSchedules: Set<String> = []
    private var windowRows: [WindowKey: ContiguousArray<Int32>] = [:]
    private var filteredRows: [FilterKey: ContiguousArray<Int32>] = [:]

    init(
        records: RecordSet, parameters: [String: Value], nonEmptyKinds: Set<String> = [],
        schedules: [String: [EffectiveValue]] = [:]
    ) {
        self.records = records
        self.parameters = parameters
        self.nonEmptyKinds = nonEmptyKinds
        self.schedules = schedules.filter { !$0.value.isEmpty }
    }

    private struct WindowKey: Hashable {
        var kind: String
        var start: Int32
        var end: Int32
    }

    private struct FilterKey: Hashable {
        var kind: String
        var start: Int32
        var end: Int32
        var condition: Condition?
    }

    /// The table of a kind, or the error that says its file is missing.
    func table(_ kind: String) throws(EvaluationError) -> RecordTable {
        guard let table = records.tables[kind] else { throw .missingKind(kind) }
        if table.count == 0 && nonEmptyKinds.contains(kind) { throw .emptyKind(table.kind, files: table.files) }
        return table
    }

    /// The column of a field a rule reads; a field the records file has no column for is an error
    /// naming the column and the header that lacks it (data missing is never a pass).
    func column(_ field: String, of table: RecordTable) throws(EvaluationError) -> Int {
        guard let index = table.columnIndex(field) else {
            throw .because(.noField(kind: table.kind.id, field: field))
        }
        if let location = table.absentColumns[field] {
            throw .absentColumn(table.kind.field(field), named: field, kind: table.kind.id, at: location)
        }
        return index
    }

    /// The rows of a kind that fall in the window (all rows for kinds without a date field), in file order.
    func rows(of kind: String, in window: Period) throws(EvaluationError) -> ContiguousArray<Int32> {
        let table = try table(kind)
        guard let dateField = table.kind.dateField, let index = table.columnIndex(dateField),
            case .date(let days) = table.columns[index]
        else {
            return ContiguousArray(0..<Int32(table.count))
        }
        let key = WindowKey(kind: kind, start: window.start.ordinal, end: window.end.ordinal)
        if let cached = windowRows[key] { return cached }
        var result = ContiguousArray<Int32>()
        let start = window.start.ordinal
        let end = window.end.ordinal
        var dues: ContiguousArray<Int32>?
        if let due = table.kind.dueField, let dueIndex = table.columnIndex(due), table.absentColumns[due] == nil,
            case .date(let values) = table.columns[dueIndex]
        {
            dues = values
        }
        days.withUnsafeBufferPointer { buffer in
            for row in 0..<buffer.count {
                let day = buffer[row]
                if day >= start && day <= end {
                    result.append(Int32(row))
                } else if let dues, dues[row] >= start && dues[row] <= end {
                    result.append(Int32(row))
                }
            }
        }
        windowRows[key] = result
        return result
    }

    /// The rows of a kind in the window that meet the condition, in file order.
    func rows(of kind: String, in window: Period, where condition: Condition?) throws(EvaluationError) -> ContiguousArray<Int32> {
        let base = try rows(of: kind, in: window)
        guard let condition else { return base }
        let key = FilterKey(kind: kind, start: window.start.ordinal, end: window.end.ordinal, condition: condition)
        if let cached = filteredRows[key] { return cached }
        let predicate = try compile(condition, on: table(kind), in: window)
        var result = ContiguousArray<Int32>()
        for row in base where predicate(Int(row)) { result.append(row) }
        filteredRows[key] = result
        return result
    }

    // MARK: - Operands

    /// An operand's value in a window; nil for `@field` and `^field` (resolved per row).
    func resolve(_ operand: Operand, in window: Period) throws(EvaluationError) -> Value? {
        switch operand {
        case .literal(let value): return value
        case .parameter(let name):
            guard var value = parameters[name] else {
                throw .because(.parameterWithoutValue(name: name))
            }
            if let schedule = schedules[name] {
                // A value with dates: the one in force on the record's date, else on the window's last day.
                let day = asOf ?? window.end
                for effective in schedule where effective.from <= day { value = effective.value }
                usedSchedules.insert(name)
            }
            return value
        case .field, .fieldShifted, .outerField: return nil
        case .periodStart(let shift): return .date(try shifted(window.start, by: shift, in: window))
        case .periodEnd(let shift): return .date(try shifted(window.end, by: shift, in: window))
        }
    }

    private func shifted(_ day: Day, by shift: Operand.Shift?, in window: Period) throws(EvaluationError) -> Day {
        guard let shift else { return day }
        guard case .duration(let duration)? = try resolve(shift.duration, in: window) else {
            throw .because(.shiftNotDuration)
        }
        return shift.backwards ? duration.subtracted(from: day) : duration.added(to: day)
    }

    /// A numeric operand's value, for bounds.
    func number(_ operand: Operand?, in window: Period) throws(EvaluationError) -> Double? {
        guard let operand else { return nil }
        guard case .number(let n)? = try resolve(operand, in: window) else {
            throw .because(.boundNotNumber(bound: "\(operand)"))
        }
        return n
    }

    /// A requirement's bounds resolved to numbers.
    func threshold(_ requirement: Requirement, in window: Period) throws(EvaluationError) -> Threshold {
        Threshold(
            atLeast: try number(requirement.atLeast, in: window), atMost: try number(requirement.atMost, in: window),
            equals: try number(requirement.equals, in: window))
    }
}
