import Economic
import Foundation
import Logging
import Replica
import Vocabulary

/// One data directory and what econsync keeps in it, for one department: the
/// replica, the snapshot store, the connection to e-conomic, with the clock
/// and the wording of remedies they are used with.
///
/// A front end (the CLI, the admin panel) makes one and asks it for what a
/// command needs, so every front end opens the same things the same way.
///
/// ```swift
/// let workspace = Workspace(directory: home, department: 2)
/// let replica = try workspace.replica()
/// let (client, connection) = try workspace.client()
/// ```
public struct Workspace: Sendable {
    /// The data directory.
    public let directory: URL
    /// The department whose records and connection are used, when each has its own agreement.
    public let department: Int?
    /// The clock every timestamp and schedule reads.
    public let now: @Sendable () -> Date
    /// How remedies are worded in what is stored and mailed (module errors, notifications).
    public var wording: any RemedyWording = NeutralRemedyWording()
    /// Told what opening the directory changed, in words (permissions that were looser).
    public var notes: @Sendable (DataDirectory.Tightened) -> Void = { _ in }
    /// A random number in 0..<1, for the schedule's jitter.
    public var random: @Sendable () -> Double = { Double.random(in: 0..<1) }
    /// Where what is done is logged (what is opened, run and sent); silent unless a front end gives it a handler.
    public var logger = Logger(label: "econsync") { _ in SwiftLogNoOpLogHandler() }
    /// How requests to e-conomic are sent: the timeouts, among them how long an answer may stay silent.
    public var transport = CurlTransport.Configuration()

    public init(directory: URL, department: Int? = nil, now: @escaping @Sendable () -> Date = Date.init) {
        self.directory = directory
        self.department = department
        self.now = now
    }

    /// The replica file.
    public var replicaURL: URL { directory.appendingPathComponent(ReplicaStore.fileName) }

    /// The credentials file: one per department when each department has its own agreement.
    public var credentialsFile: CredentialsFile {
        CredentialsFile(path: directory.appendingPathComponent(department.map { "credentials-department-\($0).json" } ?? "credentials.json").path)
    }

    /// Opens the replica (which must have been initialised), scoped to the
    /// department, after making the directory private to its owner.
    public func replica(readOnly: Bool = false) throws -> ReplicaStore {
        if FileManager.default.fileExists(atPath: replicaURL.path) { try tighten() }
        let store = try ReplicaStore.open(at: replicaURL, readOnly: readOnly, now: now).scoped(to: department)
        logger.debug("opened replica", metadata: ["file": "\(replicaURL.path)", "readOnly": "\(readOnly)"])
        return store
    }

    /// Makes the data directory private to its owner (0700, files 0600),
    /// passing each thing that was looser to ``notes``.
    public func tighten() throws {
        for note in try DataDirectory(url: directory).tighten() { notes(note) }
    }

    /// The snapshot store, over the replica that indexes it.
    public func snapshotStore(readOnly: Bool = false) throws -> SnapshotStore {
        SnapshotStore(dataDirectory: directory, replica: try replica(readOnly: readOnly))
    }

    /// A client for the stored connection, checked against the replica's agreement when there is a replica.
    /// The credentials are read before the replica is opened, whose opening tightens the directory: a
    /// credentials file others could read is refused, not quietly made private.
    public func client(readOnly: Bool = false) throws -> (EconomicClient, CredentialsFile.Connection) {
        let connection = try credentialsFile.load()
        if FileManager.default.fileExists(atPath: replicaURL.path) {
            try replica(readOnly: readOnly).checkConnection(agreement: connection.agreementNumber, readOnly: readOnly)
        }
        var configuration = EconomicClient.Configuration()
        configuration.restBaseURL = connection.restBaseURL
        configuration.projectsBaseURL = connection.projectsBaseURL
        return (EconomicClient(credentials: connection.credentials, configuration: configuration,
                               transport: CurlTransport(configuration: transport)), connection)
    }

    /// A reconcile of the connected agreement.
    public func reconciliation(readOnly: Bool = false) throws -> Reconciliation {
        let (client, connection) = try client(readOnly: readOnly)
        return Reconciliation(store: try snapshotStore(readOnly: readOnly), client: client, agreement: connection.agreementNumber, now: now)
    }

    /// The module scheduler over `replica`.
    public func scheduler(_ replica: ReplicaStore) -> ModuleScheduler {
        var scheduler = ModuleScheduler(replica: replica, now: now, random: random)
        scheduler.wording = wording
        return scheduler
    }

    /// The module runner for the connected agreement, with `scheduler` and the configured notifications.
    public func runner(_ scheduler: ModuleScheduler) throws -> ModuleRunner {
        let (client, connection) = try client()
        let store = SnapshotStore(dataDirectory: directory, replica: scheduler.replica)
        return ModuleRunner(store: store, client: client, agreement: connection.agreementNumber, scheduler: scheduler,
                            notifier: try Notifier.configured(replica: scheduler.replica, wording: wording, now: now))
    }
}
