import Economic
import Foundation
import Replica

extension CredentialsFile.Connection {
    /// A read-write connection to an emulator on loopback `port`, with the
    /// tokens every emulator grants: what `econsync connect` would store after
    /// the user approved access.
    ///
    /// ```swift
    /// try workspace.store(.emulator(agreement: emulator.agreement, port: port), replacing: nil)
    /// ```
    public static func emulator(agreement: Int, port: Int, companyName: String? = nil) -> Self {
        let base = "http://127.0.0.1:\(port)"
        return Self(appSecretToken: "emulator-app-secret", grantToken: "emulator-grant", agreementNumber: agreement,
                    companyName: companyName, restBaseURL: base, projectsBaseURL: base + "/projectsapi/v1.1.0",
                    connectedAt: Timestamp.string(Date()))
    }
}
