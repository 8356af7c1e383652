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
        fields.reduce(data) { data, field in FieldPath(field.key).setting(field.value == .null ? nil : field.value, in: data) }
    }
}

extension SnapshotStore {
    /// Writes a new snapshot into the store: `base`'s records, except those of
    /// `kinds`, which come from `snapshot`, with `overlays` laid over them and
    /// its key index; returns its entry, for the caller to index (in the
    /// transaction that makes it a base). A base made of several module runs:
    /// each kind as the last run that covered it saw it, and every record as
    /// the run's confirmed pushes left it.
    ///
    /// With `delta` (and a base whose chain ``HistoryPacking`` lets grow) it
    /// is written as a delta over `base`: only the kinds this run replaced,
    /// with a key index and summary of the whole state, so a run costs its
    /// own kinds, not every kind. Otherwise, whole (compaction).
    public func merge(base: SnapshotEntry?, with snapshot: SnapshotEntry, kinds: Set<String>, overlays: [BaseOverlay] = [],
                      delta: Bool = false, packing: HistoryPacking = HistoryPacking()) throws -> SnapshotEntry {
        // The snapshot may be the base itself (e-conomic changed nothing, the run pushed): read it whole.
        let newer = try SnapshotChain.open(path(of: snapshot), checksDigest: false)
        let older = try base.map { try SnapshotChain.open(path(of: $0), checksDigest: false) }
        let fresh = Set(newer.header.kinds).intersection(kinds)
        let overlaid = Set(overlays.map(\.kind.rawValue))
        let allKinds = fresh.union(older.map { Set($0.header.kinds).subtracting(fresh) } ?? []).union(overlaid)
        let inherited: SnapshotWriter.Inheritance? = if let base, delta { try inheritance(of: base, packing) } else { nil }
        let written = inherited == nil ? allKinds : fresh.union(overlaid)
        let header = SnapshotHeader(agreement: snapshot.agreement, takenAt: snapshot.takenAt, kinds: allKinds.sorted(by: utf8Precedes),
                                    mode: inherited == nil ? .full : .delta, base: inherited == nil ? nil : base?.file,
                                    whole: inherited == nil ? [] : Array(written))
        let folder = directory(agreement: snapshot.agreement)
        let name = fileName(agreement: snapshot.agreement, takenAt: snapshot.takenAt, kind: "base")
        let target = folder.appendingPathComponent(name)
        let writer = try SnapshotWriter(path: target.path, header: header, keyIndex: true, inheriting: inherited)
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
            var a = try next(older, keeping: fromOlder), b = try next(newer) { fresh.contains($0) }
            while a != nil || b != nil {
                if let line = a, b == nil || utf8Precedes(line.kind, b!.kind) {
                    try write(line)
                    a = try next(older, keeping: fromOlder)
                } else {
                    try write(b!)
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

extension SnapshotStore {
    /// What a delta over `base` inherits, when its chain may grow and its
    /// key index and summary are there; nil when the next base is written whole.
    func inheritance(of base: SnapshotEntry, _ packing: HistoryPacking) throws -> SnapshotWriter.Inheritance? {
        let chain = try replica.snapshots(agreement: base.agreement)
        guard packing.extends(shape(of: base, in: chain)), problem(with: base) == nil,
              let keys = try KeyIndexReader(path: KeyIndex.path(for: path(of: base)), sha256: base.sha256) else { return nil }
        return SnapshotWriter.Inheritance(keys: keys, summary: try SnapshotSummary.of(snapshot: path(of: base), sha256: base.sha256))
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
