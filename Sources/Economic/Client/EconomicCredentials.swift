/// The two tokens every e-conomic request carries: the app's secret token and
/// the agreement's grant token. Its description never shows them.
public struct EconomicCredentials: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    public var appSecretToken: String
    public var grantToken: String

    public init(appSecretToken: String, grantToken: String) {
        self.appSecretToken = appSecretToken
        self.grantToken = grantToken
    }

    /// e-conomic's public, read-only demo agreement.
    public static let demo = EconomicCredentials(appSecretToken: "demo", grantToken: "demo")

    public var description: String { "EconomicCredentials(redacted)" }
    public var debugDescription: String { description }
}
