import Foundation
import Replica
import Snapshot

extension SnapshotStore {
    /// Writes a new snapshot into the store: `base`'s records, except those of
    /// `kinds`, which come from `snapshot`, with its key index; returns its
    /// entry, for the caller to index (in the transaction that makes it a base).
    /// A base made of several module runs: each kind as the last run that covered it saw it.
    public func merge(base: SnapshotEntry?, with snapshot: SnapshotEntry, kinds: Set<String>) throws -> SnapshotEntry {
        let newer = try SnapshotReader(path: path(of: snapshot), checksDigest: false)
        let older = try base.map { try SnapshotReader(path: path(of: $0), checksDigest: false) }
        let fresh = Set(newer.header.kinds).intersection(kinds)
        let allKinds = fresh.union(older.map { Set($0.header.kinds).subtracting(fresh) } ?? [])
        let header = SnapshotHeader(agreement: snapshot.agreement, takenAt: snapshot.takenAt, kinds: allKinds.sorted(by: utf8Precedes))
        let folder = directory(agreement: snapshot.agreement)
        let name = fileName(agreement: snapshot.agreement, takenAt: snapshot.takenAt, kind: "base")
        let target = folder.appendingPathComponent(name)
        let writer = try SnapshotWriter(path: target.path, header: header, keyIndex: true)
        do {
            func next(_ reader: SnapshotReader?, keeping keep: (String) -> Bool) throws -> RecordLine? {
                while let line = try reader?.next() { if keep(line.kind) { return line } }
                return nil
            }
            var a = try next(older) { !fresh.contains($0) }, b = try next(newer) { fresh.contains($0) }
            while a != nil || b != nil {
                if let line = a, b == nil || utf8Precedes(line.kind, b!.kind) {
                    try writer.append(line)
                    a = try next(older) { !fresh.contains($0) }
                } else {
                    try writer.append(b!)
                    b = try next(newer) { fresh.contains($0) }
                }
            }
            let trailer = try writer.finish()
            return entry(file: "snapshots/\(snapshot.agreement)/\(name)", header: header, trailer: trailer)
        } catch {
            writer.cancel()
            throw error
        }
    }
}

extension SnapshotStore {
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
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasSuffix("-base.ndjson.gz") {
                let file = "snapshots/\(agreement)/\(name)"
                let path = folder.appendingPathComponent(name).path
                let modified = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? now
                guard !indexed.contains(file), now.timeIntervalSince(modified) > age else { continue }
                try FileManager.default.removeItem(atPath: path)
                try? FileManager.default.removeItem(atPath: KeyIndex.path(for: path))
                removed.append(file)
            }
        }
        return removed.sorted()
    }
}
