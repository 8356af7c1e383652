/// The setup wizard in words every front end shares (`econsync setup`, the
/// panel's "Indstillinger"): the brief's names for its five steps and its
/// settings ("Trin 3: Kundesynkronisering", "Standard debitorgruppe"), in
/// Danish and English.
///
/// ```swift
/// SetupStep.steps[1].name(.da)                  // "Kundesynkronisering"
/// SetupStep.name(ofStep: 5, .da)                // "Bekræftelse"
/// SetupStep.steps[1].questions[2].words(.da)    // "Standard debitorgruppe"
/// SetupWords.activityFor.in(.da)                // "Aktivitet for timetypen"
/// ```
extension SetupStep {
    /// The step's name: the brief's in Danish ("Ordre/faktura-eksport"), the wizard's in English.
    public func name(_ language: Language) -> String {
        Self.name(ofStep: number, language)
    }

    /// The name of step `number` of the brief's five (1, connect, and 5, review, too); step 5's for a number after 4.
    public static func name(ofStep number: Int, _ language: Language) -> String {
        let (da, en): (String, String) = switch number {
        case 1: ("Forbind til e-conomic", "Connect to e-conomic")
        case 2: ("Ordre/faktura-eksport", "Order/invoice export")
        case 3: ("Kundesynkronisering", "Customer sync")
        case 4: ("Projektsynkronisering", "Project sync")
        default: ("Bekræftelse", "Review")
        }
        return language == .da ? da : en
    }
}

extension SetupStep.Question {
    /// The question in words: the brief's Danish for its setting, the wizard's ``prompt`` in English.
    public func words(_ language: Language) -> String {
        guard language == .da else { return prompt }
        return Self.danish[key] ?? prompt
    }

    /// The question as a command line asks it, where the answer is typed: the
    /// words, with the values a fixed list takes ("Underprojekter (linked,
    /// merge-into-parent, standalone)"; the English prompt names them already).
    public func asked(_ language: Language) -> String {
        guard language == .da, Self.danish[key] != nil, let choices = (try? ConfigKey.named(key))?.choices else { return words(language) }
        return words(language) + " (" + choices.joined(separator: ", ") + ")"
    }

    /// The Danish questions, by setting (the brief's words for its steps' settings).
    private static let danish: [String: String] = [
        "orders.exportHours": "Eksporter timer",
        "orders.exportMaterials": "Eksporter materialer",
        "orders.hoursText": "Tekststreng for timer",
        "orders.materialsText": "Tekststreng for materialer",
        "orders.grouping": "Gruppér linjer",
        "orders.layout": "Ordre-skabelon (layout)",
        "orders.hoursProduct": "Vare, som timer faktureres på",
        "products.productGroup": "Varegruppe for automatisk oprettede varer",
        "customers.syncCVR": "Synkroniser CVR (valider og match kunder på CVR-nummer)",
        "customers.syncGroups": "Synkroniser kundegrupper",
        "customers.defaultGroup": "Standard debitorgruppe",
        "customers.paymentTerms": "Betalingsbetingelser",
        "customers.syncContacts": "Synkroniser kontaktpersoner",
        "projects.syncHours": "Synkroniser timer",
        "projects.syncMaterials": "Synkroniser materialer",
        "projects.syncEmployees": "Synkroniser medarbejdere (match på nummer, e-mail, navn)",
        "projects.direction": "Bi-direktional sync: retning",
        "projects.projectGroup": "Projektgruppe for projekter oprettet i marken",
        "projects.autoApprove": "Auto-godkendelse i e-conomic",
        "projects.bookOn": "Bogfør godkendte timer på",
        "projects.useEmployeeRates": "Brug medarbejdersatser",
        "projects.subProjects": "Underprojekter",
    ]
}

/// The wizard's other shared words: how a step is counted, the activity
/// mapping of step 4, yes and no, and why an answer is not e-conomic's.
public enum SetupWords: CaseIterable, Sendable {
    case step, activityMapping, activityFor, yes, no, notAChoice, notAnActivity

    /// The words in `language`.
    public func `in`(_ language: Language) -> String {
        language == .da ? words.da : words.en
    }

    /// The words in Danish and in English.
    public var words: (da: String, en: String) {
        switch self {
        case .step: ("Trin", "Step")
        case .activityMapping: ("Aktivitetsmapping", "Activity mapping")
        case .activityFor: ("Aktivitet for timetypen", "Activity for hour type")
        case .yes: ("ja", "yes")
        case .no: ("nej", "no")
        case .notAChoice: ("er ikke et af e-conomics valg", "is not one of e-conomic's choices")
        case .notAnActivity: ("er ikke en af e-conomics aktiviteter", "is not one of e-conomic's activities")
        }
    }

    /// A flag's value in words: `ja` or `nej` (`yes` or `no`).
    public static func flag(_ value: String, _ language: Language) -> String {
        (value == "true" ? yes : no).in(language)
    }
}
