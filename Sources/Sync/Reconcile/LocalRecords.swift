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
/// var local = LocalRecords(replica: replica)
/// let customers = try local.records(KindMapping.named("customer")!)
/// ```
public struct LocalRecords {
    public let replica: ReplicaStore
    /// Kinds a reconcile can create in e-conomic: a reference to such a record
    /// without an e-conomic key is a dependency (`local:ID`), not a block.
    public var creatableKinds: Set<String>
    private var keysByKind: [EntityKind: [Int64: JSONValue]] = [:]
    private var liveWithoutKey: [EntityKind: Set<Int64>] = [:]
    private var activities: [Int64: Int64]?

    public init(replica: ReplicaStore, creatableKinds: Set<String> = []) {
        self.replica = replica
        self.creatableKinds = creatableKinds
    }

    /// The rows of `mapping`'s kind (all, or those with local ids `ids`; deleted
    /// ones included), e-conomic keys first in key order, then local ones by id.
    public mutating func records(_ mapping: KindMapping, ids: [Int64]? = nil) throws -> [LocalRecord] {
        guard let kind = EntityKind(rawValue: mapping.kind) else { return [] }
        return try records(kind.recordType, mapping, ids: ids)
    }

    private mutating func records<R: ReplicaRecord>(_ type: R.Type, _ mapping: KindMapping, ids: [Int64]?) throws -> [LocalRecord] {
        let rows = try ids.map { try replica.fetch(type, ids: $0) } ?? replica.list(type, includeDeleted: true)
        var records: [LocalRecord] = []
        records.reserveCapacity(rows.count)
        let encoder = JSONEncoder()
        for row in rows {
            let fields = try CanonicalJSON.parse(Array(encoder.encode(row))).objectValue ?? [:]
            var record = try record(mapping, id: row.id!, fields: fields, key: row.foreignKey.map(Self.economicKey))
            record.tombstone = row.tombstone
            if let registration = row as? any Registration { record.approved = registration.isApproved }
            records.append(record)
        }
        return records.sorted { lhs, rhs in
            switch (lhs.isInEconomic, rhs.isInEconomic) {
            case (false, false): lhs.localID < rhs.localID
            case (false, true): false
            case (true, false): true
            case (true, true): lhs.record.key < rhs.record.key
            }
        }
    }

    /// One row, from its fields by property name.
    mutating func record(_ mapping: KindMapping, id: Int64, fields: [String: JSONValue], key: RecordKey?) throws -> LocalRecord {
        var data: [String: JSONValue] = [:]
        var unresolved: [String] = []
        var dependencies: [Dependency] = []
        for field in mapping.fields {
            guard let value = fields[field.local], value != .null else { continue }
            if let converted = try convert(value, field.conversion) {
                data = field.economic.setting(converted, in: data)
                continue
            }
            unresolved.append(field.economic.description)
            if case .reference(let kindName) = field.conversion, creatableKinds.contains(kindName), let kind = EntityKind(rawValue: kindName),
               let target = value.intValue, try isLiveWithoutKey(kind, target) {
                data = field.economic.setting(.string("local:\(target)"), in: data)
                dependencies.append(Dependency(field: field.economic.description, kind: kindName, key: "local:\(target)"))
            }
        }
        return LocalRecord(record: Record(kind: mapping.kind, key: key ?? .string("local:\(id)"), data: data), localID: id,
                           unresolved: unresolved, dependencies: dependencies)
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
            if keysByKind[kind] == nil { try loadKeys(kind) }
            return keysByKind[kind]?[id]
        case .activity:
            guard let id = value.intValue else { return nil }
            if activities == nil {
                var found: [Int64: Int64] = [:]
                for hourType in try replica.list(HourType.self, includeDeleted: true) {
                    if let number = hourType.activityNumber { found[hourType.id!] = Int64(number) }
                }
                activities = found
            }
            return activities?[id].map { .int($0) }
        }
    }

    private mutating func isLiveWithoutKey(_ kind: EntityKind, _ id: Int64) throws -> Bool {
        if keysByKind[kind] == nil { try loadKeys(kind) }
        return liveWithoutKey[kind]?.contains(id) == true
    }

    private mutating func loadKeys(_ kind: EntityKind) throws {
        (keysByKind[kind], liveWithoutKey[kind]) = try Self.keys(kind.recordType, replica)
    }

    /// The e-conomic keys of `type`'s rows by local id, as JSON, and the live rows without one.
    static func keys<R: ReplicaRecord>(_ type: R.Type, _ replica: ReplicaStore) throws -> ([Int64: JSONValue], Set<Int64>) {
        var keys: [Int64: JSONValue] = [:]
        var withoutKey: Set<Int64> = []
        for record in try replica.list(type, includeDeleted: true) {
            if let foreignKey = record.foreignKey {
                keys[record.id!] = economicKey(foreignKey).json
            } else if !record.tombstone {
                withoutKey.insert(record.id!)
            }
        }
        return (keys, withoutKey)
    }

    /// A replica row's e-conomic key as a snapshot key: a number, or text for products.
    static func economicKey(_ foreignKey: some LosslessStringConvertible) -> RecordKey {
        if !(foreignKey is String), let number = Int64("\(foreignKey)") { return .int(number) }
        return .string("\(foreignKey)")
    }
}
