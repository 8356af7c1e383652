import ArgumentParser
import Economic
import Foundation
import Sync
import Replica

/// `econsync connect`: step 1 of the setup, connecting to an e-conomic agreement.
struct Connect: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: Speech.say("Forbind til en e-conomic-aftale: godkend adgangen i en browser, og godkendelsen gemmes (tilstand 0600).",
                             "Connect to an e-conomic agreement: approve access in a browser, and the grant is stored (mode 0600)."),
        discussion: Examples.text("econsync connect --app-secret-token-file ~/secret.txt", Examples.noted("econsync connect --app-secret-token-file F --no-browser", "skriv adressen", "print the address"), after: Speech.say("""
            econsync skriver e-conomics installationsadresse (og åbner en browser, når den kan), modtager \
            godkendelsen på en engangslytter på 127.0.0.1, kontrollerer den med GET /self og gemmer den i \
            DATA-DIR/credentials.json, som kun du kan læse. Tokens skrives aldrig ud.
            """, """
            econsync prints e-conomic's installation address (and opens a browser when it can), receives the \
            grant on a one-shot listener on 127.0.0.1, checks it with GET /self, and stores it in \
            DATA-DIR/credentials.json, readable by you only. Tokens are never printed.
            """)))

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var options: ConnectOptions

    func run() async throws {
        if global.credentialsFile.exists {
            let stored = try global.credentialsFile.load()
            throw CommandFailure("allerede forbundet (\(stored)); brug `econsync reconnect` eller `econsync disconnect`",
                                "already connected (\(stored)); use `econsync reconnect` or `econsync disconnect`")
        }
        try await ConnectRun(global: global, output: output, options: options, stored: nil).perform()
    }
}

/// `econsync reconnect`: a new grant for the connected agreement (after "Token expired").
struct Reconnect: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: Speech.say("Godkend adgangen igen, efter e-conomic svarede \"Token udløbet\"; den forbundne aftale beholdes.",
                             "Approve access again after e-conomic answered \"Token expired\"; keeps the connected agreement."),
            discussion: Examples.text("econsync reconnect", "econsync reconnect --no-browser --timeout 600"))

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var options: ConnectOptions

    func run() async throws {
        guard global.credentialsFile.exists else {
            throw CommandFailure("ikke forbundet til e-conomic; kør `econsync connect`", "not connected to e-conomic; run `econsync connect`")
        }
        let stored = try global.credentialsFile.load()
        try await ConnectRun(global: global, output: output, options: options, stored: stored).perform()
    }
}

/// One connect or reconnect: get a grant, check it, store it, report.
struct ConnectRun {
    let global: GlobalOptions
    let output: OutputOptions
    let options: ConnectOptions
    /// The connection being renewed, for a reconnect.
    let stored: CredentialsFile.Connection?

    struct Report: Encodable {
        var agreement: Int
        var company: String?
        var credentials: String
        var apiCalls: Int
    }

    func perform() async throws {
        let flow = try options.flow(stored: stored)
        let token = try await options.grantToken(flow)
        let connection = try await flow.connect(grantToken: token, now: Timestamp.string(try GlobalOptions.clock()()))
        try global.workspace().store(connection, replacing: stored)
        let file = global.credentialsFile
        let report = Report(agreement: connection.agreementNumber, company: connection.companyName, credentials: file.path, apiCalls: 1)
        if output.json { return try Output.json(report) }
        let company = connection.companyName.map { " (\($0))" } ?? ""
        print(Speech.say("\(stored == nil ? "forbundet" : "forbundet igen") til e-conomic-aftale \(connection.agreementNumber)\(company); "
                         + "adgangsoplysninger i \(file.path) (rettigheder 0600); 1 API-kald",
                         "\(stored == nil ? "connected" : "reconnected") to e-conomic agreement \(connection.agreementNumber)\(company); "
                         + "credentials in \(file.path) (mode 0600); 1 API call"))
    }
}

/// `econsync disconnect`: forgets the stored connection.
struct Disconnect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: Speech.say("Glem den gemte forbindelse til e-conomic (sletter filen med adgangsoplysninger).",
                             "Forget the stored connection to e-conomic (deletes the credentials file)."),
            discussion: Examples.text("econsync disconnect", "econsync disconnect --department 2"))

    @OptionGroup(visibility: .hidden) var global: GlobalOptions

    func run() throws {
        let file = global.credentialsFile
        let agreement = (try? file.load()).map { String($0.agreementNumber) }
        guard try file.remove() else {
            print(Speech.say("ikke forbundet til e-conomic", "not connected to e-conomic"))
            return
        }
        print(Speech.say("afbrudt\(agreement.map { " fra e-conomic-aftale \($0)" } ?? ""); \(file.path) er slettet",
                         "disconnected\(agreement.map { " from e-conomic agreement \($0)" } ?? ""); \(file.path) deleted"))
    }
}
