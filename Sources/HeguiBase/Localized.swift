/// A language hegui speaks.
public enum Language: String, Hashable, Sendable, CaseIterable, Codable {
    case zhCN = "zh-CN"
    case en

    /// The language from a locale string such as `zh_CN.UTF-8` or `en_US`; zh-CN when unknown.
    public init(locale: String?) {
        guard let locale, !locale.isEmpty else {
            self = .zhCN
            return
        }
        self = locale.lowercased().hasPrefix("en") ? .en : .zhCN
    }
}

/// A text in zh-CN and en.
public struct LocalizedText: Hashable, Sendable, Codable {
    /// The Chinese text.
    public var zhCN: String
    /// The English text.
    public var en: String

    /// Creates a text in both languages.
    public init(zh: String, en: String) {
        self.zhCN = zh
        self.en = en
    }

    /// A text that has one form in both languages: a record value, or a library's or a database
    /// server's own words, which exist only as they were written.
    public init(verbatim text: String) {
        self.init(zh: text, en: text)
    }

    /// The text in a language.
    public func text(_ language: Language) -> String {
        switch language {
        case .zhCN: zhCN
        case .en: en
        }
    }

    enum CodingKeys: String, CodingKey {
        case zhCN = "zh-CN"
        case en
    }
}
