import Vocabulary
import Foundation
import Reconcile
import Replica
import Snapshot

/// Writes pull operations into the replica, inside the caller's transaction:
/// e-conomic's field values converted back to the replica's (keys of
/// referenced records become local ids), through the validating field API,
/// as e-conomic's values (``WriteOrigin/economic``): the rules for what people
/// type or import never refuse what e-conomic already holds.
///
/// ```swift
/// try replica.write { writer in
///     let id = try PullWriter(writer: writer).apply(op)   // a pull-insert, pull-update or pull-delete
/// }
/// ```
struct PullWriter {
    let writer: ReplicaWriter
    let mappings: [Kind: KindMapping]
    /// What one pull transaction learns once and uses for many records.
    private let memo = Memo()

    init(writer: ReplicaWriter, mappings: [KindMapping] = KindMapping.all) {
        var writer = writer
        writer.origin = .economic
        self.writer = writer
        self.mappings = Dictionary(uniqueKeysWithValues: mappings.map { ($0.kind, $0) })
    }

    /// Lives for one pull transaction.
    private final class Memo {
        /// Local ids of referenced records found so far (a first sync's customers
        /// name the same few groups, terms and zones over and over). Only what
        /// was found is kept: a key not found yet may be pulled later in the run.
        var ids: [Kind: [String: Int64]] = [:]
        /// The new-row layouts of the kinds pull-inserted so far, from ``mappings``.
        var layouts: [Kind: NewRowLayout] = [:]
    }

    /// The local id of `kind`'s row with e-conomic key `key`, if the replica has one.
    func referencedID(_ kind: Kind, _ key: String) throws -> Int64? {
        if let id = memo.ids[kind]?[key] { return id }
        let id = try writer.rowID(kind, foreignKey: key)
        if let id { memo.ids[kind, default: [:]][key] = id }
        return id
    }

    /// The layout of `mapping`'s new rows, laid out once per transaction.
    private func layout(_ mapping: KindMapping) -> NewRowLayout {
        if let layout = memo.layouts[mapping.kind] { return layout }
        let layout = NewRowLayout(mapping)
        memo.layouts[mapping.kind] = layout
        return layout
    }

    /// Values the record types need that e-conomic may leave out (a false boolean is omitted there).
    static let defaults: [String: JSONValue] = ["barred": .bool(false), "closed": .bool(false), "currency": .string("DKK"), "tombstone": .bool(false)]

    /// Applies one pull operation; returns the local id of the row it wrote.
    func apply(_ op: PlanOperation) throws -> Int64 {
        let kind = op.kind
        guard let mapping = mappings[kind] else {
            throw ApplyError(.unsupported, "econsync cannot pull \(op.kind) records", kind: op.kind, key: op.key)
        }
        return try apply(kind.recordType, op, mapping, kind)
    }

    private func apply<R: ReplicaRecord>(_ type: R.Type, _ op: PlanOperation, _ mapping: KindMapping, _ kind: Kind) throws -> Int64 {
        switch op.action {
        case .pullInsert:
            return try writer.create(try newRecord(R.self, op, mapping)).id!
        case .pullUpdate:
            let id = try localID(kind, op)
            if let link = op.link {
                try writer.setForeignKey(kind, id: id, to: link)
                memo.ids[kind] = nil
            }
            let changes = try properties(op, mapping)
            try writer.update(R.self, id: id) { record in
                var properties = try Self.properties(of: record)
                properties.merge(changes) { _, new in new }
                let updated = try decode(R.self, properties, of: op.kind, key: op.key)
                record = updated
            }
            return id
        case .pullDelete:
            let id = try localID(kind, op)
            try writer.tombstone(kind, id: id)
            return id
        default:
            throw ApplyError(.unsupported, "\(op.action.rawValue) is not a pull", kind: op.kind, key: op.key)
        }
    }

    /// The new row a pull-insert of `op` writes (not yet validated or inserted); `mapping` is ``mappings``' of its kind.
    private func newRecord<R: ReplicaRecord>(_ type: R.Type, _ op: PlanOperation, _ mapping: KindMapping) throws -> R {
        try newRecord(R.self, key: op.key, layout(mapping)) { op.fields[$0.description] }
    }

    /// The new row of e-conomic's record `key` of `layout`'s kind, each
    /// mapped field's value read by `value` from its e-conomic path (not yet
    /// validated or inserted): a first pull builds it from the record's data,
    /// with no plan operation between, `layout` laid out once for all its rows.
    func newRecord<R: ReplicaRecord>(_ type: R.Type, key: String, _ layout: NewRowLayout,
                                     value: (FieldPath) -> JSONValue?) throws -> R {
        let kind = layout.mapping.kind
        let fields = layout.mapping.fields
        var values: [JSONValue?] = []
        values.reserveCapacity(fields.count)
        // By index: each field is read in place, not copied out of the mapping once per row.
        for index in fields.indices {
            let converted = try value(fields[index].economic).map { try convert($0, fields[index], of: kind, key: key) }
            values.append(converted == .null ? nil : converted)
        }
        var record = try decoding(kind, key: key) { try Self.build(R.self, layout, values, key: key) }
        record.foreignKey = R.ForeignKey(key)
        record.department = writer.department
        return record
    }

    /// The record of one row's `values` laid out by `layout`: read in order
    /// when the type is ``FieldReadable`` (customers, products), decoded otherwise.
    private static func build<R: ReplicaRecord>(_ type: R.Type, _ layout: NewRowLayout, _ values: [JSONValue?], key: String) throws -> R {
        guard let readable = R.self as? any FieldReadable.Type else {
            return try JSONValueDecoder.decode(R.self, fields: layout.fields(values, key: key))
        }
        return try read(readable, layout, values, key: key) as! R  // cannot fail: `readable` is R.self
    }

    private static func read<R: FieldReadable>(_ type: R.Type, _ layout: NewRowLayout, _ values: [JSONValue?], key: String) throws -> R {
        var reader = layout.reader(R.self, values, key: key)
        return try R(reading: &reader)
    }

    /// After a create reached e-conomic: the values it sent for fields the
    /// row left empty (a default group or payment terms from the settings)
    /// are written into the row, so the replica holds what e-conomic got and
    /// the next run sees nothing to send (never a `projectGroupNumber: null`).
    /// Fields whose value cannot be read back (a reference not in the replica) stay as they are.
    func fillEmpty(from op: PlanOperation, id: Int64) throws {
        guard let mapping = mappings[op.kind] else { return }
        try fillEmpty(op.kind.recordType, op, mapping, id)
    }

    private func fillEmpty<R: ReplicaRecord>(_ type: R.Type, _ op: PlanOperation, _ mapping: KindMapping, _ id: Int64) throws {
        var sent: [String: JSONValue] = [:]
        for field in mapping.fields {
            guard let value = op.fields[field.economic.description], value != .null,
                  let converted = try? convert(value, field, of: op.kind, key: op.key) else { continue }
            sent[field.local] = converted
        }
        let current = try Self.properties(of: try writer.fetch(R.self, id: id))
        let empty = sent.filter { current[$0.key] == nil || current[$0.key] == .null }
        guard !empty.isEmpty else { return }
        try writer.update(R.self, id: id) { record in
            record = try decode(R.self, current.merging(empty) { _, new in new }, of: op.kind, key: op.key)
        }
    }

    /// A record's properties by name, as its type encodes them.
    static func properties(of record: some Encodable) throws -> [String: JSONValue] {
        try CanonicalJSON.parse(Array(JSONEncoder().encode(record))).objectValue ?? [:]
    }

    /// The local id a pull operation names: `local:ID`, or the row with that e-conomic key.
    func localID(_ kind: Kind, _ op: PlanOperation) throws -> Int64 {
        if let id = RecordRef.localID(inPlanKey: op.key) { return id }
        guard let id = try writer.rowID(kind, foreignKey: op.key) else {
            throw ApplyError(.missingRecord, "the replica has no \(kind.rawValue) with e-conomic key \(op.key)", kind: op.kind, key: op.key)
        }
        return id
    }

    /// The operation's fields as the replica's property names and values (a null clears a field).
    func properties(_ op: PlanOperation, _ mapping: KindMapping) throws -> [String: JSONValue] {
        var properties: [String: JSONValue] = [:]
        for field in mapping.fields {
            guard let found = op.fields[field.economic.description] else { continue }
            properties[field.local] = try convert(found, field, of: mapping.kind, key: op.key)
        }
        return properties
    }

    func convert(_ value: JSONValue, _ field: KindMapping.Field, of kind: Kind, key: String) throws -> JSONValue {
        guard value != .null else { return .null }
        switch field.conversion {
        case .plain:
            return value
        case .dateTime:
            return value.stringValue.map { .string(String($0.prefix(10))) } ?? value
        case .reference(let target):
            guard let id = try referencedID(target, value.keyText) else {
                throw ApplyError(.missingRecord, "\(field.economic) refers to \(target.rawValue) \(value), which the replica does not have",
                                 kind: kind, key: key)
            }
            return .int(id)
        case .activity:
            guard let number = value.intValue, let id = try writer.hourTypeID(activity: number) else {
                throw ApplyError(.missingRecord, "no hour type is mapped to activity \(value)", kind: kind, key: key)
            }
            return .int(id)
        }
    }

    /// The record `properties` describe: a null is no value, and ``defaults`` fill what they leave out.
    func decode<R: ReplicaRecord>(_ type: R.Type, _ properties: [String: JSONValue], of kind: Kind, key: String) throws -> R {
        var present = properties.filter { $0.value != .null }
        for (name, value) in Self.defaults where present[name] == nil { present[name] = value }
        return try decoding(kind, key: key) { try JSONValueDecoder.decode(R.self, fields: present) }
    }

    /// What `decode` returns; a value that does not fit the record type is an ``ApplyError`` naming the field.
    private func decoding<R>(_ kind: Kind, key: String, _ decode: () throws -> R) throws -> R {
        do {
            return try decode()
        } catch let error as DecodingError {
            let field: String
            switch error {
            case .keyNotFound(let key, _): field = key.stringValue
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
                field = context.codingPath.map(\.stringValue).joined(separator: ".")
            @unknown default: field = "?"
            }
            throw ApplyError(.badValue, "e-conomic's value for \(field) does not fit the replica", kind: kind, key: key)
        }
    }
}
