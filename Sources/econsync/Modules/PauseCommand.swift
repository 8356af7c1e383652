import ArgumentParser
import Sync

/// `econsync pause`: one switch that stops the whole integration.
struct PauseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pause",
        abstract: Speech.say(
            "Sæt hele integrationen på pause: intet modul kører, og intet sendes til e-conomic før `econsync resume`.",
            "Pause the whole integration: no module runs and nothing is sent to e-conomic until `econsync resume`."),
        discussion: Examples.text("econsync pause", Examples.noted("econsync pause --department 2", "én afdelings aftale", "one department's agreement"), after: Speech.say(
            "Arbejdet i marken fortsætter offline og afstemmes, når integrationen genoptages. `econsync status` viser pausen.",
            "Field work goes on offline and is reconciled once the integration is resumed. `econsync status` shows the pause.")))

    @OptionGroup(visibility: .hidden) var global: GlobalOptions

    func run() throws {
        let workspace = try global.workspace()
        let paused = try ModuleSettings(replica: workspace.replica()).paused
        try workspace.set(setting: ModuleSettings.pausedKey, to: "true")
        print(paused ? Speech.say("integrationen var allerede sat på pause", "the integration was already paused")
              : Speech.say("integrationen er sat på pause: intet modul kører, og intet sendes til e-conomic, før `econsync resume`; "
                           + "arbejdet i marken fortsætter offline",
                           "the integration is paused: no module runs and nothing is sent to e-conomic until `econsync resume`; field work goes on offline"))
    }
}

/// `econsync resume`: the integration runs again.
struct ResumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume", abstract: Speech.say(
            "Genoptag integrationen efter `econsync pause`: modulerne kører igen, når det er tid.",
            "Resume the integration after `econsync pause`: modules run again when due."),
            discussion: Examples.text("econsync resume", "econsync resume --department 2"))

    @OptionGroup(visibility: .hidden) var global: GlobalOptions

    func run() throws {
        let workspace = try global.workspace()
        let paused = try ModuleSettings(replica: workspace.replica()).paused
        try workspace.unset(setting: ModuleSettings.pausedKey)
        print(paused ? Speech.say("integrationen kører igen: modulerne kører, når det er tid", "the integration is running again: modules run when due")
              : Speech.say("integrationen var ikke sat på pause", "the integration was not paused"))
    }
}
