import ArgumentParser
import Foundation
import Replica
import Sync

/// `econsync setup`: the brief's five-step wizard.
struct SetupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setup",
        abstract: "Set up the integration in five steps: connect, order export, customers, projects, review and activate.",
        discussion: Examples.text("econsync setup  (the five steps, asked one by one)", "econsync setup --non-interactive --set orders.layout=19", "econsync setup --config settings.json", after: """
            In a terminal the wizard asks step by step, proposing what is set already or a sensible default, with the \
            choices fetched from e-conomic (layouts, customer groups, payment terms, product groups, activities, employees). \
            Without a terminal, or with --non-interactive, it takes the defaults, then --config FILE (JSON, as `econsync \
            config export` prints), then each --set KEY=VALUE; every value is checked before anything is written.
            """))

    @OptionGroup var global: GlobalOptions
    @OptionGroup var connect: ConnectOptions
    @Option(help: ArgumentHelp("Settings as JSON (as `econsync config export` prints).", valueName: "file")) var config: String?
    @Option(name: .customLong("set"), help: ArgumentHelp("A setting (repeat for several).", valueName: "key=value")) var settings: [String] = []
    @Flag(help: "Never ask; use defaults, --config and --set.") var nonInteractive = false

    func validate() throws {
        for (name, value) in try pairs() { try ConfigFile.check(name, value) }
    }

    /// The `--set KEY=VALUE` settings as pairs.
    func pairs() throws -> [(String, String)] {
        try settings.map { setting in
            guard let equals = setting.firstIndex(of: "=") else { throw ValidationError("--set \(setting): expected KEY=VALUE") }
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
            prompter.say("a new data directory at \(workspace.directory.path)")
        }
        prompter.say("Step 1 of 5 — Connect to e-conomic")
        if global.credentialsFile.exists {
            let connection = try global.credentialsFile.load()
            prompter.say("  connected to agreement \(connection.agreementNumber)\(connection.companyName.map { " (\($0))" } ?? "")")
        } else {
            if interactive, connect.grantTokenFromStdin {
                print("  Agreement grant token (from e-conomic's approval page): ", terminator: "")
                fflush(nil)
            }
            try await ConnectRun(global: global, output: try OutputOptions.parse([]), options: connect, stored: nil).perform()
        }
        let replica = try global.openReplica()
        let (client, _) = try global.economicClient()
        let choices = try await SetupChoices.fetch(client)
        var values = try choices.defaults(replica: replica)
        let given = (try config.map(ConfigFile.read) ?? []) + (try pairs().map { (name: $0.0, value: $0.1) })
        for (name, value) in given { values[name] = value }
        var activities: [Int64: Int] = [:]
        for match in try choices.activityMatches(replica: replica) { activities[match.hourType.id!] = match.activity.flatMap { Int($0.number) } }
        if interactive {
            for step in SetupStep.steps {
                prompter.say("\nStep \(step.number) of 5 — \(step.title)")
                if step.number == 4, !choices.employees.isEmpty {
                    prompter.say("  e-conomic's employees: " + choices.employees.map(\.description).joined(separator: ", "))
                }
                for question in step.questions {
                    values[question.key] = try prompter.ask(question, current: values[question.key], choices: question.choices.map { choices[keyPath: $0] })
                }
                if step.number == 4 { try askActivities(prompter, choices, replica, &activities) }
            }
        }
        prompter.say("\nStep 5 of 5 — Review")
        // The wizard's questions in its order, then any other setting given with --config or --set (such as activatedAt).
        let asked = Set(SetupStep.keys)
        let chosen: [(name: String, value: String)] = SetupStep.keys.compactMap { key in values[key].map { (key, $0) } }
            + given.filter { !asked.contains($0.name) }
        for (key, value) in chosen { prompter.say("  \(key) = \(value)") }
        for (id, activity) in activities.sorted(by: { $0.key < $1.key }) { prompter.say("  hour type \(id) → activity \(activity)") }
        if interactive, try prompter.confirm("Activate the integration?") == false {
            prompter.say("nothing was written")
            throw ExitCode(ExitStatus.failure)
        }
        try global.workspace().activate(settings: chosen, activities: activities)
        prompter.say("activated: \(chosen.count) settings saved; modules run with `econsync sync` or `econsync run`")
    }

    func askActivities(_ prompter: Prompter, _ choices: SetupChoices, _ replica: ReplicaStore, _ activities: inout [Int64: Int]) throws {
        let unmapped = try choices.activityMatches(replica: replica)
        guard !unmapped.isEmpty else { return }
        prompter.say("  Activity mapping: e-conomic's activities are \(choices.activities.map(\.description).joined(separator: ", "))")
        for match in unmapped {
            let answer = try prompter.line("  Activity for hour type \(match.hourType.name)", current: activities[match.hourType.id!].map(String.init))
            guard let answer, !answer.isEmpty else { continue }
            guard let number = Int(answer), choices.activities.contains(where: { $0.number == answer }) else {
                prompter.say("  \(answer) is not one of e-conomic's activities; left unmapped")
                continue
            }
            activities[match.hourType.id!] = number
        }
    }
}
