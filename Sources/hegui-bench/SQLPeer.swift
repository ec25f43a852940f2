import HeguiCore

/// Writes a pack's checks as one DuckDB query over the records folder's CSV files, with the
/// evaluator's semantics, so the benchmark can run the same checks in DuckDB beside `hegui check`.
///
/// The query returns one row per check (`ord` 0 for an indicator's applies-when, 1… for its
/// checks) and one row per indicator or veto (`ord` −1): outcome, measured value and the number of
/// offenders (hegui's `evidenceTotal`). It reads only the columns its checks read and converts
/// nothing else, as a hand-written query would.
struct SQLPeer {
    let pack: RulePack
    /// Every declared kind (the merged catalogue: shared kinds have one header).
    let kinds: [String: RecordKind]
    let period: Period
    /// The fields each kind's view must provide.
    var reads: [String: Set<String>] = [:]
    /// The rows `<has>` filters are written for, innermost last: what `^field` reads (a correlated subquery).
    var outerScopes: [Scope] = []
    private var aliases = 0

    init(pack: RulePack, kinds: [RecordKind], period: Period) {
        self.pack = pack
        self.kinds = Dictionary(kinds.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.period = period
    }

    mutating func nextAlias() -> String {
        aliases += 1
        return "t\(aliases)"
    }

    /// A measure as derived tables plus expressions over them.
    struct MeasureSQL {
        var sources: [String]
        /// The number (NULL when it cannot be measured).
        var value: String
        /// How many rows were counted (the evidence of "at most" rules).
        var counted: String?
        /// For shares: the rows of the base that do not meet the condition.
        var offenders: String?
        /// When the measure is an error (empty base, zero denominator, no values).
        var error: String
    }

    private func kind(_ id: String) throws -> RecordKind {
        guard let kind = kinds[id] else { throw GeneratorError("no kind '\(id)'") }
        return kind
    }

    /// A kind the pack declares non-empty is an error when its file has no rows.
    private func emptyError(_ kind: String) -> String {
        pack.recordKinds.contains { $0.id == kind && $0.nonEmpty } ? "((SELECT count(*) FROM \(Self.quoted(kind))) = 0)" : "false"
    }

    /// `FROM kind alias WHERE in-window AND condition`.
    private mutating func rows(_ scope: Scope, _ window: Period, _ filter: Condition?) throws -> String {
        var tests = [try inWindow(scope, window)]
        if let filter { tests.append(try condition(filter, scope, window)) }
        return "FROM \(Self.quoted(scope.kind.id)) \(scope.alias) WHERE \(tests.joined(separator: " AND "))"
    }

    mutating func measure(_ measure: Measure, _ window: Period) throws -> MeasureSQL {
        let m = nextAlias()
        switch measure {
        case .count(let kind, let filter):
            let scope = Scope(alias: nextAlias(), kind: try self.kind(kind))
            return MeasureSQL(
                sources: ["(SELECT count(*)::DOUBLE AS n \(try rows(scope, window, filter))) \(m)"], value: "\(m).n",
                counted: "\(m).n", error: emptyError(kind))
        case .aggregate(let aggregate, let kind, let field, let filter):
            let scope = Scope(alias: nextAlias(), kind: try self.kind(kind))
            let column = try self.column(field, scope)
            let numeric = scope.kind.field(field)?.type.isNumeric ?? false
            let value: String
            var error = emptyError(kind)
            switch aggregate {
            case .sum: value = "coalesce(sum(\(column)), 0)::DOUBLE"
            case .average: value = "avg(\(column))"
            case .minimum: value = "min(\(column))::DOUBLE"
            case .maximum: value = "max(\(column))::DOUBLE"
            case .distinct: value = "count(DISTINCT \(column))::DOUBLE"
            }
            if aggregate != .distinct && !numeric { error = "true" }
            if [.average, .minimum, .maximum].contains(aggregate) { error = "(\(error) OR \(m).v IS NULL)" }
            return MeasureSQL(
                sources: ["(SELECT count(*)::DOUBLE AS n, \(value) AS v \(try rows(scope, window, filter))) \(m)"],
                value: "\(m).v", counted: "\(m).n", error: error)
        case .share(let kind, let filter, let that):
            let scope = Scope(alias: nextAlias(), kind: try self.kind(kind))
            let test = try condition(that, scope, window)
            return MeasureSQL(
                sources: [
                    "(SELECT count(*)::DOUBLE AS n, (count(*) FILTER (WHERE NOT \(test)))::DOUBLE AS o \(try rows(scope, window, filter))) \(m)"
                ],
                value: "CASE WHEN \(m).n > 0 THEN (\(m).n - \(m).o) / \(m).n END", counted: "\(m).n", offenders: "\(m).o",
                error: "(\(emptyError(kind)) OR \(m).n = 0)")
        case .ratio(let a, let b):
            let top = try self.measure(a, window)
            let bottom = try self.measure(b, window)
            return MeasureSQL(
                sources: top.sources + bottom.sources,
                value: "CASE WHEN \(bottom.value) <> 0 THEN \(top.value) / \(bottom.value) END", counted: top.counted,
                error: "(\(top.error) OR \(bottom.error) OR \(bottom.value) = 0)")
        }
    }

    /// Whether a value meets the requirement (with the evaluator's 1e-9 tolerance); NULL never does.
    private func met(_ value: String, _ requirement: Requirement, _ window: Period) throws -> String {
        var tests: [String] = []
        if let low = try bound(requirement.atLeast, in: window) { tests.append("\(value) >= \(Self.number(low)) - 1e-9") }
        if let high = try bound(requirement.atMost, in: window) { tests.append("\(value) <= \(Self.number(high)) + 1e-9") }
        if let exact = try bound(requirement.equals, in: window) { tests.append("abs(\(value) - \(Self.number(exact))) <= 1e-9") }
        return tests.isEmpty ? "true" : "coalesce(\(tests.joined(separator: " AND ")), false)"
    }

    /// A check as `SELECT outcome, measured, evidence FROM …`.
    mutating func check(_ check: Check, in window: Period, indicator: String) throws -> String {
        let requirement = check.requirement
        func select(_ sources: [String], _ error: String, _ outcome: String, _ measured: String, _ evidence: String) -> String {
            "SELECT CASE WHEN \(error) THEN 'error' ELSE \(outcome) END AS outcome, CASE WHEN \(error) THEN NULL ELSE \(measured) END AS measured, CASE WHEN \(error) THEN 0 ELSE \(evidence) END AS evidence FROM \(sources.joined(separator: ", "))"
        }
        switch check.rule {
        case .measure(let measure):
            let m = try self.measure(measure, window)
            let met = try self.met(m.value, requirement, window)
            var evidence = "CASE"
            if let offenders = m.offenders { evidence += " WHEN NOT \(met) THEN \(offenders)" }
            if let counted = m.counted {
                evidence += " WHEN \(requirement.atLeast == nil ? "true" : "NOT \(met)") THEN \(counted)"
            }
            evidence += " ELSE 0 END"
            return select(m.sources, m.error, "CASE WHEN \(met) THEN 'pass' ELSE 'fail' END", m.value, evidence)

        case .every(let kind, let filter, let that):
            let scope = Scope(alias: nextAlias(), kind: try self.kind(kind))
            let test = try condition(that, scope, window)
            let m = nextAlias()
            let source = "(SELECT (count(*) FILTER (WHERE NOT \(test)))::DOUBLE AS o \(try rows(scope, window, filter))) \(m)"
            return select([source], emptyError(kind), "CASE WHEN \(m).o = 0 THEN 'pass' ELSE 'fail' END", "\(m).o", "\(m).o")

        case .forEachGroup(let kind, let by, let per, let filter, let measure):
            let scope = Scope(alias: nextAlias(), kind: try self.kind(kind))
            var keys = try by.map { try column($0, scope) }
            if let per, let dateField = scope.kind.dateField {
                let date = try column(dateField, scope)
                keys.append("(year(\(date)) * 12 + month(\(date)) - 1) // \(per.months)")
            }
            let value = try groupValue(measure, scope, window)
            let m = nextAlias()
            let groups =
                "SELECT \(value) AS v \(try rows(scope, window, filter)) GROUP BY \(keys.isEmpty ? "()" : keys.joined(separator: ", ")) HAVING count(*) > 0"
            let source = "(SELECT count(*)::DOUBLE AS o FROM (\(groups)) g WHERE NOT \(try met("g.v", requirement, window))) \(m)"
            return select([source], emptyError(kind), "CASE WHEN \(m).o = 0 THEN 'pass' ELSE 'fail' END", "\(m).o", "\(m).o")

        case .inEvery(let unit, let measure):
            var sources: [String] = []
            var errors: [String] = []
            var failing: [String] = []
            for bucket in window.buckets(unit) {
                let m = try self.measure(measure, bucket)
                sources += m.sources
                errors.append(m.error)
                failing.append("(CASE WHEN \(try met(m.value, requirement, bucket)) THEN 0 ELSE 1 END)")
            }
            let count = "(\(failing.joined(separator: " + ")))::DOUBLE"
            return select(
                sources, "(\(errors.joined(separator: " OR ")))", "CASE WHEN \(count) = 0 THEN 'pass' ELSE 'fail' END", count, count)

        case .growth(let measure):
            let current = try self.measure(measure, window)
            let previous = try self.measure(measure, window.previous)
            var errors = [current.error, previous.error, "\(previous.value) = 0"]
            if let counted = current.counted { errors.append("\(counted) = 0") }
            if let counted = previous.counted { errors.append("\(counted) = 0") }
            let growth = "(\(current.value) - \(previous.value)) / abs(\(previous.value))"
            return select(
                current.sources + previous.sources, "(\(errors.joined(separator: " OR ")))",
                "CASE WHEN \(try met(growth, requirement, window)) THEN 'pass' ELSE 'fail' END", growth, "2")

        case .attested:
            let condition = Condition.all([
                .field("indicator", .equals(.literal(.text(indicator)))), .field("attestedBy", .isEmpty(false)),
                .field("document", .isEmpty(false)),
            ])
            let scope = Scope(alias: nextAlias(), kind: try self.kind("attestation"))
            let m = nextAlias()
            let source = "(SELECT count(*)::DOUBLE AS n \(try rows(scope, window, condition))) \(m)"
            return select([source], "false", "CASE WHEN \(m).n = 0 THEN 'unattested' ELSE 'pass' END", "\(m).n", "\(m).n")
        }
    }

    /// A group's number: a count, an aggregate, or its own ratio of two sums (NULL: no values).
    private mutating func groupValue(_ measure: Measure, _ scope: Scope, _ window: Period) throws -> String {
        func filtered(_ inner: Condition?) throws -> String {
            guard let inner else { return "" }
            return " FILTER (WHERE \(try condition(inner, scope, window)))"
        }
        switch measure {
        case .count(_, let inner):
            return "(count(*)\(try filtered(inner)))::DOUBLE"
        case .aggregate(let aggregate, _, let field, let inner):
            let column = try self.column(field, scope)
            let filter = try filtered(inner)
            switch aggregate {
            case .sum: return "coalesce(sum(\(column))\(filter), 0)::DOUBLE"
            case .average: return "avg(\(column))\(filter)"
            case .minimum: return "min(\(column))\(filter)::DOUBLE"
            case .maximum: return "max(\(column))\(filter)::DOUBLE"
            case .distinct: return "(count(DISTINCT \(column))\(filter))::DOUBLE"
            }
        case .ratio(.aggregate(.sum, _, let top, nil), .aggregate(.sum, _, let bottom, nil)):
            let a = try column(top, scope), b = try column(bottom, scope)
            return "CASE WHEN coalesce(sum(\(b)), 0) > 0 THEN coalesce(sum(\(a)), 0) / sum(\(b)) END"
        default:
            throw GeneratorError("only a count or an aggregate can be measured per group")
        }
    }

    /// The pack's query: every check, then every indicator's outcome and every veto's firing.
    mutating func query() throws -> String {
        var parts: [String] = []
        var sequence = 0
        func add(_ section: String, _ id: String, _ ord: Int, _ select: String) {
            parts.append(
                "SELECT '\(section)' AS section, \(Self.literal(id)) AS id, \(sequence) AS seq, \(ord) AS ord, c.* FROM (\(select)) c")
        }
        for indicator in pack.indicators {
            sequence += 1
            if let applies = indicator.appliesWhen { add("indicator", indicator.id, 0, try check(applies, in: period, indicator: indicator.id)) }
            for (index, item) in indicator.checks.enumerated() {
                add("indicator", indicator.id, index + 1, try check(item, in: period, indicator: indicator.id))
            }
        }
        for veto in pack.vetoes {
            sequence += 1
            var window = period
            if let lookBack = veto.lookBack, case .duration(let duration)? = try resolve(lookBack, in: period, asOf: nil) {
                window = period.lookBack(duration)
            }
            for (index, item) in veto.checks.enumerated() {
                add("veto", veto.id, index + 1, try check(item, in: window, indicator: veto.id))
            }
        }
        let outcome = """
            CASE WHEN section = 'veto' THEN CASE WHEN bool_or(outcome = 'fail') THEN 'fired' ELSE 'clear' END
              WHEN bool_or(ord = 0 AND outcome = 'error') THEN 'error'
              WHEN bool_or(ord = 0 AND outcome <> 'pass') THEN 'notApplicable'
              WHEN bool_or(outcome = 'error') THEN 'error' WHEN bool_or(outcome = 'fail') THEN 'fail'
              WHEN bool_or(outcome = 'unattested') THEN 'unattested' ELSE 'pass' END
            """
        return """
            -- \(pack.id) \(pack.version), period \(period.label): generated by `hegui-bench sql` from the pack; do not edit.
            WITH checks AS (
            \(parts.joined(separator: "\nUNION ALL\n"))
            )
            SELECT \(Self.literal(pack.id)) AS pack, section, id, seq, ord, outcome, measured, evidence FROM checks
            UNION ALL
            SELECT \(Self.literal(pack.id)), section, id, seq, -1, \(outcome), NULL, NULL FROM checks GROUP BY section, id, seq
            ORDER BY seq, ord;

            """
    }

    /// Views over the CSV files with the fields the packs read, typed, named by field (the files'
    /// headers are the fields' first labels, in declaration order, as `hegui-bench` writes them); a
    /// kind the queries scan more than once is read into a table once instead.
    static func load(kinds: [RecordKind], reads: [String: Set<String>], scans: [String: Int]) -> String {
        var text = "-- Views over the records folder's CSV files (run from inside it): generated by `hegui-bench sql`; do not edit.\n"
        for kind in kinds where reads[kind.id]?.isEmpty == false {
            let used = reads[kind.id] ?? []
            let columns = kind.fields.map { field -> String in
                var type = "VARCHAR"
                if used.contains(field.name) && field.type == .date { type = "DATE" }
                if used.contains(field.name) && field.type.isNumeric { type = "DOUBLE" }
                return "\(literal(field.labels.first ?? field.name)): '\(type)'"
            }
            let selected = kind.fields.filter { used.contains($0.name) }.map { field -> String in
                let label = quoted(field.labels.first ?? field.name)
                guard field.type == .boolean else { return "\(label) AS \(quoted(field.name))" }
                let cell = "lower(trim(\(label)))"
                return
                    "CASE WHEN \(cell) IN ('是', 'y', 'yes', 'true', '1') THEN true WHEN \(cell) IN ('否', 'n', 'no', 'false', '0') THEN false END AS \(quoted(field.name))"
            }
            text += """
                CREATE \((scans[kind.id] ?? 0) > 1 ? "TEMP TABLE" : "VIEW") \(quoted(kind.id)) AS SELECT \(selected.joined(separator: ", "))
                  FROM read_csv(\(literal(kind.id + ".csv")), header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
                    columns = {\(columns.joined(separator: ", "))});

                """
        }
        return text
    }
}
