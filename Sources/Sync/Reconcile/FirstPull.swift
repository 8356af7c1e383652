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
            guard let count = try load(mapping, snapshotPath: snapshotPath, expected: snapshotCounts[mapping.kind.rawValue]) else { continue }
            written[mapping.kind] = count
            CrashPoint.reached(.firstPulled)
        }
        return written
    }

    /// Records validated and inserted together (through a ``FirstLoad``: many rows per statement, each written once).
    static let batchSize = 1_024

    /// Writes `mapping`'s kind from the snapshot in one transaction; nil (nothing written) when a record was refused.
    func load(_ mapping: KindMapping, snapshotPath: String, expected: Int?) throws -> Int? {
        let records = Self.records(of: mapping.kind, snapshotPath: snapshotPath)
        defer { records.cancel() }
        return try write(mapping, expected: expected) { try records.next() }
    }

    /// Writes `mapping`'s kind in one transaction, each record `next` gives
    /// until nil, as a pull-insert would; nil (nothing written) when the
    /// replica refused a record or already had a row of the kind. Other
    /// errors roll back and are thrown. `expected`: how many records `next`
    /// is likely to give (e-conomic's count of the kind), when known.
    func write(_ mapping: KindMapping, expected: Int?, _ next: () throws -> Record?) throws -> Int? {
        try write(mapping.kind.recordType, mapping, expected, next)
    }

    private func write<R: ReplicaRecord>(_ type: R.Type, _ mapping: KindMapping, _ expected: Int?, _ next: () throws -> Record?) throws -> Int? {
        do {
            return try replica.bulkWrite { writer in
                let pulls = PullWriter(writer: writer)
                let layout = NewRowLayout(mapping)
                return try FirstLoad.run(R.self, writer: pulls.writer, expectedRows: expected) { load in
                    var batch: [R] = []
                    batch.reserveCapacity(Self.batchSize)
                    var count = 0
                    func flush() throws {
                        _ = try load.insert(batch)
                        count += batch.count
                        batch.removeAll(keepingCapacity: true)
                    }
                    while let record = try next() {
                        // Straight from the record's data: the values a plan's pull-insert would carry, without one.
                        let data = record.data
                        batch.append(try pulls.newRecord(R.self, key: record.key.description, layout) { $0.comparable(in: data) })
                        if batch.count == Self.batchSize { try flush() }
                    }
                    try flush()
                    return count
                }
            }
        } catch is ApplyError {
            return nil
        } catch is ReplicaError {
            return nil
        }
    }

    /// The records of `kind` in the snapshot, read and parsed on a thread of
    /// its own while the replica writes the ones before (decompressing and
    /// parsing cost about as much as writing).
    static func records(of kind: Kind, snapshotPath: String) -> ReadAhead<Record> {
        ReadAhead(name: "econsync.first-pull", batchSize: batchSize) { emit in
            let reader = try SnapshotChain.open(snapshotPath, checksDigest: false)
            var seen = false
            while let line = try reader.next() {
                guard line.kind == kind.rawValue else {
                    if seen { break }  // kinds come in runs
                    continue
                }
                seen = true
                try emit(try line.record(checkCanonical: false))
            }
        }
    }
}
