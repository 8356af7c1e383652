import Vocabulary
import Foundation
@_spi(Benchmark) import Replica

/// One generator run inside a write transaction.
struct GeneratorRun {
    let writer: ReplicaWriter
    let options: FieldDataGenerator.Options
    var random: SeededRandom
    var created: [Kind: Int] = [:]
    var units: [String: Int64] = [:]
    var productGroups: [Int64] = []
    var customerGroups: [Int64] = []
    var paymentTerms: [Int64] = []
    var vatZones: [Int64] = []
    var customers: [Int64] = []
    var products: [(id: Int64, unit: Int64?)] = []
    var employees: [Int64] = []
    var hourTypes: [Int64] = []
    var registrable: [Int64] = []
    /// Hears the counts so far after each step.
    var progress: ([Kind: Int]) -> Void = { _ in }

    init(writer: ReplicaWriter, options: FieldDataGenerator.Options) {
        self.writer = writer
        self.options = options
        self.random = SeededRandom(seed: options.seed)
    }

    mutating func create<R: ReplicaRecord>(_ record: R) throws -> Int64 {
        let id = try writer.create(record).id!
        created[R.kind, default: 0] += 1
        return id
    }

    mutating func generate() throws {
        for kind in Kind.allCases where try writer.recordCount(kind) > 0 {
            throw ReplicaError(.duplicate, "the replica already holds \(kind.rawValue) records; generate into a fresh data directory",
                               advice: "use --data-dir with a new directory")
        }
        try masterData()
        progress(created)
        for _ in 0..<options.customers { try customer() }
        progress(created)
        for index in 0..<options.products { try product(index) }
        progress(created)
        let employeeCount = options.employees ?? min(50, max(3, options.customers / 5))
        for index in 0..<employeeCount { try employee(index, last: index == employeeCount - 1) }
        try hourTypesMapped()
        progress(created)
        try projects()
        progress(created)
        try registrations()
        progress(created)
        try markLinkedSynced()
    }

    /// Records that exist in e-conomic are generated as reconciled: their
    /// mapped fields are what was last synced.
    func markLinkedSynced() throws {
        for kind in Kind.allCases {
            try writer.markSynced(kind, ids: try writer.linkedRecordIDs(kind))
        }
    }

    mutating func masterData() throws {
        for (number, name) in [(1, "stk."), (2, "timer"), (3, "km")] {
            units[name] = try create(UnitType(foreignKey: number, name: name))
        }
        for (number, name) in [(1, "Varer m/moms"), (2, "Ydelser m/moms"), (3, "Materialer")] {
            productGroups.append(try create(ProductGroup(foreignKey: number, name: name)))
        }
        for (number, name) in [(1, "Danske kunder"), (2, "Offentlige kunder"), (3, "Udenlandske kunder")] {
            customerGroups.append(try create(CustomerGroup(foreignKey: number, name: name)))
        }
        for (number, name, type, days) in [(1, "Netto 8 dage", "net", 8), (2, "Netto 14 dage", "net", 14),
                                           (4, "Løbende måned 30 dage", "invoiceMonth", 30), (5, "Netto 30 dage", "net", 30)] {
            paymentTerms.append(try create(PaymentTerm(foreignKey: number, name: name, type: type, daysOfCredit: days)))
        }
        for (number, name) in [(1, "Domestic"), (2, "EU"), (3, "Abroad")] {
            vatZones.append(try create(VatZone(foreignKey: number, name: name)))
        }
        for (number, name) in [(19, "DK. std. m. bankoplys. 1.5"), (20, "DK. std. m. giro 1.5")] {
            _ = try create(Layout(foreignKey: number, name: name))
        }
        _ = try create(Department(foreignKey: 1, name: "Hovedafdeling"))
        for (index, supplier) in DanishNames.suppliers.enumerated() {
            _ = try create(Supplier(foreignKey: index + 1, name: supplier.name, cvr: validCVR(), city: supplier.city,
                                    email: "ordre@\(DanishNames.slug(supplier.name)).dk"))
        }
    }

    mutating func validCVR() -> String {
        while true {
            var digits = [random.int(1...9)]
            for _ in 0..<6 { digits.append(random.int(0...9)) }
            if let check = CVR.checkDigit(for: digits) {
                return (digits + [check]).map(String.init).joined()
            }
        }
    }

    mutating func customer() throws {
        let index = customers.count
        let name: String
        if random.chance(0.1) {
            name = random.pick(DanishNames.institutions) + " \(index + 1)"
        } else {
            name = "\(random.pick(DanishNames.surnames)) \(random.pick(DanishNames.trades)) \(random.pick(DanishNames.companyForms))"
        }
        let town = random.pick(DanishNames.towns)
        let slug = DanishNames.slug(name, fallback: "kunde\(index)")
        let inEconomic = random.chance(0.8)
        let customer = Customer(
            foreignKey: inEconomic ? 1000 + index + 1 : nil, name: name,
            cvr: random.chance(0.9) ? validCVR() : nil,
            address: "\(random.pick(DanishNames.streets)) \(random.int(1...180))", zip: town.zip, city: town.city,
            country: "Danmark", phone: String(random.int(20_000_000...99_999_999)),
            email: "info@\(slug).dk",
            customerGroupId: customerGroups[random.chance(0.85) ? 0 : 1],
            paymentTermId: random.pick(paymentTerms), vatZoneId: vatZones[0])
        let id = try create(customer)
        customers.append(id)
        for _ in 0..<(random.chance(0.5) ? random.int(1...2) : 0) {
            let first = random.pick(DanishNames.firstNames)
            _ = try create(Contact(foreignKey: inEconomic ? (created[.contact] ?? 0) + 1 : nil, customerId: id,
                                   name: "\(first) \(random.pick(DanishNames.surnames))",
                                   email: "\(DanishNames.slug(first))@\(slug).dk",
                                   phone: String(random.int(20_000_000...99_999_999))))
        }
    }

    mutating func product(_ index: Int) throws {
        let material = DanishNames.materials[index % DanishNames.materials.count]
        let round = index / DanishNames.materials.count
        let price = Double(random.int(material.price.lowerBound * 100...material.price.upperBound * 100)) / 100
        let number = "P-\(10_000 + index)"
        let unit = units[material.unit]
        let id = try create(Product(
            foreignKey: random.chance(0.85) ? number : nil, number: number,
            name: round == 0 ? material.name : "\(material.name), variant \(round + 1)",
            salesPrice: price, costPrice: (price * 0.6 * 100).rounded() / 100, unitId: unit,
            productGroupId: productGroups[material.unit == "timer" ? 1 : 2]))
        products.append((id, unit))
    }

    /// An employee; the last one never has an e-conomic id (a case the sync must report).
    mutating func employee(_ index: Int, last: Bool) throws {
        let first = random.pick(DanishNames.firstNames)
        let surname = random.pick(DanishNames.surnames)
        let cost = Double(random.int(250...420))
        employees.append(try create(Employee(
            foreignKey: !last && random.chance(0.9) ? index + 1 : nil, number: index + 1, name: "\(first) \(surname)",
            email: "\(DanishNames.slug(first)).\(index + 1)@mobilplan-demo.dk",
            phone: String(random.int(20_000_000...99_999_999)),
            hourlyCostRate: cost, hourlySalesRate: cost + Double(random.int(150...350)))))
    }

    mutating func hourTypesMapped() throws {
        let hourProducts = products.filter { $0.unit == units["timer"] }.map(\.id)
        for (name, activity) in DanishNames.hourTypes {
            hourTypes.append(try create(HourType(
                foreignKey: activity, name: name, activityNumber: activity,
                productId: hourProducts.isEmpty || name == "Kørsel" ? nil : random.pick(hourProducts))))
        }
    }

    mutating func projects() throws {
        var made = 0
        while made < options.projects {
            let customer = customers.isEmpty ? nil : random.pick(customers)
            let street = "\(random.pick(DanishNames.streets)) \(random.int(1...180))"
            let isMain = options.projects - made >= 3 && random.chance(0.25)
            let barred = !isMain && random.chance(0.04)
            let closed = !isMain && !barred && random.chance(0.04)
            made += 1
            let id = try create(Project(
                foreignKey: random.chance(0.85) ? made : nil, number: made,
                name: "\(random.pick(DanishNames.projectKinds)), \(street)", customerId: customer,
                projectGroup: 1, barred: barred, closed: closed))
            try assignEmployees(id)
            if !isMain {
                if !barred && !closed { registrable.append(id) }
                continue
            }
            for phase in 1...random.int(1...min(3, options.projects - made)) {
                made += 1
                let sub = try create(Project(
                    number: made, name: "Etape \(phase), \(street)", customerId: customer, parentId: id, projectGroup: 1))
                try assignEmployees(sub)
                registrable.append(sub)
            }
        }
    }

    mutating func assignEmployees(_ project: Int64) throws {
        guard !employees.isEmpty else { return }
        let team = (0..<random.int(1...min(3, employees.count))).map { _ in random.pick(employees) }
        try writer.setEmployees(ofProject: project, to: Array(Set(team)).sorted())
    }

    mutating func registrationDate() -> LocalDate {
        LocalDate(daysSinceEpoch: options.until.daysSinceEpoch - random.int(0...59))
    }

    mutating func approval(of date: LocalDate, transfer: inout Bool) -> (at: String?, by: String?) {
        guard random.chance(0.6) else {
            transfer = false
            return (nil, nil)
        }
        transfer = random.chance(0.3)
        let at = Timestamp.string(Date(timeIntervalSince1970: Double(date.daysSinceEpoch + 1) * 86_400 + 15 * 3600))
        return (at, "Formand \(DanishNames.firstNames[Int(options.seed % 7)])")
    }

    mutating func registrations() throws {
        guard !registrable.isEmpty, !employees.isEmpty, !hourTypes.isEmpty else { return }
        var transferredNumber = 0
        for _ in 0..<options.hours {
            let date = registrationDate()
            var transfer = false
            let approval = approval(of: date, transfer: &transfer)
            var entry = TimeEntry(
                employeeId: random.pick(employees), projectId: random.pick(registrable), hourTypeId: random.pick(hourTypes),
                date: date.description, hours: Double(random.int(1...20)) / 2,
                note: random.chance(0.2) ? random.pick(DanishNames.notes) : nil,
                approvedAt: approval.at, approvedBy: approval.by)
            if transfer {
                transferredNumber += 1
                entry.transferredAt = approval.at
                entry.foreignKey = transferredNumber
            }
            _ = try create(entry)
        }
        guard !products.isEmpty else { return }
        for _ in 0..<(options.materials ?? options.hours / 5) {
            let date = registrationDate()
            var transfer = false
            let approval = approval(of: date, transfer: &transfer)
            let product = random.pick(products)
            _ = try create(Material(
                productId: product.id, projectId: random.pick(registrable), employeeId: random.pick(employees),
                date: date.description, quantity: Double(random.int(1...12)), unitId: product.unit,
                approvedAt: approval.at, approvedBy: approval.by, transferredAt: transfer ? approval.at : nil))
        }
    }
}
