/// How a record's key is written as the last segment of its path
/// (`/customers/{key}`, `/products/{key}`, `/Projects/{key}`).
///
/// ```swift
/// PathKeyEncoding.productNumber.segment("VVS 1/2")   // "VVS_9_1_6_2"
/// PathKeyEncoding.percent.segment("VVS 1/2")         // "VVS%201%2F2"
/// ```
public enum PathKeyEncoding: Sendable, Equatable {
    /// Plain percent-encoding: numeric keys and the OpenAPI services (REFERENCE §2.9).
    case percent
    /// e-conomic's `_N_` escapes, for legacy REST product numbers (``ProductNumberEncoding``).
    case productNumber

    /// `key` as one path segment.
    public func segment(_ key: String) -> String {
        switch self {
        case .percent: PercentEncoding.encode(key)
        case .productNumber: ProductNumberEncoding.encode(key)
        }
    }
}
