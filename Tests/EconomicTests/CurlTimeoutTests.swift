import Economic
import EconomicEmulator
import Foundation
import Testing

/// The libcurl transport never waits forever: an answer that stops coming is
/// given up at the idle-read limit, as a timeout the client retries and a
/// sync reports as e-conomic being unreachable.
@Suite("libcurl transport: idle-read limit")
struct CurlTimeoutTests {
    @Test("an answer that never comes ends in a timeout error at the idle-read limit, not a hang; the emulator answers the next request")
    func idleRead() async throws {
        let emulator = try EconomicEmulator(snapshotPath: ClientAgainstEmulatorTests.demo)
        try await emulator.serving { port in
            var configuration = CurlTransport.Configuration()
            configuration.lowSpeedTime = 2
            let transport = CurlTransport(configuration: configuration)
            let request = HTTPRequest(method: "GET", url: "http://127.0.0.1:\(port)/units", headers: [
                ("X-AppSecretToken", "emulator-app-secret"), ("X-AgreementGrantToken", "emulator-grant"),
            ])
            emulator.holdAnswer(toRequest: 1)
            let held = await #expect(throws: TransportError.self) { try await transport.send(request) }
            #expect(held?.code == .timeout, "\(String(describing: held))")
            emulator.releaseHeldAnswer()
            // The next request, through a transport with the usual limit: a loaded machine (CI runs many suites
            // at once on two cores) once took longer than the short limit to answer it.
            let answered = try await CurlTransport().send(request)
            #expect(answered.status == 200)
        }
    }
}
