import Snapshot

/// The Projects API under `/projectsapi/v1.1.0`: `/Projects`, `/Activities`,
/// `/TimeEntries`, `/Employees`, `/ProjectGroups`, each with a cursor listing,
/// `/paged`, `/count`, `/{number}`, POST, PUT (by `objectVersion`) and DELETE;
/// plus `POST /TimeEntries/approve`.
enum ProjectsRouter {
    /// The collection `segments` (`projectsapi`, a version, a collection, …) name and the segments after it.
    static func collection(_ segments: [String]) -> (resource: ProjectsResource, rest: [String])? {
        guard segments.count >= 3, segments[1].hasPrefix("v"), let resource = ProjectsResource.catalog[segments[2].lowercased()] else {
            return nil
        }
        return (resource, Array(segments.dropFirst(3)))
    }

    /// Whether `request` asks for a page of a collection (cursor or `/paged`; what ``CallCost`` charges more for).
    static func isListing(_ request: EmulatorRequest) -> Bool {
        guard request.method == "GET", let rest = collection(request.segments)?.rest else { return false }
        return rest.isEmpty || rest.map { $0.lowercased() } == ["paged"]
    }

    static func handle(_ env: RequestEnvironment, state: inout EmulatorState) -> EmulatorResponse {
        let segments = env.request.segments
        guard let (resource, rest) = collection(segments) else { return ProblemDetails.notFound(env) }
        let base = "\(env.base)/\(segments[0])/\(segments[1])/\(resource.name)"
        let method = env.request.method
        switch (rest.first?.lowercased(), method) {
        case (nil, "GET"): return cursorListing(resource, env: env, state: state)
        case (nil, "POST"): return ProjectsWrites.create(resource, base: base, env: env, state: &state)
        case (nil, "PUT"): return ProjectsWrites.update(resource, env: env, state: &state)
        case ("paged", "GET") where rest.count == 1: return pagedListing(resource, env: env, state: state)
        case ("count", "GET") where rest.count == 1:
            switch filtered(resource, env: env, state: state) {
            case .success(let items): return .json(200, .int(Int64(items.count)))
            case .failure(let error): return error.response
            }
        case ("approve", "POST") where rest.count == 1 && resource.approvable:
            return ProjectsWrites.approve(env: env, state: &state)
        case (let segment?, _) where rest.count == 1:
            guard let number = Int64(segment) else { return ProblemDetails.notFound(env) }
            switch method {
            case "GET":
                guard let data = state.store.get(resource.kind, .int(number)) else { return ProblemDetails.notFound(env) }
                return .json(200, ProjectsResource.present(data))
            case "DELETE":
                return ProjectsWrites.delete(resource, number: number, env: env, state: &state)
            default:
                return methodNotAllowed(env)
            }
        case (nil, _):
            return methodNotAllowed(env)
        default:
            return ProblemDetails.notFound(env)
        }
    }

    static func methodNotAllowed(_ env: RequestEnvironment) -> EmulatorResponse {
        ProblemDetails.make(405, title: "Method not allowed.", detail: "\(env.request.method) is not supported on \(env.request.rawPath).",
                            errorCode: "MethodNotAllowed", env: env)
    }

    /// The records of `resource` that pass `filter=`, in number order.
    static func filtered(_ resource: ProjectsResource, env: RequestEnvironment,
                         state: EmulatorState) -> Result<[(key: RecordKey, data: [String: JSONValue])], ResponseError> {
        let items = state.store.all(resource.kind)
        guard let text = env.request.query("filter"), !text.isEmpty else { return .success(items) }
        let expression: FilterExpression
        do {
            expression = try FilterExpression.parse(text)
        } catch {
            return .failure(ResponseError(badFilter(env, error.message, property: nil)))
        }
        if let bad = expression.properties.first(where: { !resource.filterable.contains($0) }) {
            return .failure(ResponseError(badFilter(env, "Filtering is not allowed on property '\(bad)'.", property: bad)))
        }
        let matches = expression.matcher()
        return .success(items.filter { matches(.object($0.data)) })
    }

    static func badFilter(_ env: RequestEnvironment, _ message: String, property: String?) -> EmulatorResponse {
        ProblemDetails.make(400, title: "Bad filter request.", detail: message, errorCode: "BadFilterRequest", env: env,
                            errors: [(message: message, errorCode: "BadFilterRequest", property: property)])
    }

    /// `GET /X?cursor=&filter=`: up to the page size of items from the cursor on; `cursor`
    /// (the number of the next item) is absent on the last set.
    static func cursorListing(_ resource: ProjectsResource, env: RequestEnvironment, state: EmulatorState) -> EmulatorResponse {
        let items: [(key: RecordKey, data: [String: JSONValue])]
        switch filtered(resource, env: env, state: state) {
        case .success(let found): items = found
        case .failure(let error): return error.response
        }
        var start = 0
        if let cursor = env.request.query("cursor"), !cursor.isEmpty {
            guard cursor.count <= 50, let from = Int64(cursor) else {
                return ProblemDetails.badRequest(env, "InvalidCursor", "The cursor '\(cursor)' is not valid.", property: "cursor")
            }
            start = items.firstIndex { key, _ in if case .int(let number) = key { return number >= from } else { return false } } ?? items.count
        }
        let size = max(1, state.configuration.cursorPageSize)
        let end = min(items.count, start + size)
        var body: [String: JSONValue] = ["items": .array(items[start..<end].map { ProjectsResource.present($0.data) })]
        if end < items.count { body["cursor"] = .string(items[end].key.description) }
        return .json(200, .object(body))
    }

    /// `GET /X/paged?skipPages=&pageSize=&sort=&filter=`: a bare array; pageSize 1…100 (default 20), skipPages 0…100.
    static func pagedListing(_ resource: ProjectsResource, env: RequestEnvironment, state: EmulatorState) -> EmulatorResponse {
        var items: [(key: RecordKey, data: [String: JSONValue])]
        switch filtered(resource, env: env, state: state) {
        case .success(let found): items = found
        case .failure(let error): return error.response
        }
        func bounded(_ name: String, _ range: ClosedRange<Int>, _ fallback: Int) -> Int? {
            guard let text = env.request.query(name) else { return fallback }
            guard let value = Int(text), range.contains(value) else { return nil }
            return value
        }
        guard let pageSize = bounded("pageSize", 1...100, 20) else {
            return ProblemDetails.badRequest(env, "InvalidPageSize", "pageSize must be between 1 and 100.", property: "pageSize")
        }
        guard let skipPages = bounded("skipPages", 0...100, 0) else {
            return ProblemDetails.badRequest(env, "InvalidSkipPages", "skipPages must be between 0 and 100.", property: "skipPages")
        }
        if let sort = env.request.query("sort"), !sort.isEmpty {
            do {
                items = try SortOrder.parse(sort, allowed: Set(resource.filterable)).sorted(items) { .object($0.data) }
            } catch {
                return ProblemDetails.badRequest(env, "BadSortRequest", error.message, property: error.property)
            }
        }
        let start = skipPages * pageSize
        let page = start >= items.count ? [] : items[start..<min(items.count, start + pageSize)].map { ProjectsResource.present($0.data) }
        return .json(200, .array(page))
    }
}
