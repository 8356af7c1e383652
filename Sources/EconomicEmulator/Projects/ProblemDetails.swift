import Snapshot

/// Error bodies of the OpenAPI services: `application/problem+json` with
/// `type`, `title`, `status`, `detail`, `errors[]`, `traceId`, `traceTimeUtc`
/// and `errorCode` (REFERENCE §4.3).
enum ProblemDetails {
    static func typeURL(_ status: Int) -> String {
        switch status {
        case 400: "https://tools.ietf.org/html/rfc9110#section-15.5.1"
        case 401: "https://tools.ietf.org/html/rfc9110#section-15.5.2"
        case 403: "https://tools.ietf.org/html/rfc9110#section-15.5.4"
        case 404: "https://tools.ietf.org/html/rfc9110#section-15.5.5"
        case 405: "https://tools.ietf.org/html/rfc9110#section-15.5.6"
        case 409: "https://tools.ietf.org/html/rfc9110#section-15.5.10"
        case 413: "https://tools.ietf.org/html/rfc9110#section-15.5.14"
        case 415: "https://tools.ietf.org/html/rfc9110#section-15.5.16"
        case 429: "https://tools.ietf.org/html/rfc6585#section-4"
        default: "https://tools.ietf.org/html/rfc9110#section-15.6.1"
        }
    }

    /// A problem response; `errors` are `(message, errorCode, property)`.
    static func make(_ status: Int, title: String, detail: String?, errorCode: String, env: RequestEnvironment,
                     errors: [(message: String, errorCode: String, property: String?)] = []) -> EmulatorResponse {
        var fields: [String: JSONValue] = [
            "type": .string(typeURL(status)), "title": .string(title), "status": .int(Int64(status)),
            "errors": .array(errors.map { error in
                var item: [String: JSONValue] = ["message": .string(error.message), "errorCode": .string(error.errorCode)]
                if let property = error.property { item["property"] = .string(property) }
                return .object(item)
            }),
            "traceId": .string(env.logId), "traceTimeUtc": .string(Timestamps.logTime(env.now)), "errorCode": .string(errorCode),
        ]
        if let detail { fields["detail"] = .string(detail) }
        return .problem(status, .object(fields))
    }

    static func notFound(_ env: RequestEnvironment) -> EmulatorResponse {
        make(404, title: "Resource not found.", detail: "The resource you have been looking for does not exist.", errorCode: "ResourceNotFound", env: env)
    }

    /// 400 with one domain error code (e.g. `TimeEntryIsApproved`).
    static func badRequest(_ env: RequestEnvironment, _ errorCode: String, _ message: String, property: String? = nil) -> EmulatorResponse {
        make(400, title: "Validation error.", detail: message, errorCode: errorCode, env: env,
             errors: [(message: message, errorCode: errorCode, property: property)])
    }

    /// 409 `UpdateConflict` for a stale or missing `objectVersion`.
    static func conflict(_ env: RequestEnvironment) -> EmulatorResponse {
        make(409, title: "Update conflict. Version does not match.",
             detail: "The resource has been updated by another user. Retrieve the resource/object and try the update again. This is needed in order to prevent you from rolling back another user's update.",
             errorCode: "UpdateConflict", env: env,
             errors: [(message: "Update conflict. Version does not match.", errorCode: "UpdateConflict", property: "objectVersion")])
    }

    static func unauthorized(_ env: RequestEnvironment, _ reason: String) -> EmulatorResponse {
        make(401, title: "Unauthorized access.", detail: reason, errorCode: "Unauthorized", env: env)
    }

    static func forbidden(_ env: RequestEnvironment, _ errorCode: String, _ title: String) -> EmulatorResponse {
        make(403, title: title, detail: nil, errorCode: errorCode, env: env)
    }

    static func tooManyRequests(_ env: RequestEnvironment) -> EmulatorResponse {
        make(429, title: "Too many requests.", detail: "You are over your quota. Need to wait a bit. Check info in the response headers.",
             errorCode: "TooManyRequests", env: env)
    }

    static func serverError(_ status: Int, _ env: RequestEnvironment) -> EmulatorResponse {
        make(status, title: "Internal server error.", detail: "Something went wrong but the error has been logged.",
             errorCode: "InternalServerError", env: env)
    }
}
