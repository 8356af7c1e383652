import EconomicEmulator
import Snapshot
import Testing

/// `X-CallCost` by what a call asks for, taken from the token bucket, and
/// injected 429s with and without e-conomic's hints.
@Suite("Rate limits: call costs and throttling without hints")
struct CallCostTests {
    static let api = "/projectsapi/v1.1.0"

    @Test("a listing page costs 3, a single GET, a count and a write 1, each taken from the bucket")
    func costs() async throws {
        try await Harness.with(configure: { $0.rateLimit = 13; $0.rateWindow = 60 }) { harness in
            let calls: [(method: String, path: String, body: String?, cost: Int)] = [
                ("GET", "/units/1", nil, 1),
                ("GET", "/units", nil, 3),
                ("GET", "/customers/1001/contacts", nil, 3),
                ("GET", "\(Self.api)/Projects", nil, 3),
                ("GET", "\(Self.api)/Projects/count", nil, 1),
                ("POST", "/units", #"{"name":"kasse"}"#, 1),
            ]
            var used = 0
            for call in calls {
                let response = try await harness.client.send(call.method, call.path, body: call.body)
                used += call.cost
                #expect(response.status < 300, "\(call.path)")
                #expect(response.header("X-CallCost") == String(call.cost), "\(call.method) \(call.path)")
                #expect(response.header("X-RateLimiting") == "token-limit-13-per-60-seconds: \(used)/13", "\(call.path)")
            }
            // One token left: a listing page (3) is refused, a single GET (1) still goes.
            let refused = try await harness.client.get("\(Self.api)/TimeEntries/paged")
            #expect(refused.status == 429)
            #expect(refused.header("X-RateLimiting") == "token-limit-13-per-60-seconds: 12/13", "nothing taken")
            let wait = try #require(refused.header("Retry-After").flatMap(Int.init))
            #expect(wait == 10, "two more tokens at 13 per 60 s take 9.2 s: \(wait)")
            let single = try await harness.client.get("/units/1")
            #expect(single.status == 200 && single.header("X-RateLimiting") == "token-limit-13-per-60-seconds: 13/13")
        }
    }

    /// Throttles every call with `hints`.
    static func throttleEverything(_ harness: Harness, hints: String) async throws {
        let settings = #"{"seed":5,"throttleBurst":2,"throttleRate":1,"throttleHints":"\#(hints)"}"#
        let set = try await harness.client.send("POST", "/_emulator/faults", body: settings)
        #expect(set.status == 200 && set.json?["throttleHints"]?.stringValue == hints)
    }

    @Test("throttleHints never: a bare 429 in each family's shape, no Retry-After, no X-RateLimiting, and nothing written")
    func bareThrottle() async throws {
        try await Harness.with { harness in
            try await Self.throttleEverything(harness, hints: "never")
            let before = harness.emulator.records()
            for (method, path, body) in [("GET", "/customers", nil), ("POST", "/units", #"{"name":"kasse"}"#),
                                         ("GET", "\(Self.api)/Projects", nil), ("POST", "\(Self.api)/ProjectGroups", #"{"name":"G","type":1}"#)] {
                let response = try await harness.client.send(method, path, body: body)
                #expect(response.status == 429, "\(path)")
                #expect(response.header("Retry-After") == nil, "\(path)")
                #expect(response.header("X-RateLimiting") == nil, "\(path)")
                #expect(response.header("X-CallCost") == "1", "\(path)")
                if path.hasPrefix(Self.api) {
                    #expect(response.json?["status"]?.intValue == 429 && response.json?["errorCode"]?.stringValue == "TooManyRequests")
                } else {
                    #expect(response.json?["httpStatusCode"]?.intValue == 429 && response.json?["message"]?.stringValue == "Too many requests.")
                }
            }
            #expect(harness.emulator.records() == before)
        }
    }

    @Test("throttleHints always: every 429 has Retry-After and X-RateLimiting; an unknown setting is refused")
    func hintedThrottle() async throws {
        try await Harness.with { harness in
            try await Self.throttleEverything(harness, hints: "always")
            for path in ["/customers", "\(Self.api)/Projects"] {
                let response = try await harness.client.get(path)
                #expect(response.status == 429)
                #expect(response.header("Retry-After") == "1")
                #expect(response.header("X-RateLimiting")?.hasPrefix("token-limit-") == true)
            }
            let bad = try await harness.client.send("POST", "/_emulator/faults", body: #"{"seed":1,"throttleHints":"sometimes"}"#)
            #expect(bad.status == 400)
        }
    }

    @Test("throttleHints mixed (the default): over many bursts some are hinted and some bare, never half of each")
    func mixedThrottle() async throws {
        try await Harness.with { harness in
            #expect(try await harness.client.send("POST", "/_emulator/faults", body: #"{"seed":3,"throttleBurst":1,"throttleRate":1}"#).status == 200)
            var hinted = 0
            var bare = 0
            for _ in 0..<24 {
                let response = try await harness.client.get("/units/1")
                #expect(response.status == 429)
                let retryAfter = response.header("Retry-After") != nil
                #expect(retryAfter == (response.header("X-RateLimiting") != nil), "both hints or neither")
                if retryAfter { hinted += 1 } else { bare += 1 }
            }
            #expect(hinted > 0 && bare > 0)
        }
    }
}

/// The time the emulator spends answering, which `bench sync` subtracts to
/// show what the client itself cost.
@Suite("Service time")
struct ServiceTimeTests {
    @Test("starts at zero, grows with each API request, and not with a control call (wall and processor time)")
    func grows() async throws {
        try await Harness.with { harness in
            #expect(harness.emulator.serviceTime == .zero && harness.emulator.serviceCPUTime == .zero)
            _ = try await harness.client.get("/customers")
            let (one, cpu) = (harness.emulator.serviceTime, harness.emulator.serviceCPUTime)
            #expect(one > .zero && cpu > .zero)
            _ = try await harness.client.get("/_emulator/state")
            #expect(harness.emulator.serviceTime == one && harness.emulator.serviceCPUTime == cpu)
            _ = try await harness.client.get("/units")
            #expect(harness.emulator.serviceTime > one && harness.emulator.serviceCPUTime > cpu)
        }
    }
}
