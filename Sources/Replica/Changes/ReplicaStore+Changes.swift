import Vocabulary
import Foundation
internal import GRDB

extension ReplicaStore {
    /// The changes logged after sequence number `since`, oldest first.
    ///
    /// ```swift
    /// let changes = try replica.changes(since: lastSeen)
    /// lastSeen = changes.last?.seq ?? lastSeen
    /// ```
    public func changes(since: Int64, limit: Int? = nil) throws -> [Change] {
        try read { db in
            let rows = try Self.changesRequest(since: since, limit: limit).fetchCursor(db)
            var changes: [Change] = []
            while let row = try rows.next() {
                let kindCode: Int = row["kind"]
                let operationCode: Int = row["op"]
                guard let kind = Kind(code: kindCode), let operation = Change.Operation(code: operationCode) else {
                    throw ReplicaError(.corrupt, "change log row \(row["seq"] as Int64) has unknown kind or operation \(kindCode)/\(operationCode)",
                                       file: url.path)
                }
                let seconds: Int64 = row["at"]
                changes.append(Change(seq: row["seq"], kind: kind, row: row["row_id"], operation: operation,
                                      at: Date(timeIntervalSince1970: Double(seconds))))
            }
            return changes
        }
    }

    /// The sequence number of the latest change, 0 when nothing was ever written.
    public func latestChangeSequence() throws -> Int64 {
        try read { try Int64.fetchOne($0, sql: "SELECT ifnull(max(seq), 0) FROM change_log") ?? 0 }
    }

    /// The distinct records changed after sequence number `since`, per kind, sorted by id; of `kinds` only, when given.
    public func changedRows(since: Int64, kinds: Set<Kind>? = nil) throws -> [Kind: [Int64]] {
        try read { db in
            var result: [Kind: [Int64]] = [:]
            let rows = try Self.changedRowsRequest(since: since, kinds: kinds).fetchCursor(db)
            while let row = try rows.next() {
                if let kind = Kind(code: row["kind"]) {
                    result[kind, default: []].append(row["row_id"])
                }
            }
            return result
        }
    }

    /// The records of `kind` whose mapped fields differ from what was last
    /// synced (including records never synced), sorted by id; not
    /// registrations exported on an order, which e-conomic has there.
    public func unsyncedRows(_ kind: Kind) throws -> [Int64] {
        try read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM \(kind.table) WHERE \(kind.unsynced) ORDER BY id")
        }
    }

    /// The current hash of a record's mapped fields, nil when it does not exist.
    public func mappedHash(_ kind: Kind, id: Int64) throws -> String? {
        try read { db in
            try String.fetchOne(db, sql: "SELECT \(MappedHash.expression(for: kind)) FROM \(kind.table) WHERE id = ?", arguments: [id])
        }
    }

    /// The change-log rows after sequence number `since`, oldest first (by the log's primary key).
    static func changesRequest(since: Int64, limit: Int?) -> SQLRequest<Row> {
        SQLRequest(sql: "SELECT seq, kind, row_id, op, at FROM change_log WHERE seq > ? ORDER BY seq LIMIT ?", arguments: [since, limit ?? -1])
    }

    /// The distinct (kind, row id) changed after sequence number `since` (by the log's primary key:
    /// `NOT INDEXED` keeps SQLite from reading the whole log through any other index to save the sort).
    static func changedRowsRequest(since: Int64, kinds: Set<Kind>? = nil) -> SQLRequest<Row> {
        let only = kinds.map { " AND kind IN (\($0.map { String($0.code) }.sorted().joined(separator: ",")))" } ?? ""
        return SQLRequest(sql: "SELECT DISTINCT kind, row_id FROM change_log NOT INDEXED WHERE seq > ?\(only) ORDER BY kind, row_id", arguments: [since])
    }
}
