import ArgumentParser
import Foundation
import Reconcile
import Replica
import Sync

/// `econsync setup`: the brief's five-step wizard.
struct SetupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setup",
        abstract: Speech.say(
            "Sæt integrationen op i fem trin: forbindelse, ordreeksport, kunder, projekter, bekræftelse og aktivering.",
            "Set up the integration in five steps: connect, order export, customers, projects, review and activate."),
        discussion: Examples.text(Examples.noted("econsync setup", "de fem trin, spurgt ét ad gangen", "the five steps, asked one by one"), "econsync setup --non-interactive --set orders.layout=19", "econsync setup --config settings.json", after: Speech.say("""
            I en terminal spørger guiden trin for trin og foreslår det, der allerede er sat, eller en fornuftig \
            standard, med valgmulighederne hentet fra e-conomic (layouts, kundegrupper, betalingsbetingelser, \
            varegrupper, aktiviteter, medarbejdere). Uden en terminal, eller med --non-interactive, tager den \
            standardværdierne, derefter --config FIL (JSON, som `econsync config export` skriver det) og derefter hver \
            --set NØGLE=VÆRDI; hver værdi kontrolleres, før noget skrives.
            """, """
            In a terminal the wizard asks step by step, proposing what is set already or a sensible default, with the \
            choices fetched from e-conomic (layouts, customer groups, payment terms, product groups, activities, employees). \
            Without a terminal, or with --non-interactive, it takes the defaults, then --config FILE (JSON, as `econsync \
            config export` prints), then each --set KEY=VALUE; every value is checked before anything is written.
            """)))

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @OptionGroup var connect: ConnectOptions
    @Option(help: .say(
        "Indstillinger som JSON (som `econsync config export` skriver dem).",
        "Settings as JSON (as `econsync config export` prints).", valueName: "file")) var config: String?
    @Option(name: .customLong("set"), help: .say(
        "En indstilling (gentag for flere).",
        "A setting (repeat for several).", valueName: "key=value")) var settings: [String] = []
    @Flag(help: .say(
        "Spørg aldrig; brug standardværdier, --config og --set.",
        "Never ask; use defaults, --config and --set.")) var nonInteractive = false

    func validate() throws {
        for (name, value) in try pairs() { try ConfigFile.check(name, value) }
    }

    /// The `--set KEY=VALUE` settings as pairs.
    func pairs() throws -> [(String, String)] {
        try settings.map { setting in
            guard let equals = setting.firstIndex(of: "=") else { throw ValidationError("--set \(setting): forventede NØGLE=VÆRDI", "--set \(setting): expected KEY=VALUE") }
            return (String(setting[..<equals]), String(setting[setting.index(after: equals)...]))
        }
    }

    func run() async throws {
        let interactive = !nonInteractive && isatty(STDIN_FILENO) == 1
        let prompter = Prompter()
        // A fresh data directory is made first (what `econsync init` does): the wizard never connects and then finds no replica.
        let workspace = try global.workspace()
        if !FileManager.default.fileExists(atPath: workspace.replicaURL.path) {
            _ = try workspace.initialise()
            prompter.say(Speech.say("en ny datamappe i \(workspace.directory.path)", "a new data directory at \(workspace.directory.path)"))
        }
        prompter.say(Self.heading(1))
        if global.credentialsFile.exists {
            let connection = try global.credentialsFile.load()
            prompter.say("  \(Speech.say("forbundet til aftale", "connected to agreement")) \(connection.agreementNumber)\(connection.companyName.map { " (\($0))" } ?? "")")
        } else {
            if interactive, connect.grantTokenFromStdin {
                print(Speech.say("  Aftalens grant token (fra e-conomics godkendelsesside): ", "  Agreement grant token (from e-conomic's approval page): "), terminator: "")
                fflush(nil)
            }
            try await ConnectRun(global: global, output: try OutputOptions.parse([]), options: connect, stored: nil).perform()
        }
        let interruption = Interruption(InterruptionReport(.setup))
        defer { withExtendedLifetime(interruption) {} }
        let given = (try config.map(ConfigFile.read) ?? []) + (try pairs().map { (name: $0.0, value: $0.1) })
        var draft = try await workspace.setupDraft(given: given)
        if interactive {
            for step in SetupStep.steps { try ask(step, prompter, &draft) }
        }
        while true {
            prompter.say("\n" + Self.heading(5))
            for line in Self.review(draft) { prompter.say("  " + line) }
            guard interactive, try !prompter.confirm(Speech.say("Aktivér integrationen?", "Activate the integration?")) else { break }
            guard let step = try prompter.stepToRevisit(SetupStep.steps) else {
                prompter.say(Speech.say("intet blev gemt", "nothing was written"))
                throw ExitCode(ExitStatus.failure)
            }
            try ask(step, prompter, &draft)
        }
        try workspace.activate(draft)
        prompter.say(Speech.language == .da
                      ? "aktiveret: \(Speech.count(draft.chosen.count, "indstilling", "indstillinger", "setting")) gemt; modulerne kører med `econsync sync` eller `econsync run`"
                      : "activated: \(draft.chosen.count) settings saved; modules run with `econsync sync` or `econsync run`")
    }

    /// Asks `step`'s questions (and, in step 4, the activity of each hour type without one) into `draft`.
    func ask(_ step: SetupStep, _ prompter: Prompter, _ draft: inout SetupDraft) throws {
        prompter.say("\n" + Self.heading(step.number))
        if step.number == 4, !draft.choices.employees.isEmpty {
            prompter.say(Speech.say("  e-conomics medarbejdere: ", "  e-conomic's employees: ") + draft.choices.employees.map(\.description).joined(separator: ", "))
        }
        for question in step.questions {
            if question.key == "orders.hoursText" { prompter.say("  " + Self.templateVariables) }
            draft.values[question.key] = try prompter.ask(question, in: draft)
        }
        if step.number == 4 { try askActivities(prompter, &draft) }
    }

    /// `Step N of 5 — NAME` (`Trin N af 5 — NAME`), the step named in the shared catalogue's words.
    static func heading(_ number: Int) -> String {
        "\(SetupWords.step.in(Speech.language)) \(number) \(Speech.say("af", "of")) 5 — \(SetupStep.name(ofStep: number, Speech.language))"
    }

    /// The order line templates' variables in words, Danish names first, their English aliases in brackets.
    static var templateVariables: String {
        Speech.say("variabler til linjeteksterne: ", "variables for the line texts: ") + OrderTemplate.Variable.allCases.map { "$\($0.danishName) ($\($0.englishName)) \($0.meaning)" }
            .joined(separator: ", ")
    }

    /// The review in words: each question with its answer (e-conomic's choices by number and name), then each hour type's activity.
    static func review(_ draft: SetupDraft) -> [String] {
        let questions = Dictionary(SetupStep.steps.flatMap(\.questions).map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let settings = draft.chosen.map { key, value in
            guard let question = questions[key] else { return "\(key): \(value)" }
            let choice = question.choices.flatMap { draft.choices[keyPath: $0].first { $0.number == value } }
            let answer = question.isFlag ? SetupWords.flag(value, Speech.language) : choice?.description ?? value
            return "\(question.words(Speech.language)): \(answer)"
        }
        let names = Dictionary(draft.unmappedHourTypes.map { ($0.hourType.id!, $0.hourType.name) }, uniquingKeysWith: { first, _ in first })
        let activities = draft.activities.sorted { $0.key < $1.key }.map { id, number in
            let activity = draft.choices.activities.first { $0.number == String(number) }?.description ?? String(number)
            return Speech.say("timetype \(names[id] ?? String(id)) → aktivitet \(activity)", "hour type \(names[id] ?? String(id)) → activity \(activity)")
        }
        return settings + activities
    }

    func askActivities(_ prompter: Prompter, _ draft: inout SetupDraft) throws {
        guard !draft.unmappedHourTypes.isEmpty else { return }
        let activities = draft.choices.activities
        prompter.say("  \(SetupWords.activityMapping.in(Speech.language)): \(Speech.say("e-conomics aktiviteter er", "e-conomic's activities are")) "
                      + activities.map(\.description).joined(separator: ", "))
        for match in draft.unmappedHourTypes {
            let id = match.hourType.id!
            let answer = try prompter.line("  \(SetupWords.activityFor.in(Speech.language)) \(match.hourType.name)", current: draft.activities[id].map(String.init))
            guard let answer, !answer.isEmpty else { continue }
            guard let number = draft.activity(answer) else {
                prompter.say("  \(answer) \(SetupWords.notAnActivity.in(Speech.language)); \(Speech.say("ikke knyttet til en aktivitet", "left unmapped"))")
                continue
            }
            draft.activities[id] = number
        }
    }
}
