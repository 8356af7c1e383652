import Vocabulary
import ArgumentParser
import Foundation
import Replica

/// A registration the CLI lists and approves.
protocol ListedRegistration: ListedRecord, Registration {}

extension TimeEntry: ListedRegistration {}
extension Material: ListedRegistration {}
extension RegistrationStatus: ExpressibleByArgument {}

/// `local hours|materials list`: registrations, filtered.
struct RegistrationList<R: ListedRegistration>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "list", abstract: Speech.say(
                                "Vis \(LocalWords.danishPlural(R.kind)).", "List \(R.kind.noun) records."),
                             discussion: Examples.text("econsync local \(R.command) list --status approved --from 2026-11-01",
                                                       "econsync local \(R.command) list --project n:7001 --employee 2 --json"))
    }

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var table: TableOptions
    @Option(help: .say("Kun på dette projekt.", "Only on this project.")) var project: RecordRef?
    @Option(help: .say("Kun fra denne medarbejder.", "Only by this employee.")) var employee: RecordRef?
    @Option(help: .say("Kun med denne status.", "Only with this status.")) var status: RegistrationStatus?
    @Option(help: .say("Kun på eller efter denne dag, ÅÅÅÅ-MM-DD.", "Only on or after this day, YYYY-MM-DD.")) var from: String?
    @Option(help: .say("Kun på eller før denne dag, ÅÅÅÅ-MM-DD.", "Only on or before this day, YYYY-MM-DD.")) var to: String?
    @Flag(help: .say("Tag slettede poster med.", "Include deleted records.")) var all = false

    func validate() throws {
        for (name, value) in [("from", from), ("to", to)] {
            if let value, LocalDate(value) == nil {
                throw ValidationError("--\(name) \(value) er ikke en dato: skriv den som ÅÅÅÅ-MM-DD", "--\(name) \(value) is not a date: write it as YYYY-MM-DD")
            }
        }
    }

    func run() throws {
        let store = try global.openReplica()
        let (projectID, employeeID) = try store.write { writer in
            (try project.map { try writer.resolve($0, as: .project) }, try employee.map { try writer.resolve($0, as: .employee) })
        }
        let filter = RegistrationFilter(project: projectID, employee: employeeID, status: status, from: from, to: to, includeDeleted: all)
        let records = try store.registrations(R.self, matching: filter)
        if output.json { return try Output.json(R.kind.plural, records.map(RecordJSON.init)) }
        let names = NameLookup(store: store)
        Output.table(LocalColumn.headings(R.header), records.map { $0.cells(names) }, rightAligned: R.rightAligned, fit: table.width)
    }
}

/// `local hours|materials approve`: approves registrations.
struct ApproveCommand<R: ListedRegistration>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "approve", abstract: Speech.say(
                                "Godkend \(LocalWords.danishPlural(R.kind)), så de kan overføres.",
                                "Approve \(R.kind.noun) records so they can be transferred."),
                             discussion: Examples.text("econsync local \(R.command) approve 3", "econsync local \(R.command) approve 3 4 7 --by formand"))
    }

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: .say("Lokale id'er.", "Local ids.")) var ids: [LocalIDs]
    @Option(help: .say("Hvem der godkender (standard: $USER).", "Who approves (default: $USER).")) var by: String?

    func run() throws {
        let approver = by ?? ProcessInfo.processInfo.environment["USER"] ?? "econsync"
        let results = try global.openReplica().write { writer in
            try ids.ids.map { id in (already: try writer.fetch(R.self, id: id).isApproved, record: try writer.approve(R.self, id: id, by: approver)) }
        }
        if output.json { return try Output.json(R.kind.plural, results.map { RecordJSON($0.record) }) }
        for (already, record) in results {
            let by = Speech.say("af", "by") + " \(record.approvedBy ?? approver)" + (already ? Speech.say(" den ", " at ") + (record.approvedAt ?? "?") : "")
            Output.line(LocalWords.line(already ? .alreadyApproved : .approved, R.kind, record.id ?? 0, record.title) + " (\(by))")
        }
    }
}

/// `local hours|materials unapprove`: withdraws approvals of registrations not yet sent.
struct UnapproveCommand<R: ListedRegistration>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "unapprove", abstract: Speech.say(
                                "Træk godkendelsen tilbage for \(LocalWords.danishPlural(R.kind)), der endnu ikke er overført.",
                                "Withdraw the approval of \(R.kind.noun) records not yet transferred."),
                             discussion: Examples.text("econsync local \(R.command) unapprove 3", "econsync local \(R.command) unapprove 3 4 --json"))
    }

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: .say("Lokale id'er.", "Local ids.")) var ids: [LocalIDs]

    func run() throws {
        let records = try global.openReplica().write { writer in
            try ids.ids.map { try writer.unapprove(R.self, id: $0) }
        }
        if output.json { return try Output.json(R.kind.plural, records.map(RecordJSON.init)) }
        for record in records { Output.line(LocalWords.line(.unapproved, R.kind, record.id ?? 0, record.title)) }
    }
}
