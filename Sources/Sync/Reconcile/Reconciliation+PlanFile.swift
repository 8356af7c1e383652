import Foundation
import Reconcile
import Replica
import Snapshot

extension Reconciliation {
    /// The bytes of `plan`'s file. Their SHA-256 is kept in the replica, so
    /// that ``checkPlanFile(_:)`` applies exactly this file and no edit of it.
    public func planFile(_ plan: Plan) throws -> [UInt8] {
        let bytes = plan.canonicalBytes + [0x0A]
        let written = WrittenPlan(sha256: Digest.sha256(bytes), full: full)
        try replica.write { try $0.setSetting(WrittenPlan.settingKey(agreement: agreement), written.stored) }
        return bytes
    }

    /// The plan in a file written by ``planFile(_:)``, once it is shown to be
    /// that file byte for byte, its inputs have not moved (``check(_:)``), and
    /// the replica, the base and the plan's snapshot still give exactly its
    /// operations under today's settings (a module's direction and rules hold
    /// whatever the file says). Throws ``PlanError`` or ``ApplyError``; nothing is sent.
    public mutating func checkPlanFile(_ bytes: [UInt8]) async throws -> Plan {
        let plan = try Plan(json: CanonicalJSON.parse(bytes))
        let digest = Digest.sha256(bytes)
        guard let written = try replica.setting(WrittenPlan.settingKey(agreement: agreement)).flatMap(WrittenPlan.init(stored:)),
              written.sha256 == digest else {
            throw ApplyError(.stalePlan, "the file is not a plan econsync wrote for agreement \(agreement), or it was edited since "
                             + "(SHA-256 \(digest.prefix(12))…); make a new plan")
        }
        modules = Set(plan.inputs.modules)
        full = written.full
        try check(plan)
        guard let file = plan.inputs.snapshotFile, let snapshot = try replica.snapshots(agreement: agreement).first(where: { $0.file == file }) else {
            throw ApplyError(.stalePlan, "the plan's snapshot is not in the store; make a new plan")
        }
        let rebuilt = try await self.plan(Taken(entry: snapshot, path: store.path(of: snapshot), scratch: nil))
        if rebuilt.operations != plan.operations {
            let different = zip(plan.operations, rebuilt.operations).first { $0 != $1 }?.0
            let what = different.map { "its \($0.action.rawValue) of \($0.kind) \($0.key)" } ?? "its operations"
            throw ApplyError(.stalePlan, "the plan is not what the replica, the base and the settings give now (\(what) differs); make a new plan")
        }
        return plan
    }
}

/// What the replica keeps of the last plan file written for an agreement:
/// its SHA-256 and whether it compared every record.
struct WrittenPlan: Equatable {
    var sha256: String
    var full: Bool

    static func settingKey(agreement: Int) -> String { "reconcile.planFile.\(agreement)" }

    var stored: String { sha256 + (full ? " full" : "") }

    init(sha256: String, full: Bool) {
        self.sha256 = sha256
        self.full = full
    }

    init?(stored: String) {
        let parts = stored.split(separator: " ")
        guard let first = parts.first else { return nil }
        self.init(sha256: String(first), full: parts.dropFirst().first == "full")
    }
}
