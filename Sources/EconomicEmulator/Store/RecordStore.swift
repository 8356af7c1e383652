import Snapshot

/// The emulator's data: one collection per kind, each keyed as in snapshots
/// (`customer` by customer number, `product` by product number string, …).
struct RecordStore: Sendable {
    private(set) var collections: [String: [RecordKey: [String: JSONValue]]] = [:]
    /// Each kind's keys in order, kept up to date on every write so a listing
    /// page does not sort the whole collection again.
    private var sortedKeys: [String: [RecordKey]] = [:]
    /// Kinds the store declares even while empty (from the seed's header).
    private(set) var declaredKinds: Set<String> = []

    init(records: [Record] = [], kinds: [String] = []) {
        declaredKinds = Set(kinds)
        for record in records {
            collections[record.kind, default: [:]][record.key] = record.data
            declaredKinds.insert(record.kind)
        }
        for (kind, collection) in collections { sortedKeys[kind] = collection.keys.sorted() }
    }

    /// Every kind declared or holding records.
    var kinds: [String] {
        declaredKinds.union(collections.keys).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    func count(_ kind: String) -> Int { collections[kind]?.count ?? 0 }

    func get(_ kind: String, _ key: RecordKey) -> [String: JSONValue]? { collections[kind]?[key] }

    func contains(_ kind: String, _ key: RecordKey) -> Bool { collections[kind]?[key] != nil }

    /// The records of `kind`, sorted by key.
    func all(_ kind: String) -> [(key: RecordKey, data: [String: JSONValue])] {
        guard let collection = collections[kind], let keys = sortedKeys[kind] else { return [] }
        return keys.map { ($0, collection[$0]!) }
    }

    mutating func put(_ kind: String, _ key: RecordKey, _ data: [String: JSONValue]) {
        if collections[kind]?[key] == nil {
            var keys = sortedKeys[kind] ?? []
            keys.insert(key, at: Self.insertionIndex(of: key, in: keys))
            sortedKeys[kind] = keys
        }
        collections[kind, default: [:]][key] = data
        declaredKinds.insert(kind)
    }

    @discardableResult
    mutating func remove(_ kind: String, _ key: RecordKey) -> [String: JSONValue]? {
        guard let removed = collections[kind]?.removeValue(forKey: key) else { return nil }
        if var keys = sortedKeys[kind] {
            let index = Self.insertionIndex(of: key, in: keys)
            if index < keys.count, keys[index] == key { keys.remove(at: index) }
            sortedKeys[kind] = keys
        }
        return removed
    }

    /// Where `key` is or would go in sorted `keys` (binary search).
    static func insertionIndex(of key: RecordKey, in keys: [RecordKey]) -> Int {
        var low = 0
        var high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The next server-assigned number of `kind`: one more than the highest (1 when empty),
    /// so deleting the highest frees its number again, as e-conomic does.
    func nextNumber(_ kind: String) -> Int64 {
        // Integer keys sort before string keys, so the highest integer is the last one.
        let highest = sortedKeys[kind]?.last { if case .int = $0 { true } else { false } }
        if case .int(let value)? = highest { return value + 1 }
        return 1
    }

    /// All records, sorted by kind, then key (the order a snapshot needs).
    func records() -> [Record] {
        kinds.flatMap { kind in all(kind).map { Record(kind: kind, key: $0.key, data: $0.data) } }
    }
}
