import Economic
import Foundation
import Replica
import Sync
import Synchronization
import TestSupport
import Testing
import Vocabulary

/// A module run that meets e-conomic's rate limit for longer than its window.
@Suite("Module runner: rate limited without Retry-After")
struct RateLimitedModuleTests {
    /// Answers every request with a bare 429 (no `Retry-After`, no
    /// `X-RateLimiting`) while `throttled`, else passes it on.
    final class ThrottlingTransport: HTTPTransport, Sendable {
        let inner = CurlTransport()
        let throttled = Mutex(true)

        func send(_ request: HTTPRequest) async throws -> HTTPResponse {
            if throttled.withLock({ $0 }) { return .json(429, #"{"message":"Too many requests"}"#) }
            return try await inner.send(request)
        }
    }

    @Test("the run backs off over a minute, then fails as rate limited; other modules are untouched and it runs again when due")
    func failsThenRunsAgain() async throws {
        try await ReconcileScenarioTests.synced { harness in
            let transport = ThrottlingTransport()
            let sleeper = SleepRecorder()
            var configuration = harness.client.configuration
            configuration.retry = RetryPolicy()
            let client = EconomicClient(credentials: harness.client.credentials, configuration: configuration, transport: transport,
                                        environment: sleeper.environment)
            let clock = harness.clock
            let scheduler = ModuleScheduler(replica: harness.replica, now: { clock.now() })
            let runner = ModuleRunner(store: harness.store, client: client, agreement: harness.emulator.agreement, scheduler: scheduler)

            let failed = try await runner.run(.customers, force: false)
            #expect(failed.run?.outcome == .failed && failed.outcome.failed)
            let error = try #require(failed.outcome.error)
            #expect(error.code == .rateLimited && error.message.contains("kept refusing calls with 429 Too Many Requests for over a minute"))
            #expect(error.remedy == .retryLater(after: .rateLimit))
            #expect(sleeper.recorded.reduce(0, +) >= 60)
            let statuses = try harness.replica.moduleStatuses()
            #expect(statuses["customers"]?.state == .failed && statuses["customers"]?.lastErrorKind == "rateLimited")
            #expect(statuses["products"]?.state != .failed)

            transport.throttled.withLock { $0 = false }
            clock.advance(3600)
            #expect(try scheduler.due().contains(.customers))
            let again = try await runner.run(.customers, force: false)
            #expect(again.run?.outcome == .succeeded && again.outcome.error == nil)
            #expect(try harness.replica.moduleStatuses()["customers"]?.state == .idle)
        }
    }
}
