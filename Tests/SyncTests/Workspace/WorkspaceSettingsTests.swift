import Economic
import Foundation
import Replica
import Sync
import Testing
import TestSupport

/// The rules the front ends used to keep for themselves: settings and their
/// file, the activation, storing a connection, the order export's picks.
@Suite("Workspace: settings, activation, connection")
struct WorkspaceSettingsTests {
    static let activation = Date(timeIntervalSince1970: 1_796_000_000)

    /// A workspace over a new replica in a temporary directory, with a pinned clock.
    static func workspace(department: Int? = nil) throws -> Workspace {
        let directory = try TemporaryDirectory()
        _ = try ReplicaStore.open(at: directory.file(ReplicaStore.fileName), create: true)
        return Workspace(directory: directory.url, department: department, now: { activation })
    }

    @Test("a setting is checked before it is stored; unset returns it to its default")
    func setAndUnset() throws {
        let workspace = try Self.workspace()
        try workspace.set(setting: "orders.grouping", to: "type")
        let shown = try workspace.settings().first { $0.name == "orders.grouping" }
        let help = try ConfigKey.named("orders.grouping").help
        #expect(shown?.value == "type" && shown?.isDefault == false && shown?.help == help)
        let refused = #expect(throws: ConfigError.self) { try workspace.set(setting: "orders.grouping", to: "weekly") }
        #expect(refused?.code == .invalidValue && refused?.message.contains("(got \"weekly\")") == true)
        #expect(#expect(throws: ConfigError.self) { try workspace.set(setting: "orders.groupin", to: "type") }?.code == .unknownSetting)
        #expect(try workspace.replica().setting("orders.grouping") == "type")
        let unset = try workspace.unset(setting: "orders.grouping")
        let defaultValue = try ConfigKey.named("orders.grouping").defaultValue
        #expect(unset.isDefault && unset.value == defaultValue)
        #expect(try workspace.replica().setting("orders.grouping") == nil)
    }

    @Test("export reads back into another workspace; an import with one bad value stores nothing")
    func exportImport() throws {
        let source = try Self.workspace()
        try source.set(setting: "orders.grouping", to: "type")
        try source.set(setting: "customers.syncContacts", to: "false")
        try source.replica().write { try $0.setSetting("replica.internal", "x") }
        let text = try source.exportSettings()
        #expect(!text.contains("replica.internal"))
        let target = try Self.workspace()
        #expect(try target.importSettings(Array(text.utf8), source: "office.json") == 2)
        #expect(try target.replica().setting("customers.syncContacts") == "false")

        let other = try Self.workspace()
        let bad = #"{"orders.grouping": "type", "orders.exportHours": 7}"#
        let refused = #expect(throws: ConfigError.self) { try other.importSettings(Array(bad.utf8), source: "bad.json") }
        #expect(refused?.code == .invalidValue && refused?.message.hasPrefix("bad.json: orders.exportHours") == true)
        #expect(try other.replica().setting("orders.grouping") == nil)
    }

    @Test("a settings file must be an object of strings, numbers and true/false", arguments: [
        (#"["orders.grouping"]"#, "not a JSON object of settings"),
        (#"{"orders.grouping": ["type"]}"#, "must be a string, a number or true/false"),
        (#"{"orders.grouping": "type""#, "not a JSON object of settings"),
    ])
    func settingsFileShape(text: String, problem: String) throws {
        let refused = #expect(throws: ConfigError.self) { try SettingsFile.parse(Array(text.utf8), source: "f.json") }
        #expect(refused?.code == .invalidFile && refused?.message.contains(problem) == true)
    }

    @Test("activation: set once, at the workspace's clock; never moved by a second run or a given time")
    func activation() throws {
        let workspace = try Self.workspace()
        try workspace.activate(settings: [("orders.grouping", "type")], activities: [:])
        let first = try workspace.replica().setting("activatedAt")
        #expect(first == Timestamp.string(Self.activation))
        let later = Workspace(directory: workspace.directory, now: { Self.activation.addingTimeInterval(86_400) })
        try later.activate(settings: [], activities: [:])
        #expect(try later.replica().setting("activatedAt") == first)

        let given = try Self.workspace()
        try given.activate(settings: [("activatedAt", "2026-01-01T00:00:00Z")], activities: [:])
        #expect(try given.replica().setting("activatedAt") == "2026-01-01T00:00:00Z")

        let running = try Self.workspace()
        try running.replica().write { try $0.save(ModuleStatus(module: "customers")) }
        try running.activate(settings: [], activities: [:])
        #expect(try running.replica().setting("activatedAt") == nil)

        let refused = #expect(throws: ConfigError.self) { try given.activate(settings: [("activatedAt", "yesterday")], activities: [:]) }
        #expect(refused?.code == .invalidValue)
        #expect(try given.replica().setting("activatedAt") == "2026-01-01T00:00:00Z")
    }

    static func connection(_ agreement: Int) -> CredentialsFile.Connection {
        CredentialsFile.Connection(appSecretToken: "app", grantToken: "grant-\(agreement)", agreementNumber: agreement, companyName: nil,
                                   restBaseURL: "http://127.0.0.1:1", projectsBaseURL: "http://127.0.0.1:1/projects",
                                   connectedAt: "2026-11-02T08:00:00Z")
    }

    @Test("a connection is stored and recorded; another agreement, or one another department uses, is refused with nothing written")
    func storeConnection() throws {
        let workspace = try Self.workspace()
        try workspace.store(Self.connection(1001), replacing: nil)
        #expect(try workspace.credentialsFile.load().agreementNumber == 1001)
        #expect(throws: ReplicaError.self) { try workspace.replica().checkConnection(agreement: 2002) }

        let switched = #expect(throws: ConnectionError.self) { try workspace.store(Self.connection(2002), replacing: Self.connection(1001)) }
        #expect(switched?.code == .otherAgreement && switched?.remedy == .disconnect)
        #expect(try workspace.credentialsFile.load().grantToken == "grant-1001")

        let department = Workspace(directory: workspace.directory, department: 2)
        let shared = #expect(throws: ConnectionError.self) { try department.store(Self.connection(1001), replacing: nil) }
        #expect(shared?.code == .agreementInUse && shared?.message.contains("the records without a department") == true)
        #expect(!department.credentialsFile.exists)
        try department.store(Self.connection(3003), replacing: nil)
        #expect(try department.credentialsFile.load().agreementNumber == 3003)
    }

    @Test("an order export's picks: ids and m:IDs, and the kinds they pick when none were asked for")
    func registrationRefs() {
        #expect(RegistrationRef("12") == .timeEntry(12) && RegistrationRef("m:3") == .material(3))
        for bad in ["0", "m:", "m:-1", "x", "e:4", ""] { #expect(RegistrationRef(bad) == nil, "\(bad)") }
        #expect([RegistrationRef.timeEntry(12), .material(3)].map(\.description) == ["12", "m:3"])
        var request = OrderExportRequest(projectID: 1, date: "2026-11-02")
        request.select([.material(3), .material(4)])
        #expect(request.hourIDs == [] && request.materialIDs == [3, 4] && request.hours == false && request.materials == true)
        var asked = OrderExportRequest(projectID: 1, date: "2026-11-02")
        asked.hours = true
        asked.materials = true
        asked.select([.timeEntry(5)])
        #expect(asked.hourIDs == [5] && asked.hours == true && asked.materials == true)
        var all = OrderExportRequest(projectID: 1, date: "2026-11-02")
        all.select([])
        #expect(all.hourIDs == nil && all.hours == nil)
    }
}
