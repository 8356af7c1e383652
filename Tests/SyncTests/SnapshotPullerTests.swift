import Economic
import Foundation
import Replica
import Snapshot
import Sync
import Synchronization
import TestSupport
import Testing
import Vocabulary

/// A flag tests flip while a scripted server reads it.
final class Switch: Sendable {
    private let state = Mutex(false)
    var isOn: Bool {
        get { state.withLock { $0 } }
        set { state.withLock { $0 = newValue } }
    }
}

@Suite("Snapshot pull")
struct SnapshotPullerTests {
    /// A scripted e-conomic: 2,500 customers in REST pages, 3 units, projects behind a cursor;
    /// answers 401 to every request once `revoked` is set.
    static func economic(revoked: Switch) -> ScriptedTransport {
        ScriptedTransport { request in
            if revoked.isOn { return .json(401, #"{"message":"Unauthorized"}"#) }
            let url = URLComponents(string: request.url)!
            let query = Dictionary(uniqueKeysWithValues: (url.queryItems ?? []).map { ($0.name, $0.value ?? "") })
            switch url.path {
            case "/customers":
                let skip = Int(query["skippages"]!)!, size = Int(query["pagesize"]!)!
                let items = (skip * size..<min(2500, (skip + 1) * size)).reversed().map {
                    #"{"customerNumber":\#(1001 + $0),"name":"Kunde \#($0)","balance":100.000000,"self":"https://rest.example/customers/\#(1001 + $0)"}"#
                }
                return .json(200, #"{"collection":[\#(items.joined(separator: ","))],"pagination":{"results":2500},"self":"x"}"#)
            case "/units":
                // Unit 1 carries e-conomic's own addresses beside data that only looks like one.
                let links = #""products":"https://rest.example/units/1/products","group":{"self":"https://rest.example/groups/1"},"#
                    + #""tag":{"href":"https://rest.example/tags/1","code":"A"},"meta":{},"note":"https://elsewhere.example/x","#
                    + #""list":[{"self":"https://rest.example/l/1","a":1}]"#
                return .json(200, #"{"collection":[{"unitNumber":2,"name":"timer"},{"unitNumber":1,"name":"stk.",\#(links)},{"unitNumber":3,"name":"km"}],"pagination":{"results":3}}"#)
            case "/projectsapi/v1.1.0/Projects":
                return query["cursor"] == nil
                    ? .json(200, #"{"cursor":"2","items":[{"number":1,"name":"Badeværelse","isMainProject":true}]}"#)
                    : .json(200, #"{"items":[{"number":2,"name":"Etape 1","mainProjectNumber":1}]}"#)
            default:
                return .json(404, #"{"message":"Resource not found."}"#)
            }
        }
    }

    struct Fixture {
        let directory: TemporaryDirectory
        let store: SnapshotStore
        let revoked = Switch()
        let transport: ScriptedTransport

        init() throws {
            directory = try TemporaryDirectory()
            let replica = try ReplicaStore.open(at: directory.file(ReplicaStore.fileName), create: true)
            store = SnapshotStore(dataDirectory: directory.url, replica: replica)
            transport = SnapshotPullerTests.economic(revoked: revoked)
        }

        func puller() -> SnapshotPuller {
            var configuration = EconomicClient.Configuration()
            configuration.restBaseURL = "https://rest.example"
            configuration.projectsBaseURL = "https://rest.example/projectsapi/v1.1.0"
            let client = EconomicClient(credentials: .demo, configuration: configuration, transport: transport,
                                        environment: SleepRecorder().environment)
            return SnapshotPuller(client: client, store: store, agreement: 1_118_081)
        }
    }

    @Test("a full pull writes every kind sorted by key, without self links, in the minimum of calls")
    func fullPull() async throws {
        let fixture = try Fixture()
        var progress: [String] = []
        let entry = try await fixture.puller().take(kinds: [.customer, .project, .unit], takenAt: "2026-11-02T08:00:00Z") {
            progress.append($0.description)
        }
        // Dependency order: what a record refers to first.
        #expect(progress == ["unit: 3 records in 1 page", "customer: 2500 records in 3 pages", "project: 2 records in 2 pages"])
        #expect(entry.records == 2505 && fixture.transport.sent.count == 6)
        let reader = try SnapshotReader(path: fixture.store.path(of: entry), strict: true)
        var customers: [RecordKey] = []
        var units: [String] = []
        while let line = try reader.next() {
            if line.kind == Kind.customer.rawValue { customers.append(line.key) }
            if line.kind == Kind.unit.rawValue { units.append(String(decoding: line.bytes, as: UTF8.self)) }
            #expect(!String(decoding: line.bytes, as: UTF8.self).contains("\"self\""))
        }
        #expect(customers == (1001...3500).map { RecordKey.int(Int64($0)) })
        // The links go (an object left empty by that too, in an array by `self`); an empty object and another host's address stay.
        #expect(units == [
            #"{"kind":"unit","key":1,"data":{"list":[{"a":1}],"meta":{},"name":"stk.","note":"https://elsewhere.example/x","tag":{"code":"A"},"unitNumber":1}}"#,
            #"{"kind":"unit","key":2,"data":{"name":"timer","unitNumber":2}}"#,
            #"{"kind":"unit","key":3,"data":{"name":"km","unitNumber":3}}"#,
        ])
        #expect(reader.header.sources["rest"] == "https://rest.example")
    }

    @Test("a revoked grant ends with token expired and no snapshot in the store; the next pull resumes")
    func revokedThenResumed() async throws {
        let fixture = try Fixture()
        let puller = fixture.puller()
        var pulled: [Kind] = []
        let error = try await #require(throws: EconomicError.self) {
            _ = try await puller.take(kinds: [.customer, .project, .unit], takenAt: "2026-11-02T08:00:00Z") { progress in
                pulled.append(progress.kind)
                fixture.revoked.isOn = pulled.count == 2  // e-conomic revokes the grant after the second kind (units, then customers)
            }
        }
        #expect(error.code == .tokenExpired && pulled == [.unit, .customer])
        #expect(try fixture.store.replica.snapshots().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: fixture.directory.path("snapshots")))
        fixture.revoked.isOn = false
        let before = fixture.transport.sent.count
        var resumed: [Bool] = []
        let entry = try await puller.take(kinds: [.customer, .project, .unit], takenAt: "2026-11-02T09:00:00Z") { resumed.append($0.resumed) }
        #expect(resumed == [true, true, false] && entry.records == 2505)
        #expect(fixture.transport.sent.count - before == 2, "units and customers were not fetched again")
        #expect(!FileManager.default.fileExists(atPath: fixture.directory.path("pulls/1118081")))
    }

    @Test("a kind e-conomic does not have is refused before any call")
    func unknownKind() async throws {
        let fixture = try Fixture()
        await #expect(throws: SnapshotError.self) { _ = try await fixture.puller().take(kinds: [.material], takenAt: "2026-11-02T08:00:00Z") }
        #expect(fixture.transport.sent.isEmpty)
    }
}
