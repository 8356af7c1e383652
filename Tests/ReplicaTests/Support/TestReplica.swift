import Vocabulary
import Foundation
import GRDB
@_exported import TestSupport
@testable import Replica
import Workbench

/// The clock tests use: a fixed time.
let testNow: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_793_606_400) }  // 2026-11-02T08:00:00Z

/// A fresh replica in a temporary directory, with the master data every test needs.
struct TestReplica {
    let directory: TemporaryDirectory
    let store: ReplicaStore
    private let storedFixture: Fixture?
    /// The fixture's ids (only for a replica made without `generated`).
    var fixture: Fixture { storedFixture! }

    /// A replica holding the ``Fixture``, or, with `generated`, the generator's data for that seed instead.
    init(generated seed: UInt64? = nil) throws {
        directory = try TemporaryDirectory()
        store = try ReplicaStore.open(at: directory.file(ReplicaStore.fileName), create: true, now: testNow)
        if let seed {
            try FieldDataGenerator(.init(seed: seed, customers: 5, products: 5, projects: 5, hours: 20)).generate(into: store)
            storedFixture = nil
        } else {
            storedFixture = try store.write { try Fixture(writer: $0) }
        }
    }

    /// Rows of every table and the change-log length, to prove a failed write changed nothing.
    func state() throws -> [String: [[String]]] {
        try store.read { db in
            var tables: [String: [[String]]] = [:]
            for table in Kind.allCases.map(\.table) + ["change_log", "project_employees", "settings"] {
                tables[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1, 2").map { row in
                    row.databaseValues.map(\.description)
                }
            }
            return tables
        }
    }
}

/// Master data and a few field records, by local id.
struct Fixture {
    var stk: Int64, timer: Int64
    var group: Int64
    var customer: Int64
    var employee: Int64, employeeWithoutID: Int64
    var montage: Int64
    var project: Int64, mainProject: Int64, subProject: Int64, barredProject: Int64
    var product: Int64, syncedProduct: Int64

    init(writer: ReplicaWriter) throws {
        stk = try writer.create(UnitType(foreignKey: 1, name: "stk.")).id!
        timer = try writer.create(UnitType(foreignKey: 2, name: "timer")).id!
        group = try writer.create(CustomerGroup(foreignKey: 1, name: "Danske kunder")).id!
        customer = try writer.create(Customer(foreignKey: 1001, name: "Hansen VVS ApS", cvr: "13748136", customerGroupId: group)).id!
        employee = try writer.create(Employee(foreignKey: 7, number: 7, name: "Jens Jensen", email: "jens@example.dk")).id!
        employeeWithoutID = try writer.create(Employee(number: 8, name: "Ole Olsen")).id!
        montage = try writer.create(HourType(foreignKey: 1, name: "Montage", activityNumber: 1)).id!
        project = try writer.create(Project(number: 100, name: "Badeværelse", customerId: customer)).id!
        mainProject = try writer.create(Project(number: 200, name: "Nybyggeri", customerId: customer)).id!
        subProject = try writer.create(Project(number: 201, name: "Etape 1", customerId: customer, parentId: mainProject)).id!
        barredProject = try writer.create(Project(number: 300, name: "Gammelt", customerId: customer, barred: true)).id!
        product = try writer.create(Product(number: "P-1", name: "Kobberrør", salesPrice: 45.5, unitId: stk)).id!
        syncedProduct = try writer.create(Product(foreignKey: "P-2", number: "P-2", name: "Radiator", salesPrice: 1200, unitId: stk)).id!
    }

    /// A valid time entry on the fixture's project.
    func entry(hours: Double = 7.5, date: String = "2026-11-02") -> TimeEntry {
        TimeEntry(employeeId: employee, projectId: project, hourTypeId: montage, date: date, hours: hours)
    }
}

extension ReplicaStore {
    /// Writes as a pull from e-conomic writes (its values held to no input
    /// rules, stored as they are), in `department` when one is given.
    func writePulled<T>(department: Int? = nil, _ body: (ReplicaWriter) throws -> T) throws -> T {
        try write { writer in
            var writer = writer
            writer.origin = .economic
            if let department { writer.department = department }
            return try body(writer)
        }
    }
}
