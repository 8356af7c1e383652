import Foundation
import Snapshot

/// The settings as a JSON object of names and values: what `config export`
/// writes and `config import` and `setup --config` read.
///
/// ```swift
/// let settings = try SettingsFile.parse(data, source: "office.json")
/// // [(orders.grouping, "type"), …], every value checked
/// ```
public enum SettingsFile {
    /// The settings in `data`, sorted by name, every one checked; throws
    /// naming `source` and the first bad setting.
    public static func parse(_ data: [UInt8], source: String) throws -> [(name: String, value: String)] {
        guard case .object(let object)? = try? CanonicalJSON.parse(data) else {
            throw ConfigError(.notAnObject, source: source)
        }
        var settings: [(name: String, value: String)] = []
        for (name, value) in object.sorted(by: { $0.key < $1.key }) {
            let text: String
            switch value {
            case .string(let string): text = string
            case .bool(let bool): text = String(bool)
            case .number(let number): text = number
            default: throw ConfigError(.notAValue(setting: name), source: source)
            }
            do {
                try ConfigKey.check(name, text)
            } catch let error as ConfigError {
                throw ConfigError(error.problem, source: source)
            }
            settings.append((name, text))
        }
        return settings
    }

    /// The JSON text of `settings` (name → value), canonical so that it reads back the same.
    public static func text(_ settings: [String: String]) -> String {
        CanonicalJSON.string(.object(settings.mapValues { .string($0) }))
    }
}

extension ConfigKey {
    /// Checks that `name` is a setting and `value` fits it.
    ///
    /// ```swift
    /// try ConfigKey.check("orders.grouping", "weekly")
    /// // ConfigError.invalidValue: orders.grouping must be one of none, type, … (got "weekly")
    /// ```
    public static func check(_ name: String, _ value: String) throws {
        if let problem = try named(name).check(value) {
            throw ConfigError(.value(setting: name, value: value, problem))
        }
    }
}
