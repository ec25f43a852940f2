import Foundation

/// Renders the result of `hegui validate`: GCC-style lines or JSON for tools.
public enum ValidationReport {
    /// One diagnostic per line (`path:line:column: error: message`) and a closing summary, in a language.
    public static func text(_ loaded: LoadedPacks, language: Language) -> String {
        var lines = loaded.unreadable.map { $0.line(language) }
        lines += loaded.diagnostics.map { $0.line(language) }
        let errors = loaded.diagnostics.filter { $0.severity == .error }.count + loaded.unreadable.count
        let warnings = loaded.diagnostics.count - loaded.diagnostics.filter { $0.severity == .error }.count
        let indicators = loaded.packs.reduce(0) { $0 + $1.indicators.count }
        let vetoes = loaded.packs.reduce(0) { $0 + $1.vetoes.count }
        lines.append(
            Message.rules(
                .summary(packs: loaded.packs.count, indicators: indicators, vetoes: vetoes, errors: errors, warnings: warnings)
            ).text(language))
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{"valid": …, "packs": […], "diagnostics": […]}` with stable key order.
    public static func json(_ loaded: LoadedPacks) -> String {
        var diagnostics: [[String: Any]] = loaded.unreadable.map {
            ["file": $0.path, "line": 0, "column": 0, "severity": "error", "message": $0.reason]
        }
        diagnostics += loaded.diagnostics.map {
            [
                "file": $0.location.file, "line": $0.location.line, "column": $0.location.column,
                "severity": $0.severity.rawValue, "message": $0.message,
            ]
        }
        let packs: [[String: Any]] = loaded.packs.map {
            [
                "id": $0.id, "version": $0.version, "file": $0.location.file, "indicators": $0.indicators.count,
                "vetoes": $0.vetoes.count,
            ]
        }
        let object: [String: Any] = ["valid": loaded.isValid, "packs": packs, "diagnostics": diagnostics]
        return JSONText.encode(object)
    }
}

/// Stable JSON text from plain dictionaries and arrays (keys sorted), through the one JSON writer.
public enum JSONText {
    /// Encodes `Bool`, integers, `Double`, `String`, arrays and `[String: Any]` with sorted keys,
    /// two-space indentation and a closing newline.
    public static func encode(_ object: Any) -> String {
        JSONNode(plain: object).text
    }
}
