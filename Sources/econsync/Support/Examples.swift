/// The "Examples:" part of a command's help: command lines to copy, each
/// perhaps followed by two spaces and a note in parentheses. `HelpExamplesTests`
/// parses every one as the command it illustrates.
///
/// ```swift
/// CommandConfiguration(commandName: "status", abstract: "…",
///                      discussion: Examples.text("econsync status", "econsync status --json  (for monitoring)", after: "…"))
/// ```
enum Examples {
    /// `Examples:` and the lines, indented, after `discussion` (if any) and a blank line.
    /// Keep each line within 76 characters: the help is wrapped at 80 columns.
    static func text(_ lines: String..., after discussion: String? = nil) -> String {
        text(lines, after: discussion)
    }

    static func text(_ lines: [String], after discussion: String? = nil) -> String {
        let examples = Speech.say("Eksempler:\n", "Examples:\n") + lines.map { "  " + $0 }.joined(separator: "\n") + "\n\n" + globalOptions
        return discussion.map { $0 + "\n\n" + examples } ?? examples
    }

    /// An example's command line with its note in the language econsync speaks: `econsync sync  (every module that is due)`.
    static func noted(_ command: String, _ danish: String, _ english: String) -> String {
        "\(command)  (\(Speech.say(danish, english)))"
    }

    /// Where the options every command takes are described: once, in `econsync --help` (each command's own help leaves them out).
    static var globalOptions: String {
        Speech.say("Fælles tilvalg (--data-dir, --department, -q, -v): se `econsync --help`.",
                   "Global options (--data-dir, --department, -q, -v): see `econsync --help`.")
    }

    /// `noun` with its article: "an hour type", "an employee", "a customer".
    static func article(_ noun: String) -> String {
        (noun.first.map { "aeiou".contains($0) } ?? false) || noun.hasPrefix("hour") ? "an " + noun : "a " + noun
    }
}
