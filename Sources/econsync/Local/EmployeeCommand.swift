import ArgumentParser
import Replica

extension Employee: ListedRecord {
    static let command = "employee"
    static let header: [LocalColumn] = [.id, .economic, .number, .name, .email, .costPerHour, .salesPerHour, .state]
    static let rightAligned: Set<Int> = [0, 5, 6]
    func cells(_ names: NameLookup) -> [String] {
        [String(id ?? 0), foreignKey.map(String.init) ?? "", number.map(String.init) ?? "", name, email ?? "",
         Output.amount(hourlyCostRate), Output.amount(hourlySalesRate), names.state(self)]
    }
    var title: String { name }
}

/// `econsync local employee …`.
struct EmployeeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: Employee.command, abstract: Speech.say("Opret, vis, ret og slet medarbejdere.", "Add, list, edit and delete employees."),
        subcommands: [AddCommand<Fields>.self, ListCommand<Employee>.self, EditCommand<Fields>.self, DeleteCommand<Employee>.self])

    struct Fields: RecordFields {
        static let addExamples = ["--name 'Jens Hansen' --email jens@vvs.dk", "--name 'Ali Khan' --number 14 --sales-rate 545"]
        static let editExamples = ["2 --economic-id 12", "n:14 --no-barred"]
        @Option(parsing: .unconditional, help: .say("Medarbejdernummer.", "Employee number.")) var number: Int?
        @Option(help: .say("Navn.", "Name.")) var name: String?
        @Option(help: .say("E-mailadresse.", "E-mail address.")) var email: String?
        @Option(help: .say("Telefon.", "Telephone.")) var phone: String?
        @Option(name: .customLong("cost-rate"), parsing: .unconditional, help: .say(
            "Kostpris pr. time, kr.",
            "Hourly cost, DKK.")) var costRate: Amount?
        @Option(name: .customLong("sales-rate"), parsing: .unconditional, help: .say(
            "Salgspris pr. time, kr.",
            "Hourly sales price, DKK.")) var salesRate: Amount?
        @Option(name: .customLong("economic-id"), parsing: .unconditional, help: .say(
            "Medarbejderens medarbejdernummer i e-conomic.",
            "The employee's e-conomic employee number.")) var economicID: Int?
        @Flag(inversion: .prefixedNo, help: .say("Spærret for nye registreringer.", "Barred from new registrations.")) var barred: Bool?

        func validateNew() throws { try require(name, "name <name>") }

        func newRecord(_ writer: ReplicaWriter) throws -> Employee { Employee(name: "") }

        func apply(to employee: inout Employee, _ writer: ReplicaWriter) throws {
            if let number { employee.number = number }
            if let name { employee.name = name }
            email.applied(to: &employee.email)
            phone.applied(to: &employee.phone)
            if let costRate { employee.hourlyCostRate = costRate.value }
            if let salesRate { employee.hourlySalesRate = salesRate.value }
            if let economicID { employee.foreignKey = economicID }
            if let barred { employee.barred = barred }
        }
    }
}
