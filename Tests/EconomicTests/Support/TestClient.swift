import Economic
import TestSupport

let secret = EconomicCredentials(appSecretToken: "app-secret-XYZZY", grantToken: "grant-token-PLUGH")

/// A client of a scripted e-conomic at made-up hosts.
func client(_ transport: ScriptedTransport, _ sleeper: SleepRecorder = SleepRecorder(), pageSize: Int = 1000) -> EconomicClient {
    var configuration = EconomicClient.Configuration()
    configuration.restBaseURL = "https://rest.example"
    configuration.projectsBaseURL = "https://projects.example/projectsapi/v1.1.0"
    configuration.pageSize = pageSize
    return EconomicClient(credentials: secret, configuration: configuration, transport: transport, environment: sleeper.environment)
}
