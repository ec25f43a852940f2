/// The formats reports are written in.
public enum ReportFormatName: String, Sendable, CaseIterable {
    case text
    case json
    case junit
    case markdown
    case html

    /// The reporter for this format.
    public func reporter(useColour: Bool) -> any Reporter {
        switch self {
        case .text: TextReporter(useColour: useColour)
        case .json: JSONReporter()
        case .junit: JUnitReporter()
        case .markdown: MarkdownReporter()
        case .html: HTMLReporter()
        }
    }
}
