import ArgumentParser
import Foundation
import Replica
import Sync
import Vocabulary

/// `econsync audit`: the replica against a snapshot of e-conomic.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: Speech.say(
            "Kontrollér replikaen mod et øjebliksbillede af e-conomic på de tilknyttede felter.",
            "Check the replica against a snapshot of e-conomic on the mapped fields."),
        discussion: Examples.text(Examples.noted("econsync audit", "mod det nyeste øjebliksbillede i lageret", "against the newest snapshot in the store"), Examples.noted("econsync audit --fresh", "henter e-conomic først", "pulls e-conomic first"),
                                  "econsync audit --snapshot @latest --json", after: Speech.say("""
            Viser poster, der mangler på en af siderne, felter, der er forskellige, godkendte timer, der endnu ikke er \
            overført, og poster i replikaen, der burde have en e-conomic-nøgle og ikke har nogen, med antal pr. type. \
            Uden --snapshot bruges det nyeste øjebliksbillede i lageret; --fresh henter først et nyt ind i lageret (de \
            typer, en afstemning henter), som panelets "Revision" gør. Et øjebliksbillede i lageret, der er blevet \
            kontrolleret, beholdes af `snapshot prune`. Afslutningskode 1, når der blev fundet noget.
            """, """
            Lists records missing on either side, fields that differ, approved hours not yet transferred, and replica \
            records that should have an e-conomic key and have none, with counts per kind. Without --snapshot, the \
            newest snapshot in the store is used; --fresh pulls a new one into the store first (the kinds a reconcile \
            pulls), as the panel's "Revision" does. A snapshot of the store that was audited is kept by `snapshot prune`. \
            Exit status 1 when anything was found.
            """)))

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: .say(
        "Øjebliksbilledet, der kontrolleres mod (standard: det nyeste i lageret).",
        "The snapshot to audit against (default: the newest in the store).", valueName: "file"))
    var snapshot: String?
    @Flag(help: .say(
        "Hent et nyt øjebliksbillede af e-conomic ind i lageret, og kontrollér mod det.",
        "Pull a fresh snapshot of e-conomic into the store and audit against it.")) var fresh = false

    func validate() throws {
        if fresh && snapshot != nil { throw ValidationError("--fresh henter sit eget øjebliksbillede: giv --fresh eller --snapshot, ikke begge", "--fresh pulls its own snapshot: give --fresh or --snapshot, not both") }
    }

    struct Report: Encodable {
        struct Finding: Encodable {
            var kind: Kind
            var key: String
            var problem: String
            var fields: [[String: String]]
        }

        var snapshot: String
        var clean: Bool
        var counts: [Kind: [String: Int]]
        var findings: [Finding]
        /// Values e-conomic holds that econsync keeps but would not take from a person (never a failure).
        var warnings: [String]
    }

    func run() async throws {
        let replica = try global.openReplica()
        let store = SnapshotStore(dataDirectory: global.directory, replica: replica)
        let entries = try replica.snapshots()
        let path: String
        var stored: SnapshotEntry?
        if fresh {
            let (audit, file) = try await global.workspace().auditFresh()
            return try report(audit, snapshot: file, replica: replica)
        }
        if let snapshot {
            // A file of the store may be named as the store names it (snapshots/<agreement>/<name>.ndjson.gz).
            stored = entries.first { $0.file == snapshot || store.path(of: $0) == URL(fileURLWithPath: snapshot).standardizedFileURL.path }
            path = stored.map(store.path) ?? snapshot
        } else {
            guard let newest = entries.max(by: { ($0.takenAt, $0.id ?? 0) < ($1.takenAt, $1.id ?? 0) }) else {
                throw CommandFailure(
                    "intet øjebliksbillede at kontrollere mod: kør `econsync snapshot take` eller `econsync reconcile`, eller giv --snapshot FIL",
                    "no snapshot to audit against: run `econsync snapshot take` or `econsync reconcile`, or give --snapshot FILE")
            }
            path = store.path(of: newest)
            stored = newest
        }
        let audit = try Audit.run(replica: replica, snapshot: path)
        if let stored { try replica.write { try $0.addAuditReference(file: stored.file) } }
        try report(audit, snapshot: stored?.file ?? path, replica: replica)
    }

    /// Prints `audit` (with the data warnings of `replica`); exit status 1 when it found anything.
    func report(_ audit: Audit, snapshot shown: String, replica: ReplicaStore) throws {
        let warnings = try DataWarning.scan(replica)
        if output.json {
            try Output.json(Report(snapshot: shown, clean: audit.isClean, counts: audit.counts, findings: audit.findings.map { finding in
                .init(kind: finding.kind, key: finding.key, problem: finding.problem.rawValue,
                      fields: finding.fields.map { ["field": $0.field, "replica": $0.replica, "economic": $0.economic] })
            }, warnings: warnings.map(\.description)))
        } else {
            let language = Speech.language
            let found = Speech.count(audit.findings.count, "afvigelse", "afvigelser", "discrepancy").replacingOccurrences(of: "discrepancys", with: "discrepancies")
            print(Speech.say("revision af replikaen mod \(shown): \(audit.isClean ? "ingen afvigelser" : found)",
                             "audit of the replica against \(shown): \(audit.isClean ? "no discrepancies" : found)"))
            Output.table(language == .da ? ["ART", "STEMMER", "PROBLEMER"] : ["KIND", "MATCHING", "PROBLEMS"], audit.counts.keys.sorted().map { kind in
                let counts = audit.counts[kind]!
                let problems = counts.filter { $0.key != "matching" }.sorted { $0.key < $1.key }.map { problem, count in
                    "\(Audit.Finding.Problem(rawValue: problem)?.words(language) ?? problem) \(count)"
                }.joined(separator: ", ")
                return [language == .da ? kind.name(.da) : kind.rawValue, String(counts["matching"] ?? 0), problems]
            }, rightAligned: [1], fit: nil)
            for finding in audit.findings { Output.line("  \(finding.words(language))") }
            if !warnings.isEmpty {
                print(Speech.say("\(Speech.count(warnings.count, "advarsel", "advarsler", "warning")): værdier, e-conomic har, som econsync beholder, "
                                 + "som de er, men ikke ville tage imod, hvis de blev tastet; ret dem i e-conomic",
                                 "\(Output.count(warnings.count, "warning")): values e-conomic holds that econsync keeps as they are, "
                                 + "but would not take if typed; correct them in e-conomic"))
                for warning in warnings { Output.line("  \(warning.line(language))") }
            }
        }
        if !audit.isClean { throw ExitCode(ExitStatus.failure) }
    }
}
