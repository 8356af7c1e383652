import Reconcile
import Snapshot
import Testing
import Vocabulary

@Suite("A trial run's scope narrows a plan to its records and what they need")
struct PlanScopeTests {
    static func op(_ kind: Kind, _ key: String, _ action: PlanOperation.Action, fields: [String: JSONValue] = [:],
                   requires: [Dependency] = []) -> PlanOperation {
        PlanOperation(kind: kind, key: key, action: action, fields: fields, because: .recorded("test"), requires: requires)
    }

    @Test("kept: the scope's operations, the creates they require (transitively), the records a pulled project names; in plan order")
    func narrow() {
        let operations = [
            Self.op(.customer, "local:2", .create),
            Self.op(.customer, "1001", .pullUpdate),
            Self.op(.customer, "1002", .pullUpdate),
            Self.op(.project, "local:9", .create, requires: [Dependency(field: "mainProjectNumber", kind: .project, key: "local:8")]),
            Self.op(.project, "local:8", .create, requires: [Dependency(field: "customerNumber", kind: .customer, key: "local:2")]),
            Self.op(.project, "7", .pullUpdate, fields: ["customerNumber": .int(1001), "name": .string("Ny")]),
            Self.op(.project, "6", .pullUpdate, fields: ["customerNumber": .int(1002)]),
            Self.op(.timeEntry, "local:40", .create, requires: [Dependency(field: "projectNumber", kind: .project, key: "local:9")]),
            Self.op(.timeEntry, "local:41", .create),
        ]
        let scope = PlanScope(.project, name: "local:9", keys: [.timeEntry: ["local:40"], .project: ["7"]])
        let kept = scope.narrow(operations).map { "\($0.kind) \($0.key)" }
        #expect(kept == ["customer local:2", "customer 1001", "project local:9", "project local:8", "project 7", "timeEntry local:40"])
        #expect(scope.modules == [.projects, .projectEntries], "the modules of the records named, not of what they need")
        #expect(PlanScope(.project, name: "none", keys: [:]).narrow(operations).isEmpty)
    }

    @Test("a scoped plan's inputs name the scope: its hash differs, and a plan file keeps it")
    func inputs() throws {
        var inputs = PlanInputs(replicaSequence: 5, base: "b", snapshot: "s", snapshotFile: "snapshots/1/a.ndjson.gz", modules: [.projects])
        let whole = inputs.hash
        inputs.scope = "project 42 (Carport)"
        #expect(inputs.hash != whole)
        let plan = Plan(operations: [Self.op(.project, "42", .update)], inputs: inputs)
        let read = try Plan(json: CanonicalJSON.parse(String(decoding: plan.canonicalBytes, as: UTF8.self)))
        #expect(read.inputs.scope == "project 42 (Carport)" && read.inputsHash == plan.inputsHash)
    }
}
