import HeguiBase

/// A number measured over records, with the rows behind it.
struct Measured {
    var value: Double
    var unit: MeasureUnit
    /// The kind and rows counted or aggregated, for evidence.
    var counted: (kind: String, rows: ContiguousArray<Int32>)?
    /// For shares: the rows of the base that do not meet the condition, and the condition (whose cells
    /// the evidence shows at each row).
    var offenders: (kind: String, rows: ContiguousArray<Int32>, unmet: Condition)?
    /// The numbers behind a share or ratio (numerator and denominator), for the report.
    var detail: LocalizedText?
}

/// How many evidence items a check keeps; the total is kept beside them.
let evidenceLimit = 50

extension EvaluationContext {
    /// Evaluates one check over a window; data problems become an `error` result that says why.
    func evaluate(_ check: Check, in window: Period, indicator: String) -> CheckResult {
        let description = RuleDescription.describe(check)
        do {
            return try evaluateThrowing(check, in: window, indicator: indicator, description: description)
        } catch {
            return CheckResult(description: description, outcome: .error, message: error.message)
        }
    }

    private func evaluateThrowing(
        _ check: Check, in window: Period, indicator: String, description: LocalizedText
    )
        throws(EvaluationError) -> CheckResult
    {
        let threshold = try self.threshold(check.requirement, in: window)
        switch check.rule {
        case .measure(let measure):
            let measured = try self.measure(measure, in: window)
            let met = threshold.isMet(by: measured.value)
            var evidence: [EvidenceItem] = []
            var total = 0
            if let offenders = measured.offenders, !met {
                (evidence, total) = try items(offenders.kind, offenders.rows)
                // The cells that decided, at the row: `contractSigned=否` for the one employee short.
                let table = try self.table(offenders.kind)
                for (index, row) in offenders.rows.prefix(evidence.count).enumerated() {
                    evidence[index].note = DecidingCells.note(offenders.unmet, table: table, row: Int(row))
                }
            } else if let counted = measured.counted, !met || threshold.atLeast == nil {
                // Counted rows are the offenders of "at most" rules, and useful detail for the rest.
                (evidence, total) = try items(counted.kind, counted.rows)
            }
            return CheckResult(
                description: description, outcome: met ? .pass : .fail, measured: measured.value, unit: measured.unit,
                threshold: threshold, evidence: evidence, evidenceTotal: total, message: measured.detail,
                shortfall: met ? nil : shortfall(measured.value, threshold))

        case .every(let kind, let filter, let that):
            let table = try self.table(kind)
            let candidates = try rows(of: kind, in: window, where: filter)
            let predicate = try compile(that, on: table, in: window)
            var offenders = ContiguousArray<Int32>()
            for row in candidates where !predicate(Int(row)) { offenders.append(row) }
            var (evidence, total) = try items(kind, offenders)
            // The cells that decided, at the row: closed-on against the deadline, the three signatures.
            for (index, row) in offenders.prefix(evidence.count).enumerated() {
                evidence[index].note = DecidingCells.note(that, table: table, row: Int(row))
            }
            return offenderResult(description, offenders.count, evidence, total)

        case .forEachGroup(let kind, let by, let per, let filter, let measure):
            return try evaluateGroups(
                kind: kind, by: by, per: per, filter: filter, measure: measure, threshold: threshold, window: window,
                description: description)

        case .inEvery(let unit, let measure):
            var evidence: [EvidenceItem] = []
            for bucket in window.buckets(unit) {
                let measured = try self.measure(measure, in: bucket)
                if !threshold.isMet(by: measured.value) {
                    evidence.append(
                        EvidenceItem(
                            key: bucket.label, measured: measured.value, records: measured.counted?.rows.count,
                            note: Message.evaluation(.bucketBelow(bucket: bucket.label, threshold: "\(threshold)")).text))
                }
            }
            return offenderResult(
                description, evidence.count, Array(evidence.prefix(evidenceLimit)), evidence.count, threshold: threshold)

        case .growth(let measure):
            let previousWindow = window.previous
            let current = try self.measure(measure, in: window)
            let previous = try self.measure(measure, in: previousWindow)
            // No records is missing data, not a fall to zero: growth needs both periods measured.
            for (measured, period) in [(current, window), (previous, previousWindow)] where measured.counted?.rows.isEmpty == true
            {
                let kind = measured.counted?.kind ?? ""
                throw .because(.noRecordsForGrowth(period: period.label, kind: kind))
            }
            guard previous.value != 0 else {
                throw .because(.previousPeriodZero(period: previousWindow.label))
            }
            let growth = (current.value - previous.value) / abs(previous.value)
            let met = threshold.isMet(by: growth)
            let evidence = [
                EvidenceItem(key: window.label, measured: current.value, records: current.counted?.rows.count),
                EvidenceItem(key: previousWindow.label, measured: previous.value, records: previous.counted?.rows.count),
            ]
            return CheckResult(
                description: description, outcome: met ? .pass : .fail, measured: growth, unit: .ratio, threshold: threshold,
                evidence: evidence, shortfall: met ? nil : shortfall(growth, threshold))

        case .attested:
            let condition = Condition.all([
                .field("indicator", .equals(.literal(.text(indicator)))), .field("attestedBy", .isEmpty(false)),
                .field("document", .isEmpty(false)),
            ])
            let found = try rows(of: "attestation", in: window, where: condition)
            let (evidence, total) = try items("attestation", found)
            if found.isEmpty {
                return CheckResult(
                    description: description, outcome: .unattested, measured: 0, threshold: Threshold(atLeast: 1),
                    message: Message.evaluation(.noAttestation(period: window.label, indicator: indicator)).text)
            }
            return CheckResult(
                description: description, outcome: .pass, measured: Double(found.count), threshold: Threshold(atLeast: 1),
                evidence: evidence, evidenceTotal: total)
        }
    }

    /// A per-record or per-bucket result: the number of offenders, with the bound each had to meet.
    private func offenderResult(
        _ description: LocalizedText, _ count: Int, _ evidence: [EvidenceItem], _ total: Int, threshold: Threshold? = nil
    ) -> CheckResult {
        CheckResult(
            description: description, outcome: count == 0 ? .pass : .fail, measured: Double(count), unit: .offenders,
            threshold: threshold, evidence: evidence, evidenceTotal: total, shortfall: count == 0 ? nil : Double(count))
    }

    /// How far a value misses its threshold, in the value's own units.
    private func shortfall(_ value: Double, _ threshold: Threshold) -> Double {
        var gap = 0.0
        if let atLeast = threshold.atLeast, value < atLeast { gap = max(gap, atLeast - value) }
        if let atMost = threshold.atMost, value > atMost { gap = max(gap, value - atMost) }
        if let equals = threshold.equals { gap = max(gap, abs(value - equals)) }
        return gap
    }

    /// Evidence items for rows of a kind, capped, with the total.
    func items(_ kind: String, _ rows: ContiguousArray<Int32>) throws(EvaluationError) -> ([EvidenceItem], Int) {
        let table = try self.table(kind)
        let items = rows.prefix(evidenceLimit).map { row in
            EvidenceItem(
                key: table.key(at: Int(row)), file: table.path(at: Int(row)), line: Int(table.lines[Int(row)]),
                cell: table.evidenceCell(at: Int(row)))
        }
        return (items, rows.count)
    }

    // MARK: - Measures

    /// Measures a number over a window.
    func measure(_ measure: Measure, in window: Period) throws(EvaluationError) -> Measured {
        switch measure {
        case .count(let kind, let filter):
            let rows = try rows(of: kind, in: window, where: filter)
            return Measured(value: Double(rows.count), unit: .number, counted: (kind, rows))
        case .aggregate(let aggregate, let kind, let field, let filter):
            let table = try self.table(kind)
            let rows = try rows(of: kind, in: window, where: filter)
            let value = try self.aggregate(aggregate, field: field, of: table, rows: rows, window: window)
            return Measured(value: value, unit: .number, counted: (kind, rows))
        case .share(let kind, let filter, let that):
            let table = try self.table(kind)
            let base = try rows(of: kind, in: window, where: filter)
            guard !base.isEmpty else {
                throw .because(.noShareBase(period: window.label, kind: kind))
            }
            let predicate = try compile(that, on: table, in: window)
            var offenders = ContiguousArray<Int32>()
            for row in base where !predicate(Int(row)) { offenders.append(row) }
            let meeting = base.count - offenders.count
            return Measured(
                value: Double(meeting) / Double(base.count), unit: .ratio, counted: (kind, base),
                offenders: (kind, offenders, that),
                detail: Message.evaluation(.shareDetail(meeting: meeting, total: base.count, kind: kind)).text)
        case .ratio(let a, let b):
            let numerator = try self.measure(a, in: window)
            let denominator = try self.measure(b, in: window)
            guard denominator.value != 0 else {
                let text = RuleDescription.describe(b)
                throw .because(.denominatorZero(measure: text))
            }
            return Measured(
                value: numerator.value / denominator.value, unit: .ratio, counted: numerator.counted,
                detail: Message.evaluation(
                    .ratioDetail(numerator: formatNumber(numerator.value), denominator: formatNumber(denominator.value))
                ).text)
        }
    }

    /// An aggregate of a field over rows; no values for an average, minimum or maximum is an error.
    func aggregate(
        _ aggregate: Aggregate, field: String, of table: RecordTable, rows: ContiguousArray<Int32>, window: Period
    )
        throws(EvaluationError) -> Double
    {
        let index = try column(field, of: table)
        if aggregate == .distinct {
            var seen = Set<Value>()
            for row in rows {
                if let value = table.value(column: index, at: Int(row)) { seen.insert(value) }
            }
            return Double(seen.count)
        }
        guard case .number(let values) = table.columns[index] else {
            throw .because(.fieldNotNumber(field: field))
        }
        var sum = 0.0, count = 0, low = Double.infinity, high = -Double.infinity
        for row in rows {
            let v = values[Int(row)]
            if v.isNaN { continue }
            sum += v
            count += 1
            low = min(low, v)
            high = max(high, v)
        }
        if aggregate == .sum { return sum }
        guard count > 0 else {
            throw .because(.noValues(period: window.label, kind: table.kind.id, field: field))
        }
        switch aggregate {
        case .average: return sum / Double(count)
        case .minimum: return low
        default: return high
        }
    }
}
