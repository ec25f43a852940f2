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
        // POSIX precedence for message language: LC_ALL, then LC_MESSAGES, then LANG.
        let environment = ProcessInfo.processInfo.environment
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        return explicit ?? Language(locale: locale)
    }
}

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
