import Blocking
import Economic
import Reconcile
import Foundation
import Replica
import Snapshot
import Vocabulary

/// Takes a full snapshot of e-conomic: every chosen kind, page by page, into
/// a new snapshot in the store. Each finished kind is kept in a work folder
/// outside the store (`<data-dir>/pulls/<agreement>/`), so an interrupted
/// pull resumes with the kinds it had not finished; the snapshot appears in
/// the store only when every kind is in.
///
/// ```swift
/// let puller = SnapshotPuller(client: client, store: store, agreement: 1118081)
/// let entry = try await puller.take(kinds: EconomicKind.defaultKinds) { print($0) }
/// ```
public struct SnapshotPuller: Sendable {
    public let client: EconomicClient
    public let store: SnapshotStore
    public let agreement: Int
    /// Where finished kinds wait for the rest (default `<data-dir>/pulls/<agreement>/`).
    public var workDirectory: URL
    /// Told after each page of a kind pulled whole: the kind, and its records
    /// and pages so far (for a progress display that shows a kind as it comes in).
    public var pageRead: (@Sendable (_ kind: Kind, _ records: Int, _ pages: Int) -> Void)? = nil
    /// Writes the kinds it qualifies for into the replica as their pages arrive (a first sync).
    var firstPull: FirstPullStream?

    public init(client: EconomicClient, store: SnapshotStore, agreement: Int, workDirectory: URL? = nil) {
        self.client = client
        self.store = store
        self.agreement = agreement
        self.workDirectory = workDirectory ?? store.dataDirectory.appendingPathComponent("pulls/\(agreement)")
    }

    /// One kind's progress.
    public struct Progress: Sendable, Equatable, CustomStringConvertible {
        public var kind: Kind
        public var records: Int
        public var pages: Int
        /// Whether the kind came from an earlier, interrupted pull.
        public var resumed: Bool
        /// For a kind pulled incrementally: how many records changed since the base.
        public var changed: Int?

        public init(kind: Kind, records: Int, pages: Int, resumed: Bool, changed: Int? = nil) {
            self.kind = kind
            self.records = records
            self.pages = pages
            self.resumed = resumed
            self.changed = changed
        }

        public var description: String {
            let how = resumed ? " (kept from the interrupted pull)" : " in \(pages) page\(pages == 1 ? "" : "s")"
            return "\(kind): \(records) record\(records == 1 ? "" : "s")\(how)\(changed.map { ", incremental: \($0) changed" } ?? "")"
        }
    }

    /// Pulls `kinds` and stores the snapshot, taken at `takenAt`;
    /// with a `base`, kinds that carry `lastUpdated` are pulled incrementally.
    public func take(kinds: [Kind], takenAt: String, base: Base? = nil, progress: (Progress) -> Void = { _ in }) async throws -> SnapshotEntry {
        let work: Work
        do {
            work = try await pullWork(kinds: kinds, base: base, progress: progress)
        } catch {
            // The kinds written before the failure keep their rows, committed before this returns.
            try? await firstPull?.settle()
            throw error
        }
        if let entry = try await unchangedBase(work, base, progress) {
            try await firstPull?.settle()
            return entry
        }
        let folder = store.directory(agreement: agreement)
        let name = store.fileName(agreement: agreement, takenAt: takenAt)
        let path = folder.appendingPathComponent(name).path
        // The last kinds written as pulled are committed while the snapshot is written; it is indexed once they are.
        async let settled: Void = settleFirstPull()
        let (header, trailer) = try await assemble(try await complete(work, base: base, progress: progress), takenAt: takenAt, to: path, base: base)
        do {
            try await settled
        } catch {
            SnapshotStore.remove(path)
            throw error
        }
        return try store.index(file: "snapshots/\(agreement)/\(name)", header: header, trailer: trailer)
    }

    /// Waits for the kinds written as they were pulled to be committed (see ``FirstPullStream/settle()``).
    private func settleFirstPull() async throws {
        try await firstPull?.settle()
    }

    /// Pulls `kinds` into a snapshot file at `path`, outside the store (nothing is indexed).
    ///
    /// With a `base`, a kind whose records carry `lastUpdated` is pulled
    /// incrementally: only the records changed since the latest `lastUpdated`
    /// in the base (e-conomic's own clock), laid over the base's records, and
    /// kept only if the result has as many records as e-conomic says the kind
    /// has (otherwise something was deleted, and the kind is pulled in full).
    public func take(kinds: [Kind], takenAt: String, to path: String, base: Base? = nil,
                     progress: (Progress) -> Void = { _ in }) async throws -> (SnapshotHeader, SnapshotTrailer) {
        try await write(try await pullWork(kinds: kinds, base: base, progress: progress), takenAt: takenAt, to: path, base: base, progress: progress)
    }

    /// As ``take(kinds:takenAt:to:base:progress:)``, but when e-conomic
    /// changed nothing of `kinds` since `base`, nothing is written: the base's
    /// entry is returned, the base being the snapshot (a dry run right after a
    /// sync reads no base and writes no snapshot for nothing). Without a base, the snapshot is written.
    public func take(kinds: [Kind], takenAt: String, to path: String, unlessUnchangedSince base: Base?,
                     progress: (Progress) -> Void = { _ in }) async throws -> Outcome {
        let work = try await pullWork(kinds: kinds, base: base, progress: progress)
        if let entry = try await unchangedBase(work, base, progress) { return .unchanged(entry) }
        let (header, trailer) = try await write(work, takenAt: takenAt, to: path, base: base, progress: progress)
        return .written(header, trailer)
    }

    /// What ``take(kinds:takenAt:to:unlessUnchangedSince:progress:)`` did: wrote a snapshot, or found the base unchanged.
    public enum Outcome: Sendable {
        case written(SnapshotHeader, SnapshotTrailer)
        case unchanged(SnapshotEntry)
    }

    /// Lays `work`'s changes over the base and writes the snapshot at `path`.
    private func write(_ work: Work, takenAt: String, to path: String, base: Base?,
                       progress: (Progress) -> Void) async throws -> (SnapshotHeader, SnapshotTrailer) {
        let written = try await assemble(try await complete(work, base: base, progress: progress), takenAt: takenAt, to: path, base: base)
        try await firstPull?.settle()
        return written
    }

    /// The base's entry when e-conomic changed nothing of `work`'s kinds since
    /// it (see ``unchanged(_:since:)``): the base is the snapshot, no byte is
    /// written, the base is not even read, and the work folder is removed. Nil otherwise.
    private func unchangedBase(_ work: Work, _ base: Base?, _ progress: (Progress) -> Void) async throws -> SnapshotEntry? {
        guard let base, let entry = try store.replica.snapshots(agreement: agreement).first(where: { $0.file == base.file }),
              try await Blocking.run({ [self] in try unchanged(work, since: base) }) else { return nil }
        report(work, kinds: Set(work.changed.keys), progress)
        try? FileManager.default.removeItem(at: workDirectory)
        return entry
    }

    /// The kinds pulled into the work folder, and which of them incrementally.
    struct Work: Sendable {
        var kinds: [EconomicKind]
        /// Incremental kinds' records changed since the base, not yet laid over it (see ``complete(_:base:progress:)``).
        var changed: [String: Changed] = [:]
        /// The kinds whose work file is the base's records with the changed ones laid over them.
        var incremental: Set<String> = []
        /// The base's summary, read once for the marks and for telling whether anything changed.
        var summary: SnapshotSummary?
    }

    /// One incremental kind's records changed since the base, its number of records in e-conomic, and the pages read.
    struct Changed: Sendable {
        var records: [Record]
        var total: Int
        var pages: Int
    }

    /// Pulls every kind of `kinds` not already in the work folder: a kind that
    /// carries `lastUpdated` only as its changes since `base` (kept in
    /// ``Work/changed``), the others in full into the work folder.
    func pullWork(kinds: [Kind], base: Base?, progress: (Progress) -> Void) async throws -> Work {
        // What a record refers to is pulled first: a kind written as it arrives finds its references in the replica.
        let chosen = EconomicKind.all.filter { kinds.contains($0.kind) }.sorted { $0.kind.dependencyRank < $1.kind.dependencyRank }
        let unknown = Set(kinds).subtracting(chosen.map(\.kind))
        guard unknown.isEmpty else {
            throw SnapshotError(.badRecord, "e-conomic has no \(unknown.sorted().map(\.rawValue).joined(separator: ", ")) records; use \(EconomicKind.names)",
                                file: workDirectory.path)
        }
        try FileManager.default.createDirectory(at: workDirectory, withIntermediateDirectories: true)
        func done(_ kind: EconomicKind) -> URL { workDirectory.appendingPathComponent("\(kind.kind).ndjson") }
        var work = Work(kinds: chosen)
        if let base {
            let candidates = chosen.filter { Self.incrementalKinds.contains($0.kind) && !FileManager.default.fileExists(atPath: done($0).path) }
            let summary = try await Blocking.run { try SnapshotSummary.of(snapshot: base.path, sha256: base.sha256) }
            work.summary = summary
            for kind in candidates {
                guard let since = summary.lastUpdated[kind.kind.rawValue] else { continue }
                work.changed[kind.kind.rawValue] = try await pullChanged(kind, since: since)
            }
        }
        for kind in chosen where kind.kind != .contact && work.changed[kind.kind.rawValue] == nil {
            try await pullWhole(kind, progress)
        }
        // Contacts are read customer by customer: pull them last, from the customers' keys of this pull.
        if let contacts = chosen.first(where: { $0.kind == .contact }) {
            work = try await complete(work, base: base, progress: progress)
            try await pullWhole(contacts, progress)
        }
        return work
    }

    /// Pulls `kind` in full into its work file, unless an interrupted pull left it there.
    func pullWhole(_ kind: EconomicKind, _ progress: (Progress) -> Void) async throws {
        let file = workDirectory.appendingPathComponent("\(kind.kind).ndjson")
        if let records = WorkFile.lineCount(file) {
            return progress(Progress(kind: kind.kind, records: records, pages: 0, resumed: true))
        }
        let (records, pages) = try await pull(kind, into: file)
        progress(Progress(kind: kind.kind, records: records, pages: pages, resumed: false))
    }

    /// Writes the snapshot at `path` from the work folder, then empties the folder.
    func assemble(_ work: Work, takenAt: String, to path: String, base: Base?) async throws -> (SnapshotHeader, SnapshotTrailer) {
        let written = try await Blocking.run { [self] in
            try assemble(work.kinds, takenAt: takenAt, path: path, base: work.incremental.isEmpty ? nil : base?.file)
        }
        try? FileManager.default.removeItem(at: workDirectory)
        return written
    }

    /// Pulls one kind into its work file, page by page as e-conomic answers
    /// (written whole or not at all); returns records and pages.
    func pull(_ kind: EconomicKind, into file: URL) async throws -> (Int, Int) {
        let output = try WorkFile(creating: file)
        var pages = 0, read = 0
        let links = [client.configuration.restBaseURL, client.configuration.projectsBaseURL]
        let stream = firstPull.flatMap { $0.writes(kind.kind) ? $0 : nil }
        let collect: (EconomicClient.Page) async throws -> Void = { [pageRead] page in
            let records = try Self.records(in: page.body, kind: kind, links: links)
            for record in records { try output.append(record) }
            await stream?.receive(records, of: kind.kind, expected: page.results)
            read += 1
            pageRead?(kind.kind, output.count, read)
        }
        do {
            switch (kind.api, kind.kind) {
            case (.rest, .contact):
                let customers = try await allKeys(of: Kind.customer.economic!)
                for customer in customers {
                    let path = kind.path.replacingOccurrences(of: "{customer}", with: customer)
                    pages += try await client.forEachPage(path, module: kind.module.rawValue) { try await collect($0) }
                }
            default:
                pages = try await kind.forEachPage(client) { try await collect($0) }
            }
            try output.commit()
        } catch {
            output.cancel()
            await stream?.abandon(kind.kind)
            throw error
        }
        stream?.finish(kind.kind)
        return (output.count, pages)
    }

    /// The keys of every record of `kind` (for per-customer sub-collections):
    /// from this pull's work file when the kind was pulled, else from e-conomic.
    func allKeys(of kind: EconomicKind) async throws -> [String] {
        let pulled = workDirectory.appendingPathComponent("\(kind.kind).ndjson")
        if FileManager.default.fileExists(atPath: pulled.path) {
            var keys: [String] = []
            try WorkFile.forEachLine(in: pulled) { keys.append($0.key.description) }
            return keys
        }
        var keys: [String] = []
        try await client.forEachPage(kind.path, module: kind.module.rawValue) { page in
            keys += try Self.records(in: page.body, kind: kind).map(\.key.description)
        }
        return keys
    }

    /// The records of one listing page: a REST `collection` or a Projects `items`.
    /// Hypermedia links (strings that start with one of `links`, e-conomic's
    /// own addresses, like a unit's `products`) are dropped with `self` and
    /// `metaData`: they depend on the host, not on the data.
    static func records(in body: [UInt8], kind: EconomicKind, links: [String] = []) throws -> [Record] {
        let page: JSONValue
        do {
            page = try CanonicalJSON.parse(body)
        } catch {
            throw EconomicError(.badResponse, message: "a \(kind.kind) page is not JSON: \(error)", request: "GET \(kind.path)")
        }
        guard case .array(let items)? = page["collection"] ?? page["items"] else {
            throw EconomicError(.badResponse, message: "a \(kind.kind) page has no collection", request: "GET \(kind.path)")
        }
        let prefixes = links.map { Array(($0 + "/").utf8) }
        return try items.map { item in
            guard let fields = item.objectValue, let key = fields[kind.keyField].flatMap(RecordKey.init) else {
                throw EconomicError(.badResponse, message: "a \(kind.kind) has no \(kind.keyField)", request: "GET \(kind.path)")
            }
            return Record(kind: kind.kind.rawValue, key: key, entity: fields) { text in prefixes.contains { text.utf8.starts(with: $0) } }
        }
    }

    /// Writes the snapshot at `path` from the kinds' work files.
    func assemble(_ kinds: [EconomicKind], takenAt: String, path: String, base: String?) throws -> (SnapshotHeader, SnapshotTrailer) {
        let header = SnapshotHeader(agreement: agreement,
                                    sources: ["rest": client.configuration.restBaseURL, "projects": client.configuration.projectsBaseURL],
                                    takenAt: takenAt, kinds: kinds.map(\.kind.rawValue), mode: base == nil ? .full : .incremental, base: base)
        try FileManager.default.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        let writer = try SnapshotWriter(path: path, header: header, keyIndex: true)
        do {
            for kind in kinds.sorted(by: { $0.kind.rawValue.utf8.lexicographicallyPrecedes($1.kind.rawValue.utf8) }) {
                // The work files' lines were written by this pull (or the interrupted one) from parsed records: canonical already.
                try WorkFile.forEachLine(in: workDirectory.appendingPathComponent("\(kind.kind).ndjson")) { try writer.append($0) }
            }
            return (header, try writer.finish())
        } catch {
            writer.cancel()
            throw error
        }
    }
}
