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
            throw .because(zh: "分组字段最多 3 个", en: "group-by takes at most three fields")
        }
        var dates: ContiguousArray<Int32>?
        if unit != nil, let dateField = table.kind.dateField, let index = table.columnIndex(dateField), case .date(let days) = table.columns[index] {
            dates = days
        }

        // What the inner measure reads.
        var innerFilter: Condition?
        var aggregate: Aggregate?
        var valueColumn: Int?
        switch measure {
        case .count(_, let inner):
            innerFilter = inner
        case .aggregate(let kindOfAggregate, _, let field, let inner):
            innerFilter = inner
            aggregate = kindOfAggregate
            valueColumn = table.columnIndex(field)
        default:
            throw .because(zh: "分组内只能使用计数或汇总", en: "only count or an aggregate can be measured per group")
        }
        let innerPredicate = try innerFilter.map { condition throws(EvaluationError) in try compile(condition, on: table, in: window) }
        var numbers: ContiguousArray<Double>?
        if let valueColumn, case .number(let column) = table.columns[valueColumn] { numbers = column }

        var index: [GroupKey: Int] = [:]
        var groups: [GroupTotals] = []
        for row32 in rows {
            let row = Int(row32)
            var key = GroupKey()
            if extractors.count > 0 { key.a = extractors[0](row) }
            if extractors.count > 1 { key.b = extractors[1](row) }
            if extractors.count > 2 { key.c = extractors[2](row) }
            if let unit, let dates {
                let (y, m, _) = Day(ordinal: dates[row]).components
                key.bucket = Int64((y * 12 + m - 1) / unit.months)
            }
            let slot: Int
            if let existing = index[key] {
                slot = existing
            } else {
                slot = groups.count
                index[key] = slot
                groups.append(GroupTotals(firstRow: row32))
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
            let value: Double
            switch aggregate {
            case nil: value = Double(group.matched)
            case .sum?: value = group.sum
            case .distinct?: value = Double(group.distinct?.count ?? 0)
            case .average?:
                guard group.values > 0 else { continue }
                value = group.sum / Double(group.values)
            case .minimum?:
                guard group.values > 0 else { continue }
                value = group.low
            case .maximum?:
                guard group.values > 0 else { continue }
                value = group.high
            }
            guard !threshold.isMet(by: value) else { continue }
            offenderCount += 1
            guard offenders.count < evidenceLimit else { continue }
            let row = Int(group.firstRow)
            var parts = fields.map { table.value($0, at: row)?.description ?? "—" }
            if let unit, let dates { parts.append(Period.label(of: Day(ordinal: dates[row]), unit: unit)) }
            let key = parts.joined(separator: " ")
            offenders.append(
                EvidenceItem(
                    key: key, file: table.path(at: row), line: Int(table.lines[row]), measured: value, records: group.rows,
                    note: LocalizedText(zh: "\(key)：\(formatNumber(value))，要求 \(threshold)", en: "\(key): \(formatNumber(value)), required \(threshold)")))
        }
        return CheckResult(
            description: description, outcome: offenderCount == 0 ? .pass : .fail, measured: Double(offenderCount), unit: .offenders,
            threshold: threshold, evidence: offenders, evidenceTotal: offenderCount,
            shortfall: offenderCount == 0 ? nil : Double(offenderCount))
    }

    /// A function giving a row's value of a field packed into 64 bits (empty cells share one value).
    private func keyPart(_ field: String, of table: RecordTable) throws(EvaluationError) -> (Int) -> Int64 {
        guard let index = table.columnIndex(field) else {
            throw .because(zh: "“\(table.kind.id)”没有字段 \(field)", en: "kind '\(table.kind.id)' has no field '\(field)'")
        }
        switch table.columns[index] {
        case .text(let column): return { Int64(column.codes[$0]) }
        case .number(let values): return { values[$0].isNaN ? Int64.min : Int64(bitPattern: UInt64(values[$0].bitPattern)) }
        case .date(let values): return { Int64(values[$0]) }
        case .boolean(let values): return { Int64(values[$0]) }
        }
    }
}
