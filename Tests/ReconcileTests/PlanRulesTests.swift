import Reconcile
import Snapshot
import Testing
import Vocabulary

@Suite("Plans: dependencies, product auto-creation, plan files")
struct PlanRulesTests {
    static let products = Kind.product.mapping!
    static let entries = Kind.timeEntry.mapping!

    static func newProduct(_ id: Int64, group: Bool = true) -> LocalRecord {
        var data: [String: JSONValue] = ["productNumber": .string("NY-\(id)"), "name": .string("Ny vare \(id)")]
        if group { data["productGroup"] = .object(["productGroupNumber": .int(1)]) }
        return LocalRecord(record: Record(kind: "product", key: .string("local:\(id)"), data: data), localID: id)
    }

    /// An approved time entry on project `local:12`, which e-conomic does not have yet.
    static func entryOnNewProject(_ id: Int64) -> LocalRecord {
        LocalRecord(record: Record(kind: "timeEntry", key: .string("local:\(id)"), data: [
            "projectNumber": .string("local:12"), "activityNumber": .int(1), "employeeNumber": .int(3),
            "date": .string("2026-11-27T00:00:00"), "numberOfHours": .number("7.5"),
        ]), localID: id, unresolved: ["projectNumber"], approved: true,
        dependencies: [Dependency(field: "projectNumber", kind: .project, key: "local:12")])
    }

    static func inputs() -> PlanInputs { PlanInputs(replicaSequence: 5, base: nil, snapshot: "s", snapshotFile: "snapshots/1/a.ndjson.gz") }

    @Test("a push that needs a record the plan creates runs after it; without that create it is blocked, naming why")
    func dependencies() {
        let entry = ThreeWayDiff(mapping: Self.entries).operations(base: [], remote: [], local: [Self.entryOnNewProject(1)])
        #expect(entry.map(\.action) == [.create] && entry[0].requires == [Dependency(field: "projectNumber", kind: .project, key: "local:12")])
        let project = PlanOperation(kind: .project, key: "local:12", action: .create,
                                    fields: ["name": .string("Ny"), "projectGroupNumber": .int(1)], because: .newInReplica)
        let planned = Plan(operations: entry + [project], inputs: Self.inputs())
        #expect(planned.operations.map { "\($0.action.rawValue) \($0.kind)" } == ["create project", "create timeEntry"])

        let blockedProject = PlanOperation(kind: .project, key: "local:12", action: .block, because: .recorded("project group missing"))
        let blocked = Plan(operations: entry + [blockedProject], inputs: Self.inputs())
        #expect(blocked.operations.map(\.action) == [.block, .block])
        let reason = blocked.operations.first { $0.kind == .timeEntry }!.reason
        #expect(reason.contains("projectNumber refers to project local:12") && reason.contains("project group missing"))
        #expect(Plan(operations: entry, inputs: Self.inputs()).operations.map(\.action) == [.block], "no create for the project at all")
    }

    @Test("product auto-creation: on, new products are created; off, they are skipped and materials needing them blocked")
    func autoCreate() {
        let on = ThreeWayDiff(mapping: Self.products, autoCreate: true).operations(base: [], remote: [], local: [Self.newProduct(4)])
        #expect(on.map(\.action) == [.create])
        let materials = [ProductDemand.Material(key: "local:30", product: "local:4", productLabel: "NY-4 (Ny vare 4)"),
                         ProductDemand.Material(key: "local:31", product: "10001", productLabel: "10001 (Kobberrør)")]
        #expect(ProductDemand(autoCreate: true).operations(materials: materials, plan: on).isEmpty)

        let off = ThreeWayDiff(mapping: Self.products, autoCreate: false).operations(base: [], remote: [], local: [Self.newProduct(4)])
        #expect(off.map(\.action) == [.skip] && off[0].reason.contains("auto-creation is off"))
        let blocks = ProductDemand(autoCreate: false).operations(materials: materials, plan: off)
        #expect(blocks.map { "\($0.action.rawValue) \($0.kind) \($0.key)" } == ["block material local:30"])
        #expect(blocks[0].reason.contains("NY-4 (Ny vare 4) does not exist in e-conomic") && blocks[0].reason.contains("products.autoCreate"))
    }

    @Test("a create without a group e-conomic requires is blocked unless a default is configured")
    func requiredGroups() {
        let bare = ThreeWayDiff(mapping: Self.products).operations(base: [], remote: [], local: [Self.newProduct(5, group: false)])
        #expect(bare.map(\.action) == [.block] && bare[0].reason.contains("products.productGroup"))
        let defaulted = ThreeWayDiff(mapping: Self.products, createDefaults: ["productGroup.productGroupNumber": .int(3)])
            .operations(base: [], remote: [], local: [Self.newProduct(5, group: false)])
        #expect(defaulted.map(\.action) == [.create] && defaulted[0].fields["productGroup.productGroupNumber"] == .int(3))
    }

    @Test("a plan survives its JSON form; an edited plan file is refused")
    func planFile() throws {
        let local = Self.newProduct(6)
        var remote = ThreeWayDiffTests.product("P-1")
        remote.data["salesPrice"] = .number("52")
        let ops = ThreeWayDiff(mapping: Self.products).operations(
            base: [ThreeWayDiffTests.product("P-1")], remote: [remote],
            local: [ThreeWayDiffTests.local(ThreeWayDiffTests.product("P-1", price: "50"), id: 1), local])
            + ThreeWayDiff(mapping: Self.entries).operations(base: [], remote: [], local: [Self.entryOnNewProject(2)])
        let plan = Plan(operations: ops, inputs: Self.inputs())
        #expect(plan.operations.contains { !$0.conflicts.isEmpty } && plan.operations.contains { !$0.requires.isEmpty } == false)
        let text = CanonicalJSON.string(plan.json)
        #expect(try Plan(json: CanonicalJSON.parse(Array(text.utf8))) == plan)
        #expect(plan.canonicalBytes == Array(text.utf8), "written an operation at a time, the same text")

        let edited = text.replacingOccurrences(of: "\"salesPrice\":50", with: "\"salesPrice\":5")
        #expect(edited != text)
        #expect(throws: PlanError.self) { try Plan(json: CanonicalJSON.parse(Array(edited.utf8))) }
        let moved = text.replacingOccurrences(of: "\"replicaSequence\":5", with: "\"replicaSequence\":6")
        #expect(throws: PlanError.self) { try Plan(json: CanonicalJSON.parse(Array(moved.utf8))) }
        #expect(throws: PlanError.self) { try Plan(json: .object(["format": .string("something else")])) }
    }
}
