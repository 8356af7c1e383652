import ArgumentParser
import Foundation
import Replica
import Snapshot
import Sync

/// `econsync config`: the settings the setup wizard writes, one by one or as a file.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show or change the configuration: modules, schedule, order export, customers, projects, masters, notifications.",
        discussion: "Kept in the replica. `econsync setup` writes it step by step; `export` and `import` move it as JSON.",
        subcommands: [Show.self, Set.self, Unset.self, Export.self, Import.self], defaultSubcommand: Show.self,
        aliases: ["settings"])

    /// `econsync config show`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every setting, its value (or default) and what it means.",
                                                        aliases: ["list"])
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions

        struct Entry: Encodable {
            var name: String
            var value: String?
            var isDefault: Bool
            var help: String
        }

        func run() throws {
            let stored = try global.openReplica().settings()
            let entries = ConfigKey.all.map { key in
                let value = stored[key.name]
                return Entry(name: key.name, value: value ?? key.defaultValue, isDefault: value == nil, help: key.help)
            }
            if output.json { return try Output.json(entries) }
            Output.table(["SETTING", "VALUE", "MEANING"], entries.map {
                [$0.name, ($0.value ?? "(not set)") + ($0.isDefault && $0.value != nil ? " (default)" : ""), $0.help]
            })
        }
    }

    /// `econsync config set KEY VALUE`.
    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a setting.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The setting.") var name: String
        @Argument(help: "Its new value.") var value: String

        func validate() throws {
            try ConfigFile.check(name, value)
        }

        func run() throws {
            try global.openReplica().write { try $0.setSetting(name, value) }
            Output.line("\(name) = \(value)")
        }
    }

    /// `econsync config unset KEY`.
    struct Unset: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Return a setting to its default.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The setting.") var name: String

        func validate() throws {
            _ = try ConfigFile.key(name)
        }

        func run() throws {
            try global.openReplica().write { try $0.removeSetting(name) }
            print("\(name) = \(ConfigKey.all.first { $0.name == name }?.defaultValue.map { "\($0) (default)" } ?? "(not set)")")
        }
    }

    /// `econsync config export`.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the settings that are set, as a JSON object `config import` reads.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let stored = try global.openReplica().settings()
            var values: [String: JSONValue] = [:]
            for key in ConfigKey.all {
                if let value = stored[key.name] { values[key.name] = .string(value) }
            }
            print(CanonicalJSON.string(.object(values)))
        }
    }

    /// `econsync config import FILE`.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set every setting in a JSON file (as `config export` prints); all or nothing.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The file (- for standard input).") var file: String

        func run() throws {
            let settings = try ConfigFile.read(file)
            try global.openReplica().write { writer in
                for (name, value) in settings { try writer.setSetting(name, value) }
            }
            print("\(Output.count(settings.count, "setting")) imported from \(file)")
        }
    }
}

/// Reading and checking settings given on the command line or in a file.
enum ConfigFile {
    static func key(_ name: String) throws -> ConfigKey {
        do {
            return try ConfigKey.named(name)
        } catch let error as ConfigError {
            throw ValidationError(error.commandLineText)
        }
    }

    static func check(_ name: String, _ value: String) throws {
        if let problem = try key(name).check(value) { throw ValidationError("\(name) \(problem) (got \"\(value)\")") }
    }

    /// The settings in a JSON file, every one checked; throws naming the first bad one.
    static func read(_ path: String) throws -> [(String, String)] {
        let data = path == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: path)
        guard let data else { throw CommandFailure("\(path): cannot be read") }
        guard case .object(let object)? = try? CanonicalJSON.parse(Array(data)) else {
            throw ConfigError(.invalidFile, "\(path): not a JSON object of settings (like `econsync config export` prints)")
        }
        var settings: [(String, String)] = []
        for (name, value) in object.sorted(by: { $0.key < $1.key }) {
            let text: String
            switch value {
            case .string(let string): text = string
            case .bool(let bool): text = String(bool)
            case .number(let number): text = number
            default: throw ConfigError(.invalidFile, "\(path): \(name) must be a string, a number or true/false")
            }
            guard let key = ConfigKey.all.first(where: { $0.name == name }) else {
                throw ConfigError(.unknownSetting, "\(path): unknown setting \"\(name)\"", remedy: .listSettings)
            }
            if let problem = key.check(text) { throw ConfigError(.invalidValue, "\(path): \(name) \(problem) (got \"\(text)\")") }
            settings.append((name, text))
        }
        return settings
    }
}
