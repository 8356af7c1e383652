import Foundation

extension EconomicClient {
    /// One page of a listing: its position and its raw JSON body (a REST
    /// collection envelope, or a Projects API `{"cursor":…,"items":[…]}`).
    public struct Page: Sendable {
        public var index: Int
        public var body: [UInt8]
        /// The records of the whole collection, as e-conomic's `pagination.results` counts them; nil on a cursor page.
        public var results: Int? = nil
    }

    struct RESTEnvelope: Decodable {
        struct Pagination: Decodable {
            var results: Int
        }
        var pagination: Pagination?
    }

    struct CursorEnvelope: Decodable {
        var cursor: String?
    }

    /// How many records a collection holds: REST's `pagination.results` of a
    /// one-record page, the Projects API's `/{resource}/count`. One call.
    public func count(_ api: API, _ path: String, module: String) async throws -> Int {
        switch api {
        case .rest:
            let response = try await send(.get, .rest, path, query: [("skippages", "0"), ("pagesize", "1")], module: module)
            guard let results = (try? response.decode(RESTEnvelope.self))?.pagination?.results else {
                throw EconomicError(.badResponse, status: response.status, message: "the collection has no pagination.results", request: "GET \(path)")
            }
            return results
        case .projects:
            let response = try await send(.get, .projects, "\(path)/count", module: module)
            guard let count = Int(String(decoding: response.body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
                throw EconomicError(.badResponse, status: response.status, message: "the count is not a number", request: "GET \(path)/count")
            }
            return count
        }
    }

    /// The filter for an incremental pull: records changed after `since` (a
    /// date or a UTC timestamp).
    public static func changedSince(_ since: String) -> EconomicFilter {
        EconomicFilter("lastUpdated", .greaterThan, since)
    }

    /// Lists a REST collection page by page (``Configuration/pageSize`` records
    /// each, so one call per 1000 records), fetching up to
    /// ``Configuration/concurrency`` pages at once and handing them to `visit`
    /// in order. Returns the number of pages.
    @discardableResult
    public func forEachPage(_ path: String, filter: EconomicFilter? = nil, sort: String? = nil, module: String,
                            _ visit: (Page) async throws -> Void) async throws -> Int {
        func query(_ page: Int) -> [(String, String)] {
            var query = [("skippages", String(page)), ("pagesize", String(configuration.pageSize))]
            if let filter { query.append(("filter", filter.text)) }
            if let sort { query.append(("sort", sort)) }
            return query
        }
        let first = try await send(.get, .rest, path, query: query(0), module: module)
        let envelope: RESTEnvelope
        do {
            envelope = try first.decode(RESTEnvelope.self)
        } catch {
            throw EconomicError(.badResponse, status: first.status, message: "the collection envelope cannot be read: \(error)", request: "GET \(path)")
        }
        let counted = envelope.pagination?.results
        try await visit(Page(index: 0, body: first.body, results: counted))
        let results = counted ?? 0
        let pages = max(1, (results + configuration.pageSize - 1) / configuration.pageSize)
        guard pages > 1 else { return 1 }
        try await withThrowingTaskGroup(of: Page.self) { group in
            var next = 1
            var waiting: [Int: Page] = [:]
            var emitted = 1
            func launch() {
                let page = next
                next += 1
                group.addTask { Page(index: page, body: try await self.send(.get, .rest, path, query: query(page), module: module).body, results: counted) }
            }
            while next < pages && next - emitted < configuration.concurrency { launch() }
            while let page = try await group.next() {
                waiting[page.index] = page
                while let ready = waiting.removeValue(forKey: emitted) {
                    try await visit(ready)
                    emitted += 1
                    if next < pages { launch() }
                }
            }
        }
        return pages
    }

    /// Lists a Projects API resource by its cursor (up to 1000 items per
    /// page), handing each page to `visit`. Returns the number of pages.
    @discardableResult
    public func forEachCursorPage(_ resource: String, filter: EconomicFilter? = nil, module: String,
                                  _ visit: (Page) async throws -> Void) async throws -> Int {
        var cursor: String?
        var index = 0
        repeat {
            var query: [(String, String)] = []
            if let cursor { query.append(("cursor", cursor)) }
            if let filter { query.append(("filter", filter.text)) }
            let response = try await send(.get, .projects, "/\(resource)", query: query, module: module)
            do {
                cursor = try response.decode(CursorEnvelope.self).cursor
            } catch {
                throw EconomicError(.badResponse, status: response.status, message: "the cursor page cannot be read: \(error)", request: "GET /\(resource)")
            }
            try await visit(Page(index: index, body: response.body))
            index += 1
        } while cursor != nil
        return index
    }
}
