import Vocabulary
import ArgumentParser
import Replica

extension Project: ListedRecord {
    static let command = "project"
    static let header: [LocalColumn] = [.id, .number, .name, .customer, .mainProject, .status, .state]
    func cells(_ names: NameLookup) -> [String] {
        [String(id ?? 0), number.map(String.init) ?? "", name, names.name(.customer, customerId), names.name(.project, parentId),
         (barred ? LocalWords.Standing.barred : closed ? .closed : .open).words, names.state(self)]
    }
    var title: String { name }
}

/// `econsync local project …`.
struct ProjectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: Project.command, abstract: Speech.say(
            "Opret, vis, ret og slet projekter og underprojekter.",
            "Add, list, edit and delete projects and sub-projects."),
        subcommands: [AddCommand<Fields>.self, ListCommand<Project>.self, EditCommand<Fields>.self, DeleteCommand<Project>.self])

    struct Fields: RecordFields {
        static let addExamples = ["--name 'Bad, Vestergade 4' --customer e:1002", "--name Køkken --customer 3 --parent n:7001"]
        static let editExamples = ["5 --closed", "n:7001 --employee 2"]
        @Option(parsing: .unconditional, help: .say("Projektnummer.", "Project number.")) var number: Int?
        @Option(help: .say("Navn.", "Name.")) var name: String?
        @Option(help: .say("Kunden.", "The customer.")) var customer: RecordRef?
        @Option(help: .say("Hovedprojektet, for et underprojekt.", "The main project, for a sub-project.")) var parent: RecordRef?
        @Option(parsing: .unconditional, help: .say("Nummeret på projektgruppen i e-conomic.", "e-conomic project group number.")) var group: Int?
        @Option(help: .say("Beskrivelse.", "Description.")) var description: String?
        @Option(name: .customLong("employee"), help: .say(
            "En medarbejder på projektet (gentag for flere; erstatter listen).",
            "An employee on the project (repeat for several; replaces the list)."))
        var employees: [RecordRef] = []
        @Flag(inversion: .prefixedNo, help: .say(
            "Spærret: tager ikke imod nye registreringer.",
            "Barred: takes no new registrations.")) var barred: Bool?
        @Flag(inversion: .prefixedNo, help: .say(
            "Lukket: tager ikke imod nye registreringer.",
            "Closed: takes no new registrations.")) var closed: Bool?

        func validateNew() throws { try require(name, "name <name>") }

        func newRecord(_ writer: ReplicaWriter) throws -> Project { Project(name: "") }

        func apply(to project: inout Project, _ writer: ReplicaWriter) throws {
            if let number { project.number = number }
            if let name { project.name = name }
            if let customer { project.customerId = try writer.resolve(customer, as: .customer) }
            if let parent { project.parentId = try writer.resolve(parent, as: .project) }
            if let group { project.projectGroup = group }
            description.applied(to: &project.description)
            if let barred { project.barred = barred }
            if let closed { project.closed = closed }
        }

        func afterSave(_ project: Project, _ writer: ReplicaWriter) throws {
            guard !employees.isEmpty, let id = project.id else { return }
            try writer.setEmployees(ofProject: id, to: employees.map { try writer.resolve($0, as: .employee) })
        }
    }
}
