import Foundation
import Replica
import Snapshot

/// The snapshot store of a data directory: snapshot files under
/// `<data-dir>/snapshots/<agreement>/<UTC timestamp>.ndjson.gz`, indexed in
/// the replica (which snapshot, when, full or incremental, counts, hash, and
/// which reconcile or audit still needs it).
///
/// ```swift
/// let store = SnapshotStore(dataDirectory: dir, replica: replica)
/// let entry = try store.add(copyOf: "downloaded.ndjson.gz")
/// let removed = try store.prune(keep: 10)
/// ```
public struct SnapshotStore: Sendable {
    public let dataDirectory: URL
    public let replica: ReplicaStore

    public init(dataDirectory: URL, replica: ReplicaStore) {
        self.dataDirectory = dataDirectory
        self.replica = replica
    }

    /// The folder of an agreement's snapshots.
    public func directory(agreement: Int) -> URL {
        dataDirectory.appendingPathComponent("snapshots/\(agreement)")
    }

    /// The absolute path of an indexed file.
    public func path(of entry: SnapshotEntry) -> String {
        dataDirectory.appendingPathComponent(entry.file).path
    }

    /// Deletes the snapshot at `path` and the files kept beside it (its key index, its summary).
    static func remove(_ path: String) {
        for file in [path, KeyIndex.path(for: path), SnapshotSummary.path(for: path)] {
            try? FileManager.default.removeItem(atPath: file)
        }
    }

    /// A free file name for a snapshot taken at `takenAt` (`2026-11-02T080000Z.ndjson.gz`).
    /// With `kind` (`base`), the name says what the file is: `2026-11-02T080000Z-base.ndjson.gz`.
    public func fileName(agreement: Int, takenAt: String, kind: String? = nil) -> String {
        let stamp = takenAt.replacingOccurrences(of: ":", with: "").replacingOccurrences(of: ".", with: "")
        let tail = kind.map { "-\($0).ndjson.gz" } ?? ".ndjson.gz"
        var name = stamp + tail
        var suffix = 2
        while FileManager.default.fileExists(atPath: directory(agreement: agreement).appendingPathComponent(name).path) {
            name = "\(stamp)-\(suffix)\(tail)"
            suffix += 1
        }
        return name
    }

    /// What is wrong with an indexed file, nil when it is the file the index
    /// describes: there, of the recorded size, with the recorded header. (Its
    /// SHA-256 is checked whenever it is read whole.)
    public func problem(with entry: SnapshotEntry) -> String? {
        problem(with: entry, among: nil)
    }

    /// ``problem(with:)``, the bases of a delta looked up in `entries` (the agreement's, by file) when given.
    func problem(with entry: SnapshotEntry, among entries: [String: SnapshotEntry]?) -> String? {
        let path = path(of: entry)
        guard let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value else {
            return "is missing"
        }
        if entry.bytes > 0 && size != entry.bytes {
            return "is not the file the replica recorded (\(size) bytes, recorded \(entry.bytes), SHA-256 \(entry.sha256.prefix(12))…)"
        }
        guard let header = try? SnapshotReader(path: path, checksDigest: false).header else { return "cannot be read" }
        if header.agreement != entry.agreement || header.takenAt != entry.takenAt {
            return "is not the file the replica recorded (taken \(header.takenAt) for agreement \(header.agreement), recorded "
                + "\(entry.takenAt) for \(entry.agreement), SHA-256 \(entry.sha256.prefix(12))…)"
        }
        // A delta is read through its bases: each must be there too.
        if header.mode == .delta, let base = header.base {
            let entries = entries ?? Self.byFile((try? replica.snapshots(agreement: entry.agreement)) ?? [])
            guard let below = entries[base] else { return "is a delta over \(base), which is not in the store" }
            if let problem = problem(with: below, among: entries) { return "is a delta over \(base), which \(problem)" }
        }
        return nil
    }

    /// Verifies the snapshot at `source` and copies it into the store; returns its index entry.
    @discardableResult
    public func add(copyOf source: String) throws -> SnapshotEntry {
        let (header, trailer) = try SnapshotReader.verify(path: source, strict: true)
        if header.mode == .delta, let base = header.base, try !replica.snapshots(agreement: header.agreement).contains(where: { $0.file == base }) {
            throw SnapshotError(.missingBase, "is a delta over \(base), which is not in the store: import that snapshot first", file: source)
        }
        let folder = directory(agreement: header.agreement)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let name = fileName(agreement: header.agreement, takenAt: header.takenAt)
        let target = folder.appendingPathComponent(name)
        let temporary = folder.appendingPathComponent(".\(name).tmp-\(getpid())")
        try? FileManager.default.removeItem(at: temporary)
        try FileManager.default.copyItem(atPath: source, toPath: temporary.path)
        // A copy keeps the source's mode; the store's files are the owner's alone.
        try FileManager.default.setAttributes([.posixPermissions: DataDirectory.fileMode], ofItemAtPath: temporary.path)
        try FileManager.default.moveItem(at: temporary, to: target)
        do {
            return try index(file: "snapshots/\(header.agreement)/\(name)", header: header, trailer: trailer)
        } catch {
            try? FileManager.default.removeItem(at: target)
            throw error
        }
    }

    /// Indexes a snapshot file already in the store (for example one a reconcile just wrote).
    @discardableResult
    public func index(file: String, header: SnapshotHeader, trailer: SnapshotTrailer) throws -> SnapshotEntry {
        let entry = entry(file: file, header: header, trailer: trailer)
        return try replica.write { try $0.addSnapshot(entry) }
    }

    /// The index entry of a snapshot file in the store, not yet indexed.
    func entry(file: String, header: SnapshotHeader, trailer: SnapshotTrailer) -> SnapshotEntry {
        let path = dataDirectory.appendingPathComponent(file).path
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0
        let counts = CanonicalJSON.string(.object(trailer.counts.mapValues { .int(Int64($0)) }))
        return SnapshotEntry(
            agreement: header.agreement, file: file, takenAt: header.takenAt, mode: header.mode.rawValue, baseFile: header.base,
            records: trailer.records, counts: counts, sha256: trailer.sha256, bytes: bytes, addedAt: Timestamp.string(replica.now()))
    }

    /// Deletes all but the newest `keep` snapshots of each agreement, never one
    /// that a reconcile uses as its base or that an audit journal refers to.
    /// Returns the entries removed (with `dryRun`, those that would be).
    @discardableResult
    public func prune(keep: Int, dryRun: Bool = false) throws -> [SnapshotEntry] {
        precondition(keep >= 0)
        return try prune(dryRun: dryRun) { index, _ in index < keep }
    }

    /// Applies `retention` at the store's clock: see ``SnapshotRetention``.
    @discardableResult
    public func apply(_ retention: SnapshotRetention, dryRun: Bool = false) throws -> [SnapshotEntry] {
        let now = replica.now()
        return try prune(dryRun: dryRun) { index, entry in
            !Self.isMergedBase(entry.file) && retention.keeps(index: index, takenAt: Timestamp.date(entry.takenAt), now: now)
        }
    }

    /// Deletes every snapshot `keeps` refuses (given its index in its agreement's newest-first list), except protected ones.
    /// A snapshot a kept delta builds on is kept with it.
    private func prune(dryRun: Bool, keeps: (Int, SnapshotEntry) -> Bool) throws -> [SnapshotEntry] {
        let all = try replica.snapshots()
        var doomed: [SnapshotEntry] = []
        for (_, entries) in Dictionary(grouping: all, by: \.agreement).sorted(by: { $0.key < $1.key }) {
            let newestFirst = entries.sorted { ($0.takenAt, $0.id ?? 0) > ($1.takenAt, $1.id ?? 0) }
            doomed += newestFirst.enumerated().filter { !keeps($0.offset, $0.element) && !$0.element.isProtected }.map(\.element).reversed()
        }
        let going = Set(doomed.map(\.file))
        let needed = Self.ancestors(of: all.filter { !going.contains($0.file) }, in: all)
        doomed.removeAll { needed.contains($0.file) }
        guard !dryRun else { return doomed }
        for entry in doomed {
            try replica.write { try $0.removeSnapshot(file: entry.file) }
            Self.remove(path(of: entry))
        }
        return doomed
    }
}
