import Reconcile
import Snapshot
import Sync
import Vocabulary

/// What `econsync reconcile --json` prints.
struct ReconcileReport: Encodable {
    struct PlanSummary: Encodable {
        var inputsHash: String
        var empty: Bool
        var counts: [Module: [String: Int]]
        var operations: [Operation]?

        init(_ plan: Plan, verbose: Bool) {
            inputsHash = plan.inputsHash
            empty = plan.isEmpty
            counts = plan.counts
            operations = verbose ? plan.operations.map(Operation.init) : nil
        }
    }

    struct Operation: Encodable {
        var module: Module
        var kind: Kind
        var key: String
        var action: String
        var reason: String
        var fields: [String: JSONValue]

        init(_ op: PlanOperation) {
            module = op.module
            kind = op.kind
            key = op.key
            action = op.action.rawValue
            reason = op.reason
            fields = op.fields
        }
    }

    struct Applied: Encodable {
        var run: Int64
        var pulled: Int
        var pushed: Int
        var replayed: Int
        var foundByLookup: Int
        var failures: [String]

        init(_ report: ApplyReport) {
            run = report.run
            pulled = report.pulled
            pushed = report.pushed
            replayed = report.replayed
            foundByLookup = report.foundByLookup
            failures = (report.pullFailures + report.pushFailures).map(\.description)
        }
    }

    var snapshot: String?
    var plan: PlanSummary?
    var planFile: String?
    /// Records written straight from the snapshot, per kind, before the plan (a first pull).
    var firstPulled: [String: Int]?
    var applied: Applied?
}
