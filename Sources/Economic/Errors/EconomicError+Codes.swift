import Vocabulary

/// The categories of ``EconomicError``.
extension ErrorCode where Domain == EconomicError {
    /// 401: the grant was revoked or the tokens are wrong.
    public static var tokenExpired: Self { "token-expired" }
    /// 401 on connecting: the agreement grant token just given was not accepted.
    public static var grantNotAccepted: Self { "grant-not-accepted" }
    /// 403 because the agreement lacks a module (e.g. Projects).
    public static var missingModule: Self { "missing-module" }
    /// 403 for another reason (the app's role, the read-only demo agreement).
    public static var forbidden: Self { "forbidden" }
    /// 404.
    public static var notFound: Self { "not-found" }
    /// 400 or 422: the request's data was refused; see `fieldErrors`.
    public static var validation: Self { "validation" }
    /// 409: the record changed since it was read (stale `objectVersion`).
    public static var conflict: Self { "conflict" }
    /// 429 after every retry.
    public static var rateLimited: Self { "rate-limited" }
    /// 5xx after every retry.
    public static var server: Self { "server" }
    /// No response (timeouts, refused or dropped connections) after every retry.
    public static var transport: Self { "transport" }
    /// A response e-conomic would not send (unparseable, wrong shape).
    public static var badResponse: Self { "bad-response" }
    /// Any other status.
    public static var http: Self { "http" }
}
