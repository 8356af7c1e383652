/// A snapshot written as what changed since another: the records new or
/// changed since `old`, and, of a kind from which a record was deleted,
/// every record (the header's `whole`). ``SnapshotChain`` reads it back as
/// the whole snapshot.
///
/// ```swift
/// let size = try SnapshotDelta.measure(old: SnapshotChain(path: base, locate: locate), new: SnapshotReader(path: latest))
/// if size.lines < size.records / 4 {
///     try SnapshotDelta.write(old: SnapshotChain(path: base, locate: locate), new: SnapshotReader(path: latest),
///                             base: "snapshots/1118081/2026-11-02T080000Z.ndjson.gz", whole: size.whole, to: target)
/// }
/// ```
public enum SnapshotDelta {
    /// What a delta of `new` over `old` holds.
    public struct Size: Equatable, Sendable {
        /// Record lines the delta would hold.
        public var lines = 0
        /// Records of the whole state (`new`'s).
        public var records = 0
        /// Kinds from which a record was deleted: the delta holds them whole.
        public var whole: Set<String> = []

        public init() {}
    }

    /// Compares `new` with `old` on `new`'s kinds, in constant memory.
    public static func measure(old: some RecordLineSource, new: some RecordLineSource) throws -> Size {
        var size = Size()
        var changed: [String: Int] = [:], records: [String: Int] = [:]
        try SnapshotDiff.pairs(old, new, kinds: Set(new.header.kinds)) { a, b in
            guard let b else {
                if let a { size.whole.insert(a.kind) }
                return
            }
            records[b.kind, default: 0] += 1
            if a?.bytes != b.bytes { changed[b.kind, default: 0] += 1 }
        }
        size.records = records.values.reduce(0, +)
        size.lines = records.reduce(0) { $0 + (size.whole.contains($1.key) ? $1.value : changed[$1.key, default: 0]) }
        return size
    }

    /// Writes `new` at `path` as a delta over `old`, which the header names
    /// as `base`; the kinds of `whole` are written whole (see ``measure(old:new:)``).
    @discardableResult
    public static func write(old: some RecordLineSource, new: some RecordLineSource, base: String, whole: Set<String>,
                             to path: String) throws -> (SnapshotHeader, SnapshotTrailer) {
        let top = new.header
        let header = SnapshotHeader(agreement: top.agreement, sources: top.sources, takenAt: top.takenAt, kinds: top.kinds,
                                    mode: .delta, base: base, whole: Array(whole))
        let writer = try SnapshotWriter(path: path, header: header)
        do {
            try SnapshotDiff.pairs(old, new, kinds: Set(top.kinds)) { a, b in
                guard let b, whole.contains(b.kind) || a?.bytes != b.bytes else { return }
                try writer.append(b)
            }
            return (header, try writer.finish())
        } catch {
            writer.cancel()
            throw error
        }
    }
}
