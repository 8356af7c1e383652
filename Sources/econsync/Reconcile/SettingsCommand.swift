import ArgumentParser
import Foundation
import Replica
import Sync

/// `econsync settings`: the reconcile's settings.
struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings",
        abstract: "Show or change the reconcile's settings (masters, project direction, product auto-creation, defaults).",
        subcommands: [List.self, Set.self, Unset.self], defaultSubcommand: List.self)

    static func key(_ name: String) throws -> ReconcileSettings.Key {
        guard let key = ReconcileSettings.keys.first(where: { $0.name == name }) else {
            throw ValidationError("unknown setting \"\(name)\"; settings are \(ReconcileSettings.keys.map(\.name).joined(separator: ", "))")
        }
        return key
    }

    /// `econsync settings list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every setting, its value and what it means.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions

        struct Entry: Encodable {
            var name: String
            var value: String?
            var help: String
        }

        func run() throws {
            let replica = try global.openReplica()
            let entries = try ReconcileSettings.keys.map { Entry(name: $0.name, value: try replica.setting($0.name), help: $0.help) }
            if output.json { return try Output.json(entries) }
            Output.table(["SETTING", "VALUE", "MEANING"], entries.map { [$0.name, $0.value ?? "(default)", $0.help] })
        }
    }

    /// `econsync settings set KEY VALUE`.
    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a setting.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The setting.") var name: String
        @Argument(help: "Its new value.") var value: String

        func validate() throws {
            if let problem = try SettingsCommand.key(name).check(value) { throw ValidationError("\(name) \(problem) (got \"\(value)\")") }
        }

        func run() throws {
            try global.openReplica().write { try $0.setSetting(name, value) }
            print("\(name) = \(value)")
        }
    }

    /// `econsync settings unset KEY`.
    struct Unset: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Return a setting to its default.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The setting.") var name: String

        func validate() throws { _ = try SettingsCommand.key(name) }

        func run() throws {
            try global.openReplica().write { try $0.removeSetting(name) }
            print("\(name) = (default)")
        }
    }
}
