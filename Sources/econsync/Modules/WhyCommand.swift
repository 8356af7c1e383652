import ArgumentParser
import Foundation
import Replica
import Snapshot
import Sync
import Vocabulary

/// `econsync why KIND RECORD`: is this record in e-conomic, and if not, why not and what to do.
struct WhyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "why",
        abstract: Speech.say(
            "Sig, om en post er i e-conomic, som replikaen har den, og hvis ikke, hver grund og hvad du kan gøre.",
            "Say whether a record is in e-conomic as the replica has it, and if not, every reason and what to do."),
        discussion: Speech.say("""
            Eksempler:
              econsync why timeEntry 3          (lokalt id 3)
              econsync why customer e:1002      (e-conomic-kunde 1002)
              econsync why project n:7001       (projektnummer 7001)
            Grunde: integrationen er sat på pause eller modulet slået fra, et modul, der kun importerer, en registrering, \
            der ikke er godkendt, hvad modulets seneste kørsel registrerede (blokeret, sprunget over, fejlet), en \
            afsendelse, der ikke er afsluttet eller fejlede; ellers sender modulets næste kørsel den.

            \(Examples.globalOptions)
            """, """
            Examples:
              econsync why timeEntry 3          (local id 3)
              econsync why customer e:1002      (e-conomic customer 1002)
              econsync why project n:7001       (project number 7001)
            Reasons: the integration paused or the module switched off, an import-only module, a registration not \
            approved, what the module's last run recorded (blocked, skipped, failed), a push not settled or failed; \
            otherwise the module's next run sends it.

            \(Examples.globalOptions)
            """))

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: .say(
        "Posttypen (timeEntry, material, customer, product, project, employee, …).",
        "The kind of record (timeEntry, material, customer, product, project, employee, …).")) var kind: Kind
    @Argument(help: .say(
        "Posten: et lokalt id, e:NØGLE (dens e-conomic-nøgle), n:NUMMER (dens nummer) eller dens navn.",
        "The record: a local id, e:KEY (its e-conomic key), n:NUMBER (its number) or its name.", valueName: "record"))
    var record: RecordRef

    func run() throws {
        let replica = try global.openReplica()
        // A local id names deleted rows too; the other forms name live ones.
        let id = if case .local(let local) = record { local } else { try replica.write { try $0.resolve(record, as: kind) } }
        let agreement = try? global.credentialsFile.load().agreementNumber
        let status = try RecordStatus(kind: kind, id: id, replica: replica, agreement: agreement)
        if output.json { return try Output.json(RecordStatus.Report(status)) }
        Self.explain(status)
    }

    /// Prints where `status`'s record stands, then each reason with what to do (`why`, and `pending` for each record).
    static func explain(_ status: RecordStatus) {
        print("\(title(status, in: Speech.language)): \(state(status, in: Speech.language))")
        for reason in status.reasons { Output.line("  - \(status.advice(reason, in: Speech.language))") }
    }
}
