import EconomicWire
import Snapshot

/// Legacy REST writes (REFERENCE §2.5): POST creates (201, `Location`, the
/// whole entity; numbers assigned as e-conomic does), PUT replaces (omitted
/// properties are cleared) or creates when missing, DELETE answers 204 and a
/// repeated delete 404 (a record still referenced is refused, see
/// ``ReferenceGuard``). A body is first checked against e-conomic's published
/// schema (``WriteSchemaCheck``); then explicit nulls, missing required
/// properties, ids below 1 and unknown references are refused in e-conomic's
/// validation shape. Properties the schema does not name are ignored.
enum RESTWrites {
    static func write(_ resource: RESTResource, scope: RESTRouter.Scope, key pathKey: RecordKey?, env: RequestEnvironment,
                      state: inout EmulatorState) -> EmulatorResponse {
        let fields: [String: JSONValue]
        switch parseObject(env) {
        case .success(let object): fields = object
        case .failure(let error): return error.response
        }
        if let refusal = WriteSchemaCheck.legacy(resource, body: fields, env: env) { return refusal }
        var errors = ValidationErrors()
        errors.rejectNulls(in: .object(fields)) { expectedType(resource.kind, $0, store: state.store) }
        guard errors.isEmpty else { return LegacyErrors.validation(env, errors) }

        let existing = pathKey.flatMap { state.store.get(resource.kind, $0) }
        let settable = WriteSchemaCheck.settable(fields, of: resource, env: env, existing: existing)
        var data = prepare(resource, settable, existing: existing, errors: &errors, store: state.store)
        var key: RecordKey
        if let pathKey {
            key = pathKey
        } else if let given = data[resource.keyField] {
            if resource.keyIsString {
                guard let text = given.stringValue, (1...25).contains(text.count) else {
                    errors.add(field: resource.keyField, code: "E04300", message: "\(resource.keyField) must be a string of 1 to 25 characters.", value: given)
                    return LegacyErrors.validation(env, errors)
                }
                key = .string(text)
            } else {
                guard let number = given.intValue else {
                    errors.add(field: resource.keyField, code: "E04300", message: "Expected Integer but got \(given.typeName).", value: given)
                    return LegacyErrors.validation(env, errors)
                }
                key = .int(number)
            }
            if state.store.contains(resource.kind, key) {
                errors.add(field: resource.keyField, code: "E07010", message: "\(resource.keyField) \(key) is already in use.", value: given)
            }
        } else if resource.serverAssignsKey {
            key = .int(state.store.nextNumber(resource.kind))
        } else {
            errors.add(field: resource.keyField, code: "E04100", message: "Property \(resource.keyField) is required.")
            key = .int(0)
        }
        guard errors.isEmpty else { return LegacyErrors.validation(env, errors) }

        data[resource.keyField] = key.json
        data.merge(scope.fixed) { _, fixed in fixed }
        if resource.stampsLastUpdated { data["lastUpdated"] = .string(env.timestamp) }
        state.store.put(resource.kind, key, data)
        let created = existing == nil
        let body = RESTRouter.present(resource, scope: scope, key: key, data: data, env: env)
        let location = RESTRouter.selfURL(resource, scope: scope, key: key, env: env)
        return .json(created ? 201 : 200, body, headers: created ? [("Location", location)] : [])
    }

    static func delete(_ resource: RESTResource, key: RecordKey, env: RequestEnvironment, state: inout EmulatorState) -> EmulatorResponse {
        if let refusal = ReferenceGuard.refusal(resource, key: key, env: env, store: state.store) { return refusal }
        if resource.ownsContacts, case .int(let number) = key {
            let contacts = RESTResource.contacts.kind
            for contact in state.store.all(contacts) where contact.data["customer"]?["customerNumber"]?.intValue == number {
                state.store.remove(contacts, contact.key)
            }
        }
        state.store.remove(resource.kind, key)
        return .empty(204)
    }

    /// The request body as a JSON object, or the 400 to answer.
    static func parseObject(_ env: RequestEnvironment) -> Result<[String: JSONValue], ResponseError> {
        do {
            guard let value = try env.request.json() else { return .failure(ResponseError(LegacyErrors.unparsable(env, "the body is empty"))) }
            guard case .object(let fields) = value else { return .failure(ResponseError(LegacyErrors.unparsable(env, "got \(value.typeName)"))) }
            return .success(fields)
        } catch {
            return .failure(ResponseError(LegacyErrors.unparsable(env, "\(error)")))
        }
    }

    /// The record to store from a write's properties: links and read-only
    /// properties dropped (the stored read-only values kept), references
    /// resolved (a `self` link alone is enough) and checked.
    static func prepare(_ resource: RESTResource, _ fields: [String: JSONValue], existing: [String: JSONValue]?,
                        errors: inout ValidationErrors, store: RecordStore) -> [String: JSONValue] {
        var data: [String: JSONValue] = [:]
        for (name, value) in fields where !resource.readOnly.contains(name) && name != "self" && name != "metaData" {
            data[name] = value
        }
        for reference in resource.references {
            if case .object(let object)? = data[reference.field], object[reference.keyField] == nil,
               let link = object["self"]?.stringValue, let last = link.split(separator: "/").last,
               let key = Int64(last).map({ JSONValue.int($0) }) ?? ProductNumberEncoding.decode(last).map({ .string($0) }) {
                var resolved = object
                resolved[reference.keyField] = key
                data[reference.field] = .object(resolved)
            }
        }
        data = Hypermedia.strippingLinks(.object(data)).objectValue ?? [:]
        if let existing {
            for name in resource.readOnly { if let value = existing[name] { data[name] = value } }
        }
        checkMinimums(.object(data), path: [], errors: &errors)
        for name in resource.required {
            switch data[name] {
            case nil:
                errors.add(field: name, code: "E04100", message: "Property \(name) is required.")
            case .string(let text)? where text.isEmpty:
                errors.add(field: name, code: "E04100", message: "Property \(name) must have a value.", value: .string(text))
            case .string?:
                break
            case let value?:
                errors.add(field: name, code: "E04300", message: "Expected String but got \(value.typeName).", value: value)
            }
        }
        for reference in resource.references {
            guard let value = data[reference.field] else {
                if reference.required {
                    errors.add(field: reference.field, code: "E04100", message: "Property \(reference.field) is required.")
                }
                continue
            }
            guard case .object(let object) = value else {
                errors.add(field: reference.field, code: "E04300", message: "Expected Object but got \(value.typeName).", value: value)
                continue
            }
            guard let number = object[reference.keyField]?.intValue else {
                errors.add([.field(reference.field), .field(reference.keyField)], code: "E04500",
                           message: "\(reference.field) is missing its identifier \(reference.keyField).")
                continue
            }
            guard number >= 1 else { continue }
            var normalized: [String: JSONValue] = [reference.keyField: .int(number)]
            if let kind = reference.kind, store.count(kind) > 0 {
                guard let target = store.get(kind, .int(number)) else {
                    errors.add([.field(reference.field), .field(reference.keyField)], code: "E06000",
                               message: "\(reference.field) does not exist.", value: .int(number))
                    continue
                }
                for name in reference.expand { if let copied = target[name] { normalized[name] = copied } }
            }
            data[reference.field] = .object(normalized)
        }
        return data
    }

    /// Flags every `…Number` integer below 1 ("Integer 0 is less than minimum value of 1"), at any depth.
    static func checkMinimums(_ value: JSONValue, path: [ValidationErrors.Step], errors: inout ValidationErrors) {
        switch value {
        case .object(let fields):
            for (name, field) in fields {
                if name.hasSuffix("Number"), let number = field.intValue, number < 1 {
                    errors.add(path + [.field(name)], code: "E04800", message: "Integer \(number) is less than minimum value of 1.", value: field)
                } else {
                    checkMinimums(field, path: path + [.field(name)], errors: &errors)
                }
            }
        case .array(let items):
            for (index, item) in items.enumerated() { checkMinimums(item, path: path + [.index(index)], errors: &errors) }
        default:
            break
        }
    }

    /// The JSON type a property of `kind` has, for "Expected X but got Null".
    static func expectedType(_ kind: RecordKind, _ name: String, store: RecordStore) -> String {
        for record in store.all(kind).prefix(50) {
            if let value = record.data[name] { return value.typeName }
        }
        let booleans: Set<String> = ["barred", "isBarred", "deleted", "eInvoicingDisabledByDefault", "isMainProject"]
        if booleans.contains(name) { return "Boolean" }
        if name.hasSuffix("Number"), !["vatNumber", "pNumber", "productNumber", "telephoneAndFaxNumber"].contains(name) { return "Integer" }
        if name.hasSuffix("Price") || name == "creditLimit" || name == "quantity" { return "Number" }
        return "String"
    }
}

/// A finished error response carried through a `Result`.
struct ResponseError: Error, Sendable {
    var response: EmulatorResponse
    init(_ response: EmulatorResponse) { self.response = response }
}
