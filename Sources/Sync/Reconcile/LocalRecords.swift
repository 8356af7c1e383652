import Foundation
import Reconcile
import Replica
import Snapshot

/// The replica's records in e-conomic's shape, so they can be merged with
/// snapshot records field by field: each mapped field converted (references
/// become the referenced record's e-conomic key, hour types their activity,
/// dates the Projects API's form) and keyed by the e-conomic key, or
/// `local:ID` for a record e-conomic does not have yet.
///
/// ```swift
/// let customers = try LocalRecords(replica: replica).records(KindMapping.named("customer")!)
/// ```
public struct LocalRecords {
    /// One replica row as e-conomic would see it.
    public struct Row: Sendable, Equatable {
        public var record: Record
        public var localID: Int64
        public var tombstone: Bool
        /// Mapped fields whose referenced record has no e-conomic key yet.
        public var unresolved: [String]
    }

    public let replica: ReplicaStore
    private var keysByKind: [EntityKind: [Int64: JSONValue]] = [:]
    private var activities: [Int64: Int64] = [:]

    public init(replica: ReplicaStore) {
        self.replica = replica
    }

    /// The rows of `mapping`'s kind (deleted ones included), e-conomic keys first in key order, then local ones by id.
    public mutating func records(_ mapping: KindMapping) throws -> [Row] {
        guard let kind = EntityKind(rawValue: mapping.kind) else { return [] }
        var rows: [Row] = []
        for (id, fields, key, tombstone) in try Self.rows(kind.recordType, replica) {
            var data: [String: JSONValue] = [:]
            var unresolved: [String] = []
            for field in mapping.fields {
                guard let value = fields[field.local], value != .null else { continue }
                if let converted = try convert(value, field.conversion) {
                    data = field.economic.setting(converted, in: data)
                } else {
                    unresolved.append(field.economic.description)
                }
            }
            let recordKey = key ?? .string("local:\(id)")
            rows.append(Row(record: Record(kind: mapping.kind, key: recordKey, data: data), localID: id, tombstone: tombstone, unresolved: unresolved))
        }
        return rows.sorted { lhs, rhs in
            switch (lhs.record.key, rhs.record.key) {
            case (.string(let a), .string(let b)) where a.hasPrefix("local:") && b.hasPrefix("local:"): lhs.localID < rhs.localID
            case (.string(let a), _) where a.hasPrefix("local:"): false
            case (_, .string(let b)) where b.hasPrefix("local:"): true
            default: lhs.record.key < rhs.record.key
            }
        }
    }

    /// A converted value; nil when it refers to a record e-conomic does not have yet.
    mutating func convert(_ value: JSONValue, _ conversion: KindMapping.Conversion) throws -> JSONValue? {
        switch conversion {
        case .plain:
            return value
        case .dateTime:
            return value.stringValue.map { .string("\($0)T00:00:00") } ?? value
        case .reference(let kindName):
            guard let kind = EntityKind(rawValue: kindName), let id = value.intValue else { return nil }
            if keysByKind[kind] == nil { keysByKind[kind] = try Self.keys(kind.recordType, replica) }
            return keysByKind[kind]?[id]
        case .activity:
            guard let id = value.intValue else { return nil }
            if activities.isEmpty {
                for hourType in try replica.list(HourType.self, includeDeleted: true) {
                    if let number = hourType.activityNumber { activities[hourType.id!] = Int64(number) }
                }
            }
            return activities[id].map { .int($0) }
        }
    }

    /// Every row of `type` as (id, fields by property name, e-conomic key, tombstone).
    static func rows<R: ReplicaRecord>(_ type: R.Type, _ replica: ReplicaStore) throws -> [(Int64, [String: JSONValue], RecordKey?, Bool)] {
        let encoder = JSONEncoder()
        return try replica.list(type, includeDeleted: true).map { record in
            let fields = try CanonicalJSON.parse(Array(encoder.encode(record))).objectValue ?? [:]
            return (record.id!, fields, record.foreignKey.map(economicKey), record.tombstone)
        }
    }

    /// The e-conomic keys of `type`'s rows, by local id, as JSON.
    static func keys<R: ReplicaRecord>(_ type: R.Type, _ replica: ReplicaStore) throws -> [Int64: JSONValue] {
        var keys: [Int64: JSONValue] = [:]
        for record in try replica.list(type, includeDeleted: true) {
            guard let foreignKey = record.foreignKey else { continue }
            keys[record.id!] = economicKey(foreignKey).json
        }
        return keys
    }

    /// A replica row's e-conomic key as a snapshot key: a number, or text for products.
    static func economicKey(_ foreignKey: some LosslessStringConvertible) -> RecordKey {
        if !(foreignKey is String), let number = Int64("\(foreignKey)") { return .int(number) }
        return .string("\(foreignKey)")
    }
}
