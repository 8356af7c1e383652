import Foundation
import Testing

/// `econsync serve --scheduler`: the panel and `econsync run` in one process,
/// the modules run when due without anyone pressing a button.
@Suite("econsync serve --scheduler: the modules run when due beside the panel")
struct ServeSchedulerTests {
    /// Reads `handle` until `text` holds `marker` (or two minutes pass); returns what was read.
    static func read(_ handle: FileHandle, until marker: String, into text: inout String) {
        let deadline = Date().addingTimeInterval(120)
        while !text.contains(marker), Date() < deadline {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
    }

    @Test("the due modules run by themselves and show in /log; a page answers while a module waits for e-conomic; SIGTERM stops it cleanly (status 0, \"stopped\")")
    func scheduled() async throws {
        try await ConnectedCLI.with { connected in
            // Every answer of e-conomic is held from the scheduler's first request on: a module is running, and stays running.
            connected.emulator.holdEveryAnswer(fromRequest: 1)
            let process = Process()
            process.executableURL = CLI.binary
            process.arguments = ["serve", "--port", "0", "--scheduler"]
            process.environment = connected.cli.environment
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            defer {
                connected.emulator.releaseHeldAnswer()
                if process.isRunning { process.terminate() }
                process.waitUntilExit()
            }
            let line = try #require(ConnectCommandTests.readLine(out.fileHandleForReading))
            #expect(line.hasPrefix("serving on http://127.0.0.1:"), "the first line: \(line)")
            let base = String(line.dropFirst("serving on ".count))

            await connected.emulator.heldAnswerReached()
            let (running, html) = try await ServeCommandTests.get(base + "/")
            #expect(running.status == 200 && html.contains("<tr data-module=\"customers\" data-running=\"true\">"), "the page answers while customers runs: \(html)")
            connected.emulator.releaseHeldAnswer()

            let handle = out.fileHandleForReading
            var output = try await ConnectedCLI.offPool { () -> String in
                var text = ""
                Self.read(handle, until: "projectEntries: ", into: &text)
                return text
            }
            #expect(output.hasPrefix("scheduler started"), "\(output)")
            for module in ["customers", "units", "products", "hourTypes", "projects", "projectEntries"] {
                #expect(output.contains("\(module): done"), "\(module) did not run: \(output)")
            }
            let log = try await ServeCommandTests.get(base + "/log?module=customers").text
            #expect(log.components(separatedBy: "<tr data-run=").count == 3, "the first pull's run and the scheduled one: \(log)")
            #expect(log.contains("2026-11-02 08:00 UTC") && !log.contains("tvunget"), "\(log)")
            #expect(try await ServeCommandTests.get(base + "/").text.contains("<tr data-module=\"customers\" data-running=\"false\">"))

            kill(process.processIdentifier, SIGTERM)
            output += try await ConnectedCLI.offPool { String(decoding: handle.readDataToEndOfFile(), as: UTF8.self) }
            process.waitUntilExit()
            #expect(process.terminationStatus == 0 && output.hasSuffix("stopped\n"), "\(process.terminationStatus): \(output)")
            let logged = try String(contentsOfFile: connected.cli.home.appendingPathComponent("run.log").path, encoding: .utf8)
            #expect(logged.contains("customers: done") && logged.hasSuffix("stopped\n"), "run.log has the scheduler's lines: \(logged)")
        }
    }
}
