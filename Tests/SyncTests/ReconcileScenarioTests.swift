import Economic
import EconomicEmulator
import Foundation
import Reconcile
import Replica
import Snapshot
import Sync
import TestSupport
import Testing

/// The brief's situations, end to end against the emulator.
@Suite("Reconcile scenarios from the brief")
struct ReconcileScenarioTests {
    /// Runs `body` with a harness whose replica already holds what e-conomic has (reconciled once),
    /// then stops its emulator whether `body` returned or threw; returns what `body` returned.
    static func synced<Result>(_ body: (ReconcileHarness) async throws -> Result) async throws -> Result {
        try await ReconcileHarness.with { harness in
            try await harness.reconcile()
            return try await body(harness)
        }
    }

    static func entry(_ harness: ReconcileHarness, employee: Int64, hours: Double, approved: Bool, note: String) throws -> TimeEntry {
        try harness.replica.write { writer in
            let entry = try writer.create(TimeEntry(employeeId: employee, projectId: try harness.localID(.project, "2"),
                                                    hourTypeId: try harness.localID(.hourType, "1"), date: "2026-11-27", hours: hours, note: note))
            return approved ? try writer.approve(TimeEntry.self, id: entry.id!, by: "formand") : entry
        }
    }

    @Test("approved hours are transferred and locked; unapproved hours are skipped with the reason")
    func approvedHours() async throws {
        try await Self.synced { harness in
            let employee = try harness.localID(.employee, "3")
            let approved = try Self.entry(harness, employee: employee, hours: 7.5, approved: true, note: "Montage")
            let open = try Self.entry(harness, employee: employee, hours: 2, approved: false, note: "Ikke godkendt")
            let before = harness.emulator.records(kind: "timeEntry").count
            let (plan, report) = try await harness.reconcile()
            #expect(plan.operations.first { $0.key == "local:\(open.id!)" }?.reason == "not approved: only approved hours are transferred")
            #expect(report.pushed == 1 && report.pushFailures.isEmpty)
            let added = harness.emulator.records(kind: "timeEntry").dropFirst(before)
            #expect(added.count == 1 && added.first?.data["text"] == .string("Montage") && added.first?.data["numberOfHours"] == .number("7.5"))
            let transferred = try #require(try harness.replica.fetch(TimeEntry.self, id: approved.id!))
            #expect(transferred.transferredAt != nil && transferred.foreignKey.map(Int64.init) == added.first?.key.json.intValue)
            #expect(throws: ReplicaError.self) { try harness.replica.write { try $0.unapprove(TimeEntry.self, id: approved.id!) } }
        }
    }

    @Test("an employee without an e-conomic id blocks the hours with the brief's message")
    func employeeWithoutID() async throws {
        try await Self.synced { harness in
            let newcomer = try harness.replica.write { try $0.create(Employee(name: "Lærling Lars")) }
            let entry = try Self.entry(harness, employee: newcomer.id!, hours: 4, approved: true, note: "Oplæring")
            let (plan, report) = try await harness.reconcile()
            let op = try #require(plan.operations.first { $0.key == "local:\(entry.id!)" })
            #expect(op.action == .block && op.reason.hasPrefix("Employee is missing an e-conomic ID"))
            #expect(report.pushed == 0)
            #expect(try harness.replica.pendingRecords(agreement: harness.emulator.agreement).contains { $0.key == "local:\(entry.id!)" })
        }
    }

    @Test("a material whose product e-conomic lacks: auto-created when on, blocked naming the product when off")
    func materialProducts() async throws {
        for autoCreate in [true, false] {
            try await Self.synced { harness in
                try harness.replica.write { writer in
                    if !autoCreate { try writer.setSetting("products.autoCreate", "false") }
                    let product = try writer.create(Product(number: "KR-22", name: "Kobberrør 22 mm", salesPrice: 64.5,
                                                            unitId: try harness.localID(.unit, "1"), productGroupId: try harness.localID(.productGroup, "1")))
                    let material = try writer.create(Material(productId: product.id!, projectId: try harness.localID(.project, "2"), date: "2026-11-27", quantity: 6))
                    try writer.approve(Material.self, id: material.id!, by: "formand")
                }
                let (plan, _) = try await harness.reconcile()
                let inEconomic = harness.emulator.records(kind: "product").contains { $0.key == .string("KR-22") }
                let block = plan.operations.first { $0.kind == .material }
                if autoCreate {
                    #expect(inEconomic && block == nil)
                    #expect(plan.operations.contains { $0.kind == .product && $0.action == .create })
                } else {
                    #expect(!inEconomic)
                    #expect(block?.action == .block && block?.reason.contains("KR-22 (Kobberrør 22 mm) does not exist in e-conomic") == true)
                }
            }
        }
    }

    @Test("a customer created offline with the CVR of a customer new in e-conomic is linked to it, never duplicated")
    func cvrLink() async throws {
        try await Self.synced { harness in
            harness.emulator.edit(kind: "customer", key: .int(7001)) {
                $0 = ["customerNumber": .int(7001), "name": .string("Sørensen Tømrer ApS"), "corporateIdentificationNumber": .string("13748136"),
                      "currency": .string("DKK"), "customerGroup": .object(["customerGroupNumber": .int(1)]),
                      "paymentTerms": .object(["paymentTermsNumber": .int(1)]), "vatZone": .object(["vatZoneNumber": .int(1)])]
            }
            let local = try harness.replica.write { try $0.create(Customer(name: "Sørensen Tømrer", cvr: "DK 13 74 81 36")) }
            let before = harness.emulator.records(kind: "customer").count
            let (plan, report) = try await harness.reconcile()
            #expect(plan.operations.filter { $0.kind == .customer }.map { "\($0.action.rawValue) \($0.key) \($0.link ?? "")" }
                    == ["pull-update local:\(local.id!) 7001"])
            #expect(report.pullFailures.isEmpty && harness.emulator.records(kind: "customer").count == before)
            let linked = try #require(try harness.replica.fetch(Customer.self, id: local.id!))
            #expect(linked.foreignKey == 7001 && linked.name == "Sørensen Tømrer ApS")
            #expect(try harness.replica.list(Customer.self).filter { $0.cvr == "13748136" }.count == 1)
            #expect(try await harness.reconcile().0.isEmpty)
        }
    }

    @Test("a project edited on both sides: Mobilplan wins by default, e-conomic when configured; each decision is journaled")
    func projectConflict() async throws {
        for master in [Side.mobilplan, .economic] {
            try await Self.synced { harness in
                if master == .economic { try harness.replica.write { try $0.setSetting("projects.master", "economic") } }
                let id = try harness.localID(.project, "5")
                try harness.replica.write { _ = try $0.update(Project.self, id: id) { $0.name = "Etape 1, lokalt navn" } }
                harness.emulator.edit(kind: "project", key: .int(5)) { $0?["name"] = .string("Etape 1, navn i e-conomic") }
                let (_, report) = try await harness.reconcile()
                #expect(report.pushFailures.isEmpty && report.pullFailures.isEmpty)
                let winner = master == .mobilplan ? "Etape 1, lokalt navn" : "Etape 1, navn i e-conomic"
                #expect(harness.emulator.records(kind: "project").first { $0.key == .int(5) }?.data["name"] == .string(winner))
                #expect(try harness.replica.fetch(Project.self, id: id)?.name == winner)
                let journal = try harness.replica.conflicts()
                #expect(journal.count == 1)
                #expect(journal.first.map { [$0.field, $0.winner, $0.localValue!, $0.remoteValue!, $0.baseValue!] }
                        == ["name", master.rawValue, "\"Etape 1, lokalt navn\"", "\"Etape 1, navn i e-conomic\"", "\"Etape 1, Åboulevarden 54\""])
                #expect(journal.first?.rule.contains(master == .mobilplan ? "default" : "configured") == true)
                let (again, _) = try await harness.reconcile()
                #expect(again.isEmpty)
            }
        }
    }

    @Test("a price edited in e-conomic and a name edited locally: both kept on both sides")
    func bothKept() async throws {
        try await Self.synced { harness in
            let id = try harness.localID(.product, "10003")
            try harness.replica.write { _ = try $0.update(Product.self, id: id) { $0.name = "Kugleventil 1/2\" messing" } }
            harness.emulator.edit(kind: "product", key: .string("10003")) { $0?["salesPrice"] = .number("139.95") }
            let (_, report) = try await harness.reconcile()
            #expect(report.pushFailures.isEmpty && report.pullFailures.isEmpty)
            let remote = try #require(harness.emulator.records(kind: "product").first { $0.key == .string("10003") })
            #expect(remote.data["name"] == .string("Kugleventil 1/2\" messing") && remote.data["salesPrice"] == .number("139.95"))
            let local = try #require(try harness.replica.fetch(Product.self, id: id))
            #expect(local.name == "Kugleventil 1/2\" messing" && local.salesPrice == 139.95)
            #expect(try harness.replica.conflicts().isEmpty)
        }
    }

    @Test("deleted locally → barred in e-conomic; deleted in e-conomic → deleted locally")
    func deletions() async throws {
        try await Self.synced { harness in
            let unused = try harness.replica.list(Product.self).filter { !$0.barred && $0.foreignKey != "10050" }.first { product in
                (try? harness.replica.write { try $0.delete(Product.self, id: product.id!) }) != nil
            }
            let deleted = try #require(unused)
            harness.emulator.edit(kind: "product", key: .string("10050")) { $0 = nil }
            let (plan, report) = try await harness.reconcile()
            #expect(plan.operations.contains { $0.action == .bar && $0.key == deleted.foreignKey }, "\(deleted.foreignKey ?? "-") \(plan.operations.map(\.json))")
            #expect(plan.operations.contains { $0.action == .pullDelete && $0.key == "10050" })
            #expect(report.pushFailures.isEmpty && report.pullFailures.isEmpty)
            #expect(harness.emulator.records(kind: "product").first { $0.key == .string(deleted.foreignKey!) }?.data["barred"] == .bool(true))
            #expect(try harness.replica.fetch(Product.self, id: try harness.localID(.product, "10050"))?.tombstone == true)
            #expect(try await harness.reconcile().0.isEmpty)
        }
    }

    @Test("a run cut off after a write reached e-conomic resumes by a lookup, inside the idempotency window and after it: nothing twice",
          arguments: [0.0, 7200.0])
    func resume(afterSeconds: TimeInterval) async throws {
        try await Self.synced { harness in
            let employee = try harness.localID(.employee, "2")
            for hours in [1.0, 2, 3] { _ = try Self.entry(harness, employee: employee, hours: hours, approved: true, note: "Del \(hours)") }
            try harness.replica.write { writer in
                _ = try writer.create(Product(number: "RS-1", name: "Ressource", salesPrice: 10, unitId: try harness.localID(.unit, "1"),
                                              productGroupId: try harness.localID(.productGroup, "1")))
            }
            let before = harness.emulator.records()
            let (plan, _) = try await harness.plan()
            harness.transport.cutAfterWrites = 2
            await #expect(throws: EconomicError.self) { _ = try await harness.reconciliation().apply(plan) }
            let run = try #require(try harness.replica.unfinishedRun(agreement: harness.emulator.agreement))
            #expect(try harness.replica.outbox(run: run.id!).map(\.state) == [.confirmed, .sending, .pending, .pending])
            harness.clock.advance(afterSeconds)
            await #expect(throws: ApplyError.self) { _ = try await harness.reconcile() }
            let report = try #require(try await harness.reconciliation().resume())
            #expect(report.pushed == 4 && report.pushFailures.isEmpty)
            #expect(report.foundByLookup == 1 && report.replayed == 0)
            let added = harness.emulator.records().filter { !before.contains($0) }
            #expect(added.filter { $0.kind == "timeEntry" }.count == 3 && added.filter { $0.kind == "product" }.count == 1)
            #expect(try harness.replica.unfinishedRun(agreement: harness.emulator.agreement) == nil)
            #expect(try await harness.reconcile().0.isEmpty)
        }
    }

    @Test("a reconcile of some modules moves only their kinds' base, and leaves the other modules' pending records alone")
    func moduleRun() async throws {
        try await Self.synced { harness in
            let open = try Self.entry(harness, employee: try harness.localID(.employee, "2"), hours: 3, approved: false, note: "Venter")
            try await harness.reconcile()
            let agreement = harness.emulator.agreement
            let base = try #require(try harness.reconciliation().base())
            let id = try harness.localID(.product, "10006")
            try harness.replica.write { _ = try $0.update(Product.self, id: id) { $0.salesPrice = 77 } }
            var products = harness.reconciliation()
            products.modules = [.products]
            let taken = try await products.takeSnapshot()
            let plan = try await products.plan(taken)
            #expect(plan.operations.map { "\($0.action.rawValue) \($0.kind)" } == ["update product"])
            let report = try await products.apply(plan)
            #expect(report.pushed == 1)
            #expect(harness.emulator.records(kind: "product").first { $0.key == .string("10006") }?.data["salesPrice"] == .int(77))
            let merged = try #require(try harness.reconciliation().base())
            #expect(merged.file != base.file && merged.file != taken.entry.file)
            // Read whole: the merged base is a delta of the products' kinds over the reconcile's snapshot.
            let counts = { (entry: SnapshotEntry) in try SnapshotChain.verify(path: harness.store.path(of: entry)).counts }
            let (oldCounts, newCounts, takenCounts) = (try counts(base), try counts(merged), try counts(taken.entry))
            #expect(newCounts["product"] == takenCounts["product"] && newCounts["customer"] == oldCounts["customer"])
            #expect(Set(newCounts.keys) == Set(oldCounts.keys))
            #expect(try harness.replica.pendingRecords(agreement: agreement).contains { $0.key == "local:\(open.id!)" })
            let (full, _) = try await harness.reconcile()
            #expect(full.isEmpty && full.operations.map(\.key) == ["local:\(open.id!)"])
        }
    }

    @Test("a module run cut off mid-push keeps the old base; the resume that finishes it makes the merged base, in the same transaction")
    func moduleRunResumed() async throws {
        try await Self.synced { harness in
            let base = try #require(try harness.reconciliation().base())
            for (number, price) in [("10002", 11.0), ("10005", 22.0)] {
                let id = try harness.localID(.product, number)
                try harness.replica.write { _ = try $0.update(Product.self, id: id) { $0.salesPrice = price } }
            }
            var products = harness.reconciliation()
            products.modules = [.products]
            let taken = try await products.takeSnapshot()
            let plan = try await products.plan(taken)
            harness.transport.cutAfterWrites = harness.transport.writes + 1
            await #expect(throws: EconomicError.self) { _ = try await products.apply(plan) }
            #expect(try products.base()?.file == base.file, "an unfinished run does not move the base")
            let report = try #require(try await products.resume())
            #expect(report.pushed == 2)
            let merged = try #require(try products.base())
            #expect(merged.file != base.file && merged.baseFor == "run-\(report.run)")
            #expect(try harness.replica.unfinishedRun(agreement: harness.emulator.agreement) == nil)
            #expect(try await harness.reconcile().0.isEmpty)
        }
    }

    @Test("pulls are written in batches, and a record the replica cannot take fails alone: the rest of its batch is written")
    func badPullFailsAlone() async throws {
        try await Self.synced { harness in
            let template = try #require(harness.emulator.records(kind: "customer").first).data
            for number in 9001...9040 {
                harness.emulator.edit(kind: "customer", key: .int(Int64(number))) { record in
                    record = template
                    record?["customerNumber"] = .number("\(number)")
                    record?["name"] = .string("Kunde \(number)")
                    // e-conomic's group 99 is unknown to the replica: this one pull cannot be written.
                    if number == 9017 { record?["customerGroup"] = .object(["customerGroupNumber": .number("99")]) }
                }
            }
            let (plan, report) = try await harness.reconcile()
            #expect(plan.operations.count { $0.action == .pullInsert && $0.kind == .customer } == 40)
            #expect(report.pullFailures.map(\.key) == ["9017"])
            #expect(report.pullFailures.first?.error.contains("customerGroup 99") == true, "\(report.pullFailures)")
            #expect(report.pulled == 39)
            let pulled = try harness.replica.list(Customer.self).compactMap(\.foreignKey).filter { (9001...9040).contains($0) }
            #expect(pulled.count == 39 && !pulled.contains(9017))
            #expect(try harness.replica.list(Customer.self).filter { ($0.foreignKey ?? 0) > 9000 }.allSatisfy { $0.syncedHash != nil },
                    "the batch's rows are marked synced")
        }
    }
}
