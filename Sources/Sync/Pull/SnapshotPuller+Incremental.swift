import Blocking
import Economic
import Foundation
import Snapshot
import Vocabulary

extension SnapshotPuller {
    /// The snapshot a pull builds on: the base of the last reconcile.
    public struct Base: Sendable {
        /// As the store names it (`snapshots/<agreement>/<name>.ndjson.gz`).
        public var file: String
        public var path: String
        /// Its SHA-256, which ties the files kept beside it (key index, summary) to it.
        public var sha256: String?

        public init(file: String, path: String, sha256: String? = nil) {
            self.file = file
            self.path = path
            self.sha256 = sha256
        }
    }

    /// Kinds whose records carry e-conomic's `lastUpdated` and can be filtered on it.
    static let incrementalKinds: Set<Kind> = [.customer, .product, .project, .timeEntry]

    /// The records of `kind` changed at or after `since`, sorted by key, and how many records the kind has now.
    func pullChanged(_ kind: EconomicKind, since: String) async throws -> Changed {
        var records: [Record] = []
        let links = [client.configuration.restBaseURL, client.configuration.projectsBaseURL]
        let filter = EconomicFilter("lastUpdated", .greaterThanOrEqual, since)
        let collect: (EconomicClient.Page) throws -> Void = { records += try Self.records(in: $0.body, kind: kind, links: links) }
        let pages = try await kind.forEachPage(client, filter: filter) { try collect($0) }
        let total = try await client.count(kind.api, kind.path, module: kind.module.rawValue)
        return Changed(records: records.sorted { $0.key < $1.key }, total: total, pages: pages + 1)
    }

    /// Lays each incremental kind's changes over the base's records into its
    /// work file (one pass over the base); a kind whose count no longer
    /// matches e-conomic's (a record was deleted) is pulled in full instead.
    func complete(_ work: Work, base: Base?, progress: (Progress) -> Void) async throws -> Work {
        guard let base, !work.changed.isEmpty else { return work }
        var work = work
        let changed = work.changed.mapValues { (records: $0.records, total: $0.total) }
        work.incremental.formUnion(try await Blocking.run { [self] in try merge(base: base, changed: changed) })
        report(work, kinds: work.incremental, progress)
        for kind in work.kinds where work.changed[kind.kind.rawValue] != nil && !work.incremental.contains(kind.kind.rawValue) {
            try await pullWhole(kind, progress)
        }
        work.changed = [:]
        return work
    }

    /// Reports `kinds`, incremental kinds whose records are the base's with the changes laid over them.
    func report(_ work: Work, kinds: Set<String>, _ progress: (Progress) -> Void) {
        for kind in work.kinds where kinds.contains(kind.kind.rawValue) {
            guard let changed = work.changed[kind.kind.rawValue] else { continue }
            progress(Progress(kind: kind.kind, records: changed.total, pages: changed.pages, resumed: false, changed: changed.records.count))
        }
    }

    /// Writes each incremental kind's work file from the base's records with
    /// the changed ones laid over them, in one pass over the base. A kind whose
    /// merged count differs from e-conomic's (a record was deleted) gets no work
    /// file: it is pulled in full. Returns the kinds written.
    func merge(base: Base, changed: [String: (records: [Record], total: Int)]) throws -> Set<String> {
        let reader = try SnapshotChain.open(base.path, checksDigest: false)
        var written: Set<String> = []
        var current: (kind: String, file: WorkFile, pending: ArraySlice<Record>)?
        func close() throws {
            guard let open = current else { return }
            current = nil
            for record in open.pending { try open.file.append(record) }
            if open.file.count == changed[open.kind]!.total {
                try open.file.commit()
                written.insert(open.kind)
            } else {
                open.file.cancel()
            }
        }
        while let line = try reader.next() {
            if current?.kind != line.kind {
                try close()
                if let records = changed[line.kind]?.records {
                    current = (line.kind, try WorkFile(creating: workDirectory.appendingPathComponent("\(line.kind).ndjson")), records[...])
                }
            }
            guard let open = current else { continue }
            var pending = open.pending
            while let record = pending.first, record.key < line.key { try open.file.append(record); pending.removeFirst() }
            if let record = pending.first, record.key == line.key {
                try open.file.append(record)
                pending.removeFirst()
            } else {
                try open.file.append(line)
            }
            current!.pending = pending
        }
        try close()
        return written
    }

    /// Whether e-conomic changed nothing of `work`'s kinds since `base`,
    /// told without decompressing the base: each incremental kind has as
    /// many records as the base (its summary) and the records it returned
    /// (those at the base's latest `lastUpdated` come back every time) hash
    /// as the base's lines of those keys, and each kind pulled in full hashes
    /// line for line as the base's (its key index). False when the base has
    /// no key index: the snapshot is then written.
    func unchanged(_ work: Work, since base: Base) throws -> Bool {
        guard let summary = work.summary, work.incremental.isEmpty, work.changed.allSatisfy({ $0.value.total == summary.counts[$0.key, default: 0] }),
              let sha256 = base.sha256, let index = try KeyIndexReader(path: KeyIndex.path(for: base.path), sha256: sha256) else { return false }
        var returned = work.changed.mapValues { changed in
            Dictionary(changed.records.map { ($0.key, KeyIndex.hash($0.line)) }, uniquingKeysWith: { first, _ in first })
        }
        var pulled: [String: [UInt64]] = [:]
        for kind in work.kinds where work.changed[kind.kind.rawValue] == nil {
            let file = workDirectory.appendingPathComponent("\(kind.kind).ndjson")
            guard FileManager.default.fileExists(atPath: file.path) else { return false }
            var hashes: [UInt64] = []
            try WorkFile.forEachLine(in: file) { line in hashes.append(line.bytes.withUnsafeBytes { KeyIndex.hash($0) }) }
            pulled[kind.kind.rawValue] = hashes
        }
        // The index comes kind by kind: each kind's expectations are taken out once, not looked up per entry.
        var kind: String?, expected: [RecordKey: UInt64] = [:], hashes: [UInt64]?, position = 0
        // A kind is done when every record it returned and every line it pulled was met.
        func kindDone() -> Bool { expected.isEmpty && (hashes.map { $0.count == position } ?? true) }
        while let (entryKind, key, hash) = try index.next() {
            if entryKind != kind {
                guard kindDone() else { return false }
                (kind, expected, hashes, position) = (entryKind, returned.removeValue(forKey: entryKind) ?? [:], pulled.removeValue(forKey: entryKind), 0)
            }
            if let wanted = expected.removeValue(forKey: key) {
                guard wanted == hash else { return false }
            } else if let hashes {
                guard position < hashes.count, hashes[position] == hash else { return false }
                position += 1
            }
        }
        // A kind absent from the index must have returned and pulled nothing.
        return kindDone() && pulled.values.allSatisfy(\.isEmpty) && returned.values.allSatisfy(\.isEmpty)
    }
}
