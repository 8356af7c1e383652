import Foundation
import Replica
import Testing

@Suite("Crash safety")
struct CrashSafetyTests {
    /// Reads the child's output until it has reported `count` commits (or 60 s pass); returns the last count seen.
    static func waitForCommits(_ pipe: Pipe, count: Int) -> Int {
        var buffer = ""
        var last = 0
        let deadline = Date().addingTimeInterval(60)
        while last < count && Date() < deadline {
            let data = pipe.fileHandleForReading.availableData
            if data.isEmpty { break }
            buffer += String(decoding: data, as: UTF8.self)
            let lines = buffer.split(separator: "\n", omittingEmptySubsequences: false)
            for line in lines.dropLast() where line.hasPrefix("committed ") {
                last = Int(line.dropFirst("committed ".count)) ?? last
            }
            buffer = String(lines.last ?? "")
        }
        return last
    }

    @Test("a writer killed with SIGKILL leaves a consistent file that kept every acknowledged commit",
          arguments: [(1, 40), (2, 90), (3, 160)] as [(UInt64, Int)])
    func sigkill(seed: UInt64, commits: Int) throws {
        let cli = try CLI()
        let out = Pipe()
        let process = try cli.launch(["bench", "churn", "--seed", String(seed)], output: out)
        let acknowledged = Self.waitForCommits(out, count: commits)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL)
        #expect(acknowledged >= commits, "the writer was still writing when it was killed")

        let store = try ReplicaStore.open(at: cli.home.appendingPathComponent(ReplicaStore.fileName))
        #expect(try store.consistencyProblems() == [])
        let stored = Int(try store.setting("churn.commits") ?? "0") ?? 0
        #expect(stored >= acknowledged, "a commit the writer reported is missing after the crash")
        #expect(try store.latestChangeSequence() > 0)
        let check = try cli.run(["local", "check"])
        #expect(check.status == 0 && check.stdout == "replica is consistent\n")
    }
}
