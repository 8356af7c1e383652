import Economic
import EconomicEmulator
import Foundation
import Reconcile
import Replica
import Snapshot
import Sync
import Testing
import Vocabulary
import Workbench

/// Every public error type of the libraries is a ``CodedError``: one code,
/// one outcome, one typed remedy, worded by the front end.
@Suite("Errors: every library error is a CodedError")
struct CodedErrorConformanceTests {
    /// Every public error type of the libraries. The list does not compile if
    /// one of them stops conforming; ``everyTypeIsListed`` fails if a new one is not listed.
    static let types: [any CodedError.Type] = [
        ReplicaError.self, FileProblem.self,
        SnapshotError.self, RecordLineError.self, JSONError.self, GzipError.self,
        PlanError.self, OrderExportError.self,
        ConfigError.self, ConnectionError.self, SyncError.self, ApplyError.self,
        EconomicError.self, CredentialsFile.Problem.self, TransportError.self, MailError.self,
        EmulatorError.self,
        BenchmarkFailure.self,
    ]

    @Test("each error type has a domain of its own")
    func domainsAreDistinct() {
        let domains = Self.types.map { $0.domain }
        #expect(Set(domains).count == domains.count, "\(domains)")
    }

    @Test("every public error type declared in Sources (outside the CLI) is in the list")
    func everyTypeIsListed() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")
        let listed = Set(Self.types.map { String(describing: $0).components(separatedBy: ".").last! })
        var declared: Set<String> = []
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        for case let file as URL in files where file.pathExtension == "swift" && !file.path.contains("/Sources/econsync/") {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: /public struct (\w+): ([^{]*)\{/) {
                let conformances = match.output.2
                if conformances.contains("Error") && !conformances.contains("Codable") { declared.insert(String(match.output.1)) }
            }
        }
        #expect(declared.count >= 15, "\(declared.sorted())")
        #expect(declared.subtracting(listed).isEmpty, "not CodedError: \(declared.subtracting(listed).sorted())")
    }

    @Test("identifiers join the domain and the code; outcomes carry the exit classes the CLI had")
    func identifiersAndOutcomes() {
        #expect(ReplicaError(.busy, "is held").identifier == "replica.busy")
        #expect(ReplicaError(.busy, "is held").outcome == .notRun)
        #expect(ReplicaError(.corrupt, "is damaged").outcome == .replicaUnusable)
        #expect(ReplicaError(.invalidField, "bad").outcome == .failure)
        #expect(SyncError(.needsReconnect, "Token expired").identifier == "sync.needsReconnect")
        #expect(SyncError(.needsReconnect, "Token expired").outcome == .needsReconnect)
        #expect(SyncError(.coolingDown, "ran").outcome == .notRun)
        #expect(EconomicError(.tokenExpired, message: "no", request: "GET /self").outcome == .needsReconnect)
        #expect(GzipError(.truncated, file: "/x.gz", "ends early").outcome == .failure)
        #expect(ApplyError(.missingRecord, "gone", kind: .customer, key: "e:3").records == ["customer e:3"])
    }

    @Test("library texts name no command line: remedies are typed, and the neutral wording names no command")
    func neutralTexts() {
        let error = ReplicaError(.notInitialised, "no replica here", file: "/data/replica.sqlite", remedy: .initialise)
        #expect(error.description == "/data/replica.sqlite: no replica here (initialise the replica first)")
        let expired = EconomicError(.tokenExpired, status: 401, message: "Token expired", request: "GET /self")
        #expect(expired.remedy == .reconnect && !expired.description.contains("econsync"))
        let config = ConfigError(.unknownSetting("x", guess: nil))
        #expect(config.description == "unknown setting \"x\"; see the list of settings")
        let order = SyncError(.missingSetting, "no order layout", module: "orders", action: .setOrderLayout)
        #expect(order.remedy == .setOrderLayout && !order.description.contains("econsync"))
    }
}
