import ArgumentParser
import Foundation
import HeguiCore

extension Language: ExpressibleByArgument {}

/// `--lang`, shared by every command that prints words for people.
struct LanguageOption: ParsableArguments {
    @Option(name: .customLong("lang"), help: "Output language: zh-CN or en (default from LANG, else zh-CN).")
    var explicit: Language?

    /// The chosen language.
    var language: Language {
        explicit ?? Language(locale: ProcessInfo.processInfo.environment["LC_ALL"] ?? ProcessInfo.processInfo.environment["LANG"])
    }
}

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
