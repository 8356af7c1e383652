import Foundation
import Replica
import Snapshot

/// When a module run's snapshot is kept whole and when as a delta over the
/// snapshot before it (see ``SnapshotStore/packHistory(_:)``).
public struct HistoryPacking: Sendable, Equatable {
    /// Deltas at most on one full snapshot before the next is kept whole.
    public var maximumDepth = 32
    /// A delta with more record lines than this share of the records is not worth it: the snapshot stays whole.
    public var maximumDeltaShare = 0.25
    /// When a chain's deltas together pass this share of its full snapshot's bytes, the next snapshot is kept whole.
    public var maximumChainShare = 0.5
    /// When a base's chain holds more than this many times the records of the state it stands for, the next base is written whole.
    public var maximumReadShare = 2.0

    public init() {}

    /// Whether a delta taken at `takenAt` may go on a chain of this shape:
    /// one whose whole snapshot was taken the same (UTC) day, shorter than
    /// the limit, whose deltas weigh less than their share of it.
    func extends(_ shape: ChainShape, at takenAt: String) -> Bool {
        shape.isSound && shape.anchor.takenAt.prefix(10) == takenAt.prefix(10) && shape.depth < maximumDepth
            && Double(shape.deltaBytes) <= Double(shape.anchor.bytes) * maximumChainShare
    }
}

/// A snapshot's chain as the index records it: the full snapshot it ends
/// in, how many deltas lie on it, and what they weigh.
struct ChainShape {
    var anchor: SnapshotEntry
    var depth = 0
    var deltaBytes: Int64 = 0
    /// Record lines in the chain's files, the full snapshot's included (as their entries count them).
    var lines = 0
    /// Whether it ends in a snapshot that is not a delta (every base it names is indexed).
    var isSound: Bool { anchor.mode != SnapshotHeader.Mode.delta.rawValue }
}

extension SnapshotStore {
    /// `entries` by file, as a delta names its base.
    static func byFile(_ entries: [SnapshotEntry]) -> [String: SnapshotEntry] {
        Dictionary(entries.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The chain of `entry` among `entries` (its agreement's).
    func shape(of entry: SnapshotEntry, in entries: [SnapshotEntry]) -> ChainShape {
        let byFile = Self.byFile(entries)
        var shape = ChainShape(anchor: entry)
        while shape.anchor.mode == SnapshotHeader.Mode.delta.rawValue, let base = shape.anchor.baseFile, let next = byFile[base],
              shape.depth <= SnapshotChain.maximumDepth {
            shape.depth += 1
            shape.deltaBytes += shape.anchor.bytes
            shape.lines += shape.anchor.records
            shape.anchor = next
        }
        shape.lines += shape.anchor.records
        return shape
    }
}

extension SnapshotStore {
    /// Keeps the history of e-conomic's states at the size of its changes:
    /// each snapshot a module run took is rewritten as a delta over the
    /// snapshot of the same kinds before it, which ``SnapshotChain`` reads
    /// back whole. The first of a day, one after `maximumDepth` deltas,
    /// and one after deltas that together weigh half a full snapshot stay
    /// whole (compaction), so a chain stays short (see ``HistoryPacking``). Bases, audited
    /// snapshots and those of an unfinished run are left as they are.
    /// Returns the entries rewritten.
    ///
    /// A crash leaves either the whole file or the delta at the snapshot's
    /// name (both read as the same state); a delta written but not yet in
    /// place is put there, or removed, by the next call. The key indexes and
    /// summaries of snapshots that are no longer a base are removed.
    @discardableResult
    public func packHistory(_ packing: HistoryPacking = HistoryPacking()) throws -> [SnapshotEntry] {
        let moduleRuns = try replica.moduleRunSnapshotFiles()
        let unfinished = Set(try replica.unfinishedRuns().map(\.snapshotFile))
        var packed: [SnapshotEntry] = []
        for (_, entries) in Dictionary(grouping: try replica.snapshots(), by: \.agreement).sorted(by: { $0.key < $1.key }) {
            try finishPacking(entries)
            // Key indexes and summaries serve the base in use (and a run being finished): others' are dead weight.
            for entry in entries where entry.baseFor == nil && !unfinished.contains(entry.file) {
                for file in [KeyIndex.path(for: path(of: entry)), SnapshotSummary.path(for: path(of: entry))] { unlink(file) }
            }
            var history = History(store: self, entries: entries)
            for (index, entry) in entries.enumerated() where entry.mode != SnapshotHeader.Mode.delta.rawValue
                && moduleRuns.contains(entry.file) && !entry.isProtected && !unfinished.contains(entry.file) && !Self.isMergedBase(entry.file) {
                guard let parent = try history.parent(of: index, unfinished: unfinished), history.extends(parent, with: entry, packing),
                      let delta = try pack(entry, over: parent, packing) else { continue }
                history.entries[index] = delta
                packed.append(delta)
            }
        }
        return packed
    }

    /// Writes `entry` as a delta over `parent` and puts it in place; nil when the delta would be too large.
    func pack(_ entry: SnapshotEntry, over parent: SnapshotEntry, _ packing: HistoryPacking) throws -> SnapshotEntry? {
        let path = path(of: entry)
        let size = try SnapshotDelta.measure(old: SnapshotChain(path: self.path(of: parent), checksDigest: false),
                                             new: SnapshotReader(path: path, checksDigest: false))
        guard Double(size.lines) <= Double(size.records) * packing.maximumDeltaShare else { return nil }
        let temporary = Self.packing(path)
        let (_, trailer) = try SnapshotDelta.write(old: SnapshotChain(path: self.path(of: parent), checksDigest: false),
                                                   new: SnapshotReader(path: path, checksDigest: false),
                                                   base: parent.file, whole: size.whole, to: temporary)
        let bytes = (try? FileManager.default.attributesOfItem(atPath: temporary)[.size] as? NSNumber)?.int64Value ?? 0
        var delta = entry
        delta.mode = SnapshotHeader.Mode.delta.rawValue
        delta.baseFile = parent.file
        delta.sha256 = trailer.sha256
        delta.bytes = bytes
        delta.records = trailer.records
        delta.counts = CanonicalJSON.string(.object(trailer.counts.mapValues { .int(Int64($0)) }))
        try replica.write { [delta] in
            try $0.setSnapshotDelta(file: delta.file, base: parent.file, sha256: delta.sha256, bytes: bytes, records: delta.records, counts: delta.counts)
        }
        try put(temporary, at: path)
        return delta
    }

    /// Where a delta of the snapshot at `path` is written before it replaces it.
    static func packing(_ path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).delta").path
    }

    /// Replaces the whole snapshot at `path` by its delta, and drops the files kept beside the whole one.
    func put(_ delta: String, at path: String) throws {
        guard rename(delta, path) == 0 else {
            throw SnapshotError(.io, "cannot put the delta in place: \(String(cString: strerror(errno)))", file: path)
        }
        for file in [KeyIndex.path(for: path), SnapshotSummary.path(for: path)] { try? FileManager.default.removeItem(atPath: file) }
    }

    /// Finishes what an interrupted ``packHistory(_:)`` left: a delta the
    /// index already records is put in place; any other is removed.
    func finishPacking(_ entries: [SnapshotEntry]) throws {
        for entry in entries {
            let path = path(of: entry), temporary = Self.packing(path)
            guard let size = (try? FileManager.default.attributesOfItem(atPath: temporary)[.size] as? NSNumber)?.int64Value else { continue }
            if entry.mode == SnapshotHeader.Mode.delta.rawValue && size == entry.bytes {
                try put(temporary, at: path)
            } else {
                try? FileManager.default.removeItem(atPath: temporary)
            }
        }
    }

    /// The files `entries` need besides themselves: the bases of the deltas among them, and theirs.
    static func ancestors(of entries: [SnapshotEntry], in all: [SnapshotEntry]) -> Set<String> {
        let byFile = Self.byFile(all)
        var needed: Set<String> = []
        for entry in entries {
            var current = entry
            while current.mode == SnapshotHeader.Mode.delta.rawValue, let base = current.baseFile, needed.insert(base).inserted,
                  let next = byFile[base] {
                current = next
            }
        }
        return needed
    }
}

/// One agreement's snapshots as ``SnapshotStore/packHistory(_:)`` walks them.
struct History {
    let store: SnapshotStore
    /// Oldest first.
    var entries: [SnapshotEntry]
    var kinds: [String: [String]] = [:]

    init(store: SnapshotStore, entries: [SnapshotEntry]) {
        self.store = store
        self.entries = entries
    }

    /// The kinds of `entry`'s file, from its header.
    mutating func kinds(of entry: SnapshotEntry) throws -> [String] {
        if let known = kinds[entry.file] { return known }
        let read = try SnapshotReader(path: store.path(of: entry), checksDigest: false).header.kinds
        kinds[entry.file] = read
        return read
    }

    /// The newest snapshot before the one at `index` with the same kinds, when it is there and sound.
    mutating func parent(of index: Int, unfinished: Set<String>) throws -> SnapshotEntry? {
        let wanted = try kinds(of: entries[index])
        let byFile = SnapshotStore.byFile(entries)
        for candidate in entries[..<index].reversed() where !SnapshotStore.isMergedBase(candidate.file) && !unfinished.contains(candidate.file) {
            guard try kinds(of: candidate) == wanted else { continue }
            return store.problem(with: candidate, among: byFile) == nil ? candidate : nil
        }
        return nil
    }

    /// Whether `entry` may become one more delta on `parent`'s chain.
    func extends(_ parent: SnapshotEntry, with entry: SnapshotEntry, _ packing: HistoryPacking) -> Bool {
        packing.extends(store.shape(of: parent, in: entries), at: entry.takenAt)
    }
}
