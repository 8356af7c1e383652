import Foundation
import Snapshot
import Testing

/// Ctrl-C during `sync` or `reconcile`: econsync says what had finished and
/// what to run (in words, or with `--json` as the convention's error object on
/// standard output), exits 130, and the next run finishes the work without
/// sending anything twice.
@Suite("econsync: Ctrl-C")
struct InterruptCommandTests {
    @Test("SIGINT during sync says, in Danish under --lang da, which modules had finished and what to run (exit 130); the next sync sends the hours once")
    func syncInterrupted() async throws {
        try await ConnectedCLI.with { connected in
            try await connected.importApprovedHours("6.25")
            let interrupted = try await Self.interruptAtProjectEntries(connected, ["sync", "--force", "--lang", "da"])
            let stderr = interrupted.stderr
            #expect(interrupted.status == 130, "\(stderr)")
            #expect(stderr.hasSuffix("\nafbrudt: Kunder, Enheder, Varer, Timetyper, Projekter var færdige; Projektregistreringer blev afbrudt undervejs. "
                                     + "Intet er tabt, og intet sendes to gange: `econsync sync` gør det færdigt (en afbrudt afsendelse afklares først)\n"),
                    "\(stderr)")
            let again = try await connected.run(["sync", "--force"])
            #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
            #expect(connected.emulator.records(kind: "timeEntry").filter { $0.data["numberOfHours"] == .number("6.25") }.count == 1)
        }
    }

    @Test("with --json, SIGINT during sync prints {\"error\": {\"code\": \"interrupted\", …}} on standard output: the modules finished, the one cut off, what to run; in English under --lang da too")
    func syncInterruptedJSON() async throws {
        try await ConnectedCLI.with { connected in
            try await connected.importApprovedHours("6.75")
            let interrupted = try await Self.interruptAtProjectEntries(connected, ["sync", "--force", "--json", "--lang", "da"])
            #expect(interrupted.status == 130, "\(interrupted.stdout)\(interrupted.stderr)")
            #expect(interrupted.stderr.isEmpty, "\(interrupted.stderr)")
            let error = try #require(try CanonicalJSON.parse(interrupted.stdout)["error"], "\(interrupted.stdout)")
            #expect(error["code"]?.stringValue == "interrupted" && error["exitStatus"]?.intValue == 130, "\(interrupted.stdout)")
            #expect(error["progress"]?["finished"] == .array(["customers", "units", "products", "hourTypes", "projects"].map(JSONValue.string)),
                    "\(interrupted.stdout)")
            #expect(error["progress"]?["cutOff"]?.stringValue == "projectEntries", "\(interrupted.stdout)")
            #expect(error["remedy"]?["action"]?.stringValue == "finishSync", "\(interrupted.stdout)")
            #expect(error["remedy"]?["text"]?.stringValue == "`econsync sync` finishes it (a cut-off push is settled first)", "\(interrupted.stdout)")
            #expect(error["message"]?.stringValue == "interrupted: customers, units, products, hourTypes, projects had finished; "
                    + "projectEntries was cut off. Nothing is lost and nothing is sent twice: `econsync sync` finishes it (a cut-off push is settled first)",
                    "\(interrupted.stdout)")
            #expect(JSONConventionCommandTests.problems(.object(["error": error])).isEmpty)

            let again = try await connected.run(["sync", "--force"])
            #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
            #expect(connected.emulator.records(kind: "timeEntry").filter { $0.data["numberOfHours"] == .number("6.75") }.count == 1)
        }
    }

    @Test("with --json, SIGINT during reconcile's apply prints the error object: operations done of the plan's, and --resume to run; --resume finishes it")
    func reconcileInterruptedJSON() async throws {
        let (expected, requests) = try await ReconcileCommandTests.reference.value
        try await ConnectedCLI.with { connected in
            try await ReconcileCommandTests.fieldWork(connected)
            // The reconcile's last request is one of its pushes: the apply waits for its answer.
            connected.emulator.holdAnswer(toRequest: requests)
            let interrupted = try await Self.interrupt(connected, ["reconcile", "--json"])
            #expect(interrupted.status == 130, "\(interrupted.stdout)\(interrupted.stderr)")
            #expect(interrupted.stderr.isEmpty, "\(interrupted.stderr)")
            let error = try #require(try CanonicalJSON.parse(interrupted.stdout)["error"], "\(interrupted.stdout)")
            #expect(error["code"]?.stringValue == "interrupted" && error["exitStatus"]?.intValue == 130, "\(interrupted.stdout)")
            let done = try #require(error["progress"]?["done"]?.intValue, "\(interrupted.stdout)")
            #expect(error["progress"]?["total"]?.intValue == 27 && done < 27, "\(interrupted.stdout)")
            #expect(error["remedy"]?["action"]?.stringValue == "resumeReconcile", "\(interrupted.stdout)")
            #expect(error["remedy"]?["text"]?.stringValue?.contains("`econsync reconcile --resume`") == true, "\(interrupted.stdout)")
            #expect(error["message"]?.stringValue == "interrupted after \(done) of 27 operations: `econsync reconcile --resume` finishes the run; "
                    + "nothing is sent twice", "\(interrupted.stdout)")

            let resumed = try await connected.expect(["reconcile", "--resume"])
            #expect(resumed.contains("0 failed"), "\(resumed)")
            #expect(connected.state() == expected)
        }
    }

    /// Runs `econsync ARGUMENTS` (a sync of every module) and interrupts it mid-sync, not after a guessed delay:
    /// the modules before projectEntries make as many requests again as a sync of them alone just made
    /// (nothing changed since), so the answer held is the first projectEntries asks for, and the sync waits for it.
    static func interruptAtProjectEntries(_ connected: ConnectedCLI, _ arguments: [String]) async throws -> CLI.Result {
        let before = connected.emulator.requestCount
        try await connected.expect(["sync", "units", "customers", "products", "hourTypes", "projects", "--force"])
        connected.emulator.holdAnswer(toRequest: connected.emulator.requestCount - before + 1)
        return try await interrupt(connected, arguments)
    }

    /// Starts `econsync` with `arguments`, sends it SIGINT once the emulator holds the answer it
    /// waits for (the hold armed by the caller), and returns what it printed; the hold is released.
    static func interrupt(_ connected: ConnectedCLI, _ arguments: [String]) async throws -> CLI.Result {
        let output = Pipe(), errors = Pipe()
        let process = try connected.cli.launch(arguments, output: output, errors: errors)
        // Should the command end without meeting the held answer, the hold is released so the wait ends.
        let exited = Task { [emulator = connected.emulator] in
            try await ConnectedCLI.offPool { process.waitUntilExit() }
            emulator.releaseHeldAnswer()
        }
        await connected.emulator.heldAnswerReached()
        kill(process.processIdentifier, SIGINT)
        let (stdout, stderr) = try await ConnectedCLI.offPool { () -> (String, String) in
            (String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self),
             String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
        }
        try await exited.value
        connected.emulator.releaseHeldAnswer()
        return CLI.Result(status: process.terminationStatus, stdout: stdout, stderr: stderr, signalled: process.terminationReason == .uncaughtSignal)
    }
}
