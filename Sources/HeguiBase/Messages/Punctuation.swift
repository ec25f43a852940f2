/// The punctuation that joins texts: Chinese and English lists are written with different marks.
public enum Punctuation: Hashable, Sendable, CaseIterable {
    case list
    case phrases
    case clauses

    /// The zh-CN and en marks side by side.
    public var entry: MessageEntry {
        switch self {
        case .list: MessageEntry(zh: "、", en: ", ")
        case .phrases: MessageEntry(zh: "，", en: ", ")
        case .clauses: MessageEntry(zh: "；", en: "; ")
        }
    }
}

extension LocalizedText {
    /// `a、b` / `a, b`: items of a list.
    public static var list: LocalizedText { Message.punctuation(.list).text }
    /// `a，b` / `a, b`: phrases of one sentence.
    public static var phrases: LocalizedText { Message.punctuation(.phrases).text }
    /// `a；b` / `a; b`: clauses that each could stand alone.
    public static var clauses: LocalizedText { Message.punctuation(.clauses).text }

    /// The parts joined, each language with its own separator.
    public init(joining parts: [LocalizedText], separator: LocalizedText) {
        self.init(zh: parts.map(\.zhCN).joined(separator: separator.zhCN), en: parts.map(\.en).joined(separator: separator.en))
    }

    /// The same change made in both languages, for composing texts that add no words of their own.
    public func map(_ transform: (String) -> String) -> LocalizedText {
        LocalizedText(zh: transform(zhCN), en: transform(en))
    }
}
