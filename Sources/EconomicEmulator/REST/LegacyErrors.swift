import Snapshot

/// Error bodies in the legacy REST shape (REFERENCE §2.6): `message`,
/// `developerHint`, `logId`, `httpStatusCode`, `logTime`, and where it applies
/// `errorCode`, `errors` and `allowedFilteringFields`.
enum LegacyErrors {
    static func body(_ status: Int, _ message: String, hint: String, env: RequestEnvironment,
                     errorCode: String? = nil, extra: [String: JSONValue] = [:]) -> EmulatorResponse {
        var fields: [String: JSONValue] = [
            "message": .string(message), "developerHint": .string(hint), "logId": .string(env.logId),
            "httpStatusCode": .int(Int64(status)), "logTime": .string(Timestamps.logTime(env.now)),
        ]
        if let errorCode { fields["errorCode"] = .string(errorCode) }
        fields.merge(extra) { _, new in new }
        return .json(status, .object(fields))
    }

    /// 404 as recorded from the real API; `errorCode` E06000 when an entity is missing.
    static func notFound(_ env: RequestEnvironment, errorCode: String? = nil) -> EmulatorResponse {
        body(404, "Resource not found.",
             hint: "The API tries to provide all the resource urls you need. If you have hard coded urls yourself, then try to look at the enclosing collection for hypermedia information on where the resource you are looking for could be.",
             env: env, errorCode: errorCode)
    }

    /// 400 "Validation error." with `errors` mirroring the payload.
    static func validation(_ env: RequestEnvironment, _ errors: ValidationErrors) -> EmulatorResponse {
        body(400, "Validation error.", hint: "Inspect validation errors and correct your request.", env: env,
             extra: ["errors": errors.json()])
    }

    /// 400 for a body that is not JSON or not an object.
    static func unparsable(_ env: RequestEnvironment, _ why: String) -> EmulatorResponse {
        body(400, "Could not parse the request body.", hint: "The body must be a JSON object: \(why)", env: env, errorCode: "E00300")
    }

    /// 401 for missing, unknown or revoked tokens.
    static func unauthorized(_ env: RequestEnvironment, _ reason: String) -> EmulatorResponse {
        body(401, "Unauthorized access (401): The credentials you supplied us with weren't correct, or perhaps you forgot them all together. If an agreement has revoked the grant they gave your app, this is what you will see.",
             hint: "\(reason) Send X-AppSecretToken and X-AgreementGrantToken, or use 'demo' for both to read the demo agreement.",
             env: env, errorCode: "E02000")
    }

    /// 403 for an authenticated caller that may not do this.
    static func forbidden(_ env: RequestEnvironment, _ message: String) -> EmulatorResponse {
        body(403, message, hint: "The grant does not allow this request.", env: env, errorCode: "E02010")
    }

    /// 405 for a method a resource does not support.
    static func methodNotAllowed(_ env: RequestEnvironment) -> EmulatorResponse {
        body(405, "Method not allowed.", hint: "\(env.request.method) is not supported on \(env.request.rawPath).", env: env, errorCode: "E00500")
    }

    /// 400 for a bad `filter=`, listing the properties that may be filtered on.
    static func badFilter(_ env: RequestEnvironment, _ problem: String, allowed: [String]) -> EmulatorResponse {
        body(400, "Could not parse query string filter.",
             hint: "Filtering on collections can be done using the querystring parameter 'filter'.", env: env,
             extra: ["errors": .array([.string(problem)]), "allowedFilteringFields": .array(allowed.map { .string($0) })])
    }

    /// 400 for a bad `sort=`.
    static func badSort(_ env: RequestEnvironment, _ problem: String) -> EmulatorResponse {
        body(400, "Could not parse query string sort parameter.", hint: problem, env: env)
    }

    /// 429 when the token bucket is empty.
    static func tooManyRequests(_ env: RequestEnvironment) -> EmulatorResponse {
        body(429, "Too many requests.", hint: "You are over your quota. Need to wait a bit. Check info in the response headers.", env: env)
    }

    /// 5xx injected by a fault.
    static func serverError(_ status: Int, _ env: RequestEnvironment) -> EmulatorResponse {
        body(status, "An unexpected error occurred.",
             hint: "Something went wrong but the error has been logged. If you continue to see errors here, please contact api@e-conomic.com.",
             env: env)
    }
}
