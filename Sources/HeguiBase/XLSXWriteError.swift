/// Writing an `.xlsx` workbook failed: the file could not be created, or libxlsxwriter refused a cell.
public struct XLSXWriteError: Error, Sendable {
    /// The workbook's path.
    public var path: String
    /// What went wrong, from the catalogue.
    public var message: Message

    /// Creates an error.
    public init(path: String, message: Message) {
        self.path = path
        self.message = message
    }

    /// `path: error: …` in a language (the `error:` keyword stays English, as in every located error).
    public func line(_ language: Language) -> String { "\(path): error: \(message.text(language))" }
}
