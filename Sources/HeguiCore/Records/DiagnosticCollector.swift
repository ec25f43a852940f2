import HeguiBase

// MARK: - Diagnostics and files

/// Errors up to a limit (the rest counted), and warnings.
struct DiagnosticCollector {
    let limit: Int
    var errors: [Diagnostic] = []
    private(set) var warnings: [Diagnostic] = []
    private(set) var suppressed = 0

    init(limit: Int) { self.limit = limit }

    mutating func error(_ location: SourceLocation, _ message: Message) {
        add(Diagnostic(.error, at: location, message))
    }

    mutating func warning(_ location: SourceLocation, _ message: Message) {
        add(Diagnostic(.warning, at: location, message))
    }

    mutating func add(_ diagnostic: Diagnostic) {
        if diagnostic.severity == .warning {
            warnings.append(diagnostic)
        } else if errors.count < limit {
            errors.append(diagnostic)
        } else {
            suppressed += 1
        }
    }

    mutating func add(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { add(diagnostic) }
    }

    /// Adds what another collector gathered after ours, as if it had been added here in order.
    mutating func merge(_ other: DiagnosticCollector) {
        add(other.errors)
        add(other.warnings)
        suppressed += other.suppressed
    }

    /// Throws every diagnostic, sorted by location, when there is an error; the count of the rest last.
    func throwIfErrors(summaryPath: String) throws {
        guard !errors.isEmpty else { return }
        var all = (errors + warnings).sortedByLocation()
        if suppressed > 0 {
            all.append(
                Diagnostic(
                    at: SourceLocation(file: summaryPath),
                    .records(.moreErrors(count: suppressed, limit: limit))))
        }
        throw DiagnosticsError(all, notShown: suppressed)
    }
}
