import EconomicEmulator
import Foundation
import Replica
import Snapshot
import TestSupport

/// Random, valid changes on both sides between two reconciles: field work in
/// the replica (prices, names, new products, hours approved or not, new
/// projects with hours on them, materials, deletions) and edits by someone in
/// e-conomic (prices, names, new customers).
struct RandomChanges {
    var random: TestRandom
    let harness: ReconcileHarness
    var counter = 0

    init(seed: UInt64, harness: ReconcileHarness) {
        random = TestRandom(seed: seed)
        self.harness = harness
    }

    mutating func local(_ count: Int) throws {
        let replica = harness.replica
        let products = try replica.list(Product.self).filter { $0.foreignKey != nil }
        let subProjects = harness.emulator.records(kind: "project").filter { $0.data["isMainProject"] != .bool(true) }.map(\.key.description)
        let projectIDs = try replica.rowIDs(.project, foreignKeys: subProjects).values.sorted()
        let employees = try replica.list(Employee.self).filter { $0.foreignKey != nil }.map { $0.id! }
        let hourTypes = try replica.list(HourType.self).filter { $0.activityNumber != nil }.map { $0.id! }
        let unit = try harness.localID(.unit, "1"), group = try harness.localID(.productGroup, "1")
        let customer = try harness.localID(.customer, "1001")
        for _ in 0..<count {
            counter += 1
            let n = counter
            let choice = random.int(0...8)
            try replica.write { writer in
                switch choice {
                case 0:
                    let product = random.pick(products)
                    try writer.update(Product.self, id: product.id!) { $0.salesPrice = Double(random.int(100...99_999)) / 100 }
                case 1:
                    let product = random.pick(products)
                    try writer.update(Product.self, id: product.id!) { $0.name = "Vare \(n) lokal" }
                case 2:
                    try writer.create(Product(number: "NY-\(n)", name: "Ny vare \(n)", salesPrice: Double(n), unitId: unit, productGroupId: group))
                case 3, 4:
                    let entry = try writer.create(TimeEntry(employeeId: random.pick(employees), projectId: random.pick(projectIDs),
                                                            hourTypeId: random.pick(hourTypes), date: "2026-11-\(10 + random.int(0...15))",
                                                            hours: Double(random.int(1...16)) / 2, note: "Arbejde \(n)"))
                    if random.chance(0.7) { try writer.approve(TimeEntry.self, id: entry.id!, by: "formand") }
                case 5:
                    let project = try writer.create(Project(name: "Nyt projekt \(n)", customerId: customer, projectGroup: 2))
                    let entry = try writer.create(TimeEntry(employeeId: random.pick(employees), projectId: project.id!, hourTypeId: random.pick(hourTypes),
                                                            date: "2026-11-20", hours: 3, note: "Opstart \(n)"))
                    try writer.approve(TimeEntry.self, id: entry.id!, by: "formand")
                case 6:
                    let product = try writer.create(Product(number: "MAT-\(n)", name: "Materiale \(n)", salesPrice: 12.5, unitId: unit, productGroupId: group))
                    let material = try writer.create(Material(productId: product.id!, projectId: random.pick(projectIDs), date: "2026-11-21", quantity: 2))
                    try writer.approve(Material.self, id: material.id!, by: "formand")
                case 7:
                    let project = random.pick(projectIDs)
                    try writer.update(Project.self, id: project) { $0.description = "Beskrivelse \(n)" }
                default:
                    let product = random.pick(products)
                    if (try? writer.delete(Product.self, id: product.id!)) == nil {
                        try writer.update(Product.self, id: product.id!) { $0.costPrice = Double(n) }
                    }
                }
            }
        }
    }

    mutating func remote(_ count: Int) {
        let emulator = harness.emulator
        let products = emulator.records(kind: "product").map(\.key)
        let projects = emulator.records(kind: "project").map(\.key)
        for _ in 0..<count {
            counter += 1
            let n = counter
            switch random.int(0...4) {
            case 0:
                emulator.edit(kind: "product", key: random.pick(products)) { $0?["salesPrice"] = .number("\(random.int(100...9_999)).5") }
            case 1:
                emulator.edit(kind: "product", key: random.pick(products)) { $0?["name"] = .string("Vare \(n) i e-conomic") }
            case 2:
                emulator.edit(kind: "project", key: random.pick(projects)) { $0?["name"] = .string("Projekt \(n) i e-conomic") }
            case 3:
                emulator.edit(kind: "customer", key: .int(Int64(5000 + n))) {
                    $0 = ["customerNumber": .int(Int64(5000 + n)), "name": .string("Kunde \(n)"), "currency": .string("DKK"),
                          "customerGroup": .object(["customerGroupNumber": .int(1)]), "paymentTerms": .object(["paymentTermsNumber": .int(1)]),
                          "vatZone": .object(["vatZoneNumber": .int(1)])]
                }
            default:
                emulator.edit(kind: "customer", key: .int(Int64(1001 + random.int(0...29)))) { $0?["city"] = .string("By \(n)") }
            }
        }
    }
}
