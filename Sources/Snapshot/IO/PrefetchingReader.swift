import Foundation

/// A ``SnapshotReader`` (or a delta's ``SnapshotChain``) that decompresses, splits and verifies on a thread of
/// its own, a batch of lines ahead of the caller, so that two snapshots
/// compared side by side are decoded on two cores at once.
///
/// ```swift
/// let old = try PrefetchingReader(path: base), new = try PrefetchingReader(path: latest)
/// try SnapshotDiff.pairs(old, new) { a, b in … }
/// ```
public final class PrefetchingReader: @unchecked Sendable {
    // Safety: the mutable buffers are read and written only while holding `condition`, and
    // `reader` is used only by the prefetching thread after `init`.
    /// The underlying reader; only the prefetching thread touches it after `init`.
    let reader: any RecordLineSource
    public let path: String
    public let header: SnapshotHeader

    private let condition = NSCondition()
    private var batches: [[RecordLine]] = []
    private var finished = false
    private var failure: (any Error)?
    private var cancelled = false
    private var current: [RecordLine] = []
    private var index = 0

    static let batchSize = 1024
    static let maxBatches = 3

    /// Opens `path`, reads its header, and starts reading ahead (see
    /// ``SnapshotReader/init(path:strict:checksDigest:)`` for `checksDigest`).
    public init(path: String, checksDigest: Bool = true) throws {
        reader = try SnapshotChain.open(path, checksDigest: checksDigest)
        self.path = path
        header = reader.header
        let thread = Thread { [self] in produce() }
        thread.stackSize = 1 << 20
        thread.start()
    }

    deinit {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    private func produce() {
        var batch: [RecordLine] = []
        batch.reserveCapacity(Self.batchSize)
        do {
            while let line = try reader.next() {
                batch.append(line)
                if batch.count == Self.batchSize {
                    guard hand(over: batch) else { return }
                    batch = []
                    batch.reserveCapacity(Self.batchSize)
                }
            }
            _ = hand(over: batch, last: true)
        } catch {
            condition.lock()
            failure = error
            finished = true
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Queues a batch, waiting while the queue is full; false once the consumer has gone.
    private func hand(over batch: [RecordLine], last: Bool = false) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= Self.maxBatches && !cancelled { condition.wait() }
        if cancelled { return false }
        if !batch.isEmpty { batches.append(batch) }
        if last { finished = true }
        condition.broadcast()
        return true
    }

    /// The next record line, or nil at the end (after the trailer was verified).
    public func next() throws -> RecordLine? {
        if index < current.count {
            index += 1
            return current[index - 1]
        }
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !finished { condition.wait() }
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
