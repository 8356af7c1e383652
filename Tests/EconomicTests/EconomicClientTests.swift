import Economic
import TestSupport
import Foundation
import Testing
import Vocabulary

@Suite("e-conomic client: requests, retries and errors")
struct EconomicClientTests {
    @Test("requests carry both tokens, JSON headers and, for writes, one idempotency key across retries")
    func headersAndIdempotency() async throws {
        let transport = ScriptedTransport([
            .respond(.json(503, #"{"message":"busy"}"#)), .fail(.connection),
            .respond(.json(201, #"{"customerNumber":7}"#, headers: ["location": "https://rest.example/customers/7"])),
        ])
        let sleeper = SleepRecorder()
        let response = try await client(transport, sleeper).send(.post, .rest, "/customers", body: Array("{}".utf8),
                                                                 idempotencyKey: "push-customer-42", module: "customers")
        #expect(response.status == 201 && response.location == "https://rest.example/customers/7")
        let sent = transport.sent
        #expect(sent.count == 3)
        #expect(sent.allSatisfy { $0.header("Idempotency-Key") == "push-customer-42" })
        #expect(sent.allSatisfy { $0.header("X-AppSecretToken") == "app-secret-XYZZY" && $0.header("X-AgreementGrantToken") == "grant-token-PLUGH" })
        #expect(sent[0].header("Content-Type") == "application/json" && sent[0].url == "https://rest.example/customers")
        #expect(sleeper.recorded == [0.375, 0.75], "exponential backoff with the injected jitter")
    }

    @Test("GET requests carry no idempotency key; a generated key stays the same across retries")
    func generatedKey() async throws {
        let transport = ScriptedTransport([.respond(.json(500, "{}")), .respond(.json(200, "{}")), .respond(.json(200, "{}"))])
        let client = client(transport)
        _ = try await client.send(.put, .rest, "/units/1", body: Array("{}".utf8), module: "units")
        _ = try await client.send(.get, .rest, "/units", module: "units")
        let sent = transport.sent
        #expect(sent[0].header("Idempotency-Key") != nil && sent[0].header("Idempotency-Key") == sent[1].header("Idempotency-Key"))
        #expect(sent[2].header("Idempotency-Key") == nil)
    }

    @Test("429 waits at least Retry-After, or the X-RateLimiting window when it is used up")
    func rateLimits() async throws {
        let transport = ScriptedTransport([
            .respond(.json(429, "{}", headers: ["retry-after": "7"])),
            .respond(.json(429, "{}", headers: ["x-ratelimiting": "token-limit-10000-per-60-seconds: 10000/10000"])),
            .respond(.json(200, "{}", headers: ["x-callcost": "3", "x-ratelimiting": "token-limit-10000-per-60-seconds: 12/10000"])),
        ])
        let sleeper = SleepRecorder()
        let client = client(transport, sleeper)
        _ = try await client.send(.get, .rest, "/customers", module: "customers")
        #expect(sleeper.recorded == [7, 60])
        let usage = try #require(client.accounting.snapshot()["customers"])
        #expect(usage.requests == 3 && usage.retries == 2 && usage.callCost == 1 + 1 + 3)
        #expect(client.accounting.rateLimiting == "token-limit-10000-per-60-seconds: 12/10000")
    }

    @Test("4xx validation errors are never retried and carry e-conomic's field errors")
    func validationNotRetried() async throws {
        let body = #"""
        {"message":"Validation error.","developerHint":"Inspect validation errors and correct your request.","logId":"c7ca5bc2","httpStatusCode":400,
         "errors":{"currency":{"errors":[{"errorCode":"E06000","message":"currency does not exist.","value":"ZUL"}]},
                   "lines":[{"arrayIndex":0,"unitNetPrice":{"errors":[{"errorCode":"E04740","message":"unitNetPrice scale cannot be greater then two decimal places."}]}}]},
         "logTime":"2015-03-12T16:44:56"}
        """#
        let transport = ScriptedTransport([.respond(.json(400, body))])
        let error = try await #require(throws: EconomicError.self) {
            try await client(transport).send(.post, .rest, "/orders/drafts", body: Array("{}".utf8), module: "orders")
        }
        #expect(transport.sent.count == 1)
        #expect(error.code == .validation && error.status == 400 && error.logId == "c7ca5bc2" && error.errorCode == "E06000")
        #expect(error.fieldErrors.map(\.field) == ["currency", "lines[0].unitNetPrice"])
        #expect(error.description.contains("currency: currency does not exist. (E06000)"))
    }

    @Test("5xx and dropped connections are retried up to the limit, then reported")
    func exhaustedRetries() async throws {
        let transport = ScriptedTransport(Array(repeating: .respond(.json(502, #"{"message":"Bad gateway"}"#)), count: 10))
        let error = try await #require(throws: EconomicError.self) { try await client(transport).send(.get, .rest, "/units", module: "units") }
        #expect(error.code == .server && transport.sent.count == 6)
        let dropped = ScriptedTransport(Array(repeating: .fail(.connection), count: 10))
        let second = try await #require(throws: EconomicError.self) { try await client(dropped).send(.get, .rest, "/units", module: "units") }
        #expect(second.code == .transport && dropped.sent.count == 6)
        let tls = ScriptedTransport([.fail(.tls)])
        _ = try? await client(tls).send(.get, .rest, "/units", module: "units")
        #expect(tls.sent.count == 1, "a TLS failure is not retried")
    }

    @Test("401 says the token expired and how to reconnect; 403 names the missing module; 409 is a conflict")
    func statusCodes() async throws {
        let expired = try await #require(throws: EconomicError.self) {
            try await client(ScriptedTransport([.respond(.json(401, #"{"message":"Unauthorized","logId":"x"}"#))]))
                .send(.get, .rest, "/self", module: "connect")
        }
        #expect(expired.code == .tokenExpired && expired.remedy == .reconnect && expired.description.hasPrefix("Token expired: "))
        let problem = #"{"type":"x","title":"Missing modules: Project","status":403,"errorCode":"AccessDeniedAgreementMissingModules","traceId":"t1","errors":[]}"#
        let module = try await #require(throws: EconomicError.self) {
            try await client(ScriptedTransport([.respond(.json(403, problem, headers: ["content-type": "application/problem+json"]))]))
                .send(.get, .projects, "/Projects", module: "projects")
        }
        #expect(module.code == .missingModule && module.module == "Project" && module.description.contains("lacks the Project module"))
        let conflict = try await #require(throws: EconomicError.self) {
            try await client(ScriptedTransport([.respond(.json(409, #"{"message":"Update conflict. Version does not match.","property":"version"}"#))]))
                .send(.put, .projects, "/Projects", body: Array("{}".utf8), module: "projects")
        }
        #expect(conflict.code == .conflict)
    }

    @Test("no token appears in any error description")
    func tokensNeverShown() async throws {
        var errors: [String] = []
        for status in [400, 401, 403, 404, 409, 429, 500] {
            let transport = ScriptedTransport(Array(repeating: .respond(.json(status, #"{"message":"nope"}"#)), count: 6))
            do { _ = try await client(transport).send(.get, .rest, "/customers", query: [("filter", "name$eq:x")], module: "m") } catch {
                errors.append(String(describing: error))
            }
        }
        errors.append(String(describing: secret))
        errors.append(String(reflecting: secret))
        #expect(errors.count == 9)
        #expect(errors.allSatisfy { !$0.contains("XYZZY") && !$0.contains("PLUGH") })
    }

    @Test("a replay from e-conomic's idempotency cache is recognised and counted")
    func replay() async throws {
        let transport = ScriptedTransport([.respond(.json(201, #"{"customerNumber":7}"#, headers: ["x-resultfromcache": "true"]))])
        let client = client(transport)
        let response = try await client.send(.post, .rest, "/customers", body: Array("{}".utf8), idempotencyKey: "k", module: "customers")
        #expect(response.fromCache)
        #expect(client.accounting.total.replays == 1)
    }
}
