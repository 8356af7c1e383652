/// Which injected 429 bursts (``EconomicEmulator/injectFaults(seed:latencyMs:errorRate:dropRate:throttleBurst:throttleRate:throttleHints:)``,
/// `POST /_emulator/faults` `"throttleHints"`) tell the client when to come back.
/// Whether e-conomic sends `Retry-After` on a 429 is unconfirmed and a third
/// integrator saw no `X-RateLimiting` at all (REFERENCE §2.7), so a client
/// must cope with both.
public enum ThrottleHints: String, CaseIterable, Sendable {
    /// Half the bursts each, by the seed.
    case mixed
    /// Every burst: `Retry-After` and `X-RateLimiting`.
    case always
    /// No burst: a bare 429 with only `X-CallCost`.
    case never
}
