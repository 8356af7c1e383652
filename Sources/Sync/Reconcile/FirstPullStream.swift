import Blocking
import Foundation
import Reconcile
import Snapshot
import Synchronization
import Vocabulary

/// A ``FirstPull`` written while e-conomic's pages still arrive: each page
/// of a kind that qualifies goes, as the pull has parsed it, to a thread
/// that writes the kind's rows in one transaction, committed once the kind
/// is pulled whole. The pull and the writing overlap, and the snapshot is not
/// read back and parsed again for them. The pull does not wait for a kind's
/// commit: the next kind's pages (whose transaction begins once it is
/// committed) and the snapshot's writing go on meanwhile, and ``settle()``
/// waits for every commit before the snapshot is indexed.
///
/// The kinds are pulled in dependency order, so what a record refers to is
/// in the replica before it. A kind the replica refuses (a record it
/// cannot take) is rolled back and left to the plan, as ``FirstPull`` does;
/// a pull that fails rolls back the kind it was writing, and a kind whose
/// writing fails otherwise (a full disk) fails the pull when it is settled. A
/// kind committed keeps its rows, which equal e-conomic's: the next run's plan
/// finds nothing to do for them (as after a crash between kinds).
///
/// ```swift
/// let stream = FirstPullStream(pull: pull, kinds: try pull.kinds(snapshotKinds: notInBase))
/// puller.firstPull = stream         // the puller hands it each page
/// let entry = try await puller.take(…)   // settles the stream before it indexes the snapshot
/// stream.written                    // [.customer: 100_000, …]
/// ```
final class FirstPullStream: Sendable {
    /// Pages waiting for the writer before the pull waits for it.
    static let pagesAhead = 4

    private let pull: FirstPull
    private let mappings: [Kind: KindMapping]
    /// The kind being written.
    private let current = Mutex<KindWrite?>(nil)
    /// Kinds pulled whole whose commit ``settle()`` has not waited for yet, in pull order.
    private let ended = Mutex<[KindWrite]>([])
    private let loaded = Mutex<[Kind: Int]>([:])

    init(pull: FirstPull, kinds: [KindMapping]) {
        self.pull = pull
        mappings = Dictionary(uniqueKeysWithValues: kinds.map { ($0.kind, $0) })
    }

    /// The records written per kind so far (a kind refused or without records is not in it).
    var written: [Kind: Int] { loaded.withLock { $0 } }

    /// Whether `kind`'s pages are written as they arrive.
    func writes(_ kind: Kind) -> Bool { mappings[kind] != nil }

    /// One page of `kind`, as pulled; starts the kind's transaction at its
    /// first page. `expected`: the records of the whole kind, when e-conomic says.
    func receive(_ records: [Record], of kind: Kind, expected: Int?) async {
        guard let mapping = mappings[kind] else { return }
        let write = current.withLock { current -> KindWrite in
            if let current, current.kind == kind { return current }
            let started = KindWrite(kind: kind)
            current = started
            started.start(pull, mapping, expected: expected)
            return started
        }
        await write.queue.put(records)
    }

    /// The kind is pulled whole (its work file kept): its writer commits once it has written the last page.
    func finish(_ kind: Kind) {
        guard let write = take(kind) else { return }
        write.queue.end()
        ended.withLock { $0.append(write) }
    }

    /// Waits for the kinds pulled whole to be committed, in the order they
    /// were pulled; throws the first one's error (a kind refused is not one:
    /// it is left out of ``written``). Every kind is waited for, even after an error.
    func settle() async throws {
        let writes = ended.withLock { ended in
            defer { ended.removeAll() }
            return ended
        }
        var failure: (any Error)?
        for write in writes {
            await write.ended()
            do {
                guard let count = try write.result.withLock({ $0! }).get(), count > 0 else { continue }
                loaded.withLock { $0[write.kind] = count }
                CrashPoint.reached(.firstPulled)
            } catch {
                if failure == nil { failure = error }
            }
        }
        if let failure { throw failure }
    }

    /// The pull of `kind` failed: waits for its rows to be rolled back.
    func abandon(_ kind: Kind) async {
        guard let write = take(kind) else { return }
        write.queue.abandon()
        await write.ended()
    }

    /// The write of `kind` if it is the current one, no longer current; nil when no page of it came.
    private func take(_ kind: Kind) -> KindWrite? {
        current.withLock { current -> KindWrite? in
            guard let started = current, started.kind == kind else { return nil }
            current = nil
            return started
        }
    }
}

/// One kind's rows being written on a thread of its own from the pages in its queue.
private final class KindWrite: Sendable {
    let kind: Kind
    let queue = PageQueue(limit: FirstPullStream.pagesAhead)
    /// Signalled when the thread has ended, its result set.
    let done = DispatchSemaphore(value: 0)
    let result = Mutex<Result<Int?, any Error>?>(nil)

    init(kind: Kind) {
        self.kind = kind
    }

    /// Returns once the thread has ended (its result set), waiting on a thread of its own.
    func ended() async {
        _ = try? await Blocking.wait(named: "econsync.first-pull-wait") { [done] in done.wait() }
    }

    func start(_ pull: FirstPull, _ mapping: KindMapping, expected: Int?) {
        let thread = Thread { [self] in
            var page: [Record] = []
            var index = 0
            let written = Result {
                try pull.write(mapping, expected: expected) {
                    while index == page.count {
                        guard let next = try queue.take() else { return nil }
                        (page, index) = (next, 0)
                    }
                    defer { index += 1 }
                    return page[index]
                }
            }
            // Refused or failed: the pull goes on without waiting for a taker.
            queue.close()
            // The kind's pages, parsed on the pull's thread and freed on this one, are not kept resident into the next kind.
            FreedMemory.giveBack()
            result.withLock { $0 = written }
            done.signal()
        }
        thread.name = "econsync.first-pull"
        thread.stackSize = 1 << 20
        thread.start()
    }
}
