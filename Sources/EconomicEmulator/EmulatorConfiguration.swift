import Foundation

/// Settings of an ``EconomicEmulator``: which tokens are valid, the rate limit,
/// the clock and the random seed.
///
/// ```swift
/// var configuration = EmulatorConfiguration()
/// configuration.rateLimit = 5            // five calls per window, then 429
/// configuration.clock = ManualClock()    // tests move time by hand
/// ```
public struct EmulatorConfiguration: Sendable {
    /// App secret tokens (`X-AppSecretToken`) the emulator accepts.
    public var appSecretTokens: Set<String> = ["emulator-app-secret"]
    /// Agreement grant tokens (`X-AgreementGrantToken`) valid from the start.
    public var grantTokens: Set<String> = ["emulator-grant"]
    /// Public app tokens `requestaccess.aspx` knows (each install issues a new grant).
    public var appPublicTokens: Set<String> = ["emulator-app-public"]
    /// Whether `demo`/`demo` (or `?demo=true`) gives read-only access.
    public var demoEnabled = true
    /// Token-bucket size: calls allowed per ``rateWindow``.
    public var rateLimit = 10_000
    /// Token-bucket window in seconds.
    public var rateWindow: TimeInterval = 60
    /// How long an `Idempotency-Key` replays its first response, in seconds.
    public var idempotencyWindow: TimeInterval = 3600
    /// Items per Projects API cursor page (e-conomic: 1000).
    public var cursorPageSize = 1000
    /// Whether the agreement has the Projects module (without it the Projects API answers 403).
    public var projectsModule = true
    /// The time source.
    public var clock: any EmulatorClock = SystemClock()
    /// Seed of the random source (log ids, grant tokens); nil picks one at random.
    public var randomSeed: UInt64?
    /// The company name `GET /self` reports.
    public var companyName = "Mobilplan Demo ApS"

    /// The default configuration; see each property.
    public init(clock: any EmulatorClock = SystemClock(), randomSeed: UInt64? = nil) {
        self.clock = clock
        self.randomSeed = randomSeed
    }
}
