import Foundation
import Replica
import Snapshot
import Vocabulary

/// A replica record as `--json` shows it: its fields under their own names,
/// except the replica's bookkeeping: the e-conomic key is `economicKey`
/// (null until the record is in e-conomic), a deleted record says
/// `"deleted": true`, and the hash of what was last synced is left out.
///
/// ```swift
/// try Output.json(Kind.customer.plural, customers.map(RecordJSON.init))   // {"customers": [{"economicKey": 1001, "id": 1, …}]}
/// ```
struct RecordJSON<R: ReplicaRecord>: Encodable {
    var record: R

    init(_ record: R) {
        self.record = record
    }

    /// The record's fields as `--json` names them.
    var fields: [String: JSONValue] {
        get throws {
            let data = try Output.jsonEncoder().encode(record)
            guard case .object(var fields) = try CanonicalJSON.parse(Array(data)) else { return [:] }
            fields["economicKey"] = fields.removeValue(forKey: "foreignKey") ?? .null
            fields["deleted"] = fields.removeValue(forKey: "tombstone") ?? .bool(false)
            fields.removeValue(forKey: "syncedHash")
            return fields
        }
    }

    func encode(to encoder: any Encoder) throws {
        try JSONValue.object(try fields).encode(to: encoder)
    }
}
