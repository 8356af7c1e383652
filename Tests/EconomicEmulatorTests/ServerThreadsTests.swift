import Foundation
import Testing

/// An emulator started inside a program answers on threads of its own: a host
/// whose cooperative threads are all blocked on calls to it (a test waiting
/// for a child process that calls the emulator) still gets every answer.
@Suite("The in-process emulator's own threads")
struct ServerThreadsTests {
    @Test("more blocking calls to the emulator than the cooperative pool has threads: every one is answered")
    func answersWhileThePoolIsBlocked() async throws {
        try await Harness.with { harness in
            let port = harness.port
            let request = HTTPTestClient.compose(method: "GET", path: "/customers?pagesize=1", port: port, headers: harness.client.headers, body: [])
            let calls = ProcessInfo.processInfo.activeProcessorCount + 1
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<calls {
                    // Blocks a cooperative thread on purpose, until the answer or 30 s.
                    group.addTask { try HTTPTestClient.exchange(request, port: port, timeout: 30).status }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses == Array(repeating: 200, count: calls))
        }
    }
}
