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
        abstract: "Say whether a record is in e-conomic as the replica has it, and if not, every reason and what to do.",
        discussion: """
            Examples:
              econsync why timeEntry 3          (local id 3)
              econsync why customer e:1002      (e-conomic customer 1002)
              econsync why project n:7001       (project number 7001)
            Reasons: the integration paused or the module switched off, an import-only module, a registration not \
            approved, what the module's last run recorded (blocked, skipped, failed), a push not settled or failed; \
            otherwise the module's next run sends it.

            \(Examples.globalOptions)
            """)

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The kind of record (timeEntry, material, customer, product, project, employee, …).") var kind: Kind
    @Argument(help: ArgumentHelp("The record: a local id, e:KEY (its e-conomic key), n:NUMBER (its number) or its name.", valueName: "record"))
    var record: RecordRef

    func run() throws {
        let replica = try global.openReplica()
        // A local id names deleted rows too; the other forms name live ones.
        let id = if case .local(let local) = record { local } else { try replica.write { try $0.resolve(record, as: kind) } }
        let agreement = try? global.credentialsFile.load().agreementNumber
        let status = try RecordStatus(kind: kind, id: id, replica: replica, agreement: agreement)
        let reasons = status.reasons.map { (code: $0.code, text: Self.text($0, status)) }
        if output.json {
            return try Output.json(Report(kind: kind.rawValue, id: id, name: status.name, economicKey: status.economicKey.map { LocalRecords.economicKey($0, kind).json } ?? .null,
                                          module: status.module.rawValue, state: status.state.rawValue,
                                          reasons: reasons.map { Report.Reason(code: $0.code, text: $0.text) }))
        }
        let title = "\(kind.rawValue) \(id)" + (status.name.map { " (\($0))" } ?? "")
        print("\(title): \(Self.state(status))")
        for reason in reasons { Output.line("  - \(reason.text)") }
    }

    /// What `--json` prints.
    struct Report: Encodable {
        struct Reason: Encodable {
            var code: String
            var text: String
        }
        var kind: String
        var id: Int64
        var name: String?
        /// A number, text for products; null until the record is in e-conomic.
        var economicKey: JSONValue
        var module: String
        var state: String
        var reasons: [Reason]
    }

    static func state(_ status: RecordStatus) -> String {
        switch status.state {
        case .synced: "in e-conomic as \(status.economicKey ?? "?"), as the replica has it"
        case .changed: "in e-conomic as \(status.economicKey ?? "?"), changed in the replica since it was last synced"
        case .new: "not in e-conomic yet"
        case .deleted: "deleted in the replica" + (status.economicKey.map { " (e-conomic \($0))" } ?? "")
        }
    }

    static func text(_ reason: RecordStatus.Reason, _ status: RecordStatus) -> String {
        switch reason {
        case .paused:
            "the integration is paused: nothing is sent until `econsync resume`"
        case .moduleOff(let module):
            "the \(module.rawValue) module is off: `econsync config set \(module.rawValue).enabled true` switches it on"
        case .importOnly(let module):
            "the \(module.rawValue) module only imports: local changes are not sent, and its next run puts e-conomic's values back"
        case .notApproved:
            "not approved: only approved registrations are sent; `econsync local \(status.kind == .material ? "materials" : "hours") approve \(status.id)`"
        case .awaitsOrderExport:
            "materials reach e-conomic on a draft order: `econsync order export --project PROJECT` when the project is ready"
        case .lastRun(let reason):
            "the last \(status.module.rawValue) run: \(reason)"
        case .pushUnsettled(let action):
            "a \(action) of it was recorded and not settled (an interrupted run): `econsync reconcile --resume`, or the next run, finishes it"
        case .pushFailed(let error):
            "its last push failed: \(error)"
        case .nextRun(let module):
            "nothing stops it: the next \(module.rawValue) run sends it (`econsync sync \(module.rawValue)` runs it now)"
        }
    }
}
