import Snapshot

/// The emulator's data: one collection per kind, each keyed as in snapshots
/// (`customer` by customer number, `product` by product number string, …).
struct RecordStore: Sendable {
    typealias Entry = (key: RecordKey, data: [String: JSONValue])
    /// Each kind's records in key order, kept so on every write: a listing
    /// page takes the array as it is (shared, not copied), and a record is
    /// found by binary search.
    private var collections: [String: [Entry]] = [:]
    /// Kinds the store declares even while empty (from the seed's header).
    private(set) var declaredKinds: Set<String> = []

    init(records: [Record] = [], kinds: [String] = []) {
        declaredKinds = Set(kinds)
        var byKind: [String: [RecordKey: [String: JSONValue]]] = [:]
        for record in records {
            byKind[record.kind, default: [:]][record.key] = record.data
            declaredKinds.insert(record.kind)
        }
        for (kind, collection) in byKind {
            collections[kind] = collection.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        }
    }

    /// Every kind declared or holding records.
    var kinds: [String] {
        declaredKinds.union(collections.keys).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    func count(_ kind: String) -> Int { collections[kind]?.count ?? 0 }

    func get(_ kind: String, _ key: RecordKey) -> [String: JSONValue]? {
        guard let entries = collections[kind] else { return nil }
        let index = Self.insertionIndex(of: key, in: entries)
        return index < entries.count && entries[index].key == key ? entries[index].data : nil
    }

    func contains(_ kind: String, _ key: RecordKey) -> Bool { get(kind, key) != nil }

    /// The records of `kind`, sorted by key.
    func all(_ kind: String) -> [Entry] { collections[kind] ?? [] }

    mutating func put(_ kind: String, _ key: RecordKey, _ data: [String: JSONValue]) {
        declaredKinds.insert(kind)
        let index = collections[kind].map { Self.insertionIndex(of: key, in: $0) } ?? 0
        if let entries = collections[kind], index < entries.count, entries[index].key == key {
            collections[kind]![index].data = data
        } else {
            collections[kind, default: []].insert((key, data), at: index)
        }
    }

    @discardableResult
    mutating func remove(_ kind: String, _ key: RecordKey) -> [String: JSONValue]? {
        guard let entries = collections[kind] else { return nil }
        let index = Self.insertionIndex(of: key, in: entries)
        guard index < entries.count, entries[index].key == key else { return nil }
        return collections[kind]!.remove(at: index).data
    }

    /// Where `key` is or would go among `entries`, sorted by key (binary search).
    static func insertionIndex(of key: RecordKey, in entries: [Entry]) -> Int {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].key < key { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The next server-assigned number of `kind`: one more than the highest (1 when empty),
    /// so deleting the highest frees its number again, as e-conomic does.
    func nextNumber(_ kind: String) -> Int64 {
        // Integer keys sort before string keys, so the highest integer is the last one.
        let highest = collections[kind]?.last { if case .int = $0.key { true } else { false } }?.key
        if case .int(let value)? = highest { return value + 1 }
        return 1
    }

    /// All records, sorted by kind, then key (the order a snapshot needs).
    func records() -> [Record] {
        kinds.flatMap { kind in all(kind).map { Record(kind: kind, key: $0.key, data: $0.data) } }
    }
}
