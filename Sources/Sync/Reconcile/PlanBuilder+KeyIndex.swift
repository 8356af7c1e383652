import Foundation
import Reconcile
import Snapshot

extension PlanBuilder {
    /// Like ``capture(_:basePath:snapshotPath:)``, but against the base's key
    /// index instead of the base itself: only the new snapshot is decompressed.
    /// A line whose hash matches the base's is unchanged; a changed one is kept
    /// and its base worked out per chunk (see ``bases(_:remote:local:item:)``),
    /// except for records the replica changed too, whose base lines are read
    /// in a second pass over the base, when there are any.
    func capture(_ work: inout [String: KindWork], index: KeyIndexReader, basePath: String, snapshotPath: String) throws {
        let kinds = Set(work.keys)
        let new = try PrefetchingReader(path: snapshotPath, checksDigest: false, kinds: kinds)
        let linkable = work.compactMapValues { $0.linkable.isEmpty ? nil : $0.linkable }
        var remote: [String: [RecordLine]] = [:], base: [String: [RecordLine]] = [:]
        var changed: [String: Set<RecordKey>] = [:], removed: [String: [RecordKey]] = [:]
        var entryRun = SnapshotDiff.KindRun(kinds: kinds), lineRun = SnapshotDiff.KindRun(kinds: kinds)
        func nextEntry() throws -> (kind: String, key: RecordKey, hash: UInt64)? {
            while let entry = try index.next() { if entryRun.wants(entry.kind) { return entry } }
            return nil
        }
        func nextLine() throws -> RecordLine? {
            while let line = try new.next() { if lineRun.wants(line.kind) { return line } }
            return nil
        }
        var kind = "", kindWanted: Set<String> = []
        var e = try nextEntry(), l = try nextLine()
        while e != nil || l != nil {
            if let entry = e, let line = l, entry.kind == line.kind, entry.key == line.key {
                if line.kind != kind {  // kinds come in runs
                    kind = line.kind
                    kindWanted = work[kind]?.wanted ?? []
                }
                let wanted = !kindWanted.isEmpty && kindWanted.contains(line.key.description)
                if KeyIndex.hash(line.bytes) != entry.hash {
                    remote[line.kind, default: []].append(line)
                    changed[line.kind, default: []].insert(line.key)
                } else if try wanted || links(line, linkable[line.kind], new) {
                    remote[line.kind, default: []].append(line)
                    base[line.kind, default: []].append(line)
                }
                (e, l) = (try nextEntry(), try nextLine())
            } else if let entry = e, l == nil || entry.kind != l!.kind ? (l == nil || utf8Precedes(entry.kind, l!.kind)) : entry.key < l!.key {
                removed[entry.kind, default: []].append(entry.key)
                e = try nextEntry()
            } else if let line = l {
                remote[line.kind, default: []].append(line)
                l = try nextLine()
            }
        }
        // Records changed on both sides need their real base line.
        var needed: [String: Set<String>] = [:]
        for (kind, keys) in changed {
            let both = keys.filter { work[kind]?.wanted.contains($0.description) == true }
            if !both.isEmpty { needed[kind] = Set(both.map(\.description)) }
        }
        if !needed.isEmpty {
            let reader = try SnapshotChain.open(basePath, checksDigest: false)
            while let line = try reader.next() {
                if needed[line.kind]?.contains(line.key.description) == true { base[line.kind, default: []].append(line) }
            }
        }
        for kind in work.keys {
            work[kind]?.remote = remote[kind] ?? []
            work[kind]?.base = (base[kind] ?? []).sorted { $0.key < $1.key }
            work[kind]?.changedRemotely = changed[kind] ?? []
            work[kind]?.removed = removed[kind] ?? []
        }
    }

    /// Whether an unchanged e-conomic record is one a replica record links to (by CVR).
    func links(_ line: RecordLine, _ linkable: [FieldPath: Set<JSONValue>]?, _ reader: some RecordLineSource) throws -> Bool {
        guard let linkable else { return false }
        return ThreeWayDiff.matches(try SnapshotDiff.record(line, reader), linkable)
    }
}
