import Foundation
import TestSupport
import Testing

/// The emulator's answers validate against e-conomic's published schemas
/// (draft-03 JSON schemas for REST, the OpenAPI spec for the Projects API),
/// checked by `scripts/conformance.py` with Python's jsonschema.
@Suite("Emulator conformance")
struct ConformanceTests {
    @Test("every served endpoint validates against e-conomic's schemas")
    func schemas() throws {
        let cli = try CLI()
        let (emulator, base) = try ConnectCommandTests.startEmulator(cli)
        defer { emulator.terminate() }
        let shared = Golden.repository.deletingLastPathComponent().appendingPathComponent("shared/economic").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Golden.repository.appendingPathComponent("scripts/conformance.py").path, base, shared]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.contains("30 passed, 0 failed"), "\(output)")
    }
}
