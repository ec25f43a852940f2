/// Every user-facing message hegui prints, as a typed case per area. Each area's file keeps the
/// zh-CN and en text of a case side by side, with named `{placeholders}` for the case's values, so a
/// reworded message can never lose its other language. Nothing is translated by matching text.
public enum Message: Hashable, Sendable {
    /// Reading the records folder: files, encodings, CSV and XML cells.
    case records(RecordMessage)
    /// Files and folders that cannot be read, and the operating system's reasons.
    case files(FileMessage)
    /// XML documents before their content is read.
    case xml(XMLMessage)
    /// Excel workbooks and 台账 layouts.
    case spreadsheets(SpreadsheetMessage)
    /// Enterprise profiles (`--profile`).
    case profiles(ProfileMessage)
    /// Waivers files (`--waivers`).
    case waivers(WaiverMessage)
    /// `hegui test`: the packs' own test cases.
    case test(TestMessage)
    /// Assessment periods and dates given on the command line.
    case periods(PeriodMessage)
    /// The command line's own failures.
    case command(CommandMessage)
    /// Rule packs' meaning (`hegui validate`).
    case rules(RuleMessage)
    /// Enterprises of a shared ledger (`hegui batch`).
    case federation(FederationMessage)
    /// The rectification ledger: moves, accounts, patrols, evidence and the audit chain.
    case ledger(LedgerMessage)
    /// What the ledger commands print.
    case rectify(RectifyMessage)
    /// The reports: text, Markdown, HTML, JUnit and the workbooks.
    case report(ReportMessage)
    /// Evaluating a pack: why a check could not be judged, notes under findings, outcome words.
    case evaluation(EvaluationMessage)
    /// Rules read aloud: checks, measures and conditions in words.
    case ruleWords(DescriptionMessage)
    /// The marks that join lists and clauses.
    case punctuation(Punctuation)
    /// The web pages (`hegui serve`).
    case web(WebMessage)
    /// `hegui explain`, `hegui rules list`/`show` and the notes beside a check's report.
    case explain(ExplainMessage)

    /// The zh-CN and en templates and the values of their placeholders.
    public var entry: MessageEntry {
        switch self {
        case .records(let message): message.entry
        case .files(let message): message.entry
        case .xml(let message): message.entry
        case .spreadsheets(let message): message.entry
        case .profiles(let message): message.entry
        case .waivers(let message): message.entry
        case .test(let message): message.entry
        case .periods(let message): message.entry
        case .command(let message): message.entry
        case .rules(let message): message.entry
        case .federation(let message): message.entry
        case .ledger(let message): message.entry
        case .rectify(let message): message.entry
        case .report(let message): message.entry
        case .evaluation(let message): message.entry
        case .ruleWords(let message): message.entry
        case .punctuation(let message): message.entry
        case .web(let message): message.entry
        case .explain(let message): message.entry
        }
    }

    /// The message in both languages.
    public var text: LocalizedText { entry.text }

    /// The message in one language.
    public func text(_ language: Language) -> String { entry.render(language) }
}

/// One message's two templates, side by side, and the values of their named placeholders.
public struct MessageEntry: Sendable {
    /// The Chinese template; `{name}` stands for the argument called `name`.
    public let zh: String
    /// The English template, with the same placeholders.
    public let en: String
    /// The placeholders' values by name, in each language (a record value reads the same in both;
    /// a nested message, such as an operating system's reason, does not).
    public let arguments: [String: LocalizedText]

    /// Creates an entry; `localized` holds the values that differ by language.
    public init(zh: String, en: String, _ arguments: [String: String] = [:], localized: [String: LocalizedText] = [:]) {
        self.zh = zh
        self.en = en
        var all = localized
        for (name, value) in arguments { all[name] = LocalizedText(zh: value, en: value) }
        self.arguments = all
    }

    /// The template of a language.
    public func template(_ language: Language) -> String {
        switch language {
        case .zhCN: zh
        case .en: en
        }
    }

    /// The text in a language: each placeholder replaced by its value in one pass, so a value that
    /// itself contains `{name}` stays as written.
    public func render(_ language: Language) -> String {
        var result = ""
        var rest = Substring(template(language))
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"),
                let value = arguments[String(rest[afterOpen..<close])]
            {
                result += value.text(language)
                rest = rest[rest.index(after: close)...]
            } else {
                result.append("{")
                rest = rest[afterOpen...]
            }
        }
        return result + rest
    }

    /// Both languages rendered.
    public var text: LocalizedText { LocalizedText(zh: render(.zhCN), en: render(.en)) }

    /// The names of the `{placeholders}` a template uses.
    public static func placeholders(in template: String) -> Set<String> {
        var names: Set<String> = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}") else { break }
            let name = rest[afterOpen..<close]
            if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber }) { names.insert(String(name)) }
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}

extension LocalizedText {
    /// A catalogue message in both languages.
    public init(_ message: Message) {
        self = message.text
    }
}
