import Economic
import TestSupport
import Testing

@Suite("e-conomic client: 429 without Retry-After backs off across the 60-second window")
struct RateLimitBackoffTests {
    static let refused = HTTPResponse.json(429, #"{"message":"Too many requests"}"#)

    @Test("a 429 without any hint is retried until over 60 s were waited, then is a clear rate-limited error")
    func blindBackoff() async throws {
        let transport = ScriptedTransport(Array(repeating: .respond(Self.refused), count: 20))
        let sleeper = SleepRecorder()
        let client = client(transport, sleeper)
        let error = try await #require(throws: EconomicError.self) { try await client.send(.get, .rest, "/products", module: "products") }
        let waited = sleeper.recorded.reduce(0, +)
        #expect(waited >= 60, "waited \(waited) s: \(sleeper.recorded)")
        #expect(waited < 90, "not much past the window: \(sleeper.recorded)")
        #expect(sleeper.recorded.dropLast() == [0.375, 0.75, 1.5, 3], "exponential backoff first")
        #expect(transport.sent.count == 6 && client.accounting.total.retries == 5)
        #expect(error.code == .rateLimited && error.status == 429)
        #expect(error.message.contains("for over a minute (6 tries)") && error.message.hasSuffix(": Too many requests"))
        #expect(error.description.hasPrefix("Rate limited: GET https://rest.example/products: e-conomic kept refusing calls with 429"))
    }

    @Test("with Retry-After the old limit holds: six tries, each at least the asked wait")
    func hinted() async throws {
        let transport = ScriptedTransport(Array(repeating: .respond(.json(429, "{}", headers: ["retry-after": "2"])), count: 20))
        let sleeper = SleepRecorder()
        let error = try await #require(throws: EconomicError.self) {
            try await client(transport, sleeper).send(.get, .rest, "/products", module: "products")
        }
        #expect(transport.sent.count == 6)
        #expect(sleeper.recorded == [2, 2, 2, 3, 6])
        #expect(error.code == .rateLimited && error.message.contains("for 15 s (6 tries)"))
    }

    @Test("the window is the policy's: refusals that stop inside it succeed, 5xx keeps its limit")
    func recovers() async throws {
        let transport = ScriptedTransport(Array(repeating: .respond(Self.refused), count: 5) + [.respond(.json(200, "{}"))])
        let sleeper = SleepRecorder()
        _ = try await client(transport, sleeper).send(.get, .rest, "/products", module: "products")
        #expect(transport.sent.count == 6 && sleeper.recorded.reduce(0, +) >= 60)
        let policy = RetryPolicy(maxAttempts: 3, baseDelay: 1, maxDelay: 30, rateLimitWindow: 10)
        #expect(policy.nextDelay(after: 1, waited: 0, refusal: .rateLimitedWithoutHint, jitter: 0) == 0.5)
        #expect(policy.nextDelay(after: 2, waited: 0.5, refusal: .rateLimitedWithoutHint, jitter: 0) == 9.5, "the last try waits out the window")
        #expect(policy.nextDelay(after: 3, waited: 10, refusal: .rateLimitedWithoutHint, jitter: 0) == nil)
        #expect(policy.nextDelay(after: 3, waited: 4, refusal: .rateLimitedWithoutHint, jitter: 0) == 6, "never given up inside the window")
        #expect(policy.nextDelay(after: 3, waited: 0, refusal: .transient(retryAfter: nil), jitter: 0) == nil)
        #expect(policy.nextDelay(after: 2, waited: 0, refusal: .transient(retryAfter: 7), jitter: 0) == 7)
    }
}
