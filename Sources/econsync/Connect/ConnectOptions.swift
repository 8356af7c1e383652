import ArgumentParser
import Economic
import Foundation
import Sync

/// Where e-conomic is and which app econsync acts as; shared by connect and reconnect.
struct ConnectOptions: ParsableArguments {
    @Option(name: .customLong("app-public-token"), help: .say(
        "Appens offentlige token (standard: $ECONSYNC_APP_PUBLIC_TOKEN).",
        "The app's public token (default: $ECONSYNC_APP_PUBLIC_TOKEN)."))
    var appPublicToken: String?

    @Option(name: .customLong("app-secret-token-file"),
            help: .say(
                "En fil med appens hemmelige token (standard: $ECONSYNC_APP_SECRET_TOKEN eller den gemte forbindelses).",
                "A file holding the app's secret token (default: $ECONSYNC_APP_SECRET_TOKEN, or the stored connection's)."))
    var appSecretTokenFile: String?

    @Option(name: .customLong("auth-url"), help: .say(
        "e-conomics installationsvært (standard: \(ConnectFlow.defaultAuthBaseURL)).",
        "e-conomic's installation host (default: \(ConnectFlow.defaultAuthBaseURL))."))
    var authURL: String?

    @Option(name: .customLong("rest-url"), help: .say(
        "e-conomics REST-API (standard: \(Economic.defaultRESTBaseURL)).",
        "e-conomic's REST API (default: \(Economic.defaultRESTBaseURL))."))
    var restURL: String?

    @Option(name: .customLong("projects-url"), help: .say(
        "e-conomics Projects-API (standard: \(Economic.defaultProjectsBaseURL)).",
        "e-conomic's Projects API (default: \(Economic.defaultProjectsBaseURL))."))
    var projectsURL: String?

    @Flag(name: .customLong("grant-token-stdin"), help: .say(
        "Læs aftalens grant token fra standard input i stedet for at åbne en browser.",
        "Read the agreement grant token from standard input instead of opening a browser."))
    var grantTokenFromStdin = false

    @Flag(name: .customLong("no-browser"), help: .say("Skriv kun den adresse, der skal åbnes.", "Only print the address to open."))
    var noBrowser = false

    @Option(help: .say("Antal sekunder, der ventes på e-conomics svar.", "Seconds to wait for e-conomic's answer.")) var timeout: Double = 600

    static let environment = ProcessInfo.processInfo.environment

    /// The app's secret token: from the file, the environment, or a stored connection.
    func appSecretToken(stored: CredentialsFile.Connection?) throws -> String {
        if let appSecretTokenFile {
            guard let text = FileManager.default.contents(atPath: appSecretTokenFile).map({ String(decoding: $0, as: UTF8.self) }) else {
                throw CommandFailure("kan ikke læse filen med appens hemmelige token \(appSecretTokenFile)",
                                    "cannot read the app secret token file \(appSecretTokenFile)")
            }
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if let token = Self.environment["ECONSYNC_APP_SECRET_TOKEN"], !token.isEmpty { return token }
        if let stored { return stored.appSecretToken }
        throw CommandFailure("intet hemmeligt app-token: sæt $ECONSYNC_APP_SECRET_TOKEN, eller angiv --app-secret-token-file FIL",
                            "no app secret token: set $ECONSYNC_APP_SECRET_TOKEN or give --app-secret-token-file FILE")
    }

    /// The flow, with the options applied over a stored connection's URLs.
    func flow(stored: CredentialsFile.Connection?) throws -> ConnectFlow {
        let publicToken = appPublicToken ?? Self.environment["ECONSYNC_APP_PUBLIC_TOKEN"].flatMap { $0.isEmpty ? nil : $0 } ?? stored?.appPublicToken
        guard grantTokenFromStdin || publicToken?.isEmpty == false else {
            throw CommandFailure("intet offentligt app-token: angiv --app-public-token TOKEN, eller sæt $ECONSYNC_APP_PUBLIC_TOKEN",
                                "no app public token: give --app-public-token TOKEN or set $ECONSYNC_APP_PUBLIC_TOKEN")
        }
        var flow = ConnectFlow(appPublicToken: publicToken ?? "", appSecretToken: try appSecretToken(stored: stored))
        flow.authBaseURL = authURL ?? stored?.authBaseURL ?? ConnectFlow.defaultAuthBaseURL
        flow.restBaseURL = restURL ?? stored?.restBaseURL ?? Economic.defaultRESTBaseURL
        flow.projectsBaseURL = projectsURL ?? stored?.projectsBaseURL ?? Economic.defaultProjectsBaseURL
        flow.transport = CurlTransport(configuration: try GlobalOptions.transport())
        return flow
    }

    /// Gets a grant token: from standard input, or through the browser and a loopback listener.
    func grantToken(_ flow: ConnectFlow) async throws -> String {
        if grantTokenFromStdin {
            let token = (readLine(strippingNewline: true) ?? "").trimmingCharacters(in: .whitespaces)
            guard !token.isEmpty else { throw CommandFailure("intet grant-token på standard input", "no grant token on standard input") }
            return token
        }
        let listener = try LoopbackListener()
        let url = flow.requestAccessURL(redirectURL: listener.redirectURL)
        // Written straight to the descriptor: a script reading our output must see the address now.
        FileHandle.standardOutput.write(Data("Open this address in a browser and approve econsync's access to your e-conomic agreement:\n\(url)\n".utf8))
        if !noBrowser { Self.openBrowser(url) }
        Output.info("waiting for approval in the browser… Ctrl-C cancels")
        return try await listener.token(timeout: timeout)
    }

    static func openBrowser(_ url: String) {
        guard environment["DISPLAY"] != nil || environment["WAYLAND_DISPLAY"] != nil,
              FileManager.default.isExecutableFile(atPath: "/usr/bin/xdg-open") else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/xdg-open")
        process.arguments = [url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try? process.run()
    }
}

extension GlobalOptions {
    /// The credentials file of the data directory: one per department when
    /// each department has its own e-conomic agreement.
    var credentialsFile: CredentialsFile {
        Workspace(directory: directory, department: department).credentialsFile
    }
}
