import Vocabulary
import Foundation
import Synchronization
import Reconcile
import Replica
import Snapshot

/// Computes a reconcile plan from the base snapshot, the new snapshot and the
/// replica, in one streaming pass over the two snapshots: only records that
/// changed on either side (or that the last run left pending) are parsed and
/// held, so memory grows with the changes, not with the data.
///
/// The replica side is incremental by default: the rows the change log lists
/// since the last finished run, plus the pending ones, whose mapped hash
/// differs from what was last synced. `full` compares every record instead,
/// a chunk of keys at a time as the snapshots are walked (``FullCompare``);
/// both give the same plan (a property the tests check).
///
/// ```swift
/// let builder = PlanBuilder(replica: replica, settings: try ReconcileSettings(replica: replica), agreement: 1118081)
/// let plan = try builder.plan(base: baseEntry, snapshot: newEntry, store: store)
/// ```
public struct PlanBuilder: Sendable {
    public let replica: ReplicaStore
    public var settings: ReconcileSettings
    public var agreement: Int
    /// The modules to plan; empty for all.
    public var modules: Set<Module> = []
    /// Compare every record, not just the changed ones.
    public var full = false
    /// Kinds written into the replica straight from this snapshot (a first pull): nothing to compare.
    public var leftOut: Set<Kind> = []
    /// Keys compared at a time (``chunk``; tests make it small to compare across many chunks).
    var chunkKeys = PlanBuilder.chunk

    public init(replica: ReplicaStore, settings: ReconcileSettings, agreement: Int) {
        self.replica = replica
        self.settings = settings
        self.agreement = agreement
    }

    /// What one kind's comparison needs.
    struct KindWork {
        var mapping: KindMapping
        /// The replica rows to compare (nil: all of them).
        var ids: [Int64]?
        /// The e-conomic keys of those rows that have one, by local id.
        var keys: [Int64: String] = [:]
        /// Those of the rows e-conomic does not have that may be created or linked (``ThreeWayDiff/unkeyed(_:)``).
        var unkeyed: [LocalRecord] = []
        var wanted: Set<String> = []
        var linkable: [FieldPath: Set<JSONValue>] = [:]
        /// Captured lines, parsed only when compared (a line is a third of a parsed record's size).
        var base: [RecordLine] = []
        var remote: [RecordLine] = []
        /// With the base's key index: records e-conomic changed whose base line
        /// was not read; their base is the replica row when it did not change
        /// (then it is what was last synced), else e-conomic's record.
        var changedRemotely: Set<RecordKey> = []
        /// With the base's key index: keys e-conomic no longer has.
        var removed: [RecordKey] = []
    }

    /// The plan for the snapshot at `snapshotPath` (described by `snapshot`) against the base at `basePath`.
    public func plan(basePath: String?, base: SnapshotEntry?, snapshotPath: String, snapshot: SnapshotEntry) throws -> Plan {
        let sequence = try replica.latestChangeSequence()
        let inputs = PlanInputs(replicaSequence: sequence, base: base?.sha256, snapshot: snapshot.sha256, baseFile: base?.file,
                                snapshotFile: snapshot.file, modules: modules.sorted())
        let since = full ? nil : try replica.lastFinishedRun(agreement: agreement)?.changeSequence
        let changed = try since.map { try replica.changedRows(since: $0) }
        // An import-only kind has nothing left over from its module's last run (it took e-conomic's values over
        // every local edit), so the rows changed since that run are all there is to compare: no scan of the table.
        let importOnly = Set(settings.mappings.filter { modules.contains($0.module) && $0.direction == .importOnly }.map(\.kind))
        let sinceModules = full || modules.isEmpty || importOnly.isEmpty ? nil
            : try replica.lastFinishedRun(agreement: agreement, covering: modules)?.changeSequence
        let changedSinceModules = try sinceModules.map { try replica.changedRows(since: $0, kinds: importOnly) }
        let pending = Dictionary(grouping: try replica.pendingRecords(agreement: agreement), by: \.kind).mapValues { Set($0.map(\.key)) }
        var local = LocalRecords(replica: replica, creatableKinds: settings.creatableKinds)
        if settings.projects.subProjects == .mergeIntoParent { local.mainProjects = try LocalRecords.mainProjects(replica) }
        let snapshotKinds = Set(try SnapshotReader(path: snapshotPath).header.kinds)

        // Keyed by the kind's snapshot name, as the snapshot walk meets it.
        var work: [String: KindWork] = [:]
        for mapping in settings.mappings where snapshotKinds.contains(mapping.kind.rawValue) && (modules.isEmpty || modules.contains(mapping.module))
            && !leftOut.contains(mapping.kind) {
            let kind = mapping.kind
            var item = KindWork(mapping: mapping)
            item.ids = try candidates(kind, changed: mapping.direction == .importOnly ? changedSinceModules ?? changed : changed,
                                      pending: pending[kind.rawValue] ?? [])
            // Only the keys now: the rows themselves are read after the snapshots, so both are not in memory at once.
            if let ids = item.ids {
                let keys = try replica.foreignKeys(kind, ids: ids)
                item.keys = keys
                item.wanted = Set(keys.values).union(pending[kind.rawValue] ?? [])
                let diff = settings.diff(mapping)
                item.unkeyed = diff.unkeyed(try local.records(mapping, ids: ids.filter { keys[$0] == nil }))
                item.linkable = diff.linkable(item.unkeyed)
            }
            work[kind.rawValue] = item
        }

        let unchanged = !full && base != nil && base?.sha256 == snapshot.sha256
        // Every kind's operations when `full`, compared as the snapshots are walked.
        var compared: [String: [PlanOperation]] = [:]
        // No kind to compare (a first sync's module run whose kinds were all written as pulled): neither file is read.
        if !work.isEmpty, !(unchanged && work.values.allSatisfy { $0.wanted.isEmpty && $0.linkable.isEmpty }) {
            // A base without a record of the kinds compared (a module's first run after the first pull of others) is not read.
            let baseHasKinds = try basePath.map { !Set(try SnapshotReader(path: $0, checksDigest: false).header.kinds).isDisjoint(with: work.keys) }
            if full {
                compared = try compareAll(work, local: local, basePath: base == nil || baseHasKinds != true ? nil : basePath, snapshotPath: snapshotPath)
            } else if let base, let basePath, baseHasKinds == true,
               let index = try KeyIndexReader(path: KeyIndex.path(for: basePath), sha256: base.sha256) {
                try capture(&work, index: index, basePath: basePath, snapshotPath: snapshotPath)
            } else {
                try capture(&work, basePath: base == nil || baseHasKinds != true ? nil : basePath, snapshotPath: snapshotPath)
            }
        }

        var operations: [PlanOperation] = []
        for mapping in settings.mappings {
            let kind = mapping.kind
            guard let item = work[kind.rawValue] else { continue }
            if item.ids != nil {
                operations += try compareInChunks(item, local: local, basePath: basePath, snapshotPath: snapshotPath)
            } else {
                operations += compared[kind.rawValue] ?? []
            }
        }
        if !local.mainProjects.isEmpty { operations = operations.map { Self.merged($0, local.mainProjects) } }
        operations = try Self.blockingTakenNumbers(operations, snapshotPath: snapshotPath)
        if modules.isEmpty || modules.contains(.orders) {
            operations += ProductDemand(autoCreate: settings.autoCreateProducts)
                .operations(materials: try waitingMaterials(changed: changed, pending: pending[Kind.material.rawValue] ?? []), plan: operations)
        }
        return Plan(operations: operations, inputs: inputs)
    }

    /// A project created in the field keeps its number in e-conomic: a create
    /// whose number e-conomic already gives another project is blocked with
    /// the reason, never renumbered. Reads the snapshot's projects only when
    /// such a create is planned.
    static func blockingTakenNumbers(_ operations: [PlanOperation], snapshotPath: String) throws -> [PlanOperation] {
        func number(_ op: PlanOperation) -> Int64? {
            op.kind == .project && op.action == .create ? op.fields["number"]?.intValue : nil
        }
        let wanted = Set(operations.compactMap(number))
        guard !wanted.isEmpty else { return operations }
        var taken: [Int64: String] = [:]
        let reader = try SnapshotChain.open(snapshotPath, checksDigest: false)
        while let line = try reader.next() {
            guard line.kind == Kind.project.rawValue, case .int(let key) = line.key, wanted.contains(key) else { continue }
            taken[key] = try line.record(checkCanonical: false).data["name"]?.stringValue ?? ""
        }
        return operations.map { op in
            guard let wanted = number(op), let name = taken[wanted] else { return op }
            return PlanOperation(kind: .project, key: op.key, action: .block,
                                 because: .numberTaken(wanted, name: name))
        }
    }

    /// A sub-project's create, under merge-into-parent: skipped, its hours go to its main project.
    static func merged(_ op: PlanOperation, _ mains: [Int64: Int64]) -> PlanOperation {
        guard op.kind == .project, op.action == .create, let id = RecordRef.localID(inPlanKey: op.key), mains[id] != nil else { return op }
        return PlanOperation(kind: op.kind, key: op.key, action: .skip,
                             because: .mergedSubProject)
    }

    /// Walks the three-way diff of one chunk: its captured lines, and the
    /// replica records of its keys that e-conomic has (`known`, by key).
    func walk(_ item: KindWork, known: [LocalRecord], base: [RecordLine], remote: [RecordLine], basePath: String?,
              snapshotPath: String, into walk: inout ThreeWayDiff.Walk) throws {
        let diff = settings.diff(item.mapping), files = (base: basePath, snapshot: snapshotPath)
        guard !item.changedRemotely.isEmpty else {
            return try ParsedLines.walk(diff, base: base, remote: remote, files: files, known: known, into: &walk)
        }
        let baseLines = ParsedLines(base, file: basePath ?? ""), remoteLines = ParsedLines(remote, file: snapshotPath)
        let remoteRecords = Array(remoteLines)
        diff.walk(base: Self.bases(Array(baseLines), remote: remoteRecords, local: known, item: item), remote: remoteRecords,
                  known: known, into: &walk)
        if let failure = baseLines.failure ?? remoteLines.failure { throw failure }
    }

    /// The base records of a chunk when the base's lines were not read: the
    /// lines that were, and for each record e-conomic changed, the replica row
    /// when it did not change (it is then what was last synced, and the base's
    /// mapped fields) or e-conomic's record when the replica has none.
    static func bases(_ read: [Record], remote: [Record], local: [LocalRecord], item: KindWork) -> [Record] {
        let locals = Dictionary(local.map { ($0.record.key, $0) }, uniquingKeysWith: { first, _ in first })
        let candidates = Set(item.keys.values)
        var bases = read
        for record in remote where item.changedRemotely.contains(record.key) {
            if let row = locals[record.key] {
                guard !candidates.contains(record.key.description) else { continue }  // its real base line was read
                bases.append(Record(kind: record.kind, key: record.key, data: row.record.data))
            } else {
                bases.append(record)
            }
        }
        return bases.sorted { $0.key < $1.key }
    }

    /// Keys per chunk of a comparison, incremental or full.
    static let chunk = 4096

    /// Compares one kind a few thousand keys at a time, so that only one
    /// chunk's replica rows are in memory: the captured lines and the
    /// candidates' keys decide which rows each chunk reads. Replica records
    /// e-conomic does not have yet come last, linked (customers by CVR) or
    /// created once every chunk is walked: a link may join any two.
    func compareInChunks(_ item: KindWork, local: LocalRecords, basePath: String?, snapshotPath: String) throws -> [PlanOperation] {
        let diff = settings.diff(item.mapping), kind = item.mapping.kind
        let idsByKey = Dictionary(item.keys.map { ($0.value, $0.key) }, uniquingKeysWith: min)
        let keys = Set(item.base.map(\.key) + item.remote.map(\.key) + item.removed + idsByKey.keys.map { LocalRecords.economicKey($0, kind) }).sorted()
        // Each chunk's slice of the captured lines, worked out in order; the chunks are then compared on two threads.
        var slices: [(keys: ArraySlice<RecordKey>, base: Range<Int>, remote: Range<Int>)] = []
        var b = 0, r = 0
        for start in stride(from: 0, to: keys.count, by: chunkKeys) {
            let chunk = keys[start..<min(start + chunkKeys, keys.count)]
            let last = chunk.last!
            let bEnd = item.base[b...].firstIndex { last < $0.key } ?? item.base.count
            let rEnd = item.remote[r...].firstIndex { last < $0.key } ?? item.remote.count
            slices.append((chunk, b..<bEnd, r..<rEnd))
            (b, r) = (bEnd, rEnd)
        }
        let chunks = slices
        let results = Mutex([Int: Result<ThreeWayDiff.Walk, any Error>]())
        DispatchQueue.concurrentPerform(iterations: chunks.count) { index in
            let slice = chunks[index]
            var local = local
            let result = Result {
                var chunkIDs = Set(slice.keys.compactMap { idsByKey[$0.description] })
                let missing = slice.keys.map(\.description).filter { idsByKey[$0] == nil }
                chunkIDs.formUnion(try replica.rowIDs(kind, foreignKeys: missing).values)
                let known = try local.records(item.mapping, ids: chunkIDs.sorted()).filter(\.isInEconomic)
                var part = ThreeWayDiff.Walk(linkable: item.linkable)
                try walk(item, known: known, base: Array(item.base[slice.base]), remote: Array(item.remote[slice.remote]),
                         basePath: basePath, snapshotPath: snapshotPath, into: &part)
                return part
            }
            results.withLock { $0[index] = result }
        }
        var walked = ThreeWayDiff.Walk(linkable: item.linkable)
        let finished = results.withLock { $0 }
        for index in slices.indices { walked.append(try finished[index]!.get()) }
        return diff.finish(walked, unkeyed: item.unkeyed)
    }

    /// The local ids of `kind` to compare: every row (full), the unsynced ones
    /// (no earlier run), or the changed and pending ones that are unsynced.
    /// Above this many changed rows of a kind, the candidates come from one pass over its table.
    static let lookupLimit = 20_000

    func candidates(_ kind: Kind, changed: [Kind: [Int64]]?, pending: Set<String>) throws -> [Int64]? {
        if full { return nil }
        guard let changed else { return try replica.unsyncedRows(kind) }
        var ids = Set(changed[kind] ?? [])
        ids.formUnion(pending.compactMap(RecordRef.localID(inPlanKey:)))
        ids.formUnion(try replica.rowIDs(kind, foreignKeys: pending.filter { !RecordRef.isLocal(planKey: $0) }.sorted()).values)
        // Many changed rows (the runs right after a first sync): one pass over the table costs less than a lookup each.
        if ids.count > Self.lookupLimit { return try replica.unsyncedRows(kind) }
        return try replica.unsyncedRows(kind, among: ids.sorted())
    }

    /// Walks both snapshots once and keeps, per kind, the records that differ,
    /// that the replica side wants, or that a replica record links to. Lines
    /// that are byte-equal and not wanted are passed over without being parsed.
    func capture(_ work: inout [String: KindWork], basePath: String?, snapshotPath: String) throws {
        // Both files are in the store, whose digests were checked on the way in
        // (written and hashed by a pull, or verified strictly on import).
        let kinds = Set(work.keys)
        let old = try basePath.map { try PrefetchingReader(path: $0, checksDigest: false, kinds: kinds) }
        let new = try PrefetchingReader(path: snapshotPath, checksDigest: false, kinds: kinds)
        let wanted = work.mapValues(\.wanted).filter { !$0.value.isEmpty }
        let linkable = work.compactMapValues { $0.linkable.isEmpty ? nil : $0.linkable }
        var base: [String: [RecordLine]] = [:], remote: [String: [RecordLine]] = [:]
        var kind = "", kindWanted: Set<String> = [], kindLinkable: [FieldPath: Set<JSONValue>]?
        try SnapshotDiff.pairs(old, new, kinds: kinds) { a, b in
            let line = (b ?? a)!
            if line.kind != kind {  // kinds come in runs
                kind = line.kind
                kindWanted = wanted[kind] ?? []
                kindLinkable = linkable[kind]
            }
            var keep = !Self.sameBytes(a, b) || (!kindWanted.isEmpty && kindWanted.contains(line.key.description))
            if !keep, let b { keep = try links(b, kindLinkable, new) }
            guard keep else { return }
            if let a { base[line.kind, default: []].append(a) }
            if let b { remote[line.kind, default: []].append(b) }
        }
        for (kind, records) in base { work[kind]?.base = records }
        for (kind, records) in remote { work[kind]?.remote = records }
    }

    /// Whether both lines exist and have the same bytes (one `memcmp`).
    static func sameBytes(_ a: RecordLine?, _ b: RecordLine?) -> Bool {
        guard let a, let b, a.bytes.count == b.bytes.count else { return false }
        if a.bytes.isEmpty { return true }
        return a.bytes.withUnsafeBytes { x in b.bytes.withUnsafeBytes { y in memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 } }
    }

    /// Approved, unsent, live materials to look at, with their products.
    func waitingMaterials(changed: [Kind: [Int64]]?, pending: Set<String>) throws -> [ProductDemand.Material] {
        let ids = try candidates(.material, changed: changed, pending: pending)
        let materials = try ids.map { try replica.fetch(Material.self, ids: $0) } ?? replica.list(Material.self)
        let waiting = materials.filter { !$0.tombstone && $0.isApproved && !$0.isSent && $0.department == replica.department }
        guard !waiting.isEmpty else { return [] }
        let products = Dictionary(uniqueKeysWithValues: try replica.fetch(Product.self, ids: Array(Set(waiting.map(\.productId))).sorted())
            .map { ($0.id!, $0) })
        return waiting.compactMap { material in
            guard let product = products[material.productId] else { return nil }
            return ProductDemand.Material(key: RecordRef.planKey(local: material.id!), product: product.foreignKey ?? RecordRef.planKey(local: product.id!),
                                          productLabel: "\(product.number) (\(product.name))")
        }
    }
}
