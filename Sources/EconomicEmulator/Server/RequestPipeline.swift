import Foundation

/// What every API request goes through, in order: the control API bypass,
/// injected faults, the install URL, authentication, the token bucket (by
/// ``CallCost``), the body's size and media type, idempotency replay, the
/// route itself, and the `X-CallCost` /
/// `X-RateLimiting` headers.
enum RequestPipeline {
    /// Handles `request` under the emulator's lock; returns the response and how long to wait before sending it.
    static func handle(_ request: EmulatorRequest, state: inout EmulatorState) -> (response: EmulatorResponse, delayMs: Int) {
        let env = RequestEnvironment(request: request, now: state.now, logId: state.logId())
        if request.segments.first == "_emulator" {
            return (ControlAPI.handle(env, state: &state), 0)
        }
        state.requestCount += 1
        let family: APIFamily = request.segments.first?.lowercased() == "projectsapi" ? .projects : .rest
        var delay = 0
        if var faults = state.faults {
            let fate = faults.decide()
            delay = faults.latencyMs
            state.faults = faults
            switch fate {
            case .pass:
                break
            case .drop:
                return (.dropped, delay)
            case .serverError(let status):
                let response = family == .rest ? LegacyErrors.serverError(status, env) : ProblemDetails.serverError(status, env)
                return (withBudgetHeaders(response, state: state), delay)
            case .throttle(let hinted):
                let response = family == .rest ? LegacyErrors.tooManyRequests(env) : ProblemDetails.tooManyRequests(env)
                guard hinted else {
                    // e-conomic at times throttles with no hint at all (REFERENCE §2.7, §8):
                    // no Retry-After and no X-RateLimiting, only the call cost.
                    return (withCallCost(response, .single), delay)
                }
                var hintedResponse = withBudgetHeaders(response, state: state)
                hintedResponse.setHeader("Retry-After", "1")
                return (hintedResponse, delay)
            }
        }
        if RequestAccess.matches(request) {
            return (RequestAccess.handle(env, state: &state), delay)
        }
        if case .denied(let response) = AuthGate.check(env, family: family, state: state) {
            return (withBudgetHeaders(response, state: state), delay)
        }
        let cost = CallCost.of(request, family: family)
        if let wait = state.bucket.take(cost.rawValue, now: env.now) {
            // Whether e-conomic sends Retry-After on a 429 is unconfirmed (REFERENCE §2.7);
            // the emulator sends it when its bucket is empty, and the fault mode
            // (`throttleHints`) covers 429s without it.
            var response = family == .rest ? LegacyErrors.tooManyRequests(env) : ProblemDetails.tooManyRequests(env)
            response.setHeader("Retry-After", String(wait))
            return (withBudgetHeaders(response, state: state), delay)
        }
        if let refusal = RequestBodyCheck.refusal(env, family: family) {
            return (withBudgetHeaders(refusal, state: state), delay)
        }
        var cacheKey: String?
        if request.isWrite, let key = request.header("idempotency-key"), !key.isEmpty {
            cacheKey = idempotencyKey(key, request)
            if let cached = state.idempotency.lookup(cacheKey!, now: env.now) {
                return (withBudgetHeaders(cached, cost: cost, state: state), delay)
            }
        }
        let response = family == .rest ? RESTRouter.handle(env, state: &state) : ProjectsRouter.handle(env, state: &state)
        if let cacheKey { state.idempotency.store(cacheKey, response, now: env.now) }
        return (withBudgetHeaders(response, cost: cost, state: state), delay)
    }

    /// Where an `Idempotency-Key` is remembered: per grant, method and path.
    ///
    /// e-conomic documents replay for a retry of the same request (REFERENCE
    /// §2.8) but not the key's scope (§8). A key reused on another method or
    /// path is not a retry: it runs as a new call with its own cache entry and
    /// never gets another request's answer (the emulator's choice).
    static func idempotencyKey(_ key: String, _ request: EmulatorRequest) -> String {
        let separator = "\u{1F}"
        let grant = request.header("x-agreementgranttoken") ?? ""
        return ([grant, request.method] + request.segments + [key]).joined(separator: separator)
    }

    /// `response` with `X-CallCost`, `X-RateLimiting` (the bucket after this call) and `X-EconomicVersion`.
    static func withBudgetHeaders(_ response: EmulatorResponse, cost: CallCost = .single, state: EmulatorState) -> EmulatorResponse {
        var response = withCallCost(response, cost)
        response.setHeader("X-RateLimiting", state.bucket.header)
        return response
    }

    /// `response` with `X-CallCost` and `X-EconomicVersion` only.
    static func withCallCost(_ response: EmulatorResponse, _ cost: CallCost) -> EmulatorResponse {
        var response = response
        response.setHeader("X-CallCost", String(cost.rawValue))
        response.setHeader("X-EconomicVersion", "emulator")
        return response
    }
}
