import Vocabulary
import ArgumentParser
import Replica

extension TimeEntry: ListedRecord {
    static let command = "hours"
    static let header: [LocalColumn] = [.id, .date, .employee, .project, .hourType, .hours, .status, .note]
    static let rightAligned: Set<Int> = [0, 5]
    func cells(_ names: NameLookup) -> [String] {
        [String(id ?? 0), date, names.name(.employee, employeeId), names.name(.project, projectId), names.name(.hourType, hourTypeId),
         Validation.format(hours), LocalWords.status(status), note ?? ""]
    }
    var title: String { "\(Validation.format(hours)) \(Speech.say("t den", "h on")) \(date)" }
}

/// `econsync local hours …`.
struct HoursCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: TimeEntry.command, abstract: Speech.say(
            "Registrér, vis, ret, godkend og slet timer.",
            "Record, list, edit, approve and delete hours."),
        discussion: Speech.say("Timer kan rettes, så længe de ikke er godkendt; når de er godkendt og overført, kan de ikke længere ændres.",
                               "Hours can be edited while unapproved; once approved and transferred they can no longer change."),
        subcommands: [AddCommand<Fields>.self, RegistrationList<TimeEntry>.self, EditCommand<Fields>.self,
                      ApproveCommand<TimeEntry>.self, UnapproveCommand<TimeEntry>.self, DeleteCommand<TimeEntry>.self])

    struct Fields: RecordFields {
        static let addExamples = ["--employee 2 --project 5 --type 1 --hours 7,5", "--employee n:14 --project 5 --type 1 --hours 3"]
        static let editExamples = ["3 --hours 6", "3 --date 2026-11-27 --note 'Radiator'"]
        static var addCommandName: String { "record" }
        @Option(help: .say("Medarbejderen, der arbejdede.", "The employee who worked.")) var employee: RecordRef?
        @Option(help: .say("Projektet, der blev arbejdet på.", "The project worked on.")) var project: RecordRef?
        @Option(name: .customLong("type"), help: .say("Timetypen.", "The hour type.")) var hourType: RecordRef?
        @Option(help: .say("Arbejdsdagen, ÅÅÅÅ-MM-DD (standard: i dag).", "The day worked, YYYY-MM-DD (default: today).")) var date: String?
        @Option(parsing: .unconditional, help: .say(
            "Arbejdede timer, mere end 0 og højst 24 (7,5 eller 7.5).",
            "Hours worked, more than 0 and at most 24 (7,5 or 7.5).")) var hours: Amount?
        @Option(help: .say("En bemærkning.", "A note.")) var note: String?

        func validateNew() throws {
            try require(employee, "employee <employee>")
            try require(project, "project <project>")
            try require(hourType, "type <type>")
            try require(hours, "hours <hours>")
        }

        func newRecord(_ writer: ReplicaWriter) throws -> TimeEntry {
            TimeEntry(employeeId: 0, projectId: 0, hourTypeId: 0, date: try GlobalOptions.today(), hours: 0)
        }

        func apply(to entry: inout TimeEntry, _ writer: ReplicaWriter) throws {
            if let employee { entry.employeeId = try writer.resolve(employee, as: .employee) }
            if let project { entry.projectId = try writer.resolve(project, as: .project) }
            if let hourType { entry.hourTypeId = try writer.resolve(hourType, as: .hourType) }
            if let date { entry.date = date }
            if let hours { entry.hours = hours.value }
            note.applied(to: &entry.note)
        }
    }
}
