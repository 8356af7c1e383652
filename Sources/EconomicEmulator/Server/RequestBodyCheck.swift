import Foundation

/// What a write's body must be before any route reads it: no larger than
/// ``limit`` (413), decompressible when sent gzipped (400) and, when it says
/// what it is, JSON (415, a status e-conomic documents for the legacy API,
/// REFERENCE §2.5). Each answer is in the request's API family's error shape.
/// A body without a `Content-Type` is taken as JSON (lenient: what e-conomic
/// answers then is not documented).
///
/// ```swift
/// if let refusal = RequestBodyCheck.refusal(env, family: .rest) { return refusal }
/// ```
enum RequestBodyCheck {
    /// The largest body the emulator reads: 4 MiB. e-conomic documents no
    /// limit; this is far above any real write (a draft order of a thousand
    /// lines is about 300 KB) and far below what would strain the emulator.
    static let limit = 4 << 20
    /// How much of a body beyond ``limit`` is read and discarded so the client
    /// can finish sending and read the answer; past this the connection is closed after it.
    static let drainLimit = 64 << 20

    static func refusal(_ env: RequestEnvironment, family: APIFamily) -> EmulatorResponse? {
        let request = env.request
        switch request.bodyProblem {
        case .tooLarge?:
            let message = "The request body is larger than \(limit) bytes."
            return family == .rest
                ? LegacyErrors.body(413, "Request entity too large.", hint: message, env: env)
                : ProblemDetails.make(413, title: "Payload too large.", detail: message, errorCode: "PayloadTooLarge", env: env)
        case .notGzip?:
            let message = "The body is sent with Content-Encoding: gzip but cannot be decompressed."
            return family == .rest ? LegacyErrors.unparsable(env, message) : ProblemDetails.badRequest(env, "InvalidJson", message)
        case nil:
            break
        }
        guard request.isWrite, !request.body.isEmpty, let type = request.header("content-type"), !isJSON(type) else { return nil }
        let message = "Content-Type \(type) is not supported; send the body as application/json."
        return family == .rest
            ? LegacyErrors.body(415, "Unsupported media type.", hint: message, env: env)
            : ProblemDetails.make(415, title: "Unsupported Media Type", detail: message, errorCode: "UnsupportedMediaType", env: env)
    }

    /// Whether a `Content-Type` value names JSON: `application/json` or any `…+json`, parameters ignored.
    static func isJSON(_ contentType: String) -> Bool {
        let media = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        return media == "application/json" || (media.hasPrefix("application/") && media.hasSuffix("+json"))
    }
}
