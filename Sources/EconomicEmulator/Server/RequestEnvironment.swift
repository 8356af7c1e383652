import Foundation

/// What one request's handlers share: the request, the time it is handled at
/// (from the injected clock) and the log id its errors carry.
struct RequestEnvironment: Sendable {
    var request: EmulatorRequest
    var now: Date
    /// e-conomic's `logId`/`traceId` spelling: 16 hex digits and `-CPH`.
    var logId: String

    var base: String { request.baseURL }
    var timestamp: String { Timestamps.iso(now) }
}
