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

    @Test("`econsync emulator` outside the repository starts from the embedded demo agreement")
    func emulatorOutsideTheRepository() async throws {
        let cli = try CLI()
        let (process, base) = try ConnectCommandTests.startEmulator(cli, seed: nil, in: cli.home)
        defer { process.terminate() }
        let body = try await Self.get(base + "/customers?pagesize=1000")
        #expect(body.components(separatedBy: "\"customerNumber\"").count - 1 == 30, "the demo agreement's 30 customers")
    }

    @Test("`econsync emulator --customers N --products M` serves a demo agreement of that size; a size of 0 or beside a seed is refused")
    func emulatorAtAnAgreementsSize() async throws {
        let cli = try CLI()
        let (process, base) = try ConnectCommandTests.startEmulator(cli, ["--customers", "1234", "--products", "77"], seed: nil, in: cli.home)
        defer { process.terminate() }
        let customers = try JSONSerialization.jsonObject(with: Data(try await Self.get(base + "/customers?pagesize=1").utf8)) as? [String: Any]
        let products = try JSONSerialization.jsonObject(with: Data(try await Self.get(base + "/products?pagesize=1").utf8)) as? [String: Any]
        #expect((customers?["pagination"] as? [String: Any])?["results"] as? Int == 1234)
        #expect((products?["pagination"] as? [String: Any])?["results"] as? Int == 77)
        let zero = try cli.run(["emulator", "--port", "0", "--customers", "0"])
        #expect(zero.status == 2 && zero.stderr.contains("--customers must be 1 or more") && zero.stdout.isEmpty, "\(zero.stderr)")
        let seeded = try cli.run(["emulator", "--port", "0", "--products", "5", "--empty"])
        #expect(seeded.status == 2 && seeded.stderr.contains("--products builds the agreement; it cannot go with --empty or --seed-snapshot"),
                "\(seeded.stderr)")
    }

    /// The body of a GET of `url` with the emulator's read-write tokens; a status other than 200 fails the test.
    static func get(_ url: String) async throws -> String {
        let response = try await CurlTransport().send(HTTPRequest(method: "GET", url: url, headers: [
            ("X-AppSecretToken", "emulator-app-secret"), ("X-AgreementGrantToken", "emulator-grant"),
        ]))
        #expect(response.status == 200, "GET \(url)")
        return String(decoding: response.body, as: UTF8.self)
    }
}
