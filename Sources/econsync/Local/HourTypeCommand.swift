import Vocabulary
import ArgumentParser
import Replica

extension HourType: ListedRecord {
    static let command = "hour-type"
    static let header: [LocalColumn] = [.id, .name, .activity, .product, .state]
    func cells(_ names: NameLookup) -> [String] {
        [String(id ?? 0), name, activityNumber.map(String.init) ?? Speech.say("(ikke tilknyttet)", "(unmapped)"), names.name(.product, productId), names.state(self)]
    }
    var title: String { name }
}

/// `econsync local hour-type …`.
struct HourTypeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: HourType.command, abstract: Speech.say(
            "Opret, vis, ret og slet timetyper og deres tilknytning til aktiviteter.",
            "Add, list, edit and delete hour types and their activity mapping."),
        subcommands: [AddCommand<Fields>.self, ListCommand<HourType>.self, EditCommand<Fields>.self, DeleteCommand<HourType>.self])

    struct Fields: RecordFields {
        static let addExamples = ["--name Overtid --activity 2", "--name Kørsel --product n:T-200"]
        static let editExamples = ["1 --activity 3", "2 --product n:T-100"]
        @Option(help: .say("Navn.", "Name.")) var name: String?
        @Option(parsing: .unconditional, help: .say(
            "Nummeret på den e-conomic-aktivitet, timer af denne type overføres som.",
            "The e-conomic activity number hours of this type are transferred as.")) var activity: Int?
        @Option(help: .say(
            "Varen, der prissætter timer af denne type på ordrer.",
            "The product that prices hours of this type on orders.")) var product: RecordRef?
        @Flag(inversion: .prefixedNo, help: .say("Spærret for nye registreringer.", "Barred from new registrations.")) var barred: Bool?

        func validateNew() throws { try require(name, "name <name>") }

        func newRecord(_ writer: ReplicaWriter) throws -> HourType { HourType(name: "") }

        func apply(to hourType: inout HourType, _ writer: ReplicaWriter) throws {
            if let name { hourType.name = name }
            if let activity { hourType.activityNumber = activity }
            if let product { hourType.productId = try writer.resolve(product, as: .product) }
            if let barred { hourType.barred = barred }
        }
    }
}
