import Foundation
import Testing
@testable import econsync

/// `econsync run`'s stop: a request ends a wait at once, without polling (the
/// signals themselves are sent to a real `econsync run` in ModuleCommandTests).
@Suite struct StopSignalTests {
    @Test("a wait of an hour ends when a stop is requested, and every later wait ends at once")
    func requestEndsTheWait() async throws {
        let stop = StopSignal(signals: [])
        #expect(!stop.requested)
        async let waited: Void = stop.wait(seconds: 3600)
        stop.request()
        await waited
        #expect(stop.requested)
        await stop.wait(seconds: 3600)
    }

    @Test("a wait with no request ends when its time is up")
    func timeUp() async {
        let stop = StopSignal(signals: [])
        await stop.wait(seconds: 0.01)
        #expect(!stop.requested)
    }
}
