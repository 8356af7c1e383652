import Foundation
import Snapshot
import Synchronization
import Testing

/// Values made on a thread of their own reach the taker in order, with the
/// producer's failure after what it made before; a taker that stops stops the producer.
@Suite("Read ahead")
struct ReadAheadTests {
    struct Broken: Error, Equatable { var at: Int }

    @Test("every value arrives in order, across batches and a short last batch")
    func order() throws {
        let ahead = ReadAhead<Int>(name: "test.read-ahead", batchSize: 7, maxBatches: 2) { emit in
            for value in 0..<100 { try emit(value) }
        }
        var taken: [Int] = []
        while let value = try ahead.next() { taken.append(value) }
        #expect(taken == Array(0..<100))
        #expect(try ahead.next() == nil)
    }

    @Test("the producer's error comes after the values it made before it")
    func failure() throws {
        let ahead = ReadAhead<Int>(name: "test.read-ahead", batchSize: 4) { emit in
            for value in 0..<10 { try emit(value) }
            throw Broken(at: 10)
        }
        var taken: [Int] = []
        #expect(throws: Broken(at: 10)) {
            while let value = try ahead.next() { taken.append(value) }
        }
        // Whole batches only: the last two values were not handed over before the failure.
        #expect(taken == Array(0..<8))
    }

    @Test("a taker that stops (cancel, or releasing it) stops the producer at its next hand-over")
    func cancel() throws {
        for release in [false, true] {
            let made = Atomic<Int>(0)
            let stopped = DispatchSemaphore(value: 0)
            var ahead: ReadAhead<Int>? = ReadAhead(name: "test.read-ahead", batchSize: 2, maxBatches: 1) { emit in
                defer { stopped.signal() }
                for value in 0..<1_000_000 {
                    try emit(value)
                    made.add(1, ordering: .relaxed)
                }
            }
            #expect(try ahead?.next() == 0)
            if release { ahead = nil } else { ahead?.cancel() }
            #expect(stopped.wait(timeout: .now() + 30) == .success, "release: \(release)")
            #expect(made.load(ordering: .relaxed) < 10, "release: \(release)")
            if !release {
                // What was handed over before the cancel may still be taken; then nothing.
                var rest = 0
                while try ahead?.next() != nil { rest += 1 }
                #expect(rest < 4)
            }
        }
    }
}
