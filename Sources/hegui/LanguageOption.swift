import ArgumentParser
import Foundation
import HeguiCore

extension Language: ExpressibleByArgument {}

/// `--lang`, shared by every command that prints words for people.
struct LanguageOption: ParsableArguments {
    @Option(
        name: .customLong("lang"), help: "Output language: zh-CN or en (default from LC_ALL, LC_MESSAGES or LANG, else zh-CN).")
    var explicit: Language?

    /// The chosen language.
    var language: Language {
        explicit ?? Self.environmentLanguage
    }

    /// The language of the environment. POSIX precedence for message language: LC_ALL, then
    /// LC_MESSAGES, then LANG; zh-CN when none is set.
    static var environmentLanguage: Language {
        let environment = ProcessInfo.processInfo.environment
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        return Language(locale: locale)
    }

    /// The language asked for by raw arguments that could not be parsed (`--lang en`, `--lang=en`).
    static func language(arguments: [String]) -> Language {
        for (index, argument) in arguments.enumerated() {
            let value: String? =
                argument == "--lang" ? (index + 1 < arguments.count ? arguments[index + 1] : nil)
                : argument.hasPrefix("--lang=") ? String(argument.dropFirst("--lang=".count)) : nil
            if let value, let language = Language(rawValue: value) { return language }
        }
        return environmentLanguage
    }
}

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
