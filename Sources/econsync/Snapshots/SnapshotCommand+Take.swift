import ArgumentParser
import Economic
import Foundation
import Replica
import Snapshot
import Sync
import Vocabulary

extension GlobalOptions {
    /// A client for the connected agreement, once the replica is shown to be
    /// the one connected to it (see ``ReplicaStore/checkConnection(agreement:readOnly:)``).
    func economicClient(readOnly: Bool = false) throws -> (EconomicClient, CredentialsFile.Connection) {
        try workspace().client(readOnly: readOnly)
    }
}

extension SnapshotCommand {
    /// `econsync snapshot take`: a full pull of e-conomic into a new snapshot.
    struct Take: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Speech.say(
                "Hent hver valgt type fra e-conomic ind i et nyt øjebliksbillede i lageret.",
                "Pull every chosen kind from e-conomic into a new snapshot in the store."),
            discussion: Examples.text("econsync snapshot take", "econsync snapshot take --kind customer --kind product", after: Speech.say("""
                Typer (standard: alle undtagen contact og order): \(EconomicKind.names). \
                Kontaktpersoner koster ét kald pr. kunde. En afbrudt hentning genoptages med de typer, den ikke var færdig med.
                """, """
                Kinds (default: all but contact and order): \(EconomicKind.names). \
                Contacts cost one call per customer. An interrupted pull resumes with the kinds it had not finished.
                """)))

        @OptionGroup(visibility: .hidden) var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(name: .customLong("kind"), help: .say(
            "En type, der skal hentes (gentag for flere).",
            "A kind to pull (repeat for several).")) var kinds: [String] = []

        func validate() throws {
            if let unknown = kinds.first(where: { name in !EconomicKind.all.contains { $0.kind.rawValue == name } }) {
                throw ValidationError("ukendt type \"\(unknown)\"; typerne er \(EconomicKind.names)", "unknown kind \"\(unknown)\"; kinds are \(EconomicKind.names)")
            }
        }

        struct Report: Encodable {
            var file: String
            var records: Int
            var kinds: [String: Int]
            var apiCalls: Int
            var bytesReceived: Int64
            var callCost: Int
        }

        func run() async throws {
            let (client, connection) = try global.economicClient()
            let store = try global.snapshotStore()
            var puller = SnapshotPuller(client: client, store: store, agreement: connection.agreementNumber)
            let takenAt = Timestamp.string(try GlobalOptions.clock()())
            let line = ProgressLine()
            defer { line.finish() }
            if line.isTerminal && !output.json {
                // On a terminal a kind is shown as it comes in, page by page; a log gets a line a kind.
                puller.pageRead = { kind, records, pages in
                    line.show(Speech.say("henter \(kind.noun(.da)): ", "pulling \(kind): ") + SnapshotCommand.records(records)
                              + Speech.say(" på ", " in ") + Speech.count(pages, "side", "sider", "page"))
                }
            }
            let entry = try await AgreementLock(replica: store.replica).holding {
                try await puller.take(kinds: kinds.isEmpty ? EconomicKind.defaultKinds : kinds.compactMap(Kind.init(rawValue:)), takenAt: takenAt) { progress in
                    if !output.json { line.show(ProgressLine.pulled(progress)) }
                }
            }
            line.finish()
            let usage = client.accounting.total
            let counts = (try? CanonicalJSON.parse(entry.counts).objectValue?.compactMapValues { $0.intValue.map(Int.init) }) ?? nil
            let report = Report(file: entry.file, records: entry.records, kinds: counts ?? [:], apiCalls: usage.requests,
                                bytesReceived: usage.bytesReceived, callCost: usage.callCost)
            if output.json { return try Output.json(report) }
            print(Speech.language == .da
                ? "gemt \(entry.file): \(SnapshotCommand.records(entry.records)); "
                    + "\(usage.requests) API-kald (af e-conomics \(CallAccounting.dailyFairUse) om dagen), \(usage.bytesReceived) bytes modtaget"
                : "stored \(entry.file): \(Output.count(entry.records, "record")); "
                    + "\(Output.count(usage.requests, "API call")) (of e-conomic's \(CallAccounting.dailyFairUse) a day), \(usage.bytesReceived) bytes received")
        }
    }
}
