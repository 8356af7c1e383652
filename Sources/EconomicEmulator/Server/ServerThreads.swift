import Foundation
import Synchronization

/// The emulator's own threads, on which a server started in-process runs its
/// tasks (a `TaskExecutor`).
///
/// An emulator started inside another program (a test process, `econsync
/// bench`) must answer even while that program's cooperative threads, as few
/// as the machine has cores, are all blocked waiting for something: a child
/// process that is itself calling the emulator, a synchronous read. On the
/// shared pool such a wait becomes a hang until a timeout; on these threads
/// the answer goes out regardless.
///
/// ```swift
/// Task(executorPreference: ServerThreads.shared) { try await app.run() }
/// ```
final class ServerThreads: TaskExecutor {
    /// The threads every in-process emulator shares; started on first use, they live as long as the process.
    static let shared = ServerThreads(count: 2)

    /// Jobs waiting for a thread, oldest first.
    private let queue = Mutex<[UnownedJob]>([])
    /// Counts the jobs in `queue`: a thread waits on it while there is none.
    private let waiting = DispatchSemaphore(value: 0)

    private init(count: Int) {
        for number in 1...count {
            let thread = Thread { [unowned self] in self.work() }
            thread.name = "econsync.emulator.\(number)"
            thread.start()
        }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.withLock { $0.append(job) }
        waiting.signal()
    }

    /// One thread's life: take the oldest job, run it, wait for the next.
    private func work() -> Never {
        while true {
            waiting.wait()
            let job = queue.withLock { $0.removeFirst() }
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
