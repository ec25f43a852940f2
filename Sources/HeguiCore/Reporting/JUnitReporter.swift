import HeguiBase

/// JUnit XML for CI dashboards: a test suite per pack, a test case per indicator and per veto.
public struct JUnitReporter: Reporter {
    /// Creates a JUnit reporter.
    public init() {}

    /// Renders the report as a `<testsuites>` document.
    public func render(_ input: ReportInput) -> String {
        let lang = input.language
        let suites = input.assessment.packs.map { suite($0, lang) }
        let totals = suites.reduce(into: Counts()) { $0.add($1.counts) }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"hegui \(esc(input.assessment.period.label))\"\(totals.attributes)>\n"
        for suite in suites { out += suite.xml }
        out += "</testsuites>\n"
        return out
    }

    private struct Counts {
        var tests = 0
        var failures = 0
        var errors = 0
        var skipped = 0

        mutating func add(_ other: Counts) {
            tests += other.tests
            failures += other.failures
            errors += other.errors
            skipped += other.skipped
        }

        var attributes: String {
            " tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\""
        }
    }

    private enum Verdict {
        case pass
        /// Passed, with a note for the log (a look-back year with no records).
        case passWithNote(String)
        case failure(message: String, body: [String])
        case error(message: String, body: [String])
        case skipped(message: String?)
    }

    private func suite(_ pack: PackAssessment, _ lang: Language) -> (counts: Counts, xml: String) {
        var counts = Counts()
        var cases = ""
        func add(name: String, _ verdict: Verdict) {
            counts.tests += 1
            let open = "    <testcase classname=\"\(esc(pack.pack))\" name=\"\(esc(name))\""
            switch verdict {
            case .pass:
                cases += open + "/>\n"
            case .passWithNote(let note):
                cases += open + ">\n      <system-out>\(esc(note))</system-out>\n    </testcase>\n"
            case .failure(let message, let body):
                counts.failures += 1
                cases += open + ">\n" + element("failure", message: message, body: body) + "    </testcase>\n"
            case .error(let message, let body):
                counts.errors += 1
                cases += open + ">\n" + element("error", message: message, body: body) + "    </testcase>\n"
            case .skipped(let message):
                counts.skipped += 1
                let attribute = message.map { " message=\"\(esc($0))\"" } ?? ""
                cases += open + ">\n      <skipped\(attribute)/>\n    </testcase>\n"
            }
        }
        for finding in pack.findings {
            add(name: "\(finding.id) \(finding.title.text(lang))", verdict(finding, lang))
        }
        for veto in pack.vetoes {
            add(name: "\(veto.id) \(veto.title.text(lang))", verdict(veto, lang))
        }
        var xml = "  <testsuite name=\"\(esc(pack.pack))\"\(counts.attributes)>\n"
        // Pack-level results live in properties: a pack can fail on score alone while each case passes.
        xml += "    <properties>\n"
        let properties = [
            ("version", pack.version), ("score", formatNumber(pack.score)), ("maxScore", formatNumber(pack.maxScore)),
            ("passLine", formatNumber(pack.passLine)), ("grade", pack.grade.id), ("passed", pack.passed ? "true" : "false"),
        ]
        for (name, value) in properties {
            xml += "      <property name=\"\(name)\" value=\"\(esc(value))\"/>\n"
        }
        xml += "    </properties>\n" + cases + "  </testsuite>\n"
        return (counts, xml)
    }

    private func verdict(_ finding: Finding, _ lang: Language) -> Verdict {
        let summary =
            finding.outcome.title.text(lang) + lang.label(.colon)
            + lang.report(
                .measuredThresholdPoints(
                    measured: ReportFormat.measured(finding, language: lang), threshold: ReportFormat.threshold(finding, language: lang),
                    points: ReportFormat.points(finding)))
        let body = {
            ReportFormat.messages(finding, language: lang)
                + ReportFormat.evidenceLines(ReportFormat.failingChecks(finding), language: lang)
        }
        let tailored = finding.tailoring?.note.text(lang)
        switch finding.outcome {
        case .pass: return tailored.map(Verdict.passWithNote) ?? .pass
        case .fail, .unattested: return .failure(message: summary, body: body())
        case .error: return .error(message: summary, body: body())
        case .notApplicable, .waived, .notSelected:
            let title = finding.outcome.title.text(lang)
            guard let reason = finding.message?.text(lang) ?? finding.waiver?.reason else {
                return .skipped(message: tailored.map { lang.report(.alsoTailored(message: title, note: $0)) } ?? title)
            }
            // A waiver's message already begins with the outcome ("waived: …"); say it once.
            let message = reason.hasPrefix(title) ? reason : title + lang.label(.colon) + reason
            return .skipped(message: tailored.map { lang.report(.alsoTailored(message: message, note: $0)) } ?? message)
        }
    }

    private func verdict(_ veto: VetoResult, _ lang: Language) -> Verdict {
        let checks = ReportFormat.failingChecks(veto)
        let body =
            checks.compactMap { $0.message?.text(lang) } + ReportFormat.evidenceLines(checks, language: lang)
            + [veto.coverage?.text(lang)].compactMap { $0 }
        let window = lang.report(.vetoWindow(window: veto.window.label))
        if veto.fired {
            return .failure(message: lang.label(.vetoFired) + window, body: body)
        }
        if veto.hasError {
            return .error(message: lang.label(.vetoNotEvaluated) + window, body: body)
        }
        if let coverage = veto.coverage { return .passWithNote(coverage.text(lang)) }
        return .pass
    }

    private func element(_ name: String, message: String, body: [String]) -> String {
        let open = "      <\(name) message=\"\(esc(message))\""
        guard !body.isEmpty else { return open + "/>\n" }
        return open + ">" + body.map(esc).joined(separator: "\n") + "</\(name)>\n"
    }

    private func esc(_ text: String) -> String { ReportEscape.xml(text) }
}
