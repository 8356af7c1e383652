import Economic
import Foundation
import Snapshot
import TestSupport
import Testing

/// `econsync emulator`: the CLI's serve-until-signal mode, as a real child process.
@Suite("econsync emulator")
struct EmulatorCommandTests {
    @Test("prints its address first, serves, and on SIGTERM saves its state and exits 0")
    func serveUntilSignal() async throws {
        let cli = try CLI()
        let saved = cli.outside.appendingPathComponent("saved.ndjson.gz").path
        let (process, base) = try ConnectCommandTests.startEmulator(cli, ["--save-on-exit", saved])
        let units = try await CurlTransport().send(HTTPRequest(method: "GET", url: base + "/units", headers: [
            ("X-AppSecretToken", "emulator-app-secret"), ("X-AgreementGrantToken", "emulator-grant"),
        ]))
        #expect(units.status == 200 && String(decoding: units.body, as: UTF8.self).contains("timer"))
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
        let (header, trailer) = try SnapshotReader.verify(path: saved)
        #expect(header.agreement == 1_118_081 && trailer.counts["customer"] == 30)
    }
}
