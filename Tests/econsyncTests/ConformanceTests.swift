import Foundation
import TestSupport
import Testing

/// The emulator's answers validate against e-conomic's published schemas
/// (draft-03 JSON schemas for REST, the OpenAPI spec for the Projects API),
/// checked by `scripts/conformance.py` with Python's jsonschema; and its
/// answers match the answers recorded from the real e-conomic
/// (`scripts/replay.py`), every remaining difference explained.
@Suite("Emulator conformance")
struct ConformanceTests {
    static let shared = Golden.repository.deletingLastPathComponent().appendingPathComponent("shared/economic").path

    /// Runs `scripts/NAME` against an emulator started with `emulatorArguments`; its exit status and output.
    static func script(_ name: String, emulatorArguments: [String] = [], _ arguments: [String] = []) throws -> (Int32, String) {
        let cli = try CLI()
        let (emulator, base) = try ConnectCommandTests.startEmulator(cli, emulatorArguments)
        defer { emulator.terminate() }
        return try python(name, [base, shared] + arguments)
    }

    /// Runs `scripts/NAME ARGUMENTS` with python3; its exit status and output.
    static func python(_ name: String, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Golden.repository.appendingPathComponent("scripts/\(name)").path] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    /// The number after `label` in `output`'s last line that has it.
    static func figure(_ label: String, in output: String) -> Int? {
        guard let line = output.split(separator: "\n").last(where: { $0.contains(label) }),
              let range = line.range(of: label) else { return nil }
        return Int(line[range.upperBound...].prefix { $0.isNumber })
    }

    @Test("every kind of answer, before and after 500 seeded valid and invalid writes, validates against e-conomic's schemas")
    func schemas() throws {
        let (status, output) = try Self.script("conformance.py", ["--writes", "500"])
        #expect(status == 0, "\(output.suffix(4000))")
        let checked = try #require(Self.figure("answers checked: ", in: output), "\(output.suffix(2000))")
        #expect(checked >= 150)
        #expect(Self.figure("failed: ", in: output) == 0)
        let invalid = try #require(Self.figure("valid, ", in: output))
        #expect(invalid > 100, "the random writes include many invalid ones")
        #expect(output.contains("\(invalid) invalid refused"), "every invalid write is refused: \(output.suffix(2000))")
    }

    @Test("the answers recorded from the real e-conomic, replayed: the same fields, every difference explained")
    func replay() throws {
        let (status, output) = try Self.script("replay.py", emulatorArguments: ["--empty"])
        #expect(status == 0, "\(output)")
        let compared = try #require(Self.figure("recordings compared: ", in: output), "\(output)")
        #expect(compared >= 25)
        #expect(Self.figure("unexplained: ", in: output) == 0, "\(output)")
        #expect(output.contains("same        layouts.json"), "\(output)")
    }

    @Test("the schemas compiled into the emulator are e-conomic's published ones")
    func embeddedSchemas() throws {
        let (status, output) = try Self.python("embed_schemas.py", [Self.shared, "--check"])
        #expect(status == 0 && output.contains("matches"), "\(output)")
    }
}
