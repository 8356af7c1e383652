import Foundation
import Snapshot

/// Reproducible trouble for the API routes: with the same seed the n-th request
/// always meets the same fate. Set with `POST /_emulator/faults`
/// `{"seed":7,"latencyMs":20,"errorRate":0.1,"dropRate":0.05,"throttleBurst":3,"throttleRate":0.05,"throttleHints":"mixed"}`.
struct FaultInjector: Sendable {
    /// What happens to one request.
    enum Fate: Equatable, Sendable {
        case pass
        /// Answered with this 5xx status.
        case serverError(Int)
        /// The connection is closed without a response.
        case drop
        /// Answered 429 (part of a burst): hinted with `Retry-After` and
        /// `X-RateLimiting`, or, as e-conomic does at times, with neither.
        case throttle(retryAfter: Bool)
    }

    let seed: UInt64
    let latencyMs: Int
    let errorRate: Double
    let dropRate: Double
    /// Length of a 429 burst (0: no bursts).
    let throttleBurst: Int
    /// Chance that a burst starts at a request.
    let throttleRate: Double
    let throttleHints: ThrottleHints
    private var random: SplitMix64
    private var burstLeft = 0
    private var burstHinted = true
    private(set) var decided = 0

    init(seed: UInt64, latencyMs: Int = 0, errorRate: Double = 0, dropRate: Double = 0, throttleBurst: Int = 0, throttleRate: Double? = nil,
         throttleHints: ThrottleHints = .mixed) {
        self.seed = seed
        self.latencyMs = max(0, latencyMs)
        self.errorRate = min(1, max(0, errorRate))
        self.dropRate = min(1, max(0, dropRate))
        self.throttleBurst = max(0, throttleBurst)
        self.throttleRate = min(1, max(0, throttleRate ?? (throttleBurst > 0 ? 0.05 : 0)))
        self.throttleHints = throttleHints
        random = SplitMix64(seed: seed)
    }

    /// Reads the control API's JSON; nil with a reason when it is malformed.
    static func from(_ json: JSONValue) -> (FaultInjector?, String?) {
        guard case .object(let fields) = json else { return (nil, "the body must be a JSON object") }
        let known: Set<String> = ["seed", "latencyMs", "errorRate", "dropRate", "throttleBurst", "throttleRate", "throttleHints"]
        if let unknown = fields.keys.first(where: { !known.contains($0) }) { return (nil, "unknown setting '\(unknown)'") }
        guard let seed = fields["seed"]?.intValue else { return (nil, "seed (a whole number) is required") }
        func rate(_ name: String) -> Double? { fields[name]?.doubleValue }
        for name in ["errorRate", "dropRate", "throttleRate"] {
            if let value = rate(name), !(0...1).contains(value) { return (nil, "\(name) must be between 0 and 1") }
        }
        var hints = ThrottleHints.mixed
        if let value = fields["throttleHints"] {
            guard let parsed = value.stringValue.flatMap(ThrottleHints.init(rawValue:)) else {
                return (nil, "throttleHints must be one of \(ThrottleHints.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            hints = parsed
        }
        return (FaultInjector(seed: UInt64(bitPattern: seed), latencyMs: Int(fields["latencyMs"]?.intValue ?? 0),
                              errorRate: rate("errorRate") ?? 0, dropRate: rate("dropRate") ?? 0,
                              throttleBurst: Int(fields["throttleBurst"]?.intValue ?? 0), throttleRate: rate("throttleRate"),
                              throttleHints: hints), nil)
    }

    /// The fate of the next request.
    mutating func decide() -> Fate {
        decided += 1
        let roll = random.unit()
        let statusRoll = random.next()
        let burstRoll = random.unit()
        if burstLeft > 0 {
            burstLeft -= 1
            return .throttle(retryAfter: burstHinted)
        }
        if roll < dropRate { return .drop }
        if roll < dropRate + errorRate { return .serverError([500, 502, 503][Int(statusRoll % 3)]) }
        if throttleBurst > 0, burstRoll < throttleRate {
            burstLeft = throttleBurst - 1
            switch throttleHints {
            case .mixed: burstHinted = statusRoll & 0x100 == 0
            case .always: burstHinted = true
            case .never: burstHinted = false
            }
            return .throttle(retryAfter: burstHinted)
        }
        return .pass
    }

    /// The settings as JSON (for `GET /_emulator/state`).
    var json: JSONValue {
        .object(["seed": .int(Int64(bitPattern: seed)), "latencyMs": .int(Int64(latencyMs)), "errorRate": Self.number(errorRate),
                 "dropRate": Self.number(dropRate), "throttleBurst": .int(Int64(throttleBurst)),
                 "throttleRate": Self.number(throttleRate), "throttleHints": .string(throttleHints.rawValue), "requestsDecided": .int(Int64(decided))])
    }

    static func number(_ value: Double) -> JSONValue {
        .number(CanonicalJSON.canonicalNumber(String(value)) ?? "0")
    }
}
