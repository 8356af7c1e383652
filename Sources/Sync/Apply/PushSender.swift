import Blocking
import Vocabulary
import Economic
import Foundation
import Reconcile
import Replica
import Snapshot

/// Sends one push operation to e-conomic and returns the key the record has
/// there. Creates POST the mapped fields; updates and bars read the record
/// first and write it back whole with the changed fields (REST's PUT replaces,
/// the Projects API's PUT needs the current `objectVersion`).
///
/// ```swift
/// let key = try await PushSender(client: client, replica: replica).send(op, idempotencyKey: op.idempotencyKey)
/// ```
struct PushSender: Sendable {
    let client: EconomicClient
    let replica: ReplicaStore

    /// The operation's fields, with each dependency's `local:ID` replaced by the key e-conomic gave that record.
    func resolvedFields(_ op: PlanOperation) throws -> [String: JSONValue] {
        var fields = op.fields
        for dependency in op.requires {
            let kind = dependency.kind
            guard let id = RecordRef.localID(inPlanKey: dependency.key) else { continue }
            guard let key = try replica.foreignKey(kind, id: id) else {
                throw ApplyError(.dependencyFailed, "\(dependency.field) refers to \(dependency.kind) \(dependency.key), which was not created in e-conomic",
                                 kind: op.kind, key: op.key)
            }
            fields[dependency.field] = LocalRecords.economicKey(key, kind).json
        }
        return fields
    }

    func kind(_ op: PlanOperation) throws -> EconomicKind {
        guard let kind = op.kind.economic else {
            throw ApplyError(.unsupported, "econsync cannot push \(op.kind) records", kind: op.kind, key: op.key)
        }
        return kind
    }

    /// Sends `op` with `idempotencyKey`; returns the record's e-conomic key.
    func send(_ op: PlanOperation, idempotencyKey: String) async throws -> String {
        let kind = try kind(op)
        let fields = try await Blocking.run { [self] in try resolvedFields(op) }
        switch op.action {
        case .create:
            let response = try await client.send(.post, kind.api, kind.path, body: Self.body(fields), idempotencyKey: idempotencyKey,
                                                 module: kind.module.rawValue)
            return try createdKey(response, kind, op)
        case .update, .bar:
            let path = kind.recordPath(op.key)
            let current = try await client.send(.get, kind.api, path, module: kind.module.rawValue)
            guard case .object(var record)? = try? CanonicalJSON.parse(current.body) else {
                throw ApplyError(.badResponse, "e-conomic sent a \(op.kind) that is not a JSON object", kind: op.kind, key: op.key)
            }
            FieldPath.lay(fields, over: &record)
            record.removeValue(forKey: "self")
            record.removeValue(forKey: "metaData")
            let target = kind.api == .rest ? path : kind.path
            _ = try await client.send(.put, kind.api, target, body: Array(CanonicalJSON.string(.object(record)).utf8),
                                      idempotencyKey: idempotencyKey, module: kind.module.rawValue)
            return op.key
        default:
            throw ApplyError(.unsupported, "\(op.action.rawValue) is not a push", kind: op.kind, key: op.key)
        }
    }

    /// The key of a record an earlier attempt created, found by its content,
    /// or nil when e-conomic does not have it. Records whose key is already
    /// used in the replica, or that e-conomic had before the run
    /// (`existedBefore`, the keys of the run's snapshot), are not candidates:
    /// what is left can only be the record this push created.
    func lookup(_ op: PlanOperation, existedBefore: @escaping @Sendable () throws -> Set<String> = { [] }) async throws -> String? {
        let kind = try kind(op)
        let fields = try await Blocking.run { [self] in try resolvedFields(op) }
        if kind.api == .rest, let own = fields[kind.keyField] {
            let path = kind.recordPath(own.keyText)
            do {
                _ = try await client.send(.get, kind.api, path, module: kind.module.rawValue)
                return own.keyText
            } catch let error as EconomicError where error.code == .notFound {
                return nil
            }
        }
        let entity = op.kind
        let filterField = ["projectNumber", "name"].first { fields[$0] != nil }
        let filter = filterField.map { EconomicFilter.equals($0, fields[$0]!.keyText) }
        var candidates: [String] = []
        let pages: (EconomicClient.Page) throws -> Void = { page in
            for record in try SnapshotPuller.records(in: page.body, kind: kind)
            where fields.allSatisfy({ FieldPath($0.key).value(in: record.data) == ($0.value == .null ? nil : $0.value) }) {
                candidates.append(record.key.description)
            }
        }
        try await kind.forEachPage(client, filter: filter, pages)
        guard !candidates.isEmpty else { return nil }
        return try await Blocking.run { [replica, candidates] in
            let used = try replica.rowIDs(entity, foreignKeys: candidates)
            let before = try existedBefore()
            return candidates.first { used[$0] == nil && !before.contains($0) }
        }
    }

    /// The key of a record e-conomic just created, from its answer.
    func createdKey(_ response: EconomicResponse, _ kind: EconomicKind, _ op: PlanOperation) throws -> String {
        guard let body = try? CanonicalJSON.parse(response.body), let key = body[kind.keyField].flatMap(RecordKey.init) else {
            throw ApplyError(.badResponse, "e-conomic's answer to the create has no \(kind.keyField)", kind: op.kind, key: op.key)
        }
        return key.description
    }

    /// Dotted field names as a nested JSON body, without nulls (e-conomic refuses explicit nulls).
    static func body(_ fields: [String: JSONValue]) -> [UInt8] {
        var object: [String: JSONValue] = [:]
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) where value != .null {
            FieldPath(name).set(value, in: &object)
        }
        return Array(CanonicalJSON.string(.object(object)).utf8)
    }
}
