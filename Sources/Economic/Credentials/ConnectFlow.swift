import Foundation

/// Step 1 of the setup wizard: ask e-conomic for a grant, learn the agreement
/// with `GET /self`, and store the connection.
///
/// ```swift
/// let flow = ConnectFlow(appPublicToken: publicToken, appSecretToken: secretToken)
/// let url = flow.requestAccessURL(redirectURL: listener.redirectURL)
/// let connection = try await flow.connect(grantToken: token, now: "2026-11-02T08:00:00Z")
/// ```
public struct ConnectFlow: Sendable {
    /// e-conomic's installation page, unless configured otherwise.
    public static let defaultAuthBaseURL = "https://secure.e-conomic.com"

    public var appPublicToken: String
    public var appSecretToken: String
    public var authBaseURL = ConnectFlow.defaultAuthBaseURL
    public var restBaseURL = Economic.defaultRESTBaseURL
    public var projectsBaseURL = Economic.defaultProjectsBaseURL
    /// The language of e-conomic's pages: da-DK, sv-SE, nb-NO or en-US.
    public var locale = "da-DK"
    public var transport: any HTTPTransport = CurlTransport()

    public init(appPublicToken: String, appSecretToken: String) {
        self.appPublicToken = appPublicToken
        self.appSecretToken = appSecretToken
    }

    /// The `requestaccess.aspx` address to open in a browser.
    public func requestAccessURL(redirectURL: String) -> String {
        var base = authBaseURL
        if base.hasSuffix("/") { base.removeLast() }
        return "\(base)/secure/api1/requestaccess.aspx?appPublicToken=\(EconomicClient.encode(appPublicToken))"
            + "&redirectUrl=\(EconomicClient.encode(redirectURL))&locale=\(EconomicClient.encode(locale))"
    }

    /// Checks the grant with `GET /self` and returns the connection to store.
    public func connect(grantToken: String, now: String) async throws -> CredentialsFile.Connection {
        var configuration = EconomicClient.Configuration()
        configuration.restBaseURL = restBaseURL
        configuration.projectsBaseURL = projectsBaseURL
        let client = EconomicClient(credentials: EconomicCredentials(appSecretToken: appSecretToken, grantToken: grantToken),
                                    configuration: configuration, transport: transport)
        let response: EconomicResponse
        do {
            response = try await client.send(.get, .rest, "/self", module: "connect")
        } catch let error as EconomicError where error.code == .tokenExpired {
            // A grant just given cannot have expired: it was not accepted (mistyped, or for another app).
            throw EconomicError(.grantNotAccepted, status: error.status, message: error.message, request: error.request)
        }
        let agreement: REST.Agreement
        do {
            agreement = try response.decode(REST.Agreement.self)
        } catch {
            throw EconomicError(.badResponse, status: response.status, message: "GET /self answered something that is not an agreement", request: "GET /self")
        }
        var connection = CredentialsFile.Connection(
            appSecretToken: appSecretToken, grantToken: grantToken, agreementNumber: agreement.agreementNumber,
            companyName: agreement.company?.name, restBaseURL: restBaseURL, projectsBaseURL: projectsBaseURL, connectedAt: now)
        connection.appPublicToken = appPublicToken.isEmpty ? nil : appPublicToken
        connection.authBaseURL = authBaseURL
        return connection
    }
}
