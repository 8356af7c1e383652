import ArgumentParser
import Economic
import Foundation
import Sync

/// `econsync config`: the settings the setup wizard writes, one by one or as a file.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: Speech.say(
            "Vis eller ændr konfigurationen: moduler, tidsplan, ordreeksport, kunder, projekter, master, notifikationer.",
            "Show or change the configuration: modules, schedule, order export, customers, projects, masters, notifications."),
        discussion: Speech.say("Gemmes i replikaen. `econsync setup` skriver den trin for trin; `export` og `import` flytter den som JSON.",
                               "Kept in the replica. `econsync setup` writes it step by step; `export` and `import` move it as JSON."),
        subcommands: [Show.self, Set.self, Unset.self, Export.self, Import.self], defaultSubcommand: Show.self,
        aliases: ["settings"])

    /// `econsync config show`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: Speech.say(
            "Vis hver indstilling, dens værdi (eller standard), og hvad den betyder.",
            "List every setting, its value (or default) and what it means."),
            discussion: Examples.text("econsync config show", "econsync config show --json"),
                                                        aliases: ["list"])
        @OptionGroup(visibility: .hidden) var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var table: TableOptions

        func run() throws {
            let settings = try global.workspace().settings()
            if output.json { return try Output.json("settings", settings) }
            Output.table(Speech.language == .da ? ["INDSTILLING", "VÆRDI", "BETYDNING"] : ["SETTING", "VALUE", "MEANING"], settings.map {
                [$0.name, ($0.value ?? ConfigFile.notSet) + ($0.isDefault && $0.value != nil ? ConfigFile.byDefault : ""), $0.help(Speech.language)]
            }, fit: table.width)
        }
    }

    /// `econsync config set KEY VALUE`.
    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Speech.say("Ændr en indstilling.", "Change a setting."),
            discussion: Examples.text("econsync config set orders.layout 19", "econsync config set customers.syncCVR false", 
                                      after: Speech.say(
                                          "En indstilling, der peger på en post i e-conomic (orders.layout, customers.defaultGroup, "
                                              + "customers.paymentTerms, products.productGroup, projects.projectGroup, orders.hoursProduct), "
                                              + "kontrolleres mod e-conomic, når der er forbindelse.",
                                          "A setting that names an e-conomic record (orders.layout, customers.defaultGroup, customers.paymentTerms, "
                                              + "products.productGroup, projects.projectGroup, orders.hoursProduct) is checked against e-conomic when connected.")))
        @OptionGroup(visibility: .hidden) var global: GlobalOptions
        @Argument(help: .say("Indstillingen.", "The setting.")) var name: String
        @Argument(help: .say("Dens nye værdi.", "Its new value.")) var value: String

        func validate() throws {
            try ConfigFile.check(name, value)
        }

        func run() async throws {
            try await checkAgainstEconomic()
            try global.workspace().set(setting: name, to: value)
            Output.line("\(name) = \(value)")
        }

        /// Refuses a number e-conomic has no record of; says so when it cannot be checked (offline or not connected).
        func checkAgainstEconomic() async throws {
            guard let what = SetupChoices.namedRecords[name] else { return }
            guard global.credentialsFile.exists else {
                return Output.warning(Speech.say("\(name) er ikke kontrolleret mod e-conomic: ikke forbundet", "\(name) is not checked against e-conomic: not connected"))
            }
            let choices: [SetupChoices.Choice]
            do {
                let (client, _) = try global.economicClient()
                guard let found = try await SetupChoices.choices(for: name, client) else { return }
                choices = found
            } catch let error as EconomicError {
                return Output.warning(Speech.say("\(name) er ikke kontrolleret mod e-conomic: ", "\(name) is not checked against e-conomic: ") + error.message)
            }
            guard !choices.contains(where: { $0.number == value }) else { return }
            let shown = choices.prefix(10).map(\.description).joined(separator: ", ") + (choices.count > 10 ? ", …" : "")
            throw ValidationError("\(name): \(value) \(SetupWords.notAChoice.in(.da))" + (choices.isEmpty ? "" : "; e-conomic har \(shown)"),
                                  "\(name): e-conomic has no \(what) \(value)" + (choices.isEmpty ? "" : "; it has \(shown)"))
        }
    }

    /// `econsync config unset KEY`.
    struct Unset: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: Speech.say(
            "Sæt en indstilling tilbage til standard.",
            "Return a setting to its default."),
            discussion: Examples.text("econsync config unset orders.layout", "econsync config unset schedule.cooldown"))
        @OptionGroup(visibility: .hidden) var global: GlobalOptions
        @Argument(help: .say("Indstillingen.", "The setting.")) var name: String

        func validate() throws {
            _ = try ConfigFile.key(name)
        }

        func run() throws {
            let setting = try global.workspace().unset(setting: name)
            print("\(name) = \(setting.value.map { $0 + ConfigFile.byDefault } ?? ConfigFile.notSet)")
        }
    }

    /// `econsync config export`.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: Speech.say(
            "Skriv de indstillinger, der er sat, som et JSON-objekt, `config import` læser.",
            "Print the settings that are set, as a JSON object `config import` reads."),
            discussion: Examples.text("econsync config export", "econsync config export > settings.json"))
        @OptionGroup(visibility: .hidden) var global: GlobalOptions

        func run() throws {
            print(try global.workspace().exportSettings())
        }
    }

    /// `econsync config import FILE`.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Speech.say(
                "Sæt alle indstillinger i en JSON-fil (som `config export` skriver den); alt eller intet.",
                "Set every setting in a JSON file (as `config export` prints); all or nothing."),
            discussion: Examples.text("econsync config import settings.json", "econsync config import settings.json --data-dir /srv/econsync"))
        @OptionGroup(visibility: .hidden) var global: GlobalOptions
        @Argument(help: .say("Filen (- for standard input).", "The file (- for standard input).")) var file: String

        func run() throws {
            let count = try global.workspace().importSettings(try ConfigFile.bytes(file), source: file)
            print("\(Speech.count(count, "indstilling", "indstillinger", "setting")) \(Speech.say("importeret fra", "imported from")) \(file)")
        }
    }
}

/// Settings given on the command line or in a file, checked by the library
/// and refused as a usage error.
enum ConfigFile {
    /// What a setting without a value or a default shows: `(not set)`, `(ikke sat)`.
    static var notSet: String { Speech.say("(ikke sat)", "(not set)") }

    /// What follows a value that is the default: ` (default)`, ` (standard)`.
    static var byDefault: String { Speech.say(" (standard)", " (default)") }

    static func key(_ name: String) throws -> ConfigKey {
        try usage { try ConfigKey.named(name) }
    }

    static func check(_ name: String, _ value: String) throws {
        try usage { try ConfigKey.check(name, value) }
    }

    /// `body`'s value, its ``ConfigError`` thrown as a usage error (exit status 2, with the usage).
    private static func usage<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ConfigError {
            throw ValidationError(ErrorReport.words(error))
        }
    }

    /// The bytes of `path` (- for standard input).
    static func bytes(_ path: String) throws -> [UInt8] {
        let data = path == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: path)
        guard let data else { throw CommandFailure("\(path): kan ikke læses", "\(path): cannot be read") }
        return Array(data)
    }

    /// The settings in a JSON file, every one checked; throws naming the first bad one.
    static func read(_ path: String) throws -> [(name: String, value: String)] {
        try SettingsFile.parse(try bytes(path), source: path)
    }
}
