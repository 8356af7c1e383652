import Vocabulary
internal import GRDB

extension ReplicaStore {
    /// The records of type `R`, by local id; deleted ones only with `includeDeleted`.
    public func list<R: ReplicaRecord>(_ type: R.Type, includeDeleted: Bool = false) throws -> [R] {
        try read { db in
            var request = StoredRecord<R>.all().order(RecordColumn.id)
            if !includeDeleted { request = request.filter(RecordColumn.tombstone == false) }
            return try request.fetchValues(db)
        }
    }

    /// The record of type `R` with local id `id`, deleted or not; nil when there is none.
    public func fetch<R: ReplicaRecord>(_ type: R.Type, id: Int64) throws -> R? {
        try read { try StoredRecord<R>.fetch($0, id: id) }
    }

    /// The records of type `R` with local ids `ids` (deleted ones included), by local id.
    public func fetch<R: ReplicaRecord>(_ type: R.Type, ids: [Int64]) throws -> [R] {
        try read { db in
            var found: [R] = []
            for chunk in ids.batches() {
                found += try StoredRecord<R>.filter(keys: Array(chunk)).fetchValues(db)
            }
            return found.sorted { $0.id! < $1.id! }
        }
    }

    /// The number of records of each kind (deleted ones included) and of change-log rows.
    public func counts() throws -> (records: [Kind: Int], changes: Int) {
        try read { db in
            var records: [Kind: Int] = [:]
            for kind in Kind.allCases {
                records[kind] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(kind.table)") ?? 0
            }
            return (records, try Int.fetchOne(db, sql: "SELECT count(*) FROM change_log") ?? 0)
        }
    }

    /// The employees on a project, by local id.
    public func employees(ofProject projectID: Int64) throws -> [Int64] {
        try read { db in
            try Int64.fetchAll(db, sql: "SELECT employee_id FROM project_employees WHERE project_id = ? ORDER BY employee_id", arguments: [projectID])
        }
    }

    /// Every stored setting, by key, read at once.
    public func settings() throws -> [String: String] {
        try read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT key, value FROM settings").map { ($0[0] as String, $0[1] as String) })
        }
    }

    /// A stored setting, nil when unset.
    public func setting(_ key: String) throws -> String? {
        try read { try String.fetchOne($0, sql: "SELECT value FROM settings WHERE key = ?", arguments: [key]) }
    }

    /// A short label for every record of `kind` (its name, or its date for
    /// registrations and orders), by local id.
    public func labels(of kind: Kind) throws -> [Int64: String] {
        let column = kind.nameColumn ?? "date"
        return try read { db in
            var labels: [Int64: String] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT id, \(column) FROM \(kind.table)")
            while let row = try rows.next() { labels[row[0]] = row[1] }
            return labels
        }
    }
}
