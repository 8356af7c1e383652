import Reconcile
import Replica
import Vocabulary

/// Every record that is not in e-conomic as the replica has it, each with
/// its ``RecordStatus`` (the reasons `econsync why` gives one record): the
/// admin panel's "Venter". The candidates are the records whose mapped
/// fields differ from what was last synced (new, changed or deleted ones)
/// and those the last run left pending (skipped, blocked or failed).
/// Materials are not among them: they reach e-conomic on a draft order; nor
/// are hours exported on one.
///
/// ```swift
/// let pending = try PendingRecords(replica: replica, agreement: 1118081, modules: [.projectEntries])
/// for status in pending.records { print(status.kind, status.id, status.reasons) }
/// ```
public struct PendingRecords: Sendable {
    /// The records not synced, by kind (in ``Kind``'s order) and local id, at most the limit asked for.
    public var records: [RecordStatus]
    /// How many records are not synced in all (past the limit, the candidates not looked at).
    public var total: Int

    /// The records of `modules` not synced; `agreement` is the connected one
    /// (its last runs' reasons), nil when not connected. Statuses are read for
    /// the first `limit` only; the candidates past them are counted in ``total``.
    public init(replica: ReplicaStore, agreement: Int?, modules: Set<Module> = Set(Module.allCases), limit: Int = 500) throws {
        let left = try agreement.map { try replica.pendingRecords(agreement: $0) } ?? []
        let leftByKind = Dictionary(grouping: left, by: \.kind).mapValues { $0.map(\.key) }
        var candidates: [(Kind, Int64)] = []
        for kind in Kind.allCases where modules.contains(kind.module) && kind.mapping != nil {
            var ids = Set(try replica.unsyncedRows(kind))
            let keys = leftByKind[kind.rawValue] ?? []
            var foreign: [String] = []
            for key in keys {
                if case .local(let id) = RecordRef(planKey: key) { ids.insert(id) } else { foreign.append(key) }
            }
            ids.formUnion(try replica.rowIDs(kind, foreignKeys: foreign).values)
            candidates += ids.sorted().map { (kind, $0) }
        }
        var records: [RecordStatus] = []
        var passed = 0
        // Statuses are read until `limit` are found: past them, every candidate counts (a changed
        // row is not synced; a row the last run left has that run's reason).
        for (kind, id) in candidates where records.count < limit {
            // A record pulled and deleted since has no row left to explain.
            guard let status = try? RecordStatus(kind: kind, id: id, replica: replica, agreement: agreement),
                  !status.state.isDone || status.reasons.contains(where: \.isRecordProblem) else {
                passed += 1
                continue
            }
            records.append(status)
        }
        self.records = records
        total = candidates.count - passed
    }
}
