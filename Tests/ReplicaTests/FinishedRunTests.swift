import Foundation
import Testing
import Vocabulary
@testable import Replica

@Suite("The last finished run a plan counts changes from")
struct FinishedRunTests {
    @Test("over every module, or the latest covering the modules asked for; unfinished runs and other agreements do not count")
    func covering() throws {
        let replica = try TestReplica()
        func run(_ modules: [Module], agreement: Int = 1, sequence: Int64, finished: Bool = true) throws -> Int64 {
            try replica.store.write { writer in
                let run = try writer.startRun(ReconcileRun(agreement: agreement, inputsHash: "h", baseFile: nil, snapshotFile: "s\(sequence)",
                                                           changeSequence: sequence, modules: modules.map(\.rawValue), plan: "{}",
                                                           startedAt: "2026-11-02T08:00:00Z"))
                if finished { try writer.setRunState(run.id!, .finished, finishedAt: "2026-11-02T08:01:00Z") }
                return run.id!
            }
        }
        #expect(try replica.store.lastFinishedRun(agreement: 1, covering: [.customers]) == nil)
        let all = try run([], sequence: 10)
        let customers = try run([.customers], sequence: 20)
        #expect(try replica.store.lastFinishedRun(agreement: 1, covering: [.customers])?.id == customers)
        #expect(try replica.store.lastFinishedRun(agreement: 1, covering: [.customers, .products])?.id == all, "customers alone does not cover products")
        let both = try run([.customers, .products], sequence: 30)
        _ = try run([.products], sequence: 40)
        _ = try run([.customers], sequence: 50, finished: false)
        _ = try run([.customers], agreement: 2, sequence: 60)
        #expect(try replica.store.lastFinishedRun(agreement: 1)?.id == all, "without modules: the last run over every module")
        #expect(try replica.store.lastFinishedRun(agreement: 1, covering: [.customers])?.id == both)
        #expect(try replica.store.lastFinishedRun(agreement: 1, covering: [.customers, .products])?.id == both)
        #expect(try replica.store.lastFinishedRun(agreement: 1, covering: [.units])?.id == all, "a run over every module covers any")
        let later = try run([.customers], sequence: 70)
        #expect(try replica.store.lastFinishedRun(agreement: 1, covering: [.customers])?.changeSequence == 70 && later > both)
    }
}
