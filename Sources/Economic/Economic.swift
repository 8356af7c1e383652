/// The e-conomic client: legacy REST and the Projects API over an
/// ``HTTPTransport``, with paging, filters, retries, rate limits,
/// idempotency keys, call accounting and credentials.
public enum Economic {
    /// The real e-conomic hosts, used unless configured otherwise.
    public static let defaultRESTBaseURL = "https://restapi.e-conomic.com"
    public static let defaultProjectsBaseURL = "https://apis.e-conomic.com/projectsapi/v1.1.0"
}
