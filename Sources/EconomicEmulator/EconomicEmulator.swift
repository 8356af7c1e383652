import Foundation
import Synchronization
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Snapshot
import Vocabulary

/// A local HTTP server that behaves like Visma e-conomic for one agreement:
/// legacy REST at the root, the Projects API under `/projectsapi/v1.1.0`, the
/// install URL, and a control API under `/_emulator/`. State lives in memory
/// behind a lock and can be saved as a snapshot.
///
/// ```swift
/// let emulator = try EconomicEmulator(snapshotPath: "Snapshots/demo-agreement.ndjson.gz")
/// let port = try await emulator.start()            // 127.0.0.1, a free port
/// // GET http://127.0.0.1:\(port)/customers with
/// //   X-AppSecretToken: emulator-app-secret, X-AgreementGrantToken: emulator-grant
/// await emulator.stop()
/// try emulator.save(to: "after.ndjson.gz")
/// ```
public final class EconomicEmulator: Sendable {
    /// The agreement number the emulator answers for.
    public let agreement: Int
    /// The settings it was made with.
    public let configuration: EmulatorConfiguration
    /// Records, grants, counters and faults: every request reads and changes them under this lock.
    private let state: Mutex<EmulatorState>
    /// The server started by ``start(host:port:)`` and the port it is bound to.
    private let server = Mutex<(task: Task<Void, any Error>?, port: Int?, group: ServiceGroup?)>((nil, nil, nil))
    /// An answer held back for a test (``holdAnswer(toRequest:)``).
    let hold = AnswerHold()

    /// An emulator holding `seed` (records of any kinds; `kinds` declares kinds that start empty).
    /// A non-empty seed without project groups or supplier groups gets an agreement's standard ones (``StandardRecords``).
    public init(seed: [Record] = [], kinds: [String] = [], agreement: Int = 1_118_081, configuration: EmulatorConfiguration = EmulatorConfiguration()) {
        self.agreement = agreement
        self.configuration = configuration
        state = Mutex(EmulatorState(store: RecordStore(records: StandardRecords.adding(to: seed), kinds: kinds), agreement: agreement,
                                    configuration: configuration))
    }

    /// An emulator seeded from a snapshot file (verified while read, a delta through its bases); its header names the agreement.
    public convenience init(snapshotPath: String, configuration: EmulatorConfiguration = EmulatorConfiguration()) throws {
        let reader = try SnapshotChain.open(snapshotPath)
        var records: [Record] = []
        while let line = try reader.next() {
            records.append(try line.record())
        }
        self.init(seed: records, kinds: reader.header.kinds, agreement: reader.header.agreement, configuration: configuration)
    }

    /// The port the server listens on, once started.
    public var port: Int? { server.withLock { $0.port } }

    /// Runs `body` on the state, under its lock.
    func locked<T: Sendable>(_ body: (inout EmulatorState) -> T) -> T {
        state.withLock { body(&$0) }
    }

    /// Starts serving on `host:port` (port 0 picks a free one) and returns the bound port.
    public func start(host: String = "127.0.0.1", port: Int = 0) async throws -> Int {
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = application(host: host, port: port) { bound in
            continuation.yield(bound)
            continuation.finish()
        }
        // Stopped by a graceful shutdown, not by cancelling: connections accepted and not yet served are served, not dropped.
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: Self.quietLogger))
        // On the emulator's own threads: its answers must not wait for the host program's.
        let task = Task(executorPreference: ServerThreads.shared) {
            defer { continuation.finish() }
            try await group.run()
        }
        for await bound in ports {
            server.withLock { $0 = (task, bound, group) }
            return bound
        }
        try await task.value
        throw EmulatorError("the server stopped before it was listening on \(host):\(port)")
    }

    /// Stops a server started with ``start(host:port:)`` and waits until it is closed.
    /// Requests in flight are answered first; one not answered within
    /// ``stopGrace`` (a client that stopped reading) is cut off.
    public func stop() async {
        let (task, group) = server.withLock { server in
            defer { server = (nil, nil, nil) }
            return (server.task, server.group)
        }
        guard let task else { return }
        hold.release()
        await group?.triggerGracefulShutdown()
        await withTaskGroup(of: Void.self) { waiting in
            waiting.addTask { _ = try? await task.value }
            waiting.addTask {
                guard (try? await Task.sleep(for: Self.stopGrace)) != nil else { return }   // the server closed in time
                task.cancel()
            }
            await waiting.next()
            waiting.cancelAll()
        }
    }

    /// How long ``stop()`` waits for requests in flight.
    static let stopGrace = Duration.seconds(10)

    /// Serves on `host:port` until SIGINT or SIGTERM; `onListening` gets the bound port first.
    public func run(host: String = "127.0.0.1", port: Int = 0, onListening: @escaping @Sendable (Int) -> Void) async throws {
        let app = application(host: host, port: port) { [weak self] bound in
            self?.server.withLock { $0.port = bound }
            onListening(bound)
        }
        try await app.runService()
    }

    private func application(host: String, port: Int, onBound: @escaping @Sendable (Int) -> Void) -> some ApplicationProtocol {
        Application(responder: HTTPBridge(emulator: self),
                           configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "econsync-emulator"),
                           onServerRunning: { channel in onBound(channel.localAddress?.port ?? port) },
                           logger: Self.quietLogger)
    }

    /// The server's logger: only what stops it.
    static var quietLogger: Logger {
        var logger = Logger(label: "econsync.emulator")
        logger.logLevel = .critical
        return logger
    }

    /// Answers one request (the HTTP layer calls this); faults' latency is waited out here.
    func respond(_ request: EmulatorRequest) async -> EmulatorResponse {
        let clock = ContinuousClock()
        var started = clock.now
        var cpuStarted = Self.threadCPUTime()
        var (response, delay, number) = locked { state in
            let before = state.requestCount
            let (response, delay) = RequestPipeline.handle(request, state: &state)
            return (response, delay, state.requestCount > before ? state.requestCount : nil)
        }
        var spent = clock.now - started
        var cpu = Self.threadCPUTime() - cpuStarted
        if delay > 0 { try? await Task.sleep(nanoseconds: UInt64(delay) * 1_000_000) }
        if let number { await hold.pass(number) }
        started = clock.now
        cpuStarted = Self.threadCPUTime()
        if !response.drop, response.body.count > 0, GzipEncoding.accepted(request.header("accept-encoding")),
           let compressed = GzipEncoding.compress(response.body) {
            response.body = compressed
            response.setHeader("Content-Encoding", "gzip")
            response.setHeader("Vary", "Accept-Encoding")
        }
        spent += clock.now - started
        cpu += Self.threadCPUTime() - cpuStarted
        if number != nil {  // the control API's calls are not e-conomic's
            locked { state in
                state.serviceTime += spent
                state.serviceCPUTime += cpu
            }
        }
        return response
    }

    /// Every record, sorted by kind, then key.
    public func records() -> [Record] {
        locked { $0.store.records() }
    }

    /// The records of one kind, sorted by key.
    public func records(kind: String) -> [Record] {
        locked { state in state.store.all(kind).map { Record(kind: kind, key: $0.key, data: $0.data) } }
    }

    /// Edits a record as a user of e-conomic would (stamping `lastUpdated` and
    /// a new object version where e-conomic does); `data` nil deletes it.
    ///
    /// ```swift
    /// emulator.edit(kind: "product", key: .string("10001")) { $0["salesPrice"] = .number("49") }
    /// ```
    public func edit(kind: String, key: RecordKey, _ change: (inout [String: JSONValue]?) -> Void) {
        locked { state in
            var data = state.store.get(kind, key)
            change(&data)
            if let data {
                _ = state.userEdit(kindNamed: kind, key: key, data: data)
            } else {
                state.store.remove(kind, key)
            }
        }
    }

    /// How many API requests were handled (control calls not counted).
    public var requestCount: Int { locked { $0.requestCount } }

    /// The time spent answering API requests so far (handling and
    /// compressing, not injected latency; requests answered side by side each
    /// count): a benchmark shows it beside its own timings, so the emulator's
    /// cost is told apart from the client's.
    public var serviceTime: Duration { locked { $0.serviceTime } }

    /// The processor time the threads answering API requests spent on them so
    /// far (as ``serviceTime``, less any wait for a processor): what a
    /// benchmark subtracts from its process's time to tell the client's own.
    public var serviceCPUTime: Duration { locked { $0.serviceCPUTime } }

    /// The calling thread's processor time so far.
    static func threadCPUTime() -> Duration {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return .seconds(now.tv_sec) + .nanoseconds(now.tv_nsec)
    }

    /// One accepted approval of time entries.
    public struct Approval: Sendable, Equatable {
        public var numbers: [Int64]
        /// 0: end of month or current day; 1: registration date; nil: not given.
        public var bookOn: Int?
    }

    /// The approvals accepted so far (`POST /TimeEntries/approve`), oldest first.
    public var approvals: [Approval] { locked { $0.approvals } }

    /// Registers `token` as a valid agreement grant.
    public func addGrant(_ token: String) {
        locked { state in
            state.grants.insert(token)
            state.revoked.remove(token)
        }
    }

    /// Revokes the grant `token`: requests with it get 401 from now on.
    public func revokeGrant(_ token: String) {
        locked { state in
            state.grants.remove(token)
            state.revoked.insert(token)
        }
    }

    /// Switches on reproducible faults for the API routes (the same `seed` gives the
    /// same sequence of 5xx answers, dropped connections and 429 bursts, hinted as `throttleHints` says).
    public func injectFaults(seed: UInt64, latencyMs: Int = 0, errorRate: Double = 0.1, dropRate: Double = 0.05,
                             throttleBurst: Int = 3, throttleRate: Double? = nil, throttleHints: ThrottleHints = .mixed) {
        let faults = FaultInjector(seed: seed, latencyMs: latencyMs, errorRate: errorRate, dropRate: dropRate,
                                   throttleBurst: throttleBurst, throttleRate: throttleRate, throttleHints: throttleHints)
        locked { $0.faults = faults }
    }

    /// Forgets every idempotency key, as e-conomic may at any time within its
    /// hour (a restart, another node): a repeated write is then executed again.
    public func forgetIdempotencyKeys() {
        locked { $0.idempotency = IdempotencyCache(window: $0.idempotency.window) }
    }

    /// Switches faults off.
    public func clearFaults() {
        locked { $0.faults = nil }
    }

    /// Writes the current state as a snapshot at `path` (whole or not at all); returns its trailer.
    @discardableResult
    public func save(to path: String) throws -> SnapshotTrailer {
        let (records, kinds, now) = locked { ($0.store.records(), $0.store.kinds, $0.now) }
        let header = SnapshotHeader(agreement: agreement, takenAt: Timestamps.iso(now), kinds: kinds)
        let writer = try SnapshotWriter(path: path, header: header)
        for record in records { try writer.append(record) }
        return try writer.finish()
    }
}

/// Why the emulator could not do what was asked.
public struct EmulatorError: CodedError {
    public static let domain = "emulator"
    /// Always `failed`: the message says what went wrong.
    public var code: ErrorCode<EmulatorError> { "failed" }
    /// What went wrong.
    public var message: String
    /// An error with `message`.
    public init(_ message: String) { self.message = message }
    /// The message.
    public func describe(_ wording: any RemedyWording) -> String { message }
}
