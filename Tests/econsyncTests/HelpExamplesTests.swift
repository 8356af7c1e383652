import ArgumentParser
import Testing
@testable import econsync

/// Every command a user runs shows examples in its help, and every example
/// is a command line econsync accepts, as the command it illustrates.
@Suite("Help: examples")
struct HelpExamplesTests {
    /// Every leaf command under `command`, with its words (`econsync local customer add`).
    static func leaves(_ command: any ParsableCommand.Type = Econsync.self, path: [String] = []) -> [(String, any ParsableCommand.Type)] {
        let name = command._commandName
        let subcommands = command.configuration.subcommands
        if subcommands.isEmpty { return [((path + [name]).joined(separator: " "), command)] }
        return subcommands.filter { $0.configuration.shouldDisplay }.flatMap { leaves($0, path: path + [name]) }
    }

    /// The command lines of a help text's examples (`Examples:`, in Danish `Eksempler:`), their notes taken off.
    static func commandLines(in help: String) -> [String] {
        guard let start = help.range(of: "Examples:\n") ?? help.range(of: "Eksempler:\n") else { return [] }
        return help[start.upperBound...].split(separator: "\n").prefix { $0.hasPrefix("  econsync") }.map { line in
            let text = line.dropFirst(2)
            return String(text.range(of: "  (").map { text[..<$0.lowerBound] } ?? text)
        }
    }

    /// `line` split into words as a shell would for these examples (single and double quotes).
    static func words(_ line: String) -> [String] {
        var words: [String] = [], word = "", quote: Character?, inWord = false
        for character in line {
            if let open = quote {
                if character == open { quote = nil } else { word.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character == " " {
                if inWord { words.append(word) }
                word = ""
                inWord = false
            } else {
                word.append(character)
                inWord = true
            }
        }
        if inWord { words.append(word) }
        return words
    }

    @Test("every leaf command's help has at least two examples")
    func everyCommandHasExamples() {
        let missing = Self.leaves().filter { Self.commandLines(in: $0.1.configuration.discussion).count < 2 }.map(\.0)
        #expect(missing.isEmpty, "no examples: \(missing)")
    }

    @Test("every example fits the 80 columns the help is wrapped at, indented")
    func examplesFit() {
        let lines = Self.leaves().flatMap { $0.1.configuration.discussion.split(separator: "\n").filter { $0.hasPrefix("  econsync") } }
        let long = lines.filter { $0.count > 78 }
        #expect(long.isEmpty, "\(long)")
    }

    @Test("every example parses as the command it illustrates")
    func examplesParse() {
        for (name, command) in Self.leaves() {
            for line in Self.commandLines(in: command.configuration.discussion) {
                #expect(line.hasPrefix(name + " ") || line == name, "\(name): \(line)")
                // A shell's redirection (`> settings.json`) is not econsync's.
                let arguments = Array(Self.words(line).dropFirst().prefix { $0 != ">" })
                do {
                    let parsed = try Econsync.parseAsRoot(arguments)
                    #expect(type(of: parsed) == command, "\(line) parses as \(type(of: parsed))")
                } catch {
                    Issue.record("\(line): \(Econsync.message(for: error))")
                }
            }
        }
    }

    @Test("nouns take their article: an hour type, an employee, a customer")
    func articles() {
        #expect(Examples.article("hour type") == "an hour type")
        #expect(Examples.article("employee") == "an employee")
        #expect(Examples.article("customer") == "a customer")
        #expect(LocalHourTypeAbstract.add == "Add an hour type.")
    }
}

private enum LocalHourTypeAbstract {
    static let add = AddCommand<HourTypeCommand.Fields>.configuration.abstract
}
