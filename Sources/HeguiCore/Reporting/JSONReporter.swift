import HeguiBase

/// The machine-readable report documented in `docs/json-output.md`: fixed key order, numbers rounded to 4 decimals,
/// so two renders of one assessment are byte-identical.
public struct JSONReporter: Reporter {
    /// The value of the top-level `format` key; bumped only on incompatible changes.
    public static let formatVersion = 1

    /// Creates a JSON reporter.
    public init() {}

    /// Renders the report as pretty-printed JSON ending with a newline.
    public func render(_ input: ReportInput) -> String {
        var out = ""
        JSONReporter.document(input).write(to: &out, indent: 0)
        return out + "\n"
    }

    /// The report as an ordered JSON tree; built by hand so key order is the documented order.
    static func document(_ input: ReportInput) -> JSONNode {
        let a = input.assessment
        let counts = RectificationCounts(input.items, today: input.today)
        return .object([
            ("format", .number(Double(formatVersion))),
            ("period", period(a.period)),
            ("enterprise", .string(a.enterprise)),
            ("passed", .bool(a.passed)),
            ("packs", .array(a.packs.map(pack))),
            (
                "inputs",
                .array(
                    a.inputs.map {
                        .object([
                            ("path", .string($0.path)), ("kind", .string($0.kind)), ("sha256", .string($0.sha256)),
                            ("records", .number(Double($0.records))),
                        ])
                    })
            ),
            (
                "rectification",
                .object([
                    ("total", .number(Double(input.items.count))), ("open", .number(Double(counts.open))),
                    ("overdue", .number(Double(counts.overdue))), ("submitted", .number(Double(counts.submitted))),
                    ("verified", .number(Double(counts.verified))), ("disputed", .number(Double(counts.disputed))),
                ])
            ),
        ])
    }

    private static func period(_ p: Period) -> JSONNode {
        .object([("label", .string(p.label)), ("start", .string(p.start.description)), ("end", .string(p.end.description))])
    }

    private static func text(_ t: LocalizedText?) -> JSONNode {
        guard let t else { return .null }
        return .object([("zh-CN", .string(t.zhCN)), ("en", .string(t.en))])
    }

    private static func pack(_ p: PackAssessment) -> JSONNode {
        .object([
            ("pack", .string(p.pack)),
            ("version", .string(p.version)),
            ("title", text(p.title)),
            ("score", .number(p.score)),
            ("maxScore", .number(p.maxScore)),
            ("passLine", .number(p.passLine)),
            ("grade", .object([("id", .string(p.grade.id)), ("title", text(p.grade.title))])),
            ("passed", .bool(p.passed)),
            (
                "categories",
                .array(
                    p.categories.map {
                        .object([
                            ("id", .string($0.id)), ("title", text($0.title)), ("score", .number($0.score)),
                            ("maxScore", .number($0.maxScore)), ("minimum", .number($0.minimum)),
                            ("meetsMinimum", .bool($0.meetsMinimum)),
                        ])
                    })
            ),
            (
                "vetoes",
                .array(
                    p.vetoes.map {
                        .object([
                            ("id", .string($0.id)), ("title", text($0.title)), ("fired", .bool($0.fired)),
                            ("hasError", .bool($0.hasError)), ("window", period($0.window)),
                            ("checks", .array($0.checks.map(check))),
                            ("coverage", text($0.coverage)),
                        ])
                    })
            ),
            (
                "gapToPass",
                .object([
                    ("pointsShort", .number(p.gapToPass.pointsShort)),
                    (
                        "items",
                        .array(
                            p.gapToPass.items.map {
                                .object([
                                    ("id", .string($0.id)), ("title", text($0.title)), ("category", .string($0.category)),
                                    ("gain", .number($0.gain)),
                                ])
                            })
                    ),
                    ("blockingVetoes", .array(p.gapToPass.blockingVetoes.map { .string($0) })),
                    ("reachable", .bool(p.gapToPass.reachable)),
                ])
            ),
            ("findings", .array(p.findings.map(finding))),
        ])
    }

    private static func finding(_ f: Finding) -> JSONNode {
        let primary = f.primaryCheck
        return .object([
            ("id", .string(f.id)),
            ("category", .string(f.category)),
            ("title", text(f.title)),
            ("outcome", .string(f.outcome.rawValue)),
            ("points", .number(f.points)),
            ("awarded", .number(f.awarded)),
            ("measured", .number(primary?.measured)),
            ("unit", .string(primary?.unit.rawValue)),
            ("threshold", threshold(primary?.threshold)),
            ("evidence", .array((primary?.evidence ?? []).map(evidence))),
            ("evidenceTotal", .number(Double(primary.map { max($0.evidenceTotal, $0.evidence.count) } ?? 0))),
            ("message", text(f.message ?? primary?.message)),
            ("waiver", waiver(f.waiver)),
            ("tailoring", tailoring(f.tailoring)),
            ("checks", .array(f.checks.map(check))),
        ])
    }

    private static func check(_ c: CheckResult) -> JSONNode {
        .object([
            ("description", text(c.description)),
            ("outcome", .string(c.outcome.rawValue)),
            ("measured", .number(c.measured)),
            ("unit", .string(c.unit.rawValue)),
            ("threshold", threshold(c.threshold)),
            ("evidence", .array(c.evidence.map(evidence))),
            ("evidenceTotal", .number(Double(max(c.evidenceTotal, c.evidence.count)))),
            ("message", text(c.message)),
            ("shortfall", .number(c.shortfall)),
        ])
    }

    private static func threshold(_ t: Threshold?) -> JSONNode {
        guard let t else { return .null }
        return .object([("atLeast", .number(t.atLeast)), ("atMost", .number(t.atMost)), ("equals", .number(t.equals))])
    }

    private static func evidence(_ e: EvidenceItem) -> JSONNode {
        var fields: [(String, JSONNode)] = [
            ("key", .string(e.key)),
            ("file", .string(e.file)),
            ("line", .number(e.line.map(Double.init))),
        ]
        // Only workbook rows have a cell; CSV evidence keeps its shape.
        if let cell = e.cell { fields.append(("cell", .string(cell))) }
        fields += [
            ("measured", .number(e.measured)),
            ("records", .number(e.records.map(Double.init))),
            ("note", text(e.note)),
        ]
        return .object(fields)
    }

    private static func tailoring(_ t: PointsTailoring?) -> JSONNode {
        guard let t else { return .null }
        return .object([("packPoints", .number(t.packPoints)), ("points", .number(t.points)), ("reason", .string(t.reason))])
    }

    private static func waiver(_ w: Waiver?) -> JSONNode {
        guard let w else { return .null }
        return .object([
            ("pack", .string(w.pack)), ("indicator", .string(w.indicator)), ("reason", .string(w.reason)),
            ("approver", .string(w.approver)), ("expires", .string(w.expires.description)),
        ])
    }
}
