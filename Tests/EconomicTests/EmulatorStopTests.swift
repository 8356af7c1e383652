import Economic
import EconomicEmulator
import Foundation
import Testing

/// Stopping the emulator while clients are still talking to it: what is in
/// flight is answered, the rest is refused, and the process goes on (a
/// cancelled server once dropped connections it had accepted and not yet
/// served, which NIO reports by stopping the process).
@Suite("emulator: stop with requests in flight")
struct EmulatorStopTests {
    @Test("stop() while a request is held and twenty more are on their way: the held one is answered, every other ends answered or refused, and the server is closed", arguments: 1...3)
    func stopInFlight(round: Int) async throws {
        let emulator = try EconomicEmulator(snapshotPath: ClientAgainstEmulatorTests.demo)
        let port = try await emulator.start()
        let request = HTTPRequest(method: "GET", url: "http://127.0.0.1:\(port)/units", headers: [
            ("X-AppSecretToken", "emulator-app-secret"), ("X-AgreementGrantToken", "emulator-grant"),
        ])
        emulator.holdAnswer(toRequest: 1)
        let held = Task { try await CurlTransport().send(request) }
        await emulator.heldAnswerReached()
        let others = (0..<20).map { _ in Task { try? await CurlTransport().send(request) } }
        await emulator.stop()
        #expect(try await held.value.status == 200, "the request in flight is answered, not cut off")
        for other in others {
            if let answer = await other.value { #expect(answer.status == 200) }
        }
        #expect(emulator.port == nil)
        await #expect(throws: TransportError.self) { try await CurlTransport().send(request) }
    }
}
