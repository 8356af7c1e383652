import Blocking
import Foundation
import Replica

extension Workspace {
    /// Audits the replica against a fresh snapshot of e-conomic: pulls one
    /// into the store (the kinds a reconcile pulls, incrementally against the
    /// base), checks the replica against it on the mapped fields, and marks
    /// the snapshot audited (so pruning keeps it). Refused, as a reconcile
    /// is, while another run holds the agreement.
    ///
    /// ```swift
    /// let (audit, file) = try await workspace.auditFresh()
    /// print(audit.isClean, file)
    /// ```
    public func auditFresh() async throws -> (audit: Audit, file: String) {
        let reconciliation = try reconciliation()
        let replica = reconciliation.replica
        let taken = try await AgreementLock(replica: replica).holding { try await reconciliation.takeSnapshot() }
        let audit = try await Blocking.run { try Audit.run(replica: replica, snapshot: taken.path) }
        try replica.write { try $0.addAuditReference(file: taken.entry.file) }
        return (audit, taken.entry.file)
    }
}
