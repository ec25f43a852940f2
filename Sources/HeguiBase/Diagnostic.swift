/// A place in a source file: 1-based line and column.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The file path as the user gave it.
    public var file: String
    /// The 1-based line, or 0 when the location is the whole file.
    public var line: Int
    /// The 1-based column, or 0 when unknown.
    public var column: Int
    /// The sheet of a workbook, when `file` is a spreadsheet: then `line` is the row and `column` the
    /// column of a cell, written as Excel writes a reference (`book.xlsx!花名册!B12`).
    public var sheet: String?

    /// Creates a location.
    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// A cell of a workbook's sheet (`row` and `column` 1-based; 0 for the whole sheet or row).
    public init(file: String, sheet: String, row: Int = 0, column: Int = 0) {
        self.file = file
        self.line = row
        self.column = column
        self.sheet = sheet
    }

    /// `path:line:column` (or `book.xlsx!sheet!B12`), leaving out the parts that are unknown.
    public var description: String {
        if let sheet {
            guard line > 0 else { return "\(file)!\(sheet)" }
            return "\(file)!\(sheet)!\(column > 0 ? Self.columnLetters(column) : "A")\(line)"
        }
        guard line > 0 else { return file }
        return "\(file):\(line):\(max(column, 1))"
    }

    /// `1` → `A`, `28` → `AB`: a spreadsheet column's name.
    public static func columnLetters(_ column: Int) -> String {
        var number = max(column, 1)
        var letters: [Character] = []
        while number > 0 {
            let digit = (number - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + digit))))
            number = (number - 1) / 26
        }
        return String(letters.reversed())
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.sheet ?? "", lhs.line, lhs.column) < (rhs.file, rhs.sheet ?? "", rhs.line, rhs.column)
    }
}

/// One located problem, printed GCC-style as `path:line:column: error: message`.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Hashable, Sendable, Comparable {
        /// Information that changes nothing (rows of a 台账 read past as not records).
        case note
        case warning
        case error

        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// Whether this is an error or a warning.
    public var severity: Severity
    /// Where the problem is.
    public var location: SourceLocation
    /// What is wrong, in one sentence, in both languages.
    public var text: LocalizedText

    /// What is wrong, in English.
    public var message: String { text.en }

    /// Creates a diagnostic from a catalogue message.
    public init(_ severity: Severity = .error, at location: SourceLocation, _ message: Message) {
        self.init(severity, at: location, message.text)
    }

    /// Creates a diagnostic from a text in both languages (a catalogue message, or a pack's own text).
    public init(_ severity: Severity = .error, at location: SourceLocation, _ text: LocalizedText) {
        self.severity = severity
        self.location = location
        self.text = text
    }

    /// The GCC-style line, in English.
    public var description: String { line(.en) }

    /// The GCC-style line in a language; the `error:`/`warning:` keyword stays English in both so
    /// GCC-style parsers keep working, and the message is made terminal-safe (it quotes record values).
    public func line(_ language: Language) -> String {
        "\(location): \(severity.rawValue): \(terminalSafe(text.text(language)))"
    }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    public var containsErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file, line and column, then message: the stable order for output.
    public func sortedByLocation() -> [Diagnostic] {
        sorted { ($0.location, $0.message) < ($1.location, $1.message) }
    }
}

/// A failure that carries every diagnostic found before giving up.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    /// All diagnostics, in source order.
    public var diagnostics: [Diagnostic]
    /// Errors past the error limit, counted but not listed (one diagnostic says how many).
    public var notShown: Int

    /// Creates the error.
    public init(_ diagnostics: [Diagnostic], notShown: Int = 0) {
        self.diagnostics = diagnostics
        self.notShown = notShown
    }

    /// One GCC-style line per diagnostic.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
