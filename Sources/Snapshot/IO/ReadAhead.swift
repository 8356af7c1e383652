import Foundation

/// Values produced on a thread of their own, a few batches ahead of the one
/// who takes them: decompressing and parsing on one core while the caller
/// writes on the other. The producer stops (its `emit` throws) once the
/// taker has gone (``cancel()``, or the ``ReadAhead`` is released).
///
/// ```swift
/// let operations = ReadAhead<PlanOperation>(name: "econsync.first-pull") { emit in
///     while let line = try reader.next() { try emit(operation(line)) }
/// }
/// defer { operations.cancel() }
/// while let op = try operations.next() { … }
/// ```
public final class ReadAhead<Element>: Sendable {
    /// What the producing thread holds: not the ``ReadAhead``, whose release is what tells the thread to stop.
    private let channel: Channel<Element>

    /// Starts `produce` on a new thread called `name`; it hands over what it
    /// makes through `emit`, `batchSize` at a time, at most `maxBatches` ahead.
    public init(name: String, batchSize: Int = 1024, maxBatches: Int = 3, produce: @escaping ((Element) throws -> Void) throws -> Void) {
        let channel = Channel<Element>(batchSize: batchSize, maxBatches: maxBatches)
        self.channel = channel
        // Safety: `produce` (and what it captures, an open reader) is handed to the new thread and used there only.
        nonisolated(unsafe) let produce = produce
        let thread = Thread { channel.run(produce) }
        thread.name = name
        thread.stackSize = 1 << 20
        thread.start()
    }

    deinit { channel.cancel() }

    /// Stops the producer at its next hand-over; `next()` returns nil from then on.
    public func cancel() { channel.cancel() }

    /// The next value, or nil at the end; throws what the producer threw.
    public func next() throws -> Element? { try channel.next() }
}

/// The batches between a ``ReadAhead``'s producer and its taker.
private final class Channel<Element>: @unchecked Sendable {
    // Safety: `batches`, `finished`, `failure` and `cancelled` are read and written only
    // while holding `condition`; `current` and `index` only by the taker (`next()`).
    private let condition = NSCondition()
    private var batches: [[Element]] = []
    private var finished = false
    private var failure: (any Error)?
    private var cancelled = false
    private var current: [Element] = []
    private var index = 0
    private let batchSize: Int
    private let maxBatches: Int

    init(batchSize: Int, maxBatches: Int) {
        self.batchSize = batchSize
        self.maxBatches = maxBatches
    }

    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    /// Thrown through the producer once the taker has gone.
    private struct Gone: Error {}

    /// Runs on the producing thread.
    func run(_ produce: ((Element) throws -> Void) throws -> Void) {
        var batch: [Element] = []
        batch.reserveCapacity(batchSize)
        do {
            try produce { element in
                batch.append(element)
                if batch.count == batchSize {
                    guard hand(over: batch) else { throw Gone() }
                    batch = []
                    batch.reserveCapacity(batchSize)
                }
            }
            _ = hand(over: batch, last: true)
        } catch {
            condition.lock()
            failure = error is Gone ? nil : error
            finished = true
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Queues a batch, waiting while the queue is full; false once the taker has gone.
    private func hand(over batch: [Element], last: Bool = false) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= maxBatches && !cancelled { condition.wait() }
        if cancelled { return false }
        if !batch.isEmpty { batches.append(batch) }
        if last { finished = true }
        condition.broadcast()
        return true
    }

    func next() throws -> Element? {
        if index < current.count {
            index += 1
            return current[index - 1]
        }
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !finished && !cancelled { condition.wait() }
        if batches.isEmpty {
            if let failure { throw failure }
            return nil
        }
        current = batches.removeFirst()
        condition.broadcast()
        index = 1
        return current[0]
    }
}
