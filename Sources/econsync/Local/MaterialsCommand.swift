import Vocabulary
import ArgumentParser
import Replica

extension Material: ListedRecord {
    static let command = "materials"
    static let header: [LocalColumn] = [.id, .date, .product, .quantity, .unit, .project, .status, .note]
    static let rightAligned: Set<Int> = [0, 3]
    func cells(_ names: NameLookup) -> [String] {
        [String(id ?? 0), date, names.name(.product, productId), Validation.format(quantity), names.name(.unit, unitId),
         names.name(.project, projectId), LocalWords.status(status), note ?? ""]
    }
    var title: String { "\(Validation.format(quantity)) \(Speech.say("den", "on")) \(date)" }
}

/// `econsync local materials …`.
struct MaterialsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: Material.command, abstract: Speech.say(
            "Registrér, vis, ret, godkend og slet materialer brugt på projekter.",
            "Record, list, edit, approve and delete materials used on projects."),
        discussion: Speech.say("Materialer kan rettes, så længe de ikke er godkendt; når de er godkendt og sendt, kan de ikke længere ændres.",
                               "Materials can be edited while unapproved; once approved and sent they can no longer change."),
        subcommands: [AddCommand<Fields>.self, RegistrationList<Material>.self, EditCommand<Fields>.self,
                      ApproveCommand<Material>.self, UnapproveCommand<Material>.self, DeleteCommand<Material>.self])

    struct Fields: RecordFields {
        static let addExamples = ["--product n:K-12 --project 5 --quantity 2,5", "--product 4 --project n:7001 --quantity 1"]
        static let editExamples = ["3 --quantity 3", "3 --note 'Skiftet ventil'"]
        static var addCommandName: String { "record" }
        @Option(help: .say("Varen, der blev brugt.", "The product used.")) var product: RecordRef?
        @Option(help: .say("Projektet, det blev brugt på.", "The project it was used on.")) var project: RecordRef?
        @Option(parsing: .unconditional, help: .say(
            "Hvor meget der blev brugt (mere end 0; 2,5 eller 2.5).",
            "How much was used (more than 0; 2,5 or 2.5).")) var quantity: Amount?
        @Option(help: .say(
            "Enheden for antallet (standard: varens enhed).",
            "The unit of the quantity (default: the product's unit).")) var unit: RecordRef?
        @Option(help: .say("Medarbejderen, der brugte det.", "The employee who used it.")) var employee: RecordRef?
        @Option(help: .say(
            "Dagen, det blev brugt, ÅÅÅÅ-MM-DD (standard: i dag).",
            "The day it was used, YYYY-MM-DD (default: today).")) var date: String?
        @Option(help: .say("En bemærkning.", "A note.")) var note: String?

        func validateNew() throws {
            try require(product, "product <product>")
            try require(project, "project <project>")
            try require(quantity, "quantity <quantity>")
        }

        func newRecord(_ writer: ReplicaWriter) throws -> Material {
            Material(productId: 0, projectId: 0, date: try GlobalOptions.today(), quantity: 0)
        }

        func apply(to material: inout Material, _ writer: ReplicaWriter) throws {
            if let product {
                material.productId = try writer.resolve(product, as: .product)
                if unit == nil { material.unitId = try writer.fetch(Product.self, id: material.productId).unitId }
            }
            if let project { material.projectId = try writer.resolve(project, as: .project) }
            if let quantity { material.quantity = quantity.value }
            if let unit { material.unitId = try writer.resolve(unit, as: .unit) }
            if let employee { material.employeeId = try writer.resolve(employee, as: .employee) }
            if let date { material.date = date }
            note.applied(to: &material.note)
        }
    }
}
