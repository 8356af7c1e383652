import Foundation

/// Compresses a ``GzipWriter``'s input on a thread of its own, so that the
/// one who writes (formatting, hashing, indexing records) and zlib work on
/// two cores at once. Filled buffers are handed over in order and compressed
/// in that order, at most all but one of the buffers behind; an emptied
/// buffer comes back to be filled again.
///
/// ```swift
/// let thread = DeflateThread(deflater, adopting: input, buffers: 3, size: 128 * 1024)
/// input = try thread.hand(input, count: filled)   // an empty buffer back
/// try thread.drain()                              // all compressed, the thread gone
/// ```
final class DeflateThread: @unchecked Sendable {
    // Safety: `queue`, `spare`, `closing`, `ended` and `failure` are read and written only while
    // holding `condition`. `deflater` is used by the thread from `init` until it sets `ended`, and by
    // no one else in that time (the writer touches it again only after `drain()` saw `ended`). A queued
    // buffer belongs to the thread until it is back in `spare`.
    private let condition = NSCondition()
    private let deflater: GzipDeflater
    private var queue: [(buffer: UnsafeMutablePointer<UInt8>, count: Int)] = []
    private var spare: [UnsafeMutablePointer<UInt8>]
    private var closing = false
    private var ended = false
    private var failure: GzipError?
    /// Every buffer, for the writer to release once the thread has ended.
    let buffers: [UnsafeMutablePointer<UInt8>]

    /// Starts the thread; it owns `first` (the buffer the writer is filling) and `count - 1` more of `size` bytes.
    init(_ deflater: GzipDeflater, adopting first: UnsafeMutablePointer<UInt8>, buffers count: Int, size: Int) {
        self.deflater = deflater
        spare = (1..<max(count, 2)).map { _ in UnsafeMutablePointer<UInt8>.allocate(capacity: size) }
        buffers = [first] + spare
        let thread = Thread { [self] in run() }
        thread.name = "econsync.gzip"
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Queues the first `count` bytes of `buffer` and returns an empty
    /// buffer, waiting for one while all are queued; throws what stopped the thread.
    func hand(_ buffer: UnsafeMutablePointer<UInt8>, count: Int) throws(GzipError) -> UnsafeMutablePointer<UInt8> {
        condition.lock()
        defer { condition.unlock() }
        if let failure { throw failure }
        queue.append((buffer, count))
        condition.broadcast()
        while spare.isEmpty && failure == nil { condition.wait() }
        if let failure { throw failure }
        return spare.removeLast()
    }

    /// Waits until every queued buffer is compressed and the thread has ended; throws what stopped it.
    func drain() throws(GzipError) {
        condition.lock()
        defer { condition.unlock() }
        closing = true
        condition.broadcast()
        while !ended { condition.wait() }
        if let failure { throw failure }
    }

    private func run() {
        while true {
            condition.lock()
            while queue.isEmpty && !closing { condition.wait() }
            guard let (buffer, count) = queue.first else {
                ended = true
                condition.broadcast()
                condition.unlock()
                return
            }
            let failed = failure != nil
            condition.unlock()
            var thrown: GzipError?
            if !failed {
                do { try deflater.compress(buffer, count: count) } catch { thrown = error }
            }
            condition.lock()
            queue.removeFirst()
            spare.append(buffer)
            if failure == nil { failure = thrown }
            condition.broadcast()
            condition.unlock()
        }
    }
}
