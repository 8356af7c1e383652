import Reconcile
import Snapshot
import Testing
import Vocabulary

@Suite("Three-way diff and module rules")
struct ThreeWayDiffTests {
    static func product(_ number: String, name: String = "Kobberrør", price: String = "45.5", barred: Bool = false) -> Record {
        var data: [String: JSONValue] = ["productNumber": .string(number), "name": .string(name), "salesPrice": .number(price),
                                         "unit": .object(["unitNumber": .int(1)])]
        if barred { data["barred"] = .bool(true) }
        return Record(kind: "product", key: .string(number), data: data)
    }

    static func local(_ record: Record, id: Int64, tombstone: Bool = false, unresolved: [String] = [], approved: Bool? = nil) -> LocalRecord {
        LocalRecord(record: record, localID: id, tombstone: tombstone, unresolved: unresolved, approved: approved)
    }

    static let products = ThreeWayDiff(mapping: Kind.product.mapping!)

    @Test("a price edited in e-conomic and a name edited locally: both kept")
    func bothKept() {
        let base = Self.product("P-1")
        let ops = Self.products.operations(base: [base], remote: [Self.product("P-1", price: "49")],
                                           local: [Self.local(Self.product("P-1", name: "Kobberrør 15 mm"), id: 1)])
        #expect(ops.map(\.action) == [.pullUpdate, .update])
        #expect(ops[0].fields == ["salesPrice": .number("49")] && ops[1].fields == ["name": .string("Kobberrør 15 mm")])
    }

    @Test("edited on both sides: Mobilplan wins products by default, e-conomic when configured; the decision is journaled")
    func masters() {
        let base = [Self.product("P-1")], remote = [Self.product("P-1", price: "52")], local = [Self.local(Self.product("P-1", price: "50"), id: 1)]
        let mobilplan = Self.products.operations(base: base, remote: remote, local: local)
        #expect(mobilplan.map(\.action) == [.update] && mobilplan[0].fields == ["salesPrice": .number("50")])
        #expect(mobilplan[0].conflicts.map(\.winner) == [.mobilplan])
        let economic = ThreeWayDiff(mapping: Kind.product.mapping!, master: .economic).operations(base: base, remote: remote, local: local)
        #expect(economic.map(\.action) == [.pullUpdate] && economic[0].fields == ["salesPrice": .number("52")])
        #expect(economic[0].conflicts.map(\.winner) == [.economic] && economic[0].conflicts[0].rule.contains("configured"))
    }

    @Test("new, deleted and unchanged records on either side")
    func lifecycle() {
        let ops = Self.products.operations(
            base: [Self.product("P-1"), Self.product("P-2"), Self.product("P-3")],
            remote: [Self.product("P-1"), Self.product("P-3"), Self.product("P-4")],
            local: [Self.local(Self.product("P-1"), id: 1), Self.local(Self.product("P-2"), id: 2), Self.local(Self.product("P-3"), id: 3, tombstone: true),
                    Self.local(Record(kind: "product", key: .string("local:9"), data: [
                        "name": .string("Ny vare"), "productGroup": .object(["productGroupNumber": .int(1)])]), id: 9)])
        #expect(ops.map { "\($0.action.rawValue) \($0.key)" } == ["pull-delete P-2", "bar P-3", "pull-insert P-4", "create local:9"])
        #expect(ops[1].fields == ["barred": .bool(true)])
    }

    @Test("approved hours are pushed, unapproved skipped, an employee without an e-conomic id blocks")
    func hours() {
        let diff = ThreeWayDiff(mapping: Kind.timeEntry.mapping!)
        func entry(_ id: Int64) -> Record {
            Record(kind: "timeEntry", key: .string("local:\(id)"), data: ["projectNumber": .int(2), "numberOfHours": .number("7.5")])
        }
        let ops = diff.operations(base: [], remote: [], local: [
            Self.local(entry(1), id: 1, approved: true), Self.local(entry(2), id: 2, approved: false),
            Self.local(entry(3), id: 3, unresolved: ["employeeNumber"], approved: true),
            Self.local(entry(4), id: 4, unresolved: ["activityNumber"], approved: true),
        ])
        #expect(ops.map(\.action) == [.create, .skip, .block, .block])
        #expect(ops[1].reason.contains("only approved hours"))
        #expect(ops[2].reason.hasPrefix("Employee is missing an e-conomic ID"))
        #expect(ops[3].reason.contains("not mapped to an e-conomic activity"))
        #expect(Set(ops.map(\.idempotencyKey)).count == 4)
    }

    @Test("import-only kinds never push: a local edit gives way to e-conomic's value; export-only kinds never pull")
    func directions() {
        let customers = ThreeWayDiff(mapping: Kind.customer.mapping!)
        let base = Record(kind: "customer", key: .int(1001), data: ["name": .string("Hansen"), "city": .string("Aarhus C")])
        var edited = base
        edited.data["city"] = .string("Vejle")
        let ops = customers.operations(base: [base], remote: [base], local: [Self.local(edited, id: 1)])
        #expect(ops.map(\.action) == [.pullUpdate] && ops[0].fields == ["city": .string("Aarhus C")])
        // A customer new in the field is created even so (customers are "primarily" imported), with the wizard's defaults.
        let new = [Self.local(Record(kind: "customer", key: .string("local:5"), data: ["name": .string("Ny Kunde")]), id: 5)]
        let waiting = customers.operations(base: [], remote: [], local: new)
        #expect(waiting.map(\.action) == [.block] && waiting[0].reason.contains("customers.defaultGroup"))
        let defaults: [FieldPath: JSONValue] = ["customerGroup.customerGroupNumber": .int(1), "paymentTerms.paymentTermsNumber": .int(2)]
        let created = ThreeWayDiff(mapping: Kind.customer.mapping!, createDefaults: defaults).operations(base: [], remote: [], local: new)
        #expect(created.map(\.action) == [.create] && created[0].fields["paymentTerms.paymentTermsNumber"] == .int(2))
        let entries = ThreeWayDiff(mapping: Kind.timeEntry.mapping!)
        let remote = Record(kind: "timeEntry", key: .int(7), data: ["numberOfHours": .number("8")])
        let pulled = entries.operations(base: [], remote: [remote], local: [])
        #expect(pulled.isEmpty, "hours are exported, never imported")
    }

    @Test("records without a mapped difference produce no operation")
    func converged() {
        let records = (1...50).map { Self.product("P-\(1000 + $0)") }
        #expect(Self.products.operations(base: records, remote: records, local: records.enumerated().map { Self.local($1, id: Int64($0)) }).isEmpty)
    }
}

@Suite("Three-way diff: linking, units, history")
struct ThreeWayDiffRuleTests {
    @Test("a local customer with a CVR e-conomic already has is linked, never duplicated")
    func cvrLink() {
        let diff = ThreeWayDiff(mapping: Kind.customer.mapping!)
        let remote = Record(kind: "customer", key: .int(1042), data: ["name": .string("Hansen VVS ApS"),
                                                                      "corporateIdentificationNumber": .string("13748136")])
        let local = LocalRecord(record: Record(kind: "customer", key: .string("local:7"), data: [
            "name": .string("Hansen VVS"), "corporateIdentificationNumber": .string("13748136")]), localID: 7)
        let other = LocalRecord(record: Record(kind: "customer", key: .string("local:8"), data: ["name": .string("Ny Kunde")]), localID: 8)
        let ops = diff.operations(base: [], remote: [remote], local: [local, other])
        #expect(ops.map { "\($0.action.rawValue) \($0.key)" } == ["pull-update local:7", "block local:8"], "local:8 waits for the default group")
        #expect(ops[0].link == "1042" && ops[0].reason.contains("never duplicated"))
        let twin = LocalRecord(record: Record(kind: "customer", key: .string("local:9"), data: [
            "name": .string("Ny Kunde ApS"), "corporateIdentificationNumber": .string("29384756")]), localID: 9)
        var first = twin
        first.localID = 8
        first.record.key = .string("local:8")
        first.record.data["name"] = .string("Ny Kunde")
        let defaults: [FieldPath: JSONValue] = ["customerGroup.customerGroupNumber": .int(1), "paymentTerms.paymentTermsNumber": .int(1)]
        let twins = ThreeWayDiff(mapping: Kind.customer.mapping!, createDefaults: defaults).operations(base: [], remote: [remote], local: [first, twin])
            .filter { $0.key.hasPrefix("local:") }
        #expect(twins.map(\.action) == [.block, .block], "two new customers with one CVR: neither is created")
        #expect(twins.first?.reason == "customer local:8 (Ny Kunde) and local:9 (Ny Kunde ApS) have the same corporateIdentificationNumber "
                + "29384756: neither is sent until one is corrected, merged or deleted", "\(twins.first?.reason ?? "")")
        #expect(ops[0].fields == ["name": .string("Hansen VVS ApS"), "corporateIdentificationNumber": .string("13748136")],
                "the linked record takes e-conomic's values: customers are imported")
    }

    @Test("a changed unit on a product e-conomic has is blocked")
    func unitChange() {
        let diff = ThreeWayDiff(mapping: Kind.product.mapping!)
        let remote = ThreeWayDiffTests.product("P-1")
        var changed = remote
        changed.data["unit"] = .object(["unitNumber": .int(2)])
        let ops = diff.operations(base: [remote], remote: [remote], local: [ThreeWayDiffTests.local(changed, id: 1)])
        #expect(ops.map(\.action) == [.block] && ops[0].reason.contains("cannot change once it exists in e-conomic"))
    }

    @Test("projects last changed before activation are not imported")
    func historicalProjects() {
        let diff = ThreeWayDiff(mapping: Kind.project.mapping!, importSince: "2026-11-01T00:00:00Z")
        func project(_ number: Int64, _ changed: String) -> Record {
            Record(kind: "project", key: .int(number), data: ["name": .string("P\(number)"), "lastUpdated": .string(changed)])
        }
        let ops = diff.operations(base: [], remote: [project(1, "2025-06-01T10:00:00Z"), project(2, "2026-11-15T10:00:00Z")], local: [])
        #expect(ops.map { "\($0.action.rawValue) \($0.key)" } == ["skip 1", "pull-insert 2"])
        #expect(ops[0].reason.hasPrefix("historical"))
        // The next run's base has project 1 (e-conomic had it): it stays out, silently, until it changes after activation.
        let again = diff.operations(base: [project(1, "2025-06-01T10:00:00Z")], remote: [project(1, "2025-06-01T10:00:00Z")], local: [])
        #expect(again.isEmpty, "reported once, when first seen: a quiet run plans nothing")
        var renamed = project(1, "2025-06-01T10:00:00Z")
        renamed.data["name"] = .string("P1 (old)")
        let stillOld = diff.operations(base: [project(1, "2025-06-01T10:00:00Z")], remote: [renamed], local: [])
        #expect(stillOld.map { "\($0.action.rawValue) \($0.key)" } == ["skip 1"], "changed, but its lastUpdated says before activation")
        let changed = diff.operations(base: [project(1, "2025-06-01T10:00:00Z")], remote: [project(1, "2026-11-20T09:00:00Z")], local: [])
        #expect(changed.map { "\($0.action.rawValue) \($0.key)" } == ["pull-insert 1"])
    }

    @Test("a project's isClosed is e-conomic's: pulled when it changes there, never sent; closed here only is kept and named")
    func readOnlyClosed() {
        let diff = ThreeWayDiff(mapping: Kind.project.mapping!)
        func project(name: String = "Tag", closed: Bool = false) -> Record {
            Record(kind: "project", key: .int(7), data: ["name": .string(name), "projectGroupNumber": .int(1), "isClosed": .bool(closed)])
        }
        let closedThere = diff.operations(base: [project()], remote: [project(closed: true)], local: [ThreeWayDiffTests.local(project(), id: 1)])
        #expect(closedThere.map(\.action) == [.pullUpdate] && closedThere[0].fields == ["isClosed": .bool(true)])

        let closedHere = diff.operations(base: [project()], remote: [project()], local: [ThreeWayDiffTests.local(project(name: "Tag 2", closed: true), id: 1)])
        #expect(closedHere.map(\.action) == [.update, .skip])
        #expect(closedHere[0].fields == ["name": .string("Tag 2")], "the name goes, isClosed never")
        #expect(closedHere[1].reason.hasPrefix("isClosed changed in the replica only: e-conomic's API does not take it"))

        let reopenedHere = diff.operations(base: [project(closed: true)], remote: [project(closed: true)], local: [ThreeWayDiffTests.local(project(), id: 1)])
        #expect(reopenedHere.map(\.action) == [.skip], "no update of e-conomic's project: \(reopenedHere)")
        let reopenedThere = diff.operations(base: [project(closed: true)], remote: [project(closed: false)],
                                            local: [ThreeWayDiffTests.local(project(closed: true), id: 1)])
        // A false boolean is e-conomic's "absent" (it omits them): pulled as null, stored as the default, open.
        #expect(reopenedThere.map(\.action) == [.pullUpdate] && reopenedThere[0].fields == ["isClosed": .null], "\(reopenedThere)")
        #expect(!Kind.project.mapping!.createPaths.contains(FieldPath("isClosed")), "e-conomic cannot create a project closed")
    }
}
