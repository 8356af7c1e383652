import Blocking
import Foundation
import Reconcile
import Snapshot
import Vocabulary

extension Reconciliation {
    /// Writes the kinds of `taken` that neither the base nor the replica has
    /// a record of straight into the replica (see ``FirstPull``): those not
    /// written while pulled already (``Taken/loaded``). Returns the records
    /// written per kind, both ways (the kinds ``plan(_:leavingOut:)`` then leaves out).
    public func loadFirstPull(_ taken: Taken) async throws -> [Kind: Int] {
        // A trial run writes its own records only.
        if scope != nil { return taken.loaded }
        let pull = FirstPull(replica: replica, settings: try ReconcileSettings(replica: replica), modules: modules)
        let base = try base().map { (path: store.path(of: $0), sha256: $0.sha256) }
        // The snapshot is the base (e-conomic changed nothing): every kind it has, the base has.
        if base?.sha256 == taken.entry.sha256 { return taken.loaded }
        let loaded = try await Blocking.run {
            let counts = try base.map { try SnapshotSummary.of(snapshot: $0.path, sha256: $0.sha256).counts } ?? [:]
            let snapshot = try SnapshotSummary.of(snapshot: taken.path, sha256: taken.entry.sha256).counts
            return try pull.load(snapshotPath: taken.path, snapshotCounts: snapshot, baseCounts: counts)
        }
        return taken.loaded.merging(loaded) { $1 }
    }

    /// What writes, as they are pulled, the kinds this reconcile pulls that
    /// neither `base` nor the replica has a record of; nil when there is none
    /// (or for a trial run, which writes its own records only).
    func firstPullStream(base: SnapshotPuller.Base?) async throws -> FirstPullStream? {
        if scope != nil { return nil }
        let pull = FirstPull(replica: replica, settings: try ReconcileSettings(replica: replica), modules: modules)
        let pulled = kinds
        return try await Blocking.run {
            let inBase = try base.map { try SnapshotSummary.of(snapshot: $0.path, sha256: $0.sha256).counts } ?? [:]
            let kinds = try pull.kinds(snapshotKinds: Set(pulled.map(\.rawValue).filter { inBase[$0, default: 0] == 0 }))
            return kinds.isEmpty ? nil : FirstPullStream(pull: pull, kinds: kinds)
        }
    }
}
