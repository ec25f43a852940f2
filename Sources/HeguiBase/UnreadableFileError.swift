/// A file that could not be read at all (missing, unreadable, too large): the run cannot go on.
public struct UnreadableFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The path as given.
    public var path: String
    /// Why it could not be read, in both languages.
    public var text: LocalizedText

    /// Why it could not be read, in English.
    public var reason: String { text.en }

    /// Creates the error from a catalogue message.
    public init(path: String, _ reason: Message) {
        self.path = path
        self.text = reason.text
    }

    /// Creates the error from a text in both languages.
    public init(path: String, _ text: LocalizedText) {
        self.path = path
        self.text = text
    }

    /// `path: error: reason`, in English.
    public var description: String { line(.en) }

    /// `path: error: reason` in a language; `error:` stays English in both.
    public func line(_ language: Language) -> String { "\(path): error: \(text.text(language))" }
}
