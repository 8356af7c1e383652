import Vocabulary
import Foundation
@_spi(Benchmark) import Replica

/// Simulated field activity: random valid and invalid field operations, each
/// in its own transaction, as a crew of craftsmen would produce them. Used
/// for soak and crash tests and to check the change log.
///
/// ```swift
/// var activity = FieldActivity(seed: 3)
/// for _ in 0..<1000 { try activity.step(replica) }
/// ```
public struct FieldActivity: Sendable {
    var random: SeededRandom
    /// Operations that were committed.
    public private(set) var committed = 0
    /// Operations refused by validation (nothing written).
    public private(set) var refused = 0

    public init(seed: UInt64) {
        random = SeededRandom(seed: seed)
    }

    /// Performs one random operation in its own transaction. A validation
    /// failure is counted in ``refused``; any other error is thrown.
    public mutating func step(_ replica: ReplicaStore, also: ((ReplicaWriter) throws -> Void)? = nil) throws {
        var random = self.random
        defer { self.random = random }
        do {
            try replica.write { writer in
                try Self.operation(&random, writer, now: replica.now)
                try also?(writer)
            }
            committed += 1
        } catch is ReplicaError {
            refused += 1
        }
    }

    static func ids(_ writer: ReplicaWriter, _ kind: Kind, live: Bool = true) throws -> [Int64] {
        try writer.recordIDs(kind, includingDeleted: !live)
    }

    static func operation(_ random: inout SeededRandom, _ writer: ReplicaWriter, now: () -> Date) throws {
        let customers = try ids(writer, .customer)
        let projects = try ids(writer, .project)
        let employees = try ids(writer, .employee)
        let hourTypes = try ids(writer, .hourType)
        let products = try ids(writer, .product)
        let entries = try ids(writer, .timeEntry)
        let day = LocalDate(daysSinceEpoch: 20_400 + random.int(0...60)).description
        switch random.int(0...15) {
        case 0:
            var digits = [random.int(1...9)] + (0..<6).map { _ in random.int(0...9) }
            digits.append(random.chance(0.8) ? (CVR.checkDigit(for: digits) ?? 0) : random.int(0...9))
            try writer.create(Customer(name: "Kunde \(random.int(1...9999))", cvr: digits.map(String.init).joined()))
        case 1 where !customers.isEmpty:
            try writer.update(Customer.self, id: random.pick(customers)) { customer in
                if random.chance(0.3) { return }  // an update that changes nothing
                customer.city = random.pick(["Aarhus C", "Vejle", "Odense C"])
            }
        case 2 where !customers.isEmpty:
            try writer.delete(Customer.self, id: random.pick(customers))
        case 3:
            try writer.create(Product(number: "X-\(random.int(1...500))", name: "Vare", salesPrice: Double(random.int(1...999)),
                                      unitId: try ids(writer, .unit).first))
        case 4 where !products.isEmpty:
            try writer.update(Product.self, id: random.pick(products)) { product in
                if random.chance(0.5) { product.salesPrice = Double(random.int(1...999)) }
                else { product.unitId = try ids(writer, .unit).last }
            }
        case 5:
            try writer.create(Project(name: "Projekt \(random.int(1...999))", customerId: customers.isEmpty ? nil : random.pick(customers),
                                      parentId: projects.isEmpty || random.chance(0.7) ? nil : random.pick(projects)))
        case 6...8 where !employees.isEmpty && !projects.isEmpty && !hourTypes.isEmpty:
            try writer.create(TimeEntry(employeeId: random.pick(employees), projectId: random.pick(projects),
                                        hourTypeId: random.pick(hourTypes), date: day,
                                        hours: random.chance(0.9) ? Double(random.int(1...16)) / 2 : Double(random.int(25...40))))
        case 9 where !entries.isEmpty:
            try writer.update(TimeEntry.self, id: random.pick(entries)) { $0.hours = Double(random.int(1...16)) / 2 }
        case 10 where !entries.isEmpty:
            try writer.approve(TimeEntry.self, id: random.pick(entries), by: "formand")
        case 11 where !entries.isEmpty:
            try writer.unapprove(TimeEntry.self, id: random.pick(entries))
        case 12 where !entries.isEmpty:
            try writer.markTransferred(TimeEntry.self, id: random.pick(entries), foreignKey: random.int(1...1_000_000))
        case 13 where !entries.isEmpty:
            try writer.delete(TimeEntry.self, id: random.pick(entries))
        case 14 where !projects.isEmpty && !employees.isEmpty:
            try writer.setEmployees(ofProject: random.pick(projects), to: [random.pick(employees)])
        case 15:
            let kind = random.pick(Kind.allCases)
            try writer.markSynced(kind, ids: try ids(writer, kind, live: false).filter { _ in random.chance(0.5) })
        default:
            try writer.create(Employee(name: "Medarbejder \(random.int(1...999))", hourlyCostRate: 300))
        }
    }
}
