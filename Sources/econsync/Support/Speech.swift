import ArgumentParser
import Foundation
import Sync

/// The language econsync speaks on this command line: `--lang da|en` when
/// given, else the locale's (`LC_ALL`, `LC_MESSAGES`, `LANG`): Danish when it
/// is Danish, English otherwise. `--json` is the same in every language.
///
/// ```swift
/// // LANG=da_DK.UTF-8 econsync status
/// Speech.language   // .da
/// ```
enum Speech {
    /// Read once, from the arguments and the environment of this process.
    static let language = chosen(arguments: Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)

    /// `--lang X` or `--lang=X` before any `--`, else the locale's language.
    static func chosen(arguments: [String], environment: [String: String]) -> Language {
        let options = arguments.prefix { $0 != "--" }
        for (index, argument) in options.enumerated() {
            if argument == "--lang", index + 1 < options.count, let language = Language(rawValue: options[index + 1]) { return language }
            if argument.hasPrefix("--lang="), let language = Language(rawValue: String(argument.dropFirst("--lang=".count))) { return language }
        }
        return Language.of(environment: environment)
    }

    /// `danish` or `english`, as econsync speaks.
    static func say(_ danish: String, _ english: String) -> String {
        language == .da ? danish : english
    }

    /// A refusal's or failure's words: `danish` under Danish speech, but `english` when the command line asks for
    /// `--json`, whose messages are the same in every language (as ``ErrorReport/words(_:arguments:)`` words coded errors).
    ///
    /// ```swift
    /// throw ValidationError(Speech.refusal("--limit skal være 1 eller mere", "--limit must be 1 or more"))
    /// ```
    static func refusal(_ danish: String, _ english: String) -> String {
        ErrorReport.commandLineWantsJSON ? english : say(danish, english)
    }

    /// `4 linjer` (`1 linje`) or `4 lines`, as econsync speaks: the Danish noun
    /// in its singular and plural, the English one as ``Output/count(_:_:plural:)`` makes it.
    static func count(_ value: Int, _ danish: String, _ danishPlural: String, _ english: String) -> String {
        language == .da ? "\(value) \(value == 1 ? danish : danishPlural)" : Output.count(value, english)
    }
}

extension Language: ExpressibleByArgument {}

extension ValidationError {
    /// A usage error in the language econsync speaks, English under `--json` (see ``Speech/refusal(_:_:)``).
    ///
    /// ```swift
    /// throw ValidationError("--key kræver --kind", "--key needs --kind")
    /// ```
    init(_ danish: String, _ english: String) {
        self.init(Speech.refusal(danish, english))
    }
}

extension ArgumentHelp {
    /// An option's help in the language econsync speaks (see ``Speech/say(_:_:)``),
    /// made when the parser asks for it, after ``Speech/language`` is known.
    ///
    /// ```swift
    /// @Flag(help: .say("Kør også inden for hviletiden (registreres).", "Run even inside the cooldown (recorded).")) var force = false
    /// ```
    static func say(_ danish: String, _ english: String, valueName: String? = nil) -> ArgumentHelp {
        ArgumentHelp(Speech.say(danish, english), valueName: valueName)
    }
}
