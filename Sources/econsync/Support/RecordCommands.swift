import Vocabulary
import ArgumentParser
import Foundation
import Replica

/// Parsed by ``RecordRef/init(argument:)``: a local id, e:KEY, n:NUMBER or a name.
extension RecordRef: ExpressibleByArgument {}

/// A record type the `local` commands can list and report on.
protocol ListedRecord: ReplicaRecord {
    static var header: [LocalColumn] { get }
    static var rightAligned: Set<Int> { get }
    /// The cells of this record's row in a human listing.
    func cells(_ names: NameLookup) -> [String]
    /// A short human name for messages.
    var title: String { get }
    /// The `local` command for this kind: `customer`, `hour-type`, `hours`.
    static var command: String { get }
}

extension ListedRecord {
    static var rightAligned: Set<Int> { [0] }
}

/// Names of referenced records, for human listings; loaded once per kind.
final class NameLookup {
    let store: ReplicaStore
    private var names: [Kind: [Int64: String]] = [:]
    private var unsynced: [Kind: Set<Int64>] = [:]

    init(store: ReplicaStore) {
        self.store = store
    }

    /// The name of record `id` of `kind`, or empty when there is none.
    func name(_ kind: Kind, _ id: Int64?) -> String {
        guard let id else { return "" }
        if names[kind] == nil {
            names[kind] = (try? store.labels(of: kind)) ?? [:]
        }
        return names[kind]?[id] ?? "#\(id)"
    }

    /// The sync state of a record: new (not in e-conomic yet), changed
    /// (edited since the last reconcile), synced, or deleted.
    func state<R: ReplicaRecord>(_ record: R) -> String {
        if record.tombstone { return LocalWords.state(.deleted) }
        if record.foreignKey == nil { return LocalWords.state(.new) }
        if unsynced[R.kind] == nil {
            unsynced[R.kind] = Set((try? store.unsyncedRows(R.kind)) ?? [])
        }
        return LocalWords.state(unsynced[R.kind]!.contains(record.id ?? -1) ? .changed : .synced)
    }
}


/// `local KIND list`: the records of one kind.
struct ListCommand<R: ListedRecord>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "list", abstract: Speech.say(
                                "Vis \(LocalWords.danishPlural(R.kind)).", "List \(R.kind.noun) records."),
                             discussion: Examples.text("econsync local \(R.command) list", "econsync local \(R.command) list --all --json"))
    }

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var table: TableOptions
    @Flag(help: .say("Tag slettede poster med.", "Include deleted records.")) var all = false

    func run() throws {
        let store = try global.openReplica()
        let records = try store.list(R.self, includeDeleted: all).filter { $0.department == store.department }
        if output.json { return try Output.json(R.kind.plural, records.map(RecordJSON.init)) }
        let names = NameLookup(store: store)
        Output.table(LocalColumn.headings(R.header), records.map { $0.cells(names) }, rightAligned: R.rightAligned, fit: table.width)
    }
}

/// `local KIND delete`: tombstones records so the deletion can be synced.
struct DeleteCommand<R: ListedRecord>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "delete", abstract: Speech.say(
                                "Slet \(LocalWords.danishPlural(R.kind)) (de gemmes som slettede, indtil de er synkroniseret).",
                                "Delete \(R.kind.noun) records (kept as tombstones until synced)."),
                             discussion: Examples.text("econsync local \(R.command) delete 3", "econsync local \(R.command) delete 3 4 7"))
    }

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Argument(help: .say("Lokale id'er på de poster, der skal slettes.", "Local ids of the records to delete.")) var ids: [LocalIDs]

    func run() throws {
        let store = try global.openReplica()
        try store.write { writer in
            for id in ids.ids { try writer.delete(R.self, id: id) }
        }
        for id in ids.ids { print(LocalWords.line(.deleted, R.kind, id)) }
    }
}

/// Shared reporting of created and changed records.
enum Report {
    /// Says what was saved, and warns (on standard error) about records that share its identity.
    static func saved<R: ListedRecord>(_ record: R, _ deed: LocalWords.Deed, json: Bool, replica: ReplicaStore) throws {
        if json { try Output.json(RecordJSON(record)) } else { Output.line(LocalWords.line(deed, R.kind, record.id ?? 0, record.title)) }
        guard let id = record.id else { return }
        let what = R.kind == .customer ? Speech.say("CVR-nummer", "CVR number") : Speech.say("e-mailadresse", "e-mail address")
        for twin in try replica.sharingIdentity(R.kind, id: id) {
            Output.warning("\(LocalWords.noun(R.kind)) \(twin.id) (\(twin.name)) " + Speech.say(
                "har samme \(what): en synkronisering hverken kobler eller opretter nogen af dem, før den ene er rettet, lagt sammen eller slettet",
                "has the same \(what): a sync links or creates neither until one is corrected, merged or deleted"))
        }
    }
}

extension Optional where Wrapped == String {
    /// An edit value: nil keeps the field, an empty string clears it.
    func applied(to field: inout String?) {
        guard let self else { return }
        field = self.isEmpty ? nil : self
    }
}

/// The options that set a record's fields, shared by `add` and `edit`.
protocol RecordFields: ParsableArguments {
    associatedtype Record: ListedRecord
    /// Checks that the options required to create a record are present.
    func validateNew() throws
    /// A new record from the options (before `apply`).
    func newRecord(_ writer: ReplicaWriter) throws -> Record
    /// Sets the fields given as options on `record`.
    func apply(to record: inout Record, _ writer: ReplicaWriter) throws
    /// Writes what is not a field of the record itself (e.g. a project's employees).
    func afterSave(_ record: Record, _ writer: ReplicaWriter) throws
    /// The name of the command that creates a record ("add", "record").
    static var addCommandName: String { get }
    /// Options of two typical new records, for the help's examples.
    static var addExamples: [String] { get }
    /// Options of two typical edits, for the help's examples.
    static var editExamples: [String] { get }
}

extension RecordFields {
    func afterSave(_ record: Record, _ writer: ReplicaWriter) throws {}
    static var addCommandName: String { "add" }

    /// Throws a usage error unless `value` is present.
    func require(_ value: Any?, _ option: String) throws {
        if value == nil { throw ValidationError("Missing expected argument '--\(option)'") }
    }
}

/// `local KIND add`: creates a record from options.
struct AddCommand<F: RecordFields>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: F.addCommandName,
                             abstract: Speech.say(
                                "\(F.addCommandName == "add" ? "Opret" : "Registrér") \(LocalWords.danishArticle(F.Record.kind)).",
                                "\(F.addCommandName == "add" ? "Add" : "Record") \(Examples.article(F.Record.kind.noun))."),
                             discussion: Examples.text(F.addExamples.map { "econsync local \(F.Record.command) \(F.addCommandName) " + $0 }))
    }

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var fields: F

    func validate() throws {
        try fields.validateNew()
    }

    func run() throws {
        let replica = try global.openReplica()
        let record = try replica.write { writer in
            var record = try fields.newRecord(writer)
            try fields.apply(to: &record, writer)
            record.department = global.department
            let created = try writer.create(record)
            try fields.afterSave(created, writer)
            return created
        }
        try Report.saved(record, .created, json: output.json, replica: replica)
    }
}

/// `local KIND edit`: changes the fields given as options.
struct EditCommand<F: RecordFields>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "edit", abstract: Speech.say(
                                "Ret felterne på \(LocalWords.danishArticle(F.Record.kind)).",
                                "Change \(Examples.article(F.Record.kind.noun))'s fields."),
                             discussion: Examples.text(F.editExamples.map { "econsync local \(F.Record.command) edit " + $0 }))
    }

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: .say(
        "Posten: et lokalt id, e:NØGLE, n:NUMMER eller dens navn.",
        "The record: a local id, e:KEY, n:NUMBER or its name.")) var record: RecordRef
    @OptionGroup var fields: F

    func run() throws {
        let replica = try global.openReplica()
        let saved = try replica.write { writer in
            let updated = try writer.update(F.Record.self, id: writer.resolve(record, as: F.Record.kind)) {
                try fields.apply(to: &$0, writer)
            }
            try fields.afterSave(updated, writer)
            return updated
        }
        try Report.saved(saved, .updated, json: output.json, replica: replica)
    }
}
