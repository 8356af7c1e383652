import Replica
import Snapshot

/// A realistic, deterministic Danish demo agreement in e-conomic's shapes:
/// units (stk., timer, km), product groups, products, customers with valid
/// CVR numbers and their contacts, customer groups, payment terms, VAT zones,
/// layouts, a department, suppliers, employees, activities, projects with
/// main and sub-projects, and time entries already in e-conomic.
///
/// Every value is a pure function of (seed, kind, index), so records stream
/// out in snapshot order (kind, then key) in constant memory at any size, and
/// the same seed always gives the same bytes.
///
/// ```swift
/// try DemoAgreement(size: .demo).write(to: "Snapshots/demo-agreement.ndjson.gz")
/// ```
public struct DemoAgreement: Sendable {
    /// How many records of the scalable kinds.
    public struct Size: Sendable {
        public var customers: Int
        public var products: Int
        public var employees: Int
        public var projects: Int
        public var timeEntries: Int

        public init(customers: Int, products: Int, employees: Int, projects: Int, timeEntries: Int) {
            self.customers = customers
            self.products = products
            self.employees = employees
            self.projects = projects
            self.timeEntries = timeEntries
        }

        /// The embedded demo agreement: a small craft business.
        public static let demo = Size(customers: 30, products: 50, employees: 8, projects: 14, timeEntries: 24)

        /// About `records` records in all, mostly customers, products and contacts (for benchmarks).
        public static func records(_ records: Int) -> Size {
            let customers = max(1, records * 28 / 100)
            let products = max(1, records * 3 / 10)
            let contacts = (customers * 3 + 1) / 2
            return Size(customers: customers, products: products, employees: 8, projects: 14,
                        timeEntries: max(0, records - customers - contacts - products - 8 - 14 - 30))
        }
    }

    public static let agreementNumber = 1_118_081
    public static let takenAt = "2026-11-01T06:00:00Z"

    public var seed: UInt64
    public var size: Size
    /// Whether records come as real agreements hold them (see `DemoAgreement+Messy.swift`).
    public var messy: Bool

    public init(seed: UInt64 = 2026, size: Size, messy: Bool = false) {
        self.seed = seed
        self.size = size
        self.messy = messy
    }

    /// The kinds in the agreement, in snapshot order.
    public static let kinds = ["contact", "customer", "customerGroup", "department", "employee", "hourType", "layout", "paymentTerm",
                        "product", "productGroup", "project", "supplier", "timeEntry", "unit", "vatZone"]

    public var header: SnapshotHeader {
        SnapshotHeader(agreement: Self.agreementNumber, takenAt: Self.takenAt, kinds: Self.kinds)
    }

    /// Writes the agreement as a snapshot; returns its trailer.
    @discardableResult
    public func write(to path: String, level: Int = GzipWriter.defaultLevel) throws -> SnapshotTrailer {
        let writer = try SnapshotWriter(path: path, header: header, level: level)
        do {
            try generate(writer.append)
            return try writer.finish()
        } catch {
            writer.cancel()
            throw error
        }
    }

    /// Emits every record, in snapshot order.
    public func generate(_ emit: (Record) throws -> Void) throws {
        for customer in 0..<size.customers {
            for contact in contacts(ofCustomer: customer) { try emit(contact) }
        }
        for index in 0..<size.customers { try emit(messy ? messyCustomer(customer(index), index) : customer(index)) }
        for (number, name, account) in [(1, "Danske kunder", 5600), (2, "Offentlige kunder", 5610), (3, "Udenlandske kunder", 5620)] {
            try emit(record("customerGroup", number, ["customerGroupNumber": .int(Int64(number)), "name": .string(name),
                                                      "account": .object(["accountNumber": .int(Int64(account))])]))
        }
        try emit(record("department", 1, ["departmentNumber": .int(1), "name": .string("Hovedafdeling")]))
        for index in 0..<size.employees { try emit(employee(index)) }
        for (number, name) in [(1, "Montage"), (2, "Service"), (3, "Kørsel"), (4, "Overtid")] {
            try emit(record("hourType", number, ["number": .int(Int64(number)), "groupNumber": .int(1), "name": .string(name),
                                                 "objectVersion": .string(Self.objectVersion(7, number - 1))]))
        }
        for (number, name) in [(19, "DK. std. m. bankoplys. 1.5"), (20, "DK. std. m. giro 1.5")] {
            try emit(record("layout", number, ["layoutNumber": .int(Int64(number)), "name": .string(name)]))
        }
        for (number, name, type, days) in [(1, "Netto 8 dage", "net", 8), (2, "Netto 14 dage", "net", 14),
                                           (4, "Løbende måned 30 dage", "invoiceMonth", 30), (5, "Netto 30 dage", "net", 30)] {
            try emit(record("paymentTerm", number, ["paymentTermsNumber": .int(Int64(number)), "name": .string(name),
                                                    "paymentTermsType": .string(type), "daysOfCredit": .int(Int64(days))]))
        }
        if messy {
            for product in messyProducts() { try emit(product) }
        } else {
            for index in 0..<size.products { try emit(product(index)) }
        }
        for (number, name) in Self.productGroups {
            try emit(record("productGroup", number, ["productGroupNumber": .int(Int64(number)), "name": .string(name)]))
        }
        for index in 0..<size.projects { try emit(messy ? messyProject(project(index), index) : project(index)) }
        for (index, supplier) in DanishNames.suppliers.enumerated() { try emit(self.supplier(index, supplier)) }
        for index in 0..<size.timeEntries { try emit(timeEntry(index)) }
        for (number, name) in Self.units {
            try emit(record("unit", number, ["unitNumber": .int(Int64(number)), "name": .string(name)]))
        }
        for (number, name, customer, supplier) in [(1, "Domestic", true, true), (2, "EU", true, true), (3, "Abroad", true, true),
                                                   (4, "Domestic exempt VAT", true, false)] {
            var data: [String: JSONValue] = ["vatZoneNumber": .int(Int64(number)), "name": .string(name)]
            if customer { data["enabledForCustomer"] = .bool(true) }
            if supplier { data["enabledForSupplier"] = .bool(true) }
            try emit(record("vatZone", number, data))
        }
    }

    static let units = [(1, "stk."), (2, "timer"), (3, "km")]
    static let productGroups = [(1, "Varer m/moms"), (2, "Ydelser m/moms"), (3, "Materialer")]

    func record(_ kind: String, _ number: Int, _ data: [String: JSONValue]) -> Record {
        Record(kind: kind, key: .int(Int64(number)), data: data)
    }

    /// The random source for one entity: the same for the same seed, kind and index.
    func random(_ kind: Int, _ index: Int) -> SeededRandom {
        var mixer = SeededRandom(seed: seed ^ (UInt64(kind) << 56) ^ UInt64(index))
        return SeededRandom(seed: mixer.next())
    }
}
