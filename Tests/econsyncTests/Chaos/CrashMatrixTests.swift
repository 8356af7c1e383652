import EconomicEmulator
import Foundation
import Snapshot
import Testing

extension ChaosTests {
    /// The crash matrix: `kill -9` at every step of an apply and of an order
    /// export, with and without e-conomic forgetting idempotency keys, each
    /// followed by a resume; e-conomic must then hold exactly what an
    /// uninterrupted run leaves, record for record.
    @Suite("Chaos: crash matrix")
    struct CrashMatrixTests {
        /// The pushes of `ReconcileCommandTests.fieldWork`: 8 product creates, 3
        /// product updates, 2 projects, 14 time entries.
        static let pushes = 27

        /// The occurrences of a push step that are tried.
        static let occurrences = Chaos.size(short: [1, 9, 12, 14, 27], whole: Array(1...pushes))

        @Test("reconcile killed at each step, resumed", arguments: [CrashStep.pulled, .marked, .sent, .confirmed])
        func reconcile(step: CrashStep) async throws {
            let expected = try await ReconcileCommandTests.reference.value.state
            var tally = Chaos.Tally("crash matrix, reconcile at \(step.rawValue)")
            for occurrence in step == .pulled ? [1] : Self.occurrences {
                for forget in [false, true] {
                    try await ConnectedCLI.with { connected in
                        try await ReconcileCommandTests.fieldWork(connected)
                        let probe = "\(step.rawValue):\(occurrence)\(forget ? ", keys forgotten" : "")"
                        let killed = try await connected.run(["reconcile"], crashingAt: "\(step.rawValue):\(occurrence)")
                        guard killed.status == SIGKILL else {
                            tally.probe("\(probe): not killed (exit \(killed.status))")
                            return
                        }
                        if forget { connected.emulator.forgetIdempotencyKeys() }
                        let resumed = try await connected.run(["reconcile", "--resume"])
                        let next = try await connected.run(["reconcile", "--json", "--force"])  // the resume ran the modules moments ago
                        if resumed.status != 0 {
                            tally.probe("\(probe): --resume exited \(resumed.status): \(resumed.stderr)")
                        } else if connected.state() != expected {
                            let state = connected.state()
                            tally.probe("\(probe): e-conomic differs from an uninterrupted run: "
                                        + "\(state.filter { !expected.contains($0) }.map { "\($0.kind) \($0.key)" }.prefix(5)) extra")
                        } else if !next.stdout.contains(#""empty" : true"#) {
                            tally.probe("\(probe): the next reconcile still has work: \(next.stdout.prefix(300))")
                        } else {
                            tally.probe(nil)
                        }
                    }
                }
            }
            tally.report("exactly once: \(tally.probes - tally.defects.count) of \(tally.probes)")
        }

        /// What e-conomic holds after `OrderExportCommandTests.fieldWork` is exported without interruption.
        static let orderReference = Task<[Record], any Error> {
            return try await ConnectedCLI.with { connected in
                try await OrderExportCommandTests.fieldWork(connected)
                try await connected.expect(["order", "export", "--project", "e:2"])
                return connected.state()
            }
        }

        @Test("order export killed before and after e-conomic's answer, exported again", arguments: [CrashStep.journaled, .exported])
        func orderExport(step: CrashStep) async throws {
            let expected = try await Self.orderReference.value
            var tally = Chaos.Tally("crash matrix, order export at \(step.rawValue)")
            for forget in [false, true] {
                try await ConnectedCLI.with { connected in
                    try await OrderExportCommandTests.fieldWork(connected)
                    let killed = try await connected.run(["order", "export", "--project", "e:2"], crashingAt: "\(step.rawValue):1")
                    let probe = "\(step.rawValue)\(forget ? ", keys forgotten" : "")"
                    guard killed.status == SIGKILL else {
                        tally.probe("\(probe): not killed (exit \(killed.status)): \(killed.stderr)")
                        return
                    }
                    if forget { connected.emulator.forgetIdempotencyKeys() }
                    let again = try await connected.run(["order", "export", "--project", "e:2"])
                    if again.status != 0 {
                        tally.probe("\(probe): exporting again exited \(again.status): \(again.stderr)")
                    } else if connected.state() != expected {
                        tally.probe("\(probe): e-conomic holds \(connected.emulator.records(kind: "order").count) orders, "
                                    + "expected \(expected.filter { $0.kind == "order" }.count)")
                    } else {
                        tally.probe(nil)
                    }
                }
            }
            tally.report()
        }
    }
}

/// The steps of ``CrashPoint`` as the tests name them (`$ECONSYNC_TEST_CRASH=STEP:N`).
enum CrashStep: String, CaseIterable, Sendable {
    case pulled, marked, sent, confirmed, journaled, exported
}
