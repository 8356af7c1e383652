import Vocabulary
import ArgumentParser
import Replica

extension Contact: ListedRecord {
    static let command = "contact"
    static let header: [LocalColumn] = [.id, .economic, .customer, .name, .email, .phone, .state]
    func cells(_ names: NameLookup) -> [String] {
        [String(id ?? 0), foreignKey.map(String.init) ?? "", names.name(.customer, customerId), name, email ?? "", phone ?? "",
         names.state(self)]
    }
    var title: String { name }
}

/// `econsync local contact …`.
struct ContactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: Contact.command, abstract: Speech.say(
            "Opret, vis, ret og slet kunders kontaktpersoner.",
            "Add, list, edit and delete customer contact persons."),
        subcommands: [AddCommand<Fields>.self, ListCommand<Contact>.self, EditCommand<Fields>.self, DeleteCommand<Contact>.self])

    struct Fields: RecordFields {
        static let addExamples = ["--customer 3 --name 'Mette Holm'", "--customer e:1002 --name Ole --email ole@imens.dk"]
        static let editExamples = ["4 --phone '+45 20 30 40 50'", "4 --email ''  (an empty value clears it)"]
        @Option(help: .say("Kunden, kontaktpersonen arbejder for.", "The customer the contact works for.")) var customer: RecordRef?
        @Option(help: .say("Navn.", "Name.")) var name: String?
        @Option(help: .say("E-mailadresse.", "E-mail address.")) var email: String?
        @Option(help: .say("Telefon.", "Telephone.")) var phone: String?

        func validateNew() throws {
            try require(customer, "customer <customer>")
            try require(name, "name <name>")
        }

        func newRecord(_ writer: ReplicaWriter) throws -> Contact { Contact(customerId: 0, name: "") }

        func apply(to contact: inout Contact, _ writer: ReplicaWriter) throws {
            if let customer { contact.customerId = try writer.resolve(customer, as: .customer) }
            if let name { contact.name = name }
            email.applied(to: &contact.email)
            phone.applied(to: &contact.phone)
        }
    }
}
