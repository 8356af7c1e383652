import Foundation
import Replica

/// One setting as a front end shows it: its value or default, and what it means.
public struct Setting: Sendable, Equatable, Encodable {
    public var name: String
    /// The stored value, else the default; nil when neither is there.
    public var value: String?
    /// True when ``value`` is the default (nothing is stored).
    public var isDefault: Bool
    /// What the setting means and which values it takes.
    public var help: String
}

extension Workspace {
    /// Every setting with its value or default, in the order the wizard asks.
    public func settings() throws -> [Setting] {
        let stored = try replica().settings()
        return ConfigKey.all.map { key in
            let value = stored[key.name]
            return Setting(name: key.name, value: value ?? key.defaultValue, isDefault: value == nil, help: key.help)
        }
    }

    /// Checks and stores one setting.
    public func set(setting name: String, to value: String) throws {
        try ConfigKey.check(name, value)
        try replica().write { try $0.setSetting(name, value) }
    }

    /// Returns a setting to its default, and returns the setting as it now is.
    @discardableResult
    public func unset(setting name: String) throws -> Setting {
        let key = try ConfigKey.named(name)
        try replica().write { try $0.removeSetting(name) }
        return Setting(name: name, value: key.defaultValue, isDefault: true, help: key.help)
    }

    /// The settings that are set, as the JSON text ``importSettings(_:source:)`` reads.
    public func exportSettings() throws -> String {
        let known = Set(ConfigKey.all.map(\.name))
        return SettingsFile.text(try replica().settings().filter { known.contains($0.key) })
    }

    /// Stores every setting in a settings file (all or nothing) and returns how many there were.
    @discardableResult
    public func importSettings(_ data: [UInt8], source: String) throws -> Int {
        let settings = try SettingsFile.parse(data, source: source)
        try replica().write { writer in
            for (name, value) in settings { try writer.setSetting(name, value) }
        }
        return settings.count
    }
}
