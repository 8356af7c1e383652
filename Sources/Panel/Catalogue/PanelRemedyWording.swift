import Foundation
import Replica
import Vocabulary

/// What to do about an error, as the panel says it: in Danish for the
/// office, in English the neutral wording (no front end's commands).
///
/// ```swift
/// PanelRemedyWording(.da).words(for: .setEmployeeNumber)
/// // "Giv medarbejderen sit e-conomic-medarbejdernummer, eller slå synkronisering af medarbejdere til (projects.syncEmployees)."
/// ```
struct PanelRemedyWording: RemedyWording {
    var language: PanelLanguage

    init(_ language: PanelLanguage) {
        self.language = language
    }

    func words(for remedy: Remedy) -> String {
        guard language == .da else {
            let words = NeutralRemedyWording().words(for: remedy)
            return words.prefix(1).uppercased() + words.dropFirst() + "."
        }
        return switch remedy {
        case .initialise: "Opret replikaen først (econsync init)."
        case .upgradeReplica: "Lad en kommando, der skriver, opgradere replikaen først."
        case .listSettings: "Se listen over indstillinger."
        case .setConfig(let key): "Sæt indstillingen \(key)."
        case .setOrderLayout: "Vælg ordrelayout (orders.layout), eller synkroniser enheder for at hente e-conomics layouts."
        case .setHoursProduct(let hourType): "Giv timetype \(hourType) en vare, eller sæt orders.hoursProduct."
        case .setProjectCustomer(let project): "Giv projekt \(project) en kunde."
        case .syncCustomers: "Synkroniser kunderne (eller opret kunden i e-conomic)."
        case .setEmployeeNumber:
            "Giv medarbejderen sit e-conomic-medarbejdernummer, eller slå synkronisering af medarbejdere til (projects.syncEmployees)."
        case .mapActivity: "Knyt timetypen til en aktivitet i e-conomic."
        case .enableProductCreation: "Slå automatisk oprettelse af varer til (products.autoCreate) med en varegruppe, eller opret varen i e-conomic."
        case .deleteDraftOrder(let number): "Slet ordrekladde \(number) i e-conomic først, og frigiv den så igen."
        case .connect: "Forbind til e-conomic."
        case .checkGrantToken: "Kontroller, at hele tokenet fra e-conomics godkendelsesside kom med, og at appen blev godkendt der; forbind så igen."
        case .reconnect: "Forbind til e-conomic igen, og godkend adgangen på ny."
        case .disconnect: "Afbryd forbindelsen først for at skifte aftale."
        case .restrictCredentials(let path): "Gør \(path) privat (tilstand 600), eller forbind igen."
        case .reconcileFully: "En fuld sammenligning af alle poster henter e-conomic på ny og laver et nyt grundlag."
        case .resumeReconcile: "Gør den afbrudte sammenligning færdig først."
        case .finishSync: "Synkroniser igen: det afbrudte gøres færdigt, og en afbrudt afsendelse afklares først."
        case .resumeIntegration: "Genoptag integrationen."
        case .retryLater(.timeout): "Modulet kører igen, når det er tid; hænger det igen, så tjek netværket og e-conomics driftsstatus."
        case .retryLater(.rateLimit): "Modulet kører igen, når det er tid; en anden integration bruger måske aftalens API-kvote."
        case .retryLater(.network): "Intet går tabt: arbejdet i marken gemmes, og næste kørsel sender det, når e-conomic kan nås."
        case .waitForCooldown(let until): "Modulet kan køre igen kl. \(LocalTime.string(until)), eller tvinges nu."
        }
    }
}
