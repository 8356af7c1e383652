import Vocabulary
import ArgumentParser
import Replica

extension Customer: ListedRecord {
    static let command = "customer"
    static let header: [LocalColumn] = [.id, .economic, .name, .cvr, .city, .group, .state]
    func cells(_ names: NameLookup) -> [String] {
        [String(id ?? 0), foreignKey.map(String.init) ?? "", name, cvr ?? "", [zip, city].compactMap { $0 }.joined(separator: " "),
         names.name(.customerGroup, customerGroupId), names.state(self)]
    }
    var title: String { name }
}

/// `econsync local customer …`.
struct CustomerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: Customer.command, abstract: Speech.say("Opret, vis, ret og slet kunder.", "Add, list, edit and delete customers."),
        subcommands: [AddCommand<Fields>.self, ListCommand<Customer>.self, EditCommand<Fields>.self, DeleteCommand<Customer>.self])

    /// The fields a user can set on a customer; an empty text value clears the field.
    struct Fields: RecordFields {
        static let addExamples = ["--name 'Imens ApS' --cvr 13748136", "--name 'Vestergaard VVS' --city Odense"]
        static let editExamples = ["3 --city Vejle --zip 7100", "e:1002 --email bogholderi@imens.dk"]
        @Option(help: .say("Navn.", "Name.")) var name: String?
        @Option(help: .say(
            "Dansk CVR-nummer (8 cifre, kontrolleret med modulus 11).",
            "Danish CVR number (8 digits, modulus-11 checked).")) var cvr: String?
        @Option(help: .say("Adresse.", "Street address.")) var address: String?
        @Option(help: .say("Postnummer.", "Postal code.")) var zip: String?
        @Option(help: .say("By.", "City.")) var city: String?
        @Option(help: .say("Land.", "Country.")) var country: String?
        @Option(help: .say("Telefon.", "Telephone.")) var phone: String?
        @Option(help: .say("E-mailadresse.", "E-mail address.")) var email: String?
        @Option(help: .say("Valutakode (standard DKK).", "Currency code (default DKK).")) var currency: String?
        @Option(help: .say("Kundegruppe.", "Customer group.")) var group: RecordRef?
        @Option(name: .customLong("payment-terms"), help: .say("Betalingsbetingelser.", "Payment terms.")) var paymentTerms: RecordRef?
        @Option(name: .customLong("vat-zone"), help: .say("Momszone.", "VAT zone.")) var vatZone: RecordRef?
        @Flag(inversion: .prefixedNo, help: .say("Spærret for nyt salg.", "Barred for new sales.")) var barred: Bool?

        func validateNew() throws { try require(name, "name <name>") }

        func newRecord(_ writer: ReplicaWriter) throws -> Customer { Customer(name: "") }

        func apply(to customer: inout Customer, _ writer: ReplicaWriter) throws {
            if let name { customer.name = name }
            cvr.applied(to: &customer.cvr)
            address.applied(to: &customer.address)
            zip.applied(to: &customer.zip)
            city.applied(to: &customer.city)
            country.applied(to: &customer.country)
            phone.applied(to: &customer.phone)
            email.applied(to: &customer.email)
            if let currency { customer.currency = currency }
            if let group { customer.customerGroupId = try writer.resolve(group, as: .customerGroup) }
            if let paymentTerms { customer.paymentTermId = try writer.resolve(paymentTerms, as: .paymentTerm) }
            if let vatZone { customer.vatZoneId = try writer.resolve(vatZone, as: .vatZone) }
            if let barred { customer.barred = barred }
        }
    }
}
