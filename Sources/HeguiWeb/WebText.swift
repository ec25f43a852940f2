import HeguiCore

/// The pages' texts, all from the one message catalogue: templates read the `WebLabel`s as
/// `{{t.key}}`, routes say `WebMessage`s.
enum WebText {
    /// Every label in one language, by template key, for a template's `t`.
    static func table(_ language: Language) -> [String: String] {
        Dictionary(uniqueKeysWithValues: WebLabel.allCases.map { ($0.rawValue, text($0, language)) })
    }

    /// A label in a language.
    static func text(_ label: WebLabel, _ language: Language) -> String {
        Message.web(.label(label)).text(language)
    }

    /// A message in a language.
    static func text(_ message: WebMessage, _ language: Language) -> String {
        Message.web(message).text(language)
    }

    /// A label named by a key built at run time (`act_assign`, `role.viewer`); the key itself when
    /// no label has it, so a gap shows rather than hides.
    static func text(_ key: String, _ language: Language) -> String {
        WebLabel(rawValue: key).map { text($0, language) } ?? key
    }

    /// A role as people call it: 职工代表, 责任部门：安全部.
    static func role(_ role: AccountRole, _ language: Language) -> String {
        let name = LocalizedText(zh: text("role." + role.kind, .zhCN), en: text("role." + role.kind, .en))
        guard let department = role.department else { return name.text(language) }
        return text(.roleInDepartment(role: name, department: department), language)
    }
}
