import Vocabulary
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
public struct LocalRecords: Sendable {
    public let replica: ReplicaStore
    /// Kinds a reconcile can create in e-conomic: a reference to such a record
    /// without an e-conomic key is a dependency (`local:ID`), not a block.
    public var creatableKinds: Set<Kind>
    private var keysByKind: [Kind: [Int64: JSONValue]] = [:]
    private var liveWithoutKey: [Kind: Set<Int64>] = [:]
    private var activities: [Int64: Int64]?
    private var names: [Kind: [Int64: ReferencedRecord]] = [:]
    /// With `projects.subProjects` = merge-into-parent: each sub-project's main project, so registrations go to it.
    public var mainProjects: [Int64: Int64] = [:]
    /// The projects that have sub-projects, read once.
    private var projectsWithSubProjects: Set<Int64>?

    public init(replica: ReplicaStore, creatableKinds: Set<Kind> = []) {
        self.replica = replica
        self.creatableKinds = creatableKinds
    }

    /// The rows of `mapping`'s kind (all, or those with local ids `ids`; deleted
    /// ones included), e-conomic keys first in key order, then local ones by id.
    public mutating func records(_ mapping: KindMapping, ids: [Int64]? = nil) throws -> [LocalRecord] {
        let kind = mapping.kind
        let properties = (mapping.fields + mapping.createFields).map(\.local)
        let rows = try replica.localRows(kind, properties: properties, ids: ids)
        // A project created in the field with sub-projects of its own is created as a main project.
        if kind == .project && projectsWithSubProjects == nil { projectsWithSubProjects = Set(try Self.mainProjects(replica).values) }
        let mains = kind == .project ? projectsWithSubProjects ?? [] : []
        var records: [LocalRecord] = []
        records.reserveCapacity(rows.count)
        for row in rows {
            var fields = [String: JSONValue](minimumCapacity: properties.count)
            for (property, value) in zip(properties, row.values) {
                if let value { fields[property] = Self.json(value) }
            }
            var record = try record(mapping, id: row.id, fields: fields, key: row.foreignKey.map { Self.economicKey($0, kind) })
            if mains.contains(row.id) { record.record.data["isMainProject"] = .bool(true) }
            record.tombstone = row.tombstone
            record.approved = row.approved
            record.onOrder = row.onOrder
            records.append(record)
        }
        return Self.ordered(records)
    }

    /// Records in the order the three-way diff walks them: e-conomic keys
    /// first, in key order, then the rest by local id.
    public static func ordered(_ records: [LocalRecord]) -> [LocalRecord] {
        records.sorted { lhs, rhs in
            switch (lhs.isInEconomic, rhs.isInEconomic) {
            case (false, false): lhs.localID < rhs.localID
            case (false, true): false
            case (true, false): true
            case (true, true): lhs.record.key < rhs.record.key
            }
        }
    }

    /// A stored value as JSON, as the record type would encode it.
    static func json(_ value: LocalRow.Value) -> JSONValue {
        switch value {
        case .int(let int): .int(int)
        case .double(let double): number(double)
        case .text(let text): .string(text)
        case .bool(let bool): .bool(bool)
        }
    }

    /// A double as a canonical JSON number (whole values without a fraction).
    static func number(_ value: Double) -> JSONValue {
        if value.rounded() == value, abs(value) < 1e15 { return .int(Int64(value)) }
        return .number(CanonicalJSON.canonicalNumber("\(value)") ?? "\(value)")
    }

    /// An e-conomic key given as text, as a snapshot key: text for products, else a number.
    public static func economicKey(_ text: String, _ kind: Kind) -> RecordKey {
        kind == .product ? .string(text) : (Int64(text).map(RecordKey.int) ?? .string(text))
    }

    /// One row, from its fields by property name.
    mutating func record(_ mapping: KindMapping, id: Int64, fields: [String: JSONValue], key: RecordKey?) throws -> LocalRecord {
        var data = [String: JSONValue](minimumCapacity: mapping.createFields.count + mapping.fields.count)  // not grown field by field
        var unresolved: [String] = []
        var dependencies: [Dependency] = []
        var names: [String: ReferencedRecord] = [:]
        for field in mapping.createFields {
            if let value = fields[field.local], value != .null { field.economic.set(value, in: &data) }
        }
        for field in mapping.fields {
            guard let value = fields[field.local], value != .null else { continue }
            if let converted = try convert(value, field.conversion) {
                field.economic.set(converted, in: &data)
                continue
            }
            unresolved.append(field.economic.description)
            names[field.economic.description] = describe(field.conversion, value)
            if case .reference(let kind) = field.conversion, creatableKinds.contains(kind),
               let target = value.intValue, try isLiveWithoutKey(kind, target) {
                let planKey = RecordRef.planKey(local: target)
                field.economic.set(.string(planKey), in: &data)
                dependencies.append(Dependency(field: field.economic.description, kind: kind, key: planKey))
            }
        }
        var record = LocalRecord(record: Record(kind: mapping.kind.rawValue, key: key ?? .string(RecordRef.planKey(local: id)), data: data), localID: id,
                                 unresolved: unresolved, dependencies: dependencies)
        record.unresolvedNames = names
        return record
    }

    /// The record an unresolved reference names, for people: `Jens Hansen (employee 3)`.
    /// Read once per record named (many rows name the same few), so a big plan does not query per row.
    mutating func describe(_ conversion: KindMapping.Conversion, _ value: JSONValue) -> ReferencedRecord? {
        let kind: Kind
        switch conversion {
        case .reference(let referenced): kind = referenced
        case .activity: kind = .hourType
        default: return nil
        }
        guard let id = value.intValue else { return nil }
        if let known = names[kind]?[id] { return known }
        // Kinds without a name column (none is referenced today) are named by kind and id.
        let name = (try? replica.name(of: kind, id: id)) ?? nil
        let described = ReferencedRecord(kind: kind, id: id, name: name)
        names[kind, default: [:]][id] = described
        return described
    }

    /// A converted value; nil when it refers to a record e-conomic does not have yet.
    mutating func convert(_ value: JSONValue, _ conversion: KindMapping.Conversion) throws -> JSONValue? {
        switch conversion {
        case .plain:
            return value
        case .dateTime:
            return value.stringValue.map { .string("\($0)T00:00:00") } ?? value
        case .reference(let kind):
            guard var id = value.intValue else { return nil }
            if kind == .project { id = Self.top(id, mainProjects) }
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

    /// A project's topmost main project in `mains` (itself when it has none).
    public static func top(_ id: Int64, _ mains: [Int64: Int64]) -> Int64 {
        var id = id, steps = 0
        while let main = mains[id], steps < 32 { id = main; steps += 1 }
        return id
    }

    /// Every sub-project's main project, by local id.
    public static func mainProjects(_ replica: ReplicaStore) throws -> [Int64: Int64] {
        Dictionary(uniqueKeysWithValues: try replica.list(Project.self).compactMap { project in project.parentId.map { (project.id!, $0) } })
    }

    private mutating func isLiveWithoutKey(_ kind: Kind, _ id: Int64) throws -> Bool {
        if keysByKind[kind] == nil { try loadKeys(kind) }
        return liveWithoutKey[kind]?.contains(id) == true
    }

    private mutating func loadKeys(_ kind: Kind) throws {
        (keysByKind[kind], liveWithoutKey[kind]) = try Self.keys(kind.recordType, replica)
    }

    /// The e-conomic keys of `type`'s rows by local id, as JSON, and the live rows without one.
    static func keys<R: ReplicaRecord>(_ type: R.Type, _ replica: ReplicaStore) throws -> ([Int64: JSONValue], Set<Int64>) {
        var keys: [Int64: JSONValue] = [:]
        var withoutKey: Set<Int64> = []
        for record in try replica.list(type, includeDeleted: true) {
            if let foreignKey = record.foreignKey {
                keys[record.id!] = economicKey(String(describing: foreignKey), R.kind).json
            } else if !record.tombstone {
                withoutKey.insert(record.id!)
            }
        }
        return (keys, withoutKey)
    }
}
