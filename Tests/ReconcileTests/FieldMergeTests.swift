import Reconcile
import Snapshot
import Testing

@Suite("Three-way field merge")
struct FieldMergeTests {
    static let base: [String: JSONValue] = [
        "name": .string("Kobberrør"), "salesPrice": .number("45.5"), "costPrice": .number("27.3"),
        "unit": .object(["unitNumber": .int(1)]),
    ]
    static let fields: [FieldPath] = ["name", "salesPrice", "costPrice", "unit.unitNumber"]

    static func merge(local: [String: JSONValue], remote: [String: JSONValue], master: Side = .mobilplan,
                      base: [String: JSONValue]? = FieldMergeTests.base) -> FieldMerge {
        FieldMerge.merge(base: base, local: local, remote: remote, fields: fields, master: master, rule: "master of products")
    }

    @Test("unchanged on both sides: nothing to do")
    func unchanged() {
        #expect(Self.merge(local: Self.base, remote: Self.base).isEmpty)
    }

    @Test("a price edited in e-conomic and a name edited locally: both kept")
    func bothKept() {
        var local = Self.base, remote = Self.base
        local["name"] = .string("Kobberrør 15 mm")
        remote["salesPrice"] = .number("49")
        let merge = Self.merge(local: local, remote: remote)
        #expect(merge.push == [FieldPath("name"): .some(.string("Kobberrør 15 mm"))])
        #expect(merge.pull == [FieldPath("salesPrice"): .some(.number("49"))])
        #expect(merge.conflicts.isEmpty)
    }

    @Test("a field changed on both sides goes to the master, and the decision is recorded", arguments: [Side.mobilplan, .economic])
    func conflict(master: Side) {
        var local = Self.base, remote = Self.base
        local["salesPrice"] = .number("50")
        remote["salesPrice"] = .number("52")
        let merge = Self.merge(local: local, remote: remote, master: master)
        #expect(merge.conflicts == [FieldMerge.Conflict(field: "salesPrice", base: .number("45.5"), local: .number("50"),
                                                        remote: .number("52"), winner: master, rule: "master of products")])
        if master == .mobilplan {
            #expect(merge.push == [FieldPath("salesPrice"): .some(.number("50"))] && merge.pull.isEmpty)
        } else {
            #expect(merge.pull == [FieldPath("salesPrice"): .some(.number("52"))] && merge.push.isEmpty)
        }
    }

    @Test("the same change on both sides is no conflict")
    func sameChange() {
        var local = Self.base
        local["costPrice"] = .number("30")
        #expect(Self.merge(local: local, remote: local).isEmpty)
    }

    @Test("nested fields and removed fields merge by path")
    func nestedAndRemoved() {
        var local = Self.base, remote = Self.base
        local["unit"] = .object(["unitNumber": .int(2)])
        remote["costPrice"] = nil
        let merge = Self.merge(local: local, remote: remote)
        #expect(merge.push == [FieldPath("unit.unitNumber"): .some(.int(2))])
        #expect(merge.pull.count == 1 && merge.pull[FieldPath("costPrice")] == .some(JSONValue?.none))
        #expect(FieldPath("unit.unitNumber").setting(.int(3), in: Self.base)["unit"] == .object(["unitNumber": .int(3)]))
        #expect(FieldPath("unit.unitNumber").setting(nil, in: ["unit": .object(["unitNumber": .int(1)])]) == [:])
    }

    @Test("a path reads through nested objects and is nil where a step is missing or not an object")
    func pathValues() {
        let data: [String: JSONValue] = ["unit": .object(["unitNumber": .int(2), "name": .string("stk")]), "name": .string("Rør")]
        #expect(FieldPath("unit.unitNumber").value(in: data) == .int(2))
        #expect(FieldPath("name").value(in: data) == .string("Rør"))
        #expect(FieldPath("unit.missing").value(in: data) == nil && FieldPath("missing.unitNumber").value(in: data) == nil)
        #expect(FieldPath("name.unitNumber").value(in: data) == nil)
        #expect(FieldPath("barred").comparable(in: ["barred": .bool(false)]) == nil)
    }

    @Test("a path set in place creates the objects on its way, leaves their other fields, and removes an object it empties")
    func setInPlace() {
        var data: [String: JSONValue] = ["name": .string("Rør")]
        FieldPath("unit.unitNumber").set(.int(2), in: &data)
        FieldPath("unit.name").set(.string("stk"), in: &data)
        FieldPath("name").set(.string("Kobberrør"), in: &data)
        #expect(data == ["name": .string("Kobberrør"), "unit": .object(["unitNumber": .int(2), "name": .string("stk")])])
        FieldPath("unit.unitNumber").set(nil, in: &data)
        #expect(data["unit"] == .object(["name": .string("stk")]))
        FieldPath("unit.name").set(nil, in: &data)
        FieldPath("name.first").set(.string("x"), in: &data)
        #expect(data == ["name": .object(["first": .string("x")])])
    }

    @Test("without a base, every difference is a conflict decided by the master")
    func noBase() {
        var remote = Self.base
        remote["name"] = .string("Rør")
        let merge = Self.merge(local: Self.base, remote: remote, master: .economic, base: nil)
        #expect(merge.conflicts.map(\.field) == ["name"] && merge.pull.count == 1)
    }

    @Test("random edits: applying the merge makes both sides agree", arguments: 1...20)
    func convergence(seed: UInt64) {
        var state = seed
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        let values: [JSONValue?] = [nil, .string("a"), .string("b"), .number("1"), .number("2.5"), .bool(true)]
        for _ in 0..<50 {
            var local = Self.base, remote = Self.base
            for field in Self.fields {
                if next() % 3 == 0 { local = field.setting(values[next() % values.count], in: local) }
                if next() % 3 == 0 { remote = field.setting(values[next() % values.count], in: remote) }
            }
            let merge = Self.merge(local: local, remote: remote, master: next() % 2 == 0 ? .mobilplan : .economic)
            var newLocal = local, newRemote = remote
            for (field, value) in merge.pull { newLocal = field.setting(value, in: newLocal) }
            for (field, value) in merge.push { newRemote = field.setting(value, in: newRemote) }
            for field in Self.fields { #expect(field.value(in: newLocal) == field.value(in: newRemote)) }
        }
    }
}

@Suite("Plans")
struct PlanTests {
    @Test("idempotency keys are deterministic and differ when the operation differs")
    func idempotencyKeys() {
        let op = PlanOperation(kind: .product, key: "P-100", action: .update,
                               fields: ["salesPrice": .number("45.5")], because: .changedInReplica)
        var same = op
        same.because = .recorded("another wording")
        var other = op
        other.fields["salesPrice"] = .number("46")
        #expect(op.idempotencyKey == same.idempotencyKey && op.idempotencyKey != other.idempotencyKey)
        #expect(op.idempotencyKey.hasPrefix("econsync-") && op.idempotencyKey.count == 41)
    }

    @Test("pulls come first, then pushes in e-conomic's dependency order, then skips and blocks")
    func ordering() {
        let ops = [
            PlanOperation(kind: .timeEntry, key: "local:7", action: .skip, because: .notApproved),
            PlanOperation(kind: .timeEntry, key: "local:8", action: .create, because: .newInReplica),
            PlanOperation(kind: .product, key: "P-9", action: .create, because: .recorded("material's product is missing")),
            PlanOperation(kind: .customer, key: "1001", action: .pullUpdate, because: .changedInEconomic),
            PlanOperation(kind: .customerGroup, key: "local:2", action: .create, because: .newInReplica),
        ]
        let plan = Plan(operations: ops, inputs: PlanInputs(replicaSequence: 12, base: nil, snapshot: "abc"))
        #expect(plan.operations.map(\.key) == ["1001", "local:2", "P-9", "local:8", "local:7"])
        #expect(plan.counts == [.customers: ["pull-update": 1, "create": 1], .products: ["create": 1],
                                .projectEntries: ["create": 1, "skip": 1]])
        #expect(!plan.isEmpty)
        #expect(Plan(operations: [ops[0]], inputs: PlanInputs(replicaSequence: 1, base: nil, snapshot: "x")).isEmpty, "a plan of skips does nothing")
        #expect(CanonicalJSON.string(plan.json).contains(#""action":"pull-update""#))
    }

    @Test("the inputs hash changes when the replica, the base or the snapshot moves")
    func inputsHash() {
        let inputs = PlanInputs(replicaSequence: 12, base: "b", snapshot: "s")
        var moved = inputs
        moved.replicaSequence = 13
        #expect(inputs.hash == PlanInputs(replicaSequence: 12, base: "b", snapshot: "s").hash && inputs.hash != moved.hash)
        #expect(inputs.hash != PlanInputs(replicaSequence: 12, base: nil, snapshot: "s").hash)
    }
}
