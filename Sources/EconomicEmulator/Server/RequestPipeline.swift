import Foundation

/// What every API request goes through, in order: the control API bypass,
/// injected faults, the install URL, authentication, the token bucket, the
/// body's size and media type, idempotency replay, the route itself, and the `X-CallCost` /
/// `X-RateLimiting` headers.
enum RequestPipeline {
    /// The call cost of one request (e-conomic charges more for some; the emulator charges 1).
    static let callCost = 1

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
            case .throttle(let retryAfter):
                var response = family == .rest ? LegacyErrors.tooManyRequests(env) : ProblemDetails.tooManyRequests(env)
                if retryAfter { response.setHeader("Retry-After", "1") }
                return (retryAfter ? withBudgetHeaders(response, state: state) : response, delay)
            }
        }
        if RequestAccess.matches(request) {
            return (RequestAccess.handle(env, state: &state), delay)
        }
        if case .denied(let response) = AuthGate.check(env, family: family, state: state) {
            return (withBudgetHeaders(response, state: state), delay)
        }
        if let wait = state.bucket.take(callCost, now: env.now) {
            var response = family == .rest ? LegacyErrors.tooManyRequests(env) : ProblemDetails.tooManyRequests(env)
            response.setHeader("Retry-After", String(wait))
            return (withBudgetHeaders(response, state: state), delay)
        }
        if let refusal = RequestBodyCheck.refusal(env, family: family) {
            return (withBudgetHeaders(refusal, state: state), delay)
        }
        var cacheKey: String?
        if request.isWrite, let key = request.header("idempotency-key"), !key.isEmpty {
            let scope = request.header("x-agreementgranttoken") ?? ""
            cacheKey = scope + "\u{1F}" + key
            if let cached = state.idempotency.lookup(cacheKey!, now: env.now) {
                return (withBudgetHeaders(cached, state: state), delay)
            }
        }
        let response = family == .rest ? RESTRouter.handle(env, state: &state) : ProjectsRouter.handle(env, state: &state)
        if let cacheKey { state.idempotency.store(cacheKey, response, now: env.now) }
        return (withBudgetHeaders(response, state: state), delay)
    }

    static func withBudgetHeaders(_ response: EmulatorResponse, state: EmulatorState) -> EmulatorResponse {
        var response = response
        response.setHeader("X-CallCost", String(callCost))
        response.setHeader("X-RateLimiting", state.bucket.header)
        response.setHeader("X-EconomicVersion", "emulator")
        return response
    }
}
