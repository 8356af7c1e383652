import Snapshot

/// A legacy REST collection page: `skippages`/`pagesize` (default 20, at most
/// 1000), `filter=` and `sort=`, answered in e-conomic's envelope with
/// `collection`, `pagination` (first/previous/next/last links) and `self`.
enum RESTListing {
    static let maxPageSize = 1000
    static let defaultPageSize = 20

    /// Lists `items` (key order, not yet filtered) as a page of `resource` at `collectionPath`;
    /// `view` gives the JSON filters and sorts see, `present` the served item.
    static func page(_ items: [(key: RecordKey, data: [String: JSONValue])], resource: RESTResource, collectionPath: String,
                     env: RequestEnvironment, present: (RecordKey, [String: JSONValue]) -> JSONValue) -> EmulatorResponse {
        let request = env.request
        let pageSize: Int
        let skipPages: Int
        if let text = request.query("pagesize") {
            guard let value = Int(text), (1...maxPageSize).contains(value) else {
                return LegacyErrors.body(400, "pagesize must be a positive whole number between 1 and \(maxPageSize).",
                                         hint: "Use the pagesize parameter with a value between 1 and \(maxPageSize).", env: env,
                                         errorCode: "E04810", extra: ["value": .string(text)])
            }
            pageSize = value
        } else {
            pageSize = defaultPageSize
        }
        if let text = request.query("skippages") {
            guard let value = Int(text), value >= 0 else {
                return LegacyErrors.body(400, "skippages must be a whole number of at least 0.",
                                         hint: "Use the skippages parameter with a value of 0 or more.", env: env,
                                         errorCode: "E04800", extra: ["value": .string(text)])
            }
            skipPages = value
        } else {
            skipPages = 0
        }
        var selected = items
        let filterText = request.query("filter").flatMap { $0.isEmpty ? nil : $0 }
        if let filterText {
            let expression: FilterExpression
            do {
                expression = try FilterExpression.parse(filterText)
            } catch {
                return LegacyErrors.badFilter(env, error.message, allowed: resource.filterable)
            }
            if let bad = expression.properties.first(where: { !resource.filterable.contains($0) }) {
                return LegacyErrors.badFilter(env, "Filtering is not allowed on property '\(bad)'.", allowed: resource.filterable)
            }
            let matches = expression.matcher()
            selected = selected.filter { matches(.object($0.data)) }
        }
        let sortText = request.query("sort").flatMap { $0.isEmpty ? nil : $0 }
        if let sortText {
            do {
                let order = try SortOrder.parse(sortText, allowed: Set(resource.filterable))
                selected = order.sorted(selected) { .object($0.data) }
            } catch {
                return LegacyErrors.badSort(env, error.message)
            }
        }
        let results = selected.count
        let start = skipPages.multipliedReportingOverflow(by: pageSize)
        let pageItems = start.overflow || start.partialValue >= results ? [] : Array(selected[start.partialValue..<min(results, start.partialValue + pageSize)])
        let lastIndex = max(0, (results + pageSize - 1) / pageSize - 1)

        func link(_ skip: Int) -> JSONValue {
            var text = "\(env.base)/\(collectionPath)?skippages=\(skip)&pagesize=\(pageSize)"
            if let filterText { text += "&filter=" + URLText.encode(filterText) }
            if let sortText { text += "&sort=" + URLText.encode(sortText) }
            return .string(text)
        }
        var pagination: [String: JSONValue] = [
            "maxPageSizeAllowed": .int(Int64(maxPageSize)), "skipPages": .int(Int64(skipPages)), "pageSize": .int(Int64(pageSize)),
            "results": .int(Int64(results)), "resultsWithoutFilter": .int(Int64(items.count)),
            "firstPage": link(0), "lastPage": link(lastIndex),
        ]
        if skipPages > 0 { pagination["previousPage"] = link(min(skipPages - 1, lastIndex)) }
        if skipPages < lastIndex { pagination["nextPage"] = link(skipPages + 1) }
        var envelope: [String: JSONValue] = [
            "collection": .array(pageItems.map { present($0.key, $0.data) }),
            "pagination": .object(pagination),
            "self": link(skipPages),
        ]
        if resource.writable {
            envelope["metaData"] = .object(["create": .object([
                "description": .string("Create a new \(resource.kind)."), "href": .string("\(env.base)/\(collectionPath)"),
                "httpMethod": .string("post"),
            ])])
        }
        return .json(200, .object(envelope))
    }
}
