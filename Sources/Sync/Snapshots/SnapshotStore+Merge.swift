import Foundation
import Reconcile
import Replica
import Snapshot
import Vocabulary

/// What a confirmed push left in e-conomic, laid over a base so that the next
/// three-way diff starts from it: the fields pushed onto the record `key`
/// (a record a create made is new).
public struct BaseOverlay: Sendable, Equatable {
    public var kind: Kind
    public var key: RecordKey
    /// The pushed fields, by dotted path; null removes a field.
    public var fields: [String: JSONValue]

    public init(kind: Kind, key: RecordKey, fields: [String: JSONValue]) {
        self.kind = kind
        self.key = key
        self.fields = fields
    }

    /// Snapshot order: kind by UTF-8 bytes, then key.
    static func precedes(_ a: (kind: String, key: RecordKey), _ b: (kind: String, key: RecordKey)) -> Bool {
        a.kind == b.kind ? a.key < b.key : utf8Precedes(a.kind, b.kind)
    }

    /// `data` with the pushed fields set.
    func applied(to data: [String: JSONValue]) -> [String: JSONValue] {
        var data = data
        FieldPath.lay(fields, over: &data)
        return data
    }
}

extension SnapshotStore {
    /// Writes a new snapshot into the store: `base`'s records, except those of
    /// `kinds`, which come from `snapshot`, with `overlays` laid over them and
    /// its key index; returns its entry, for the caller to index (in the
    /// transaction that makes it a base). A base made of several module runs:
    /// each kind as the last run that covered it saw it, and every record as
    /// the run's confirmed pushes left it. Without a base or overlays, a whole
    /// `snapshot` of only `kinds` (with its key index) is returned as it is: it is that base.
    ///
    /// With `delta` (and a base whose chain ``HistoryPacking`` lets grow: it
    /// began the same day) it is written as a delta over `base`: only the
    /// records of this run's kinds that changed, with a key index and summary
    /// of the whole state, so a run costs its changes, not every record.
    /// Otherwise, whole (compaction: the first module run of a day writes the
    /// base whole).
    public func merge(base: SnapshotEntry?, with snapshot: SnapshotEntry, kinds: Set<String>, overlays: [BaseOverlay] = [],
                      delta: Bool = false, packing: HistoryPacking = HistoryPacking()) throws -> SnapshotEntry {
        // The snapshot may be the base itself (e-conomic changed nothing, the run pushed): read it whole.
        let newer = try SnapshotChain.open(path(of: snapshot), checksDigest: false)
        let older = try base.map { try SnapshotChain.open(path(of: $0), checksDigest: false) }
        let fresh = Set(newer.header.kinds).intersection(kinds)
        // Nothing of a base to keep and nothing to lay over: a whole snapshot of these kinds only, with its key index, is
        // the base as it stands (a first sync's first module run), so it is not written again.
        if base == nil, overlays.isEmpty, newer.header.mode == .full, fresh.count == newer.header.kinds.count,
           try KeyIndexReader(path: KeyIndex.path(for: path(of: snapshot)), sha256: snapshot.sha256) != nil {
            return snapshot
        }
        let overlaid = Set(overlays.map(\.kind.rawValue))
        let allKinds = fresh.union(older.map { Set($0.header.kinds).subtracting(fresh) } ?? []).union(overlaid)
        // A delta holds, of the fresh kinds, the records that changed (told from the two key indexes) and, of a kind
        // the base lacks or from which a record was deleted, every record; overlaid kinds the run did not pull come
        // whole from the base. Without a base to inherit from, or without both indexes where the base has
        // records of the fresh kinds to compare, the base is written whole.
        var over: (inheritance: SnapshotWriter.Inheritance, changes: Changes)?
        if let base, delta, let inherited = try inheritance(of: base, at: snapshot.takenAt, packing),
           let changes = try changes(from: base, to: snapshot, kinds: fresh.filter { inherited.summary.counts[$0, default: 0] > 0 }) {
            over = (inherited, changes)
        }
        let whole = over.map { fresh.subtracting($0.changes.changed.keys).union($0.changes.deleted).union(overlaid.subtracting(fresh)) } ?? allKinds
        let overlayKeys = Set(overlays.map { "\($0.kind.rawValue)/\($0.key)" })
        func fromNewer(_ line: RecordLine) -> Bool {
            whole.contains(line.kind) || over?.changes.changed[line.kind]?.contains(line.key) == true
                || overlayKeys.contains("\(line.kind)/\(line.key)")
        }
        let written = over == nil ? allKinds : fresh.union(overlaid)
        // Where its records were pulled from, as the run's snapshot says (an emulator's base says so too).
        let header = SnapshotHeader(agreement: snapshot.agreement, sources: newer.header.sources, takenAt: snapshot.takenAt,
                                    kinds: allKinds.sorted(by: utf8Precedes),
                                    mode: over == nil ? .full : .delta, base: over == nil ? nil : base?.file,
                                    whole: over == nil ? [] : Array(whole))
        let folder = directory(agreement: snapshot.agreement)
        let name = fileName(agreement: snapshot.agreement, takenAt: snapshot.takenAt, kind: "base")
        let target = folder.appendingPathComponent(name)
        let writer = try SnapshotWriter(path: target.path, header: header, keyIndex: true, inheriting: over?.inheritance)
        var pending = overlays.sorted { BaseOverlay.precedes(($0.kind.rawValue, $0.key), ($1.kind.rawValue, $1.key)) }[...]
        /// Writes `line`, after the overlays of records before it (new records), with its own overlay laid over it.
        func write(_ line: RecordLine) throws {
            while let overlay = pending.first, BaseOverlay.precedes((overlay.kind.rawValue, overlay.key), (line.kind, line.key)) {
                try writer.append(Record(kind: overlay.kind.rawValue, key: overlay.key, data: overlay.applied(to: [:])))
                pending.removeFirst()
            }
            if let overlay = pending.first, overlay.kind.rawValue == line.kind, overlay.key == line.key {
                try writer.append(Record(kind: line.kind, key: line.key, data: overlay.applied(to: try line.record(checkCanonical: false).data)))
                pending.removeFirst()
            } else {
                try writer.append(line)
            }
        }
        do {
            func next(_ reader: (any RecordLineSource)?, keeping keep: (String) -> Bool) throws -> RecordLine? {
                while let line = try reader?.next() { if keep(line.kind) { return line } }
                return nil
            }
            func fromOlder(_ kind: String) -> Bool { !fresh.contains(kind) && written.contains(kind) }
            // A delta takes nothing from the base but the kinds overlaid and not pulled: without those, the base is not read.
            let olderRead = over == nil || !written.subtracting(fresh).isEmpty ? older : nil
            var a = try next(olderRead, keeping: fromOlder), b = try next(newer) { fresh.contains($0) }
            while a != nil || b != nil {
                if let line = a, b == nil || utf8Precedes(line.kind, b!.kind) {
                    try write(line)
                    a = try next(olderRead, keeping: fromOlder)
                } else {
                    if fromNewer(b!) { try write(b!) }
                    b = try next(newer) { fresh.contains($0) }
                }
            }
            for overlay in pending { try writer.append(Record(kind: overlay.kind.rawValue, key: overlay.key, data: overlay.applied(to: [:]))) }
            let trailer = try writer.finish()
            return entry(file: "snapshots/\(snapshot.agreement)/\(name)", header: header, trailer: trailer)
        } catch {
            writer.cancel()
            throw error
        }
    }
}

/// The records of some kinds that differ between two snapshots: per kind,
/// the keys new or changed, and the kinds from which a record was deleted.
struct Changes {
    var changed: [String: Set<RecordKey>] = [:]
    var deleted: Set<String> = []
}

extension SnapshotStore {
    /// What differs between `base` and `snapshot` in `kinds`, told from
    /// their key indexes without decompressing either; nil when an index is
    /// missing (and there are kinds to compare).
    func changes(from base: SnapshotEntry, to snapshot: SnapshotEntry, kinds: Set<String>) throws -> Changes? {
        // None of the kinds in the base (a first sync's later module runs): nothing to compare, no index to read.
        if kinds.isEmpty { return Changes() }
        guard let old = try KeyIndexReader(path: KeyIndex.path(for: path(of: base)), sha256: base.sha256),
              let new = try KeyIndexReader(path: KeyIndex.path(for: path(of: snapshot)), sha256: snapshot.sha256) else { return nil }
        func next(_ reader: KeyIndexReader) throws -> (kind: String, key: RecordKey, hash: UInt64)? {
            while let entry = try reader.next() { if kinds.contains(entry.kind) { return entry } }
            return nil
        }
        var changes = Changes()
        for kind in kinds { changes.changed[kind] = [] }
        var a = try next(old), b = try next(new)
        while a != nil || b != nil {
            if let x = a, let y = b, x.kind == y.kind, x.key == y.key {
                if x.hash != y.hash { changes.changed[y.kind, default: []].insert(y.key) }
                (a, b) = (try next(old), try next(new))
            } else if let x = a, b == nil || (x.kind == b!.kind ? x.key < b!.key : utf8Precedes(x.kind, b!.kind)) {
                changes.deleted.insert(x.kind)
                a = try next(old)
            } else if let y = b {
                changes.changed[y.kind, default: []].insert(y.key)
                b = try next(new)
            }
        }
        return changes
    }

    /// What a delta over `base` inherits, when its chain may grow and its
    /// key index and summary are there; nil when the next base is written whole.
    func inheritance(of base: SnapshotEntry, at takenAt: String, _ packing: HistoryPacking) throws -> SnapshotWriter.Inheritance? {
        let entries = try replica.snapshots(agreement: base.agreement)
        let shape = shape(of: base, in: entries)
        guard shape.isSound, shape.anchor.takenAt.prefix(10) == takenAt.prefix(10), shape.depth < packing.maximumDepth,
              problem(with: base, among: Self.byFile(entries)) == nil,
              let keys = try KeyIndexReader(path: KeyIndex.path(for: path(of: base)), sha256: base.sha256) else { return nil }
        let summary = try SnapshotSummary.of(snapshot: path(of: base), sha256: base.sha256)
        // Compaction: once the chain's files hold more than twice the records of the state, most of what is read is replaced.
        guard Double(shape.lines) <= Double(summary.counts.values.reduce(0, +)) * packing.maximumReadShare else { return nil }
        return SnapshotWriter.Inheritance(keys: keys, summary: summary)
    }

    /// Deletes merged bases a crash left in the store unindexed (written,
    /// but the run that was to index them never finished), with their key
    /// indexes; only those older than `age` seconds, so one being written now
    /// is left alone. Returns the files removed, as the store names them.
    @discardableResult
    public func removeOrphanedBases(olderThan age: TimeInterval = 3600, now: Date = Date()) throws -> [String] {
        let indexed = Set(try replica.snapshots().map(\.file))
        let root = dataDirectory.appendingPathComponent("snapshots")
        var removed: [String] = []
        for agreement in (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? [] {
            let folder = root.appendingPathComponent(agreement)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where Self.isMergedBase(name) {
                let file = "snapshots/\(agreement)/\(name)"
                let path = folder.appendingPathComponent(name).path
                let modified = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? now
                guard !indexed.contains(file), now.timeIntervalSince(modified) > age else { continue }
                Self.remove(path)
                removed.append(file)
            }
        }
        return removed.sorted()
    }
}
