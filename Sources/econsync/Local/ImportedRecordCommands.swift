import ArgumentParser
import Replica

extension Supplier: ListedRecord {
    static let command = "supplier"
    static let header: [LocalColumn] = [.id, .economic, .name, .cvr, .city, .email, .phone, .state]
    func cells(_ names: NameLookup) -> [String] {
        [String(id ?? 0), foreignKey.map(String.init) ?? "", name, cvr ?? "", city ?? "", email ?? "", phone ?? "", barred ? LocalWords.Standing.barred.words : names.state(self)]
    }
    var title: String { name }
}

extension NamedRecord: ListedRecord {
    /// Only unit types are listed (`local unit list`); the other named kinds are reference data.
    static var command: String { kind.rawValue }
    static var header: [LocalColumn] { [.id, .economic, .name, .state] }
    func cells(_ names: NameLookup) -> [String] {
        [String(id ?? 0), foreignKey.map(String.init) ?? "", name, names.state(self)]
    }
    var title: String { name }
}

/// `econsync local supplier list`: suppliers, imported from e-conomic by module 8 (read only here).
struct SupplierCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: Supplier.command, abstract: Speech.say(
            "Vis leverandører (importeret fra e-conomic af modulet suppliers; rettes dér).",
            "List suppliers (imported from e-conomic by the suppliers module; edited there)."),
        subcommands: [ListCommand<Supplier>.self])
}

/// `econsync local unit list`: unit types, imported from e-conomic by module 1 (read only here).
struct UnitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: UnitType.command, abstract: Speech.say(
            "Vis enhedstyper (importeret fra e-conomic af modulet units; rettes dér).",
            "List unit types (imported from e-conomic by the units module; edited there)."),
        subcommands: [ListCommand<UnitType>.self])
}
