import Snapshot

/// Legacy REST at the root (`/customers`, `/products`, `/customers/{n}/contacts`,
/// `/orders/drafts`, `/self`, …): routes a request to listing, reading or writing.
enum RESTRouter {
    /// Where a collection lives and which records belong to it (contacts belong to one customer).
    struct Scope {
        var collectionPath: String
        var belongs: ([String: JSONValue]) -> Bool = { _ in true }
        /// Properties every write in this scope gets (a contact's `customer`).
        var fixed: [String: JSONValue] = [:]
    }

    static func handle(_ env: RequestEnvironment, state: inout EmulatorState) -> EmulatorResponse {
        let segments = env.request.segments
        let method = env.request.method
        guard let first = segments.first else {
            return method == "GET" ? root(env) : LegacyErrors.methodNotAllowed(env)
        }
        if segments == ["self"] {
            return method == "GET" ? SelfResource.document(env, state: state) : LegacyErrors.methodNotAllowed(env)
        }
        if first == "customers", segments.count >= 3, segments[2] == "contacts" {
            guard let customer = Int64(segments[1]), state.store.contains("customer", .int(customer)) else {
                return LegacyErrors.notFound(env, errorCode: "E06000")
            }
            let scope = Scope(collectionPath: "customers/\(customer)/contacts",
                              belongs: { $0["customer"]?["customerNumber"]?.intValue == customer },
                              fixed: ["customer": .object(["customerNumber": .int(customer)])])
            return dispatch(RESTResource.contacts, scope: scope, rest: Array(segments.dropFirst(3)), env: env, state: &state)
        }
        if first == "orders", segments.count >= 2, segments[1] == "drafts" {
            return dispatch(RESTResource.draftOrders, scope: Scope(collectionPath: "orders/drafts"),
                            rest: Array(segments.dropFirst(2)), env: env, state: &state)
        }
        guard let resource = RESTResource.catalog[first] else { return LegacyErrors.notFound(env) }
        return dispatch(resource, scope: Scope(collectionPath: resource.path), rest: Array(segments.dropFirst()), env: env, state: &state)
    }

    static func dispatch(_ resource: RESTResource, scope: Scope, rest: [String], env: RequestEnvironment,
                         state: inout EmulatorState) -> EmulatorResponse {
        let method = env.request.method
        if method != "GET", !resource.writable { return LegacyErrors.methodNotAllowed(env) }
        switch (rest.count, method) {
        case (0, "GET"):
            let items = state.store.all(resource.kind).filter { scope.belongs($0.data) }.map { (key: $0.key, data: view(resource, $0.data)) }
            return RESTListing.page(items, resource: resource, collectionPath: scope.collectionPath, env: env) { key, data in
                present(resource, scope: scope, key: key, data: data, env: env)
            }
        case (0, "POST"):
            if resource.kind == "order" { return DraftOrders.write(key: nil, env: env, state: &state) }
            return RESTWrites.write(resource, scope: scope, key: nil, env: env, state: &state)
        case (1, _):
            guard let key = resource.key(fromPath: rest[0]) else { return LegacyErrors.notFound(env, errorCode: "E06000") }
            let existing = state.store.get(resource.kind, key).flatMap { scope.belongs($0) ? $0 : nil }
            switch method {
            case "GET":
                guard let existing else { return LegacyErrors.notFound(env, errorCode: "E06000") }
                return .json(200, present(resource, scope: scope, key: key, data: view(resource, existing), env: env))
            case "PUT":
                if existing == nil, state.store.contains(resource.kind, key) {
                    return LegacyErrors.body(400, "\(resource.keyField) \(key) belongs to another customer.",
                                             hint: "Contact numbers are unique across customers.", env: env, errorCode: "E07010")
                }
                if resource.kind == "order" { return DraftOrders.write(key: key, env: env, state: &state) }
                return RESTWrites.write(resource, scope: scope, key: key, env: env, state: &state)
            case "DELETE":
                guard existing != nil else { return LegacyErrors.notFound(env, errorCode: "E06000") }
                return RESTWrites.delete(resource, key: key, env: env, state: &state)
            default:
                return LegacyErrors.methodNotAllowed(env)
            }
        case (0, _):
            return LegacyErrors.methodNotAllowed(env)
        default:
            return LegacyErrors.notFound(env)
        }
    }

    /// The JSON filters, sorts and clients see for a stored record (employees are reshaped).
    static func view(_ resource: RESTResource, _ data: [String: JSONValue]) -> [String: JSONValue] {
        resource.kind == "employee" ? Hypermedia.employeeView(data) : data
    }

    static func selfURL(_ resource: RESTResource, scope: Scope, key: RecordKey, env: RequestEnvironment) -> String {
        "\(env.base)/\(scope.collectionPath)/\(RESTResource.linkSegment(key))"
    }

    static func present(_ resource: RESTResource, scope: Scope, key: RecordKey, data: [String: JSONValue], env: RequestEnvironment) -> JSONValue {
        Hypermedia.present(data, resource: resource, selfURL: selfURL(resource, scope: scope, key: key, env: env), base: env.base)
    }

    /// `GET /`: the resources the emulator serves.
    static func root(_ env: RequestEnvironment) -> EmulatorResponse {
        var stable: [String: JSONValue] = [:]
        for path in RESTResource.catalog.keys { stable[path] = .string("\(env.base)/\(path)") }
        stable["orders/drafts"] = .string("\(env.base)/orders/drafts")
        stable["self"] = .string("\(env.base)/self")
        return .json(200, .object([
            "company": .string("Visma e-conomic A/S (emulated)"), "version": .string("emulator"),
            "resources": .object(["stable": .object(stable)]), "self": .string(env.base + "/"),
        ]))
    }
}
