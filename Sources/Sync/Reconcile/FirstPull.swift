import Blocking
import Foundation
import Reconcile
import Replica
import Snapshot
import Vocabulary

/// The first pull of a kind, written straight from the snapshot into the
/// replica. With no record of the kind in the base and no replica row of it, a plan could only
/// say "pull-insert" for every record: so the records go from the snapshot
/// into the replica a line at a time, through the same ``PullWriter`` a plan
/// uses, and no plan of 100,000 operations is built, stored or read back.
///
/// A kind qualifies when it is pulled at all (not export-only, not switched
/// off) and no rule may keep a record out (projects, kept out while they
/// are older than the activation, go through the plan). Each kind is written
/// in one transaction, in dependency order; one record the replica refuses
/// rolls its kind back, and that kind goes through the plan, where the
/// record fails alone. A crash after a kind was written leaves rows that
/// equal e-conomic's: the next run's plan finds nothing to do for them.
///
/// ```swift
/// let written = try FirstPull(replica: replica, settings: settings, modules: [.customers])
///     .load(snapshotPath: taken.path, snapshotCounts: snapshot, baseCounts: base)
/// let plan = try builder.plan(…)   // with builder.leftOut = Set(written.keys)
/// ```
struct FirstPull {
    let replica: ReplicaStore
    let settings: ReconcileSettings
    /// The modules of the run; empty for all.
    let modules: Set<Module>

    /// The kinds among `snapshotKinds` this first pull writes, in dependency order.
    func kinds(snapshotKinds: Set<String>) throws -> [KindMapping] {
        try settings.mappings
            .filter { mapping in
                let diff = settings.diff(mapping)
                return snapshotKinds.contains(mapping.kind.rawValue) && (modules.isEmpty || modules.contains(mapping.module))
                    && mapping.direction != .exportOnly && diff.off == nil && diff.importSince == nil
            }
            .filter { try replica.hasNoRows($0.kind) }
            .sorted { $0.kind.dependencyRank < $1.kind.dependencyRank }
    }

    /// Writes every qualifying kind that the snapshot at `snapshotPath` has
    /// records of and the base has none of (`counts`: records per kind in
    /// each, from their summaries; a kind with nothing to write costs no read).
    /// Returns the records written per kind.
    func load(snapshotPath: String, snapshotCounts: [String: Int], baseCounts: [String: Int]) throws -> [Kind: Int] {
        var written: [Kind: Int] = [:]
        let present = Set(snapshotCounts.filter { $0.value > 0 && baseCounts[$0.key, default: 0] == 0 }.keys)
        guard !present.isEmpty else { return written }
        for mapping in try kinds(snapshotKinds: present) {
            guard let count = try load(mapping, snapshotPath: snapshotPath) else { continue }
            written[mapping.kind] = count
            CrashPoint.reached(.firstPulled)
        }
        return written
    }

    /// Records validated and inserted together (through a ``FirstLoad``: many rows per statement, each written once).
    static let batchSize = 1_024

    /// Writes `mapping`'s kind from the snapshot in one transaction; nil (nothing written) when a record was refused.
    func load(_ mapping: KindMapping, snapshotPath: String) throws -> Int? {
        let operations = Self.operations(of: mapping, snapshotPath: snapshotPath)
        defer { operations.cancel() }
        return try write(mapping) { try operations.next() }
    }

    /// Writes `mapping`'s kind in one transaction, each pull-insert `next`
    /// gives until nil; nil (nothing written) when the replica refused a record
    /// or already had a row of the kind. Other errors roll back and are thrown.
    func write(_ mapping: KindMapping, _ next: () throws -> PlanOperation?) throws -> Int? {
        try write(mapping.kind.recordType, mapping, next)
    }

    private func write<R: ReplicaRecord>(_ type: R.Type, _ mapping: KindMapping, _ next: () throws -> PlanOperation?) throws -> Int? {
        do {
            return try replica.write { writer in
                let pulls = PullWriter(writer: writer)
                guard let load = try FirstLoad(R.self, writer: pulls.writer) else { return nil }
                var batch: [R] = []
                batch.reserveCapacity(Self.batchSize)
                var count = 0
                func flush() throws {
                    _ = try load.insert(batch)
                    count += batch.count
                    batch.removeAll(keepingCapacity: true)
                }
                while let op = try next() {
                    batch.append(try pulls.newRecord(R.self, op, mapping))
                    if batch.count == Self.batchSize { try flush() }
                }
                try flush()
                return count
            }
        } catch is ApplyError {
            return nil
        } catch is ReplicaError {
            return nil
        }
    }

    /// The pull-insert of one record of `mapping`'s kind (`paths`: its e-conomic paths, worked out once per kind).
    static func operation(_ record: Record, _ mapping: KindMapping, paths: [FieldPath]) -> PlanOperation {
        PlanOperation(kind: mapping.kind, key: record.key.description, action: .pullInsert,
                      fields: ThreeWayDiff.fields(record.data, paths), reason: "new in e-conomic")
    }

    /// The pull-insert of each record of `mapping`'s kind in the snapshot,
    /// read and parsed on a thread of its own while the replica writes the
    /// ones before (decompressing and parsing cost about as much as writing).
    static func operations(of mapping: KindMapping, snapshotPath: String) -> ReadAhead<PlanOperation> {
        let kind = mapping.kind
        let paths = mapping.economicPaths
        return ReadAhead(name: "econsync.first-pull", batchSize: batchSize) { emit in
            let reader = try SnapshotChain.open(snapshotPath, checksDigest: false)
            var seen = false
            while let line = try reader.next() {
                guard line.kind == kind.rawValue else {
                    if seen { break }  // kinds come in runs
                    continue
                }
                seen = true
                try emit(operation(try line.record(checkCanonical: false), mapping, paths: paths))
            }
        }
    }
}
