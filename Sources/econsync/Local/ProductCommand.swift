import Vocabulary
import ArgumentParser
import Replica

extension Product: ListedRecord {
    static let command = "product"
    static let header: [LocalColumn] = [.id, .number, .name, .unit, .sales, .cost, .group, .state]
    static let rightAligned: Set<Int> = [0, 4, 5]
    func cells(_ names: NameLookup) -> [String] {
        [String(id ?? 0), number, name, names.name(.unit, unitId), Output.amount(salesPrice), Output.amount(costPrice),
         names.name(.productGroup, productGroupId), names.state(self)]
    }
    var title: String { "\(number) \(name)" }
}

/// `econsync local product …`.
struct ProductCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: Product.command, abstract: Speech.say("Opret, vis, ret og slet varer.", "Add, list, edit and delete products."),
        subcommands: [AddCommand<Fields>.self, ListCommand<Product>.self, EditCommand<Fields>.self, DeleteCommand<Product>.self])

    struct Fields: RecordFields {
        static let addExamples = ["--number K-12 --name Kugleventil", "--number R-15 --name Rør --sales-price 1.234,50"]
        static let editExamples = ["4 --sales-price 129,95", "n:K-12 --no-barred"]
        @Option(help: .say(
            "Varenummer (op til 25 tegn; ligger fast, når varen er i e-conomic).",
            "Product number (up to 25 characters; fixed once the product is in e-conomic).")) var number: String?
        @Option(help: .say("Navn.", "Name.")) var name: String?
        @Option(name: .customLong("sales-price"), parsing: .unconditional, help: .say(
            "Salgspris pr. enhed, kr. (1.234,50 eller 1234.50).",
            "Sales price per unit, DKK (1.234,50 or 1234.50).")) var salesPrice: Amount?
        @Option(name: .customLong("cost-price"), parsing: .unconditional, help: .say(
            "Kostpris pr. enhed, kr. (1.234,50 eller 1234.50).",
            "Cost price per unit, DKK (1.234,50 or 1234.50).")) var costPrice: Amount?
        @Option(help: .say("Enhed (ligger fast, når varen er i e-conomic).", "Unit (fixed once the product is in e-conomic).")) var unit: RecordRef?
        @Option(help: .say("Varegruppe.", "Product group.")) var group: RecordRef?
        @Flag(inversion: .prefixedNo, help: .say("Spærret for nyt salg.", "Barred from new sales.")) var barred: Bool?

        func validateNew() throws {
            try require(number, "number <number>")
            try require(name, "name <name>")
        }

        func newRecord(_ writer: ReplicaWriter) throws -> Product { Product(number: "", name: "") }

        func apply(to product: inout Product, _ writer: ReplicaWriter) throws {
            if let number { product.number = number }
            if let name { product.name = name }
            if let salesPrice { product.salesPrice = salesPrice.value }
            if let costPrice { product.costPrice = costPrice.value }
            if let unit { product.unitId = try writer.resolve(unit, as: .unit) }
            if let group { product.productGroupId = try writer.resolve(group, as: .productGroup) }
            if let barred { product.barred = barred }
        }
    }
}
