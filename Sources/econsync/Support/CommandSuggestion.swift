import ArgumentParser
import Vocabulary

/// "did you mean …" for a mistyped command: the argument parser says only
/// "Unexpected argument 'statsu'"; this names the command it was taken for
/// and the closest one there is.
///
/// ```swift
/// CommandSuggestion.message(for: "Unexpected argument 'statsu'", arguments: ["statsu"])
/// // unknown command 'statsu' for 'econsync' (did you mean 'status'?)
/// ```
enum CommandSuggestion {
    /// The parser's `message` reworded when an argument it did not expect
    /// stands where a subcommand of `root` was expected and is close to one,
    /// or when a value is not one of those allowed; nil otherwise.
    static func message(for message: String, arguments: [String], root: any ParsableCommand.Type = Econsync.self) -> String? {
        if let reworded = value(in: message) { return reworded }
        // An option the parser met before it knew the command (`reconcil --json`) may be the mistyped command's.
        let unexpected = message.hasPrefix("Unexpected argument '") || message.contains("unexpected arguments: '")
        guard unexpected || message.hasPrefix("Unknown option '") else { return nil }
        let typed = unexpected ? message.split(separator: "'", omittingEmptySubsequences: false).dropFirst().first.map(String.init) : nil
        var command = root
        var path = [root._commandName]
        for argument in arguments.prefix(while: { $0 != "--" }) where !argument.hasPrefix("-") {
            let subcommands = command.configuration.subcommands
            if let next = subcommands.first(where: { $0._commandName == argument || $0.configuration.aliases.contains(argument) }) {
                command = next
                path.append(argument)
                continue
            }
            guard typed == nil || argument == typed, !subcommands.isEmpty else { continue }
            let names = subcommands.filter { $0.configuration.shouldDisplay }.map { $0._commandName }
            guard let guess = Nearest.name(to: argument, among: names) else { return nil }
            let parent = path.joined(separator: " ")
            return Speech.refusal("ukendt kommando '\(argument)' til '\(parent)' (mente du '\(guess)'?)",
                                  "unknown command '\(argument)' for '\(parent)' (did you mean '\(guess)'?)")
        }
        return nil
    }

    /// The parser's "The value 'custmers' is invalid for '<module>'. Please provide one of
    /// the following: - units …" on one line, with the closest of those values.
    static func value(in message: String) -> String? {
        let lines = message.split(separator: "\n").map(String.init)
        guard let first = lines.first, first.hasPrefix("The value '"), first.contains("' is invalid for '") else { return nil }
        let parts = first.split(separator: "'", omittingEmptySubsequences: false)
        guard parts.count >= 4 else { return nil }
        let typed = String(parts[1]), argument = String(parts[3])
        let choices = lines.dropFirst().filter { $0.hasPrefix("  - ") }.map { String($0.dropFirst(4)) }
        guard !choices.isEmpty else { return nil }
        let guess = Nearest.name(to: typed, among: choices)
        let listed = choices.joined(separator: ", ")
        return Speech.refusal("'\(typed)' er ugyldig til '\(argument)'\(guess.map { " (mente du '\($0)'?)" } ?? ""); en af: \(listed)",
                              "'\(typed)' is invalid for '\(argument)'\(guess.map { " (did you mean '\($0)'?)" } ?? ""); one of: \(listed)")
    }
}
