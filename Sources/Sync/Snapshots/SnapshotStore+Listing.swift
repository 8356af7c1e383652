import Replica

extension SnapshotStore {
    /// The snapshots an office looks for, and how many others there are.
    ///
    /// Without `all`: the bases in use, those an audit refers to, and those
    /// taken or imported by hand or by a run over every module. The snapshots
    /// single-module runs took, and the merged bases they left behind, are
    /// the sync's own workings: they are only counted (`hidden`).
    ///
    /// ```swift
    /// let (entries, hidden) = try store.listing()
    /// print("\(entries.count) shown, \(hidden) of module runs not shown")
    /// ```
    public func listing(agreement: Int? = nil, all: Bool = false) throws -> (entries: [SnapshotEntry], hidden: Int) {
        let entries = try replica.snapshots(agreement: agreement)
        guard !all else { return (entries, 0) }
        let moduleRuns = try replica.moduleRunSnapshotFiles(agreement: agreement)
        let shown = entries.filter { $0.isProtected || !(moduleRuns.contains($0.file) || Self.isMergedBase($0.file)) }
        return (shown, entries.count - shown.count)
    }

    /// Whether `file` is a base the store merged from a run's snapshot and the base before it (`…-base.ndjson.gz`).
    static func isMergedBase(_ file: String) -> Bool { file.hasSuffix("-base.ndjson.gz") }
}
