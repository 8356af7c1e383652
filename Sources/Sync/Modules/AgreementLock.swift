import Foundation
import Replica
import Synchronization

/// One process at a time pulls from or pushes to an agreement: a lock on a
/// file in the data directory (`agreement.lock`, `agreement-2.lock` for
/// department 2), held while a reconcile, a module run, an order export or a
/// snapshot is taken. The operating system releases it when the process ends,
/// however it ends (kill -9 included), so a lock is never left behind.
/// Within one process the lock is re-entrant: a module run that reconciles
/// holds it once.
///
/// ```swift
/// try AgreementLock(replica: replica).holding { try await reconcile() }
/// // in another process meanwhile: SyncError(.busy, "running in another process (pid 4711) …")
/// ```
public struct AgreementLock: Sendable {
    /// The lock file.
    public let path: String

    public init(replica: ReplicaStore) {
        let name = replica.department.map { "agreement-\($0).lock" } ?? "agreement.lock"
        path = replica.url.deletingLastPathComponent().appendingPathComponent(name).path
    }

    /// Runs `body` holding the lock; throws ``SyncError`` `.busy` naming the
    /// other process when it holds the lock.
    public func holding<T>(_ body: () async throws -> T) async throws -> T {
        try acquire()
        defer { release() }
        return try await body()
    }

    /// The same, for synchronous work.
    public func holding<T>(_ body: () throws -> T) throws -> T {
        try acquire()
        defer { release() }
        return try body()
    }

    /// Descriptors and hold counts of the locks this process holds, by path.
    private static let held = Mutex<[String: (descriptor: Int32, count: Int)]>([:])

    func acquire() throws {
        // A lock whose file holds no pid is being released: its holder truncated the file and is
        // closing it, or a process this one is spawning still shares the descriptor for the moment
        // before it execs. Either lasts microseconds, so it is tried again for up to half a second.
        for _ in 0..<Self.attemptsWhileReleasing {
            if try attempt() { return }
            usleep(5_000)
        }
        throw SyncError(.busy, .locked(pid: nil))
    }

    /// How often a lock being released is tried.
    static let attemptsWhileReleasing = 100

    /// Takes the lock: true when taken, false when it is being released; throws
    /// ``SyncError`` `.busy` naming the process that holds it.
    private func attempt() throws -> Bool {
        try Self.held.withLock { held in
            if let current = held[path] {
                held[path] = (current.descriptor, current.count + 1)
                return true
            }
            let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else {
                throw SyncError(.failed, "cannot open the lock file \(path): \(String(cString: strerror(errno)))")
            }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
                let holder = Self.holder(descriptor)
                close(descriptor)
                guard let holder else { return false }
                throw SyncError(.busy, .locked(pid: String(holder)))
            }
            // One write of a fixed width over whatever a killed holder left: a reader sees a whole pid.
            let pid = Array(String(getpid()).padding(toLength: 12, withPad: " ", startingAt: 0).utf8) + [0x0A]
            _ = pwrite(descriptor, pid, pid.count, 0)
            held[path] = (descriptor, 1)
            return true
        }
    }

    func release() {
        Self.held.withLock { held in
            guard let current = held[path] else { return }
            if current.count > 1 {
                held[path] = (current.descriptor, current.count - 1)
                return
            }
            _ = ftruncate(current.descriptor, 0)
            close(current.descriptor)  // releases the flock
            held[path] = nil
        }
    }

    /// The pid the holder wrote into the lock file.
    private static func holder(_ descriptor: Int32) -> Int? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        return Int(String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
