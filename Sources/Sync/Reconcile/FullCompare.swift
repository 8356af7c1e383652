import Reconcile
import Snapshot
import Vocabulary

/// One kind's full comparison (every record of the kind, on each side),
/// fed both snapshots' lines in key order as they are walked and compared
/// ``chunk`` keys at a time: only one chunk's lines and replica
/// rows are held, not the whole kind (a daily full compare of 100,000
/// customers held both snapshots' lines and every replica row at once).
///
/// The replica rows e-conomic does not have yet are read when it begins:
/// they are linked to e-conomic's records, or created, when every key is
/// walked, as ``ThreeWayDiff/operations(base:remote:local:)`` would do with the whole kind at once.
///
/// ```swift
/// var compare = try FullCompare(diff: settings.diff(mapping), local: local, files: (basePath, snapshotPath), chunk: 4096)
/// for (a, b) in pairsOfTheKind { try compare.add(a, b) }
/// let operations = try compare.finish()
/// ```
struct FullCompare {
    let diff: ThreeWayDiff
    var local: LocalRecords
    let files: (base: String?, snapshot: String)
    /// Keys compared at a time.
    let chunk: Int
    /// The rows with an e-conomic key, by key; those before ``next`` are compared already.
    private let keyed: [(key: RecordKey, id: Int64)]
    private var next = 0
    /// The rows e-conomic does not have yet that may be created or linked.
    private let unkeyed: [LocalRecord]
    private var walk: ThreeWayDiff.Walk
    /// The chunk's lines so far, of the base and of the new snapshot.
    private var base: [RecordLine] = [], remote: [RecordLine] = []
    private var keys = 0

    init(diff: ThreeWayDiff, local: LocalRecords, files: (base: String?, snapshot: String), chunk: Int = PlanBuilder.chunk) throws {
        self.diff = diff
        self.chunk = chunk
        self.local = local
        self.files = files
        let kind = diff.mapping.kind
        let rows = try local.replica.rowKeys(kind)
        keyed = rows.keyed.map { (LocalRecords.economicKey($0.value, kind), $0.key) }.sorted { $0.key < $1.key }
        unkeyed = diff.unkeyed(try self.local.records(diff.mapping, ids: rows.unkeyed))
        walk = ThreeWayDiff.Walk(linkable: diff.linkable(unkeyed))
    }

    /// The next key's line in the base and in the new snapshot (nil where it has none), after every key before it.
    mutating func add(_ a: RecordLine?, _ b: RecordLine?) throws {
        if let a { base.append(a) }
        if let b { remote.append(b) }
        keys += 1
        if keys == chunk, let last = (b ?? a)?.key { try compare(through: last) }
    }

    /// The kind's operations, once every line of it was added.
    mutating func finish() throws -> [PlanOperation] {
        try compare(through: nil)
        return diff.finish(walk, unkeyed: unkeyed)
    }

    /// Compares the lines added since the last chunk with the replica rows
    /// whose keys come up to `last` (all that are left, when nil).
    private mutating func compare(through last: RecordKey?) throws {
        var end = next
        while end < keyed.count, last.map({ keyed[end].key <= $0 }) ?? true { end += 1 }
        let ids = keyed[next..<end].map(\.id).sorted()
        next = end
        let known = try local.records(diff.mapping, ids: ids).filter(\.isInEconomic)
        try ParsedLines.walk(diff, base: base, remote: remote, files: files, known: known, into: &walk)
        base.removeAll(keepingCapacity: true)
        remote.removeAll(keepingCapacity: true)
        keys = 0
    }
}
