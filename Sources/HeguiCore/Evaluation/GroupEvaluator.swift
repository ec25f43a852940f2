import HeguiBase

/// A group's identity: up to three group-by values and the calendar bucket, each packed into 64 bits.
struct GroupKey: Hashable {
    var a: Int64 = 0
    var b: Int64 = 0
    var c: Int64 = 0
    var bucket: Int64 = 0
}

/// Running totals of one group, filled in a single pass over the rows.
private struct GroupTotals {
    var firstRow: Int32
    var rows = 0
    var matched = 0
    var sum = 0.0
    /// The denominator's sum, for a ratio of two sums per group.
    var denominator = 0.0
    var values = 0
    var low = Double.infinity
    var high = -Double.infinity
    var distinct: Set<Value>? = nil
}

extension EvaluationContext {
    /// For each group of rows, the measure against the threshold; failing groups are the offenders.
    func evaluateGroups(
        kind: String, by fields: [String], per unit: PeriodUnit?, filter: Condition?, measure: Measure, threshold: Threshold,
        window: Period, description: LocalizedText
    ) throws(EvaluationError) -> CheckResult {
        let table = try self.table(kind)
        let rows = try rows(of: kind, in: window, where: filter)
        let extractors = try fields.map { field throws(EvaluationError) -> (Int) -> Int64 in try keyPart(field, of: table) }
        guard extractors.count <= 3 else {
            throw .because(.groupByTooMany)
        }
        var dates: ContiguousArray<Int32>?
        if unit != nil, let dateField = table.kind.dateField, let index = table.columnIndex(dateField),
            case .date(let days) = table.columns[index]
        {
            dates = days
        }

        // What the inner measure reads.
        var innerFilter: Condition?
        var aggregate: Aggregate?
        var valueColumn: Int?
        var denominatorColumn: Int?
        switch measure {
        case .count(_, let inner):
            innerFilter = inner
        case .aggregate(let kindOfAggregate, _, let field, let inner):
            innerFilter = inner
            aggregate = kindOfAggregate
            valueColumn = try column(field, of: table)
        case .ratio(.aggregate(.sum, _, let top, nil), .aggregate(.sum, _, let bottom, nil)):
            // Each group's own ratio (each survey's satisfaction), never pooled with other groups.
            aggregate = .sum
            valueColumn = try column(top, of: table)
            denominatorColumn = try column(bottom, of: table)
        default:
            throw .because(.groupMeasureNotCountOrAggregate)
        }
        let innerPredicate = try innerFilter.map { condition throws(EvaluationError) in
            try compile(condition, on: table, in: window)
        }
        var numbers: ContiguousArray<Double>?
        if let valueColumn, case .number(let column) = table.columns[valueColumn] { numbers = column }
        var denominators: ContiguousArray<Double>?
        if let denominatorColumn, case .number(let column) = table.columns[denominatorColumn] { denominators = column }

        var index: [GroupKey: Int] = [:]
        var groups: [GroupTotals] = []
        let dense = denseKeys(fields: fields, of: table, rows: rows, unit: unit, dates: dates, window: window)
        var slotOfKey = ContiguousArray<Int32>(repeating: -1, count: dense?.size ?? 0)
        for (position, row32) in rows.enumerated() {
            let row = Int(row32)
            let slot: Int
            if let dense {
                // Small key ranges: a flat array of slots instead of hashing a key per row.
                let key = Int(dense.keys[position])
                if slotOfKey[key] >= 0 {
                    slot = Int(slotOfKey[key])
                } else {
                    slot = groups.count
                    slotOfKey[key] = Int32(slot)
                    groups.append(GroupTotals(firstRow: row32))
                }
            } else {
                var key = GroupKey()
                if extractors.count > 0 { key.a = extractors[0](row) }
                if extractors.count > 1 { key.b = extractors[1](row) }
                if extractors.count > 2 { key.c = extractors[2](row) }
                if let unit, let dates {
                    let (y, m, _) = Day(ordinal: dates[row]).components
                    key.bucket = Int64((y * 12 + m - 1) / unit.months)
                }
                if let existing = index[key] {
                    slot = existing
                } else {
                    slot = groups.count
                    index[key] = slot
                    groups.append(GroupTotals(firstRow: row32))
                }
            }
            groups[slot].rows += 1
            if let innerPredicate, !innerPredicate(row) { continue }
            groups[slot].matched += 1
            if aggregate == .distinct, let valueColumn {
                if let value = table.value(column: valueColumn, at: row) {
                    groups[slot].distinct = (groups[slot].distinct ?? []).union([value])
                }
            } else if let numbers {
                let v = numbers[row]
                if let denominators, !denominators[row].isNaN { groups[slot].denominator += denominators[row] }
                if !v.isNaN {
                    groups[slot].sum += v
                    groups[slot].values += 1
                    groups[slot].low = min(groups[slot].low, v)
                    groups[slot].high = max(groups[slot].high, v)
                }
            }
        }

        var offenders: [EvidenceItem] = []
        var offenderCount = 0
        for group in groups {
            // nil: an average, minimum or maximum over a group with no values. The group cannot be
            // shown to meet the rule, so it is an offender that says the values are missing.
            let value: Double?
            switch aggregate {
            case nil: value = Double(group.matched)
            case .sum? where denominators != nil: value = group.denominator > 0 ? group.sum / group.denominator : nil
            case .sum?: value = group.sum
            case .distinct?: value = Double(group.distinct?.count ?? 0)
            case .average?: value = group.values > 0 ? group.sum / Double(group.values) : nil
            case .minimum?: value = group.values > 0 ? group.low : nil
            case .maximum?: value = group.values > 0 ? group.high : nil
            }
            if let value, threshold.isMet(by: value) { continue }
            offenderCount += 1
            guard offenders.count < evidenceLimit else { continue }
            let row = Int(group.firstRow)
            var parts = fields.map { table.value($0, at: row)?.description ?? "—" }
            if let unit, let dates { parts.append(Period.label(of: Day(ordinal: dates[row]), unit: unit)) }
            let key = parts.joined(separator: " ")
            let note =
                Message.evaluation(
                    value.map { .groupValue(key: key, value: formatNumber($0), threshold: "\(threshold)") } ?? .groupNoValues(key: key)
                ).text
            offenders.append(
                EvidenceItem(
                    key: key, file: table.path(at: row), line: Int(table.lines[row]), measured: value, records: group.rows,
                    note: note, cell: table.evidenceCell(at: row)))
        }
        return CheckResult(
            description: description, outcome: offenderCount == 0 ? .pass : .fail, measured: Double(offenderCount),
            unit: .offenders,
            threshold: threshold, evidence: offenders, evidenceTotal: offenderCount,
            shortfall: offenderCount == 0 ? nil : Double(offenderCount))
    }

    /// Each row's group as one small integer, when every group-by field is text or boolean (codes
    /// are dense) and the calendar bucket comes from a per-day table over the window; nil when the
    /// key space would be much larger than the rows, or a row's date falls outside the window.
    private func denseKeys(
        fields: [String], of table: RecordTable, rows: ContiguousArray<Int32>, unit: PeriodUnit?, dates: ContiguousArray<Int32>?,
        window: Period
    ) -> (keys: ContiguousArray<Int32>, size: Int)? {
        var keys = ContiguousArray<Int32>(repeating: 0, count: rows.count)
        var size = 1
        let limit = max(1 << 16, 4 * rows.count)
        for field in fields {
            guard let index = table.columnIndex(field) else { return nil }
            let width: Int
            switch table.columns[index] {
            case .text(let column): width = column.values.count + 1
            case .boolean: width = 3
            default: return nil
            }
            guard size * width <= limit else { return nil }
            size *= width
            keys.withUnsafeMutableBufferPointer { keys in
                switch table.columns[index] {
                case .text(let column):
                    column.codes.withUnsafeBufferPointer { codes in
                        for (i, row) in rows.enumerated() { keys[i] = keys[i] * Int32(width) + codes[Int(row)] + 1 }
                    }
                case .boolean(let values):
                    values.withUnsafeBufferPointer { values in
                        for (i, row) in rows.enumerated() { keys[i] = keys[i] * Int32(width) + Int32(values[Int(row)]) }
                    }
                default: break
                }
            }
        }
        if let unit, let dates {
            // The bucket of each day of the window, numbered from the window's first bucket.
            let start = window.start.ordinal
            let bucketOf = (0..<window.dayCount).map { offset -> Int in
                let (y, m, _) = Day(ordinal: start + Int32(offset)).components
                return (y * 12 + m - 1) / unit.months
            }
            let first = bucketOf.first ?? 0
            let width = (bucketOf.last ?? 0) - first + 1
            guard size * width <= limit else { return nil }
            size *= width
            var inside = true
            keys.withUnsafeMutableBufferPointer { keys in
                dates.withUnsafeBufferPointer { dates in
                    for (i, row) in rows.enumerated() {
                        let day = Int(dates[Int(row)] &- start)
                        guard day >= 0, day < bucketOf.count else {
                            inside = false
                            return
                        }
                        keys[i] = keys[i] * Int32(width) + Int32(bucketOf[day] - first)
                    }
                }
            }
            guard inside else { return nil }
        }
        return (keys, size)
    }

    /// A function giving a row's value of a field packed into 64 bits (empty cells share one value).
    private func keyPart(_ field: String, of table: RecordTable) throws(EvaluationError) -> (Int) -> Int64 {
        let index = try column(field, of: table)
        switch table.columns[index] {
        case .text(let column): return { Int64(column.codes[$0]) }
        case .number(let values): return { values[$0].isNaN ? Int64.min : Int64(bitPattern: UInt64(values[$0].bitPattern)) }
        case .date(let values): return { Int64(values[$0]) }
        case .boolean(let values): return { Int64(values[$0]) }
        }
    }
}
