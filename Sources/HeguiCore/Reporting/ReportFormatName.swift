/// The formats reports are written in.
public enum ReportFormatName: String, Sendable, CaseIterable {
    case text
    case json
    case junit
    case markdown
    case html
    /// The 自评表 workbook (`SelfAssessmentWorkbook`): binary, so only with an output file.
    case xlsx

    /// The text reporter for this format; nil for the workbook, which is written to a file.
    public func reporter(useColour: Bool) -> (any Reporter)? {
        switch self {
        case .text: TextReporter(useColour: useColour)
        case .json: JSONReporter()
        case .junit: JUnitReporter()
        case .markdown: MarkdownReporter()
        case .html: HTMLReporter()
        case .xlsx: nil
        }
    }
}
