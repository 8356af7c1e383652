internal import GRDB
import Vocabulary

extension ReplicaStore {
    /// The other live records of `kind` in record `id`'s department that
    /// share its identity: a customer's CVR, an employee's e-mail address (in
    /// any case). Such twins are never linked or created by a sync (it does
    /// not guess which is right), so the office is warned when it records one.
    ///
    /// ```swift
    /// for twin in try replica.sharingIdentity(.customer, id: 31) { print("customer \(twin.id) (\(twin.name)) has that CVR too") }
    /// ```
    public func sharingIdentity(_ kind: Kind, id: Int64) throws -> [(id: Int64, name: String)] {
        let column: String
        switch kind {
        case .customer: column = "cvr"
        case .employee: column = "email"
        default: return []
        }
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT other.id, other.name FROM \(kind.table) AS other JOIN \(kind.table) AS this ON this.id = ?
                WHERE other.id != this.id AND other.tombstone = 0 AND ifnull(this.\(column), '') != ''
                  AND lower(other.\(column)) = lower(this.\(column)) AND ifnull(other.department, -1) = ifnull(this.department, -1)
                ORDER BY other.id
                """, arguments: [id]).map { (id: $0[0], name: $0[1]) }
        }
    }
}
