import Economic
import EconomicEmulator
import Foundation
import Replica
import Snapshot
import Sync
import TestSupport
import Testing
import Vocabulary

/// The production client against the emulator, over real HTTP on loopback.
@Suite("e-conomic client against the emulator")
struct ClientAgainstEmulatorTests {
    static let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Snapshots/demo-agreement.ndjson.gz").path

    /// A running emulator seeded with the demo agreement, and a client of it.
    struct Session {
        let emulator: EconomicEmulator
        let client: EconomicClient
        let transport: CurlTransport

        /// Runs `body` with a session, then stops its emulator whether `body` returned or threw; returns what `body` returned.
        static func with<Result>(pageSize: Int = 1000, compressed: Bool = true, environment: EconomicClient.Environment = .live,
                                 _ body: (Session) async throws -> Result) async throws -> Result {
            let emulator = try EconomicEmulator(snapshotPath: ClientAgainstEmulatorTests.demo)
            return try await emulator.serving { port in
                try await body(Session(emulator: emulator, port: port, pageSize: pageSize, compressed: compressed, environment: environment))
            }
        }

        private init(emulator: EconomicEmulator, port: Int, pageSize: Int, compressed: Bool, environment: EconomicClient.Environment) {
            var configuration = EconomicClient.Configuration()
            configuration.restBaseURL = "http://127.0.0.1:\(port)"
            configuration.projectsBaseURL = "http://127.0.0.1:\(port)/projectsapi/v1.1.0"
            configuration.pageSize = pageSize
            configuration.retry = RetryPolicy(maxAttempts: 16, baseDelay: 0.001, maxDelay: 0.01)
            var transportConfiguration = CurlTransport.Configuration()
            transportConfiguration.acceptCompressed = compressed
            let transport = CurlTransport(configuration: transportConfiguration)
            client = EconomicClient(credentials: EconomicCredentials(appSecretToken: "emulator-app-secret", grantToken: "emulator-grant"),
                                    configuration: configuration, transport: transport, environment: environment)
            self.emulator = emulator
            self.transport = transport
        }

        func customers() async throws -> [REST.Customer] {
            var customers: [REST.Customer] = []
            try await client.forEachPage("/customers", module: "customers") { page in
                customers += try JSONDecoder().decode(REST.Collection<REST.Customer>.self, from: Data(page.body)).collection
            }
            return customers
        }
    }

    @Test("GET /self, paged customers in order, and gzip on the wire")
    func readAgreement() async throws {
        try await Session.with(pageSize: 7) { session in
            let me = try await session.client.send(.get, .rest, "/self", module: "connect").decode(REST.Agreement.self)
            #expect(me.agreementNumber == 1_118_081)
            let customers = try await session.customers()
            #expect(customers.compactMap(\.customerNumber) == Array(1001...1030))
            #expect(customers.allSatisfy { $0.corporateIdentificationNumber.map(CVR.isValid) ?? true })
            let usage = try #require(session.client.accounting.snapshot()["customers"])
            #expect(usage.requests == 5, "30 customers in pages of 7: five calls")
            #expect(usage.callCost == 15, "the emulator charges 3 for a listing page")
            try await Session.with(compressed: false) { plain in
                _ = try await plain.customers()
                try await Session.with { gzip in
                    _ = try await gzip.customers()
                    #expect(gzip.client.accounting.total.bytesReceived * 3 < plain.client.accounting.total.bytesReceived, "gzip shrinks the page")
                }
            }
        }
    }

    @Test("create with an idempotency key twice: one customer, the second answer replayed")
    func idempotentCreate() async throws {
        try await Session.with { session in
            let body = Array(try JSONEncoder().encode(REST.Customer(name: "Ny Kunde ApS", customerGroup: 1, paymentTerms: 1, vatZone: 1)))
            let first = try await session.client.send(.post, .rest, "/customers", body: body, idempotencyKey: "create-42", module: "customers")
            let second = try await session.client.send(.post, .rest, "/customers", body: body, idempotencyKey: "create-42", module: "customers")
            #expect(first.status == 201 && !first.fromCache && second.fromCache && second.body == first.body)
            #expect(session.emulator.records(kind: "customer").count == 31)
        }
    }

    @Test("Projects API: cursor listing, create, approve, and no change after approval")
    func projectsAPI() async throws {
        try await Session.with { session in
            var projects: [Projects.Project] = []
            try await session.client.forEachCursorPage("Projects", module: "projects") { page in
                projects += try JSONDecoder().decode(Projects.CursorPage<Projects.Project>.self, from: Data(page.body)).items
            }
            #expect(projects.count == 14)
            let sub = try #require(projects.first { $0.mainProjectNumber != nil })
            let entry = Projects.TimeEntry(projectNumber: sub.number!, activityNumber: 1, employeeNumber: 1, date: "2026-11-02T00:00:00",
                                           text: "Montage", numberOfHours: 7.5)
            let created = try await session.client.send(.post, .projects, "/TimeEntries", body: Array(try JSONEncoder().encode(entry)),
                                                        idempotencyKey: "entry-1", module: "projectEntries").decode(Projects.Created.self)
            _ = try await session.client.send(.post, .projects, "/TimeEntries/approve",
                                              body: Array(try JSONEncoder().encode(Projects.Approval(numbers: [created.number], bookOn: 1))),
                                              idempotencyKey: "approve-1", module: "projectEntries")
            var stored = try await session.client.send(.get, .projects, "/TimeEntries/\(created.number)", module: "projectEntries")
                .decode(Projects.TimeEntry.self)
            #expect(stored.isApproved == true && stored.numberOfHours == 7.5)
            stored.numberOfHours = 8
            let refused = try await #require(throws: EconomicError.self) {
                try await session.client.send(.put, .projects, "/TimeEntries", body: Array(try JSONEncoder().encode(stored)), module: "projectEntries")
            }
            #expect([.validation, .conflict].contains(refused.code))
        }
    }

    @Test("429 bursts, 5xx, dropped connections and slow answers end with complete, correct data", arguments: [11, 12] as [UInt64])
    func faults(seed: UInt64) async throws {
        try await Session.with(pageSize: 3) { session in
            session.emulator.injectFaults(seed: seed, latencyMs: 5, errorRate: 0.2, dropRate: 0.1, throttleBurst: 2, throttleRate: 0.1)
            let customers = try await session.customers()
            #expect(customers.compactMap(\.customerNumber) == Array(1001...1030))
            #expect(session.client.accounting.total.retries > 0, "faults were met and retried")
        }
    }

    @Test("429s without Retry-After and X-RateLimiting are backed off blind; hinted ones wait at least Retry-After",
          arguments: [ThrottleHints.never, .always])
    func throttleHints(hints: ThrottleHints) async throws {
        let sleeper = SleepRecorder()
        try await Session.with(pageSize: 5, environment: sleeper.environment) { session in
            session.emulator.injectFaults(seed: 4, errorRate: 0, dropRate: 0, throttleBurst: 2, throttleRate: 0.5, throttleHints: hints)
            let customers = try await session.customers()
            #expect(customers.compactMap(\.customerNumber) == Array(1001...1030))
            let delays = sleeper.recorded
            #expect(!delays.isEmpty, "429s were met")
            // The session's policy: backoff at most 0.01 s; a Retry-After of 1 s is honoured up to 0.04 s.
            switch hints {
            case .never: #expect(delays.allSatisfy { $0 < 0.01 }, "\(delays)")
            case .always, .mixed: #expect(delays.allSatisfy { $0 == 0.04 }, "\(delays)")
            }
        }
    }

    @Test("a revoked grant ends with token expired and no partial snapshot in the store")
    func revokedGrant() async throws {
        try await Session.with { session in
            let directory = try TemporaryDirectory()
            let store = SnapshotStore(dataDirectory: directory.url, replica: try ReplicaStore.open(at: directory.file("replica.sqlite"), create: true))
            session.emulator.revokeGrant("emulator-grant")
            let error = try await #require(throws: EconomicError.self) {
                _ = try await SnapshotPuller(client: session.client, store: store, agreement: 1_118_081)
                    .take(kinds: EconomicKind.defaultKinds, takenAt: "2026-11-02T08:00:00Z")
            }
            #expect(error.code == .tokenExpired && error.remedy == .reconnect && error.description.hasPrefix("Token expired: "))
            #expect(try store.replica.snapshots().isEmpty && !FileManager.default.fileExists(atPath: directory.path("snapshots")))
        }
    }

    @Test("a full snapshot of the emulator holds what the emulator holds: the demo agreement it was seeded with")
    func snapshotTake() async throws {
        try await Session.with { session in
            let directory = try TemporaryDirectory()
            let store = SnapshotStore(dataDirectory: directory.url, replica: try ReplicaStore.open(at: directory.file("replica.sqlite"), create: true))
            let everything = EconomicKind.all.map(\.kind)
            let entry = try await SnapshotPuller(client: session.client, store: store, agreement: 1_118_081)
                .take(kinds: everything, takenAt: "2026-11-02T08:00:00Z")
            var pulled: [String: Int] = [:]
            let reader = try SnapshotReader(path: store.path(of: entry), strict: true)
            while let line = try reader.next() { pulled[line.kind, default: 0] += 1 }
            #expect(pulled["contact"] == 45, "contacts are read customer by customer")
            for kind in everything {
                #expect(pulled[kind.rawValue, default: 0] == session.emulator.records(kind: kind.rawValue).count, "\(kind)")
            }
            #expect(pulled["customer"] == 30 && pulled["product"] == 50 && pulled["timeEntry"] == 24)
            let roundTrip = try SnapshotDiff.compare(ClientAgainstEmulatorTests.demo, store.path(of: entry))
            #expect(roundTrip.isEmpty, "seeded from the demo agreement, pulled back: the same records, byte for byte")
        }
    }
}
