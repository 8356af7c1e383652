import Replica
import Sync
import Vocabulary

/// The words for a record not in e-conomic ("Venter"): its kind, where it
/// stands, and each reason with what to do, as `econsync why` explains it
/// with the panel's words for the CLI's commands.
extension PanelText {
    /// A record's state in words.
    static func recordState(_ state: RecordStatus.State) -> PanelText {
        switch state {
        case .synced: .synced
        case .changed: .changed
        case .new: .new
        case .deleted: .deleted
        }
    }

    /// A kind of record as the office names it.
    static func kind(_ kind: Kind, _ language: PanelLanguage) -> String {
        let (da, en): (String, String) = switch kind {
        case .unit: ("Enhed", "Unit")
        case .product: ("Vare", "Product")
        case .productGroup: ("Varegruppe", "Product group")
        case .customer: ("Kunde", "Customer")
        case .contact: ("Kontaktperson", "Contact")
        case .customerGroup: ("Kundegruppe", "Customer group")
        case .paymentTerm: ("Betalingsbetingelse", "Payment term")
        case .vatZone: ("Momszone", "VAT zone")
        case .layout: ("Layout", "Layout")
        case .supplier: ("Leverandør", "Supplier")
        case .employee: ("Medarbejder", "Employee")
        case .hourType: ("Timetype", "Hour type")
        case .project: ("Projekt", "Project")
        case .timeEntry: ("Timeregistrering", "Time entry")
        case .material: ("Materiale", "Material")
        case .order: ("Ordre", "Order")
        case .department: ("Afdeling", "Department")
        }
        return language == .da ? da : en
    }

    /// Why a record of `module` is not in e-conomic (`headline` in the brief's
    /// words for what the last run recorded, `detail` the run's own words), and what to do.
    static func reason(_ reason: RecordStatus.Reason, module recordModule: Module, _ language: PanelLanguage)
        -> (headline: String, detail: String?, remedy: String) {
        let da = language == .da
        let name = module(recordModule, language)
        switch reason {
        case .paused:
            return (da ? "Integrationen er sat på pause: intet sendes, før den genoptages." : "The integration is paused: nothing is sent until it is resumed.",
                    nil, PanelRemedyWording(language).words(for: .resumeIntegration))
        case .moduleOff(let module):
            return (da ? "Modulet \(name) er slået fra." : "The \(name) module is switched off.", nil,
                    PanelRemedyWording(language).words(for: .setConfig(key: "\(module.rawValue).enabled")))
        case .importOnly:
            return (da ? "Modulet \(name) henter kun fra e-conomic: ændringer i Mobilplan sendes ikke, og næste kørsel sætter e-conomics værdier tilbage."
                        : "The \(name) module only imports: changes in Mobilplan are not sent, and its next run puts e-conomic's values back.",
                    nil, da ? "Ret posten i e-conomic." : "Change the record in e-conomic.")
        case .notApproved:
            return (da ? "Ikke godkendt: kun godkendte registreringer sendes." : "Not approved: only approved registrations are sent.", nil,
                    da ? "Godkend registreringen i Mobilplan." : "Approve the registration in Mobilplan.")
        case .awaitsOrderExport:
            return (da ? "Materialer kommer til e-conomic på en ordrekladde." : "Materials reach e-conomic on a draft order.", nil,
                    da ? "Eksportér projektets ordre, når projektet er klar." : "Export the project's order when the project is ready.")
        case .lastRun(let recorded):
            let code = reason.error?.code ?? .blocked
            let title = code == .blocked ? (da ? "Blokeret ved seneste kørsel" : "Blocked by the last run") : Self.headline(code, language)
            let remedy = reason.error?.remedy.map { PanelRemedyWording(language).words(for: $0) }
            return (title, recorded, remedy ?? (da ? "Ret posten; næste kørsel prøver igen." : "Correct the record; the next run tries again."))
        case .pushUnsettled(let action):
            return (da ? "En afsendelse (\(action)) blev afbrudt og er ikke afsluttet." : "A push (\(action)) was cut off and is not settled.", nil,
                    PanelRemedyWording(language).words(for: .finishSync))
        case .pushFailed(let failure):
            return (da ? "Seneste afsendelse fejlede." : "Its last push failed.", failure,
                    da ? "Næste kørsel prøver igen; ret posten, hvis fejlen bliver ved." : "The next run tries again; correct the record if the error stays.")
        case .nextRun:
            return (da ? "Intet stopper den: næste kørsel af \(name) sender den." : "Nothing stops it: the next \(name) run sends it.", nil,
                    da ? "\"\(PanelText.syncNow.in(language))\" på oversigten sender den med det samme." : "\"\(PanelText.syncNow.in(language))\" on the overview sends it at once.")
        }
    }
}
