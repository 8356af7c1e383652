import Vocabulary
import Replica

/// One configuration setting a user may set, with what it means, its default
/// and how a value is checked. Settings live in the replica's settings table.
///
/// ```swift
/// let key = try ConfigKey.named("orders.grouping")
/// key.check("type")          // nil: acceptable
/// key.check("weekly")        // .notOneOf(["none", "type", …])
/// ```
public struct ConfigKey: Sendable {
    public var name: String
    public var help: String
    /// The values it takes when they are a closed set (`true`, `false`; a choice's), in the order ``help`` names them.
    public var values: [String]?
    /// The value used when the setting is not set, as text; nil when there is none.
    public var defaultValue: String?
    /// Nil when a value is acceptable, else why not.
    public var check: @Sendable (String) -> SettingProblem?
    /// The values it may take when they are a fixed list (its check refuses any other), in order; nil for free text, numbers and flags.
    public var choices: [String]? { choiceWords == nil ? nil : values }
    /// Each of ``choices`` in words (see ``words(for:in:)``).
    var choiceWords: (@Sendable (String, Language) -> String?)?

    public init(name: String, help: String, values: [String]? = nil, defaultValue: String? = nil, check: @escaping @Sendable (String) -> SettingProblem?) {
        self.name = name
        self.help = help
        self.values = values
        self.defaultValue = defaultValue
        self.check = check
    }

    /// Every setting `econsync config set` accepts, by area (the setup wizard's steps).
    public static let all: [ConfigKey] = ReconcileSettings.keys + ModuleSettings.keys + OrderExportSettings.keys
        + CustomerSettings.keys + ProjectSettings.keys + NotificationSettings.keys + SnapshotRetention.keys

    /// The setting called `name`.
    public static func named(_ name: String) throws -> ConfigKey {
        guard let key = all.first(where: { $0.name == name }) else {
            throw ConfigError(.unknownSetting(name, guess: Nearest.name(to: name, among: all.map(\.name))))
        }
        return key
    }

    /// A true/false setting.
    static func flag(_ name: String, _ help: String, default value: Bool) -> ConfigKey {
        ConfigKey(name: name, help: help + ": true or false", values: ["true", "false"], defaultValue: String(value)) {
            ["true", "false"].contains($0) ? nil : .notEither("true", "false")
        }
    }

    /// A setting that is one of `Choice`'s values, stored as their raw values.
    static func choice<Choice: SettingChoice>(_ name: String, _ help: String, _ type: Choice.Type, default value: Choice? = nil) -> ConfigKey {
        let choices = Choice.allCases.map(\.rawValue)
        var key = ConfigKey(name: name, help: help + ": " + choices.joined(separator: ", "), values: choices, defaultValue: value?.rawValue) {
            choices.contains($0) ? nil : .notOneOf(choices)
        }
        key.choiceWords = { value, language in Choice(rawValue: value)?.words(language) }
        return key
    }

    /// One of ``choices`` as the office reads it in `language` (`orders.grouping`'s `date`: "pr. timetype/vare og dag");
    /// nil for a value that is none of them, or a setting without a fixed list.
    public func words(for value: String, in language: Language) -> String? {
        choiceWords?(value, language)
    }

    /// A whole number in `range`.
    static func number(_ name: String, _ help: String, _ range: ClosedRange<Int>, default value: Int? = nil) -> ConfigKey {
        ConfigKey(name: name, help: help, defaultValue: value.map(String.init)) {
            guard let number = Int($0), range.contains(number) else { return .notWholeNumber(range) }
            return nil
        }
    }

    /// Free text, up to `max` characters, checked by `extra` too.
    static func text(_ name: String, _ help: String, max: Int = 250, default value: String? = nil,
                     extra: @escaping @Sendable (String) -> SettingProblem? = { _ in nil }) -> ConfigKey {
        ConfigKey(name: name, help: help, defaultValue: value) {
            if $0.isEmpty { return .empty }
            if $0.count > max { return .tooLong(max: max) }
            return extra($0)
        }
    }
}

/// The replica's settings, read in one query, with their defaults.
struct ConfigValues {
    let stored: [String: String]

    static let defaults: [String: String] = Dictionary(uniqueKeysWithValues: ConfigKey.all.compactMap { key in key.defaultValue.map { (key.name, $0) } })

    init(replica: ReplicaStore) throws {
        stored = try replica.settings()
    }

    func string(_ name: String) -> String? {
        stored[name] ?? Self.defaults[name]
    }

    func bool(_ name: String) -> Bool {
        string(name) == "true"
    }

    func int(_ name: String) -> Int? {
        string(name).flatMap { Int($0) }
    }
}
