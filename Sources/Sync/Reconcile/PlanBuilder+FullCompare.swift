import Reconcile
import Snapshot

extension PlanBuilder {
    /// Compares every record of the kinds in `work` (keyed by snapshot name),
    /// in one walk over both snapshots, each kind through a ``FullCompare``
    /// as its lines come: memory holds a chunk of each side, not the kind.
    /// Returns the operations per kind's snapshot name, every kind of `work` in it.
    func compareAll(_ work: [String: KindWork], local: LocalRecords, basePath: String?, snapshotPath: String) throws -> [String: [PlanOperation]] {
        let kinds = Set(work.keys)
        // Both files are in the store, whose digests were checked on the way in.
        let old = try basePath.map { try PrefetchingReader(path: $0, checksDigest: false, kinds: kinds) }
        let new = try PrefetchingReader(path: snapshotPath, checksDigest: false, kinds: kinds)
        func begin(_ kind: String) throws -> FullCompare {
            try FullCompare(diff: settings.diff(work[kind]!.mapping), local: local, files: (basePath, snapshotPath), chunk: chunkKeys)
        }
        var compared: [String: [PlanOperation]] = [:]
        var current: (kind: String, compare: FullCompare)?
        try SnapshotDiff.pairs(old, new, kinds: kinds) { a, b in
            let kind = (b ?? a)!.kind
            if current?.kind != kind {  // kinds come in runs
                if var done = current { compared[done.kind] = try done.compare.finish() }
                current = (kind, try begin(kind))
            }
            try current!.compare.add(a, b)
        }
        if var done = current { compared[done.kind] = try done.compare.finish() }
        // Kinds neither snapshot has a record of: their replica rows alone.
        for kind in kinds where compared[kind] == nil {
            var compare = try begin(kind)
            compared[kind] = try compare.finish()
        }
        return compared
    }
}
