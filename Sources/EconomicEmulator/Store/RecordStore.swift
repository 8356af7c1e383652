import Snapshot

/// The emulator's data: one collection per kind, each keyed as in snapshots
/// (`customer` by customer number, `product` by product number string, …).
struct RecordStore: Sendable {
    private(set) var collections: [String: [RecordKey: [String: JSONValue]]] = [:]
    /// Kinds the store declares even while empty (from the seed's header).
    private(set) var declaredKinds: Set<String> = []

    init(records: [Record] = [], kinds: [String] = []) {
        declaredKinds = Set(kinds)
        for record in records {
            collections[record.kind, default: [:]][record.key] = record.data
            declaredKinds.insert(record.kind)
        }
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
        guard let collection = collections[kind] else { return [] }
        return collection.keys.sorted().map { ($0, collection[$0]!) }
    }

    mutating func put(_ kind: String, _ key: RecordKey, _ data: [String: JSONValue]) {
        collections[kind, default: [:]][key] = data
        declaredKinds.insert(kind)
    }

    @discardableResult
    mutating func remove(_ kind: String, _ key: RecordKey) -> [String: JSONValue]? {
        collections[kind]?.removeValue(forKey: key)
    }

    /// The next server-assigned number of `kind`: one more than the highest (1 when empty),
    /// so deleting the highest frees its number again, as e-conomic does.
    func nextNumber(_ kind: String) -> Int64 {
        var highest: Int64 = 0
        for key in collections[kind]?.keys ?? [:].keys {
            if case .int(let value) = key, value > highest { highest = value }
        }
        return highest + 1
    }

    /// All records, sorted by kind, then key (the order a snapshot needs).
    func records() -> [Record] {
        kinds.flatMap { kind in all(kind).map { Record(kind: kind, key: $0.key, data: $0.data) } }
    }
}
