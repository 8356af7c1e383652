import Vocabulary
import Economic
import EconomicEmulator
import Foundation
import Reconcile
import Replica
import Snapshot
import Sync
import Synchronization
import TestSupport

/// A test clock that moves on a minute every time it is read.
final class TickingClock: Sendable {
    private let current: Mutex<Date>
    init(_ start: Date = Timestamp.date("2026-11-29T08:00:00Z")!) { current = Mutex(start) }
    func now() -> Date { current.withLock { $0 += 60; return $0 } }
    func advance(_ seconds: TimeInterval) { current.withLock { $0 += seconds } }
}

/// A replica and a snapshot store in a temporary directory, reconciled with an
/// emulator seeded from the demo agreement over real HTTP on loopback.
final class ReconcileHarness: @unchecked Sendable {
    static let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Snapshots/demo-agreement.ndjson.gz").path

    let directory: TemporaryDirectory
    let replica: ReplicaStore
    let store: SnapshotStore
    let emulator: EconomicEmulator
    let client: EconomicClient
    let clock = TickingClock()
    /// The emulator's port on loopback.
    let port: Int

    /// A transport that loses the answer to the `cutAfterWrites`-th write (the
    /// write reaches e-conomic, the caller sees a reset connection), as a
    /// network dying at the worst moment would.
    final class CuttingTransport: HTTPTransport, @unchecked Sendable {
        let inner = CurlTransport()
        let lock = NSLock()
        var writes = 0
        var cutAfterWrites: Int?

        func send(_ request: HTTPRequest) async throws -> HTTPResponse {
            let response = try await inner.send(request)
            guard request.method != "GET" else { return response }
            let cut = lock.withLock { () -> Bool in
                writes += 1
                return writes == cutAfterWrites
            }
            if cut { throw TransportError(.connection, "connection reset after the request was sent", url: request.url) }
            return response
        }
    }

    let transport = CuttingTransport()

    /// Runs `body` with a harness whose emulator serves the demo agreement,
    /// then stops the emulator whether `body` returned or threw; returns what
    /// `body` returned.
    static func with<Result>(pageSize: Int = 1000, emulatorClock: any EmulatorClock = SystemClock(),
                             _ body: (ReconcileHarness) async throws -> Result) async throws -> Result {
        let emulator = try EconomicEmulator(snapshotPath: Self.demo, configuration: EmulatorConfiguration(clock: emulatorClock))
        return try await emulator.serving { port in
            try await body(try ReconcileHarness(emulator: emulator, port: port, pageSize: pageSize))
        }
    }

    private init(emulator: EconomicEmulator, port: Int, pageSize: Int) throws {
        directory = try TemporaryDirectory("econsync-reconcile")
        let clock = self.clock
        replica = try ReplicaStore.open(at: directory.file(ReplicaStore.fileName), create: true, now: { clock.now() })
        store = SnapshotStore(dataDirectory: directory.url, replica: replica)
        self.emulator = emulator
        self.port = port
        var configuration = EconomicClient.Configuration()
        configuration.restBaseURL = "http://127.0.0.1:\(port)"
        configuration.projectsBaseURL = "http://127.0.0.1:\(port)/projectsapi/v1.1.0"
        configuration.retry = RetryPolicy(maxAttempts: 1, baseDelay: 0.001, maxDelay: 0.01)
        configuration.pageSize = pageSize
        client = EconomicClient(credentials: EconomicCredentials(appSecretToken: "emulator-app-secret", grantToken: "emulator-grant"),
                                configuration: configuration, transport: transport, environment: SleepRecorder().environment)
    }

    func reconciliation(full: Bool = false) -> Reconciliation {
        var reconciliation = Reconciliation(store: store, client: client, agreement: emulator.agreement, now: { [clock] in clock.now() })
        reconciliation.full = full
        return reconciliation
    }

    /// Takes a snapshot into the store and plans against it.
    func plan(full: Bool = false) async throws -> (Plan, Reconciliation.Taken) {
        let reconciliation = reconciliation(full: full)
        let taken = try await reconciliation.takeSnapshot()
        return (try await reconciliation.plan(taken), taken)
    }

    /// Snapshot, plan, apply.
    @discardableResult
    func reconcile() async throws -> (Plan, ApplyReport) {
        let (plan, _) = try await plan()
        return (plan, try await reconciliation().apply(plan))
    }

    /// A workspace over the harness's directory, connected to its emulator
    /// through a credentials file as `econsync connect` leaves it; its clock
    /// is the harness's ticking one unless `now` is given.
    func workspace(now: (@Sendable () -> Date)? = nil) throws -> Workspace {
        let workspace = Workspace(directory: directory.url, now: now ?? { [clock] in clock.now() })
        try workspace.store(CredentialsFile.Connection(
            appSecretToken: "emulator-app-secret", grantToken: "emulator-grant", agreementNumber: emulator.agreement, companyName: nil,
            restBaseURL: "http://127.0.0.1:\(port)", projectsBaseURL: "http://127.0.0.1:\(port)/projectsapi/v1.1.0",
            connectedAt: "2026-11-29T08:00:00Z"), replacing: nil)
        return workspace
    }

    /// The local id of the row of `kind` with e-conomic key `key`.
    func localID(_ kind: Kind, _ key: String) throws -> Int64 {
        try replica.rowIDs(kind, foreignKeys: [key])[key]!
    }
}
