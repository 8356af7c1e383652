import Foundation
import Snapshot
import Synchronization

/// Pages of records between a pull (asynchronous, on Swift's pool) and the
/// thread that writes them into the replica: the pull suspends, not blocks,
/// while `limit` pages wait; the writer blocks on its own thread.
///
/// ```swift
/// let queue = PageQueue(limit: 4)
/// await queue.put(records)          // the pull, page by page
/// queue.end()
/// while let page = try queue.take() { … }   // the writer's thread
/// ```
final class PageQueue: Sendable {
    /// Thrown to the taker when the pull was abandoned: the writer rolls back.
    struct Abandoned: Error {}

    private struct State {
        var pages: [[Record]] = []
        var abandoned = false
        /// The taker has gone: pages are dropped and the pull never waits.
        var closed = false
        /// The pull, waiting for room.
        var waiting: CheckedContinuation<Void, Never>?
    }

    private let state = Mutex(State())
    /// Counts what the taker has to look at: each page put, and the end.
    private let ready = DispatchSemaphore(value: 0)
    private let limit: Int

    init(limit: Int) {
        self.limit = limit
    }

    /// Adds `page`; suspends while `limit` pages wait for the taker.
    func put(_ page: [Record]) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let (added, room) = state.withLock { state -> (Bool, Bool) in
                guard !state.closed else { return (false, true) }
                state.pages.append(page)
                let room = state.pages.count < limit
                if !room { state.waiting = continuation }
                return (true, room)
            }
            if added { ready.signal() }
            if room { continuation.resume() }
        }
    }

    /// No more pages: the taker gets nil after the last one.
    func end() {
        ready.signal()
    }

    /// The pull failed: the taker gets ``Abandoned`` at its next page.
    func abandon() {
        state.withLock { $0.abandoned = true }
        ready.signal()
    }

    /// The next page, nil after the last; blocks until there is one (the writer's own thread only).
    func take() throws -> [Record]? {
        ready.wait()
        let (page, waiting, abandoned) = state.withLock { state -> ([Record]?, CheckedContinuation<Void, Never>?, Bool) in
            if state.abandoned { return (nil, nil, true) }
            guard !state.pages.isEmpty else { return (nil, nil, false) }
            let waiting = state.waiting
            state.waiting = nil
            return (state.pages.removeFirst(), waiting, false)
        }
        waiting?.resume()
        if abandoned { throw Abandoned() }
        return page
    }

    /// The taker is gone (it finished or failed): what waits is dropped, and the pull goes on without waiting.
    func close() {
        let waiting = state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.closed = true
            state.pages = []
            defer { state.waiting = nil }
            return state.waiting
        }
        waiting?.resume()
    }
}
