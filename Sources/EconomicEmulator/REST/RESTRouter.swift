import Snapshot

/// Legacy REST at the root (`/customers`, `/products`, `/customers/{n}/contacts`,
/// `/orders/drafts`, `/orders/sent`, `/orders/archived`, `/self`, …): routes a request to listing, reading or writing.
enum RESTRouter {
    /// Where a collection lives and which records belong to it (contacts belong to one customer).
    struct Scope {
        var collectionPath: String
        /// Whether a record of the kind is in this collection; nil: every record is.
        var belongs: (([String: JSONValue]) -> Bool)?
        /// Properties every write in this scope gets (a contact's `customer`).
        var fixed: [String: JSONValue] = [:]
    }

    /// The collection a path names, before the segments that follow it.
    enum Collection {
        /// `/customers/{customer}/contacts` (the customer segment as sent).
        case contacts(customer: String)
        /// `/orders/drafts`, `/orders/sent` or `/orders/archived`.
        case orders(RESTResource)
        /// A collection of ``RESTResource/catalog``.
        case catalog(RESTResource)
    }

    /// The collection `segments` name and the segments after it; nil for `/`, `/self` and unknown paths.
    static func collection(_ segments: [String]) -> (collection: Collection, rest: [String])? {
        guard let first = segments.first else { return nil }
        if first == "customers", segments.count >= 3, segments[2] == "contacts" {
            return (.contacts(customer: segments[1]), Array(segments.dropFirst(3)))
        }
        if first == "orders", segments.count >= 2, let resource = RESTResource.orders[segments[1]] {
            return (.orders(resource), Array(segments.dropFirst(2)))
        }
        return RESTResource.catalog[first].map { (.catalog($0), Array(segments.dropFirst())) }
    }

    /// Whether `request` asks for a page of a collection (what ``CallCost`` charges more for).
    static func isListing(_ request: EmulatorRequest) -> Bool {
        request.method == "GET" && collection(request.segments)?.rest.isEmpty == true
    }

    static func handle(_ env: RequestEnvironment, state: inout EmulatorState) -> EmulatorResponse {
        let segments = env.request.segments
        let method = env.request.method
        if segments.isEmpty {
            return method == "GET" ? root(env) : LegacyErrors.methodNotAllowed(env)
        }
        if segments == ["self"] {
            return method == "GET" ? SelfResource.document(env, state: state) : LegacyErrors.methodNotAllowed(env)
        }
        guard let (collection, rest) = collection(segments) else { return LegacyErrors.notFound(env) }
        switch collection {
        case .contacts(let customerSegment):
            guard let customer = Int64(customerSegment), state.store.contains(.customer, .int(customer)) else {
                return LegacyErrors.notFound(env, errorCode: "E06000")
            }
            let scope = Scope(collectionPath: "customers/\(customer)/contacts",
                              belongs: { $0["customer"]?["customerNumber"]?.intValue == customer },
                              fixed: ["customer": .object(["customerNumber": .int(customer)])])
            return dispatch(RESTResource.contacts, scope: scope, rest: rest, env: env, state: &state)
        case .orders(let resource):
            return dispatch(resource, scope: Scope(collectionPath: resource.path), rest: rest, env: env, state: &state)
        case .catalog(let resource):
            return dispatch(resource, scope: Scope(collectionPath: resource.path), rest: rest, env: env, state: &state)
        }
    }

    static func dispatch(_ resource: RESTResource, scope: Scope, rest: [String], env: RequestEnvironment,
                         state: inout EmulatorState) -> EmulatorResponse {
        let method = env.request.method
        if method != "GET", !resource.writable { return LegacyErrors.methodNotAllowed(env) }
        switch (rest.count, method) {
        case (0, "GET"):
            // The stored array as it is when every record belongs and is seen as stored (a listing copies nothing).
            var items = state.store.all(resource.kind)
            if let belongs = scope.belongs { items = items.filter { belongs($0.data) } }
            if resource.view != .stored { items = items.map { (key: $0.key, data: view(resource, $0.data)) } }
            return RESTListing.page(items, resource: resource, collectionPath: scope.collectionPath, env: env) { key, data in
                present(resource, scope: scope, key: key, data: data, env: env)
            }
        case (0, "POST"):
            if resource.writes == .draftOrder { return DraftOrders.write(key: nil, env: env, state: &state) }
            return RESTWrites.write(resource, scope: scope, key: nil, env: env, state: &state)
        case (1, _):
            guard let key = resource.key(fromPath: rest[0]) else { return LegacyErrors.notFound(env, errorCode: "E06000") }
            let existing = state.store.get(resource.kind, key).flatMap { scope.belongs?($0) ?? true ? $0 : nil }
            switch method {
            case "GET":
                guard let existing else { return LegacyErrors.notFound(env, errorCode: "E06000") }
                return .json(200, present(resource, scope: scope, key: key, data: view(resource, existing), env: env))
            case "PUT":
                if existing == nil, state.store.contains(resource.kind, key) {
                    return LegacyErrors.body(400, "\(resource.keyField) \(key) belongs to another customer.",
                                             hint: "Contact numbers are unique across customers.", env: env, errorCode: "E07010")
                }
                if resource.writes == .draftOrder { return DraftOrders.write(key: key, env: env, state: &state) }
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
        switch resource.view {
        case .stored: data
        case .employee: Hypermedia.employeeView(data)
        }
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
        for resource in RESTResource.orders.values { stable[resource.path] = .string("\(env.base)/\(resource.path)") }
        stable["self"] = .string("\(env.base)/self")
        return .json(200, .object([
            "company": .string("Visma e-conomic A/S (emulated)"), "version": .string("emulator"),
            "resources": .object(["stable": .object(stable)]), "self": .string(env.base + "/"),
        ]))
    }
}
