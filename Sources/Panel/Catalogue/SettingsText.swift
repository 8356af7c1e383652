import Sync

/// The words of "Indstillinger" (the setup wizard's steps as forms), in
/// Danish and English. The questions and step titles use the brief's Danish
/// wording ("Eksporter timer", "Standard debitorgruppe", …); in English they
/// are the CLI wizard's own prompts (``SetupStep``).
///
/// ```swift
/// SettingsText.title.in(.da)                                   // "Indstillinger"
/// SettingsText.question(SetupStep.steps[0].questions[0], .da)  // "Eksporter timer"
/// ```
enum SettingsText: CaseIterable, Sendable {
    case title, intro, saved, notReachable, notConnected, yes, no, none, notInEconomic
    case step, activityMapping, activityFor, noUnmapped, review, reviewHelp, activate, activatedAt
    case problemsTitle, notAChoice, notAFlag, notAnActivity, cannotUse

    /// The text in `language`.
    func `in`(_ language: PanelLanguage) -> String {
        let (da, en) = words
        return language == .da ? da : en
    }

    private var words: (String, String) {
        switch self {
        case .title: ("Indstillinger", "Settings")
        case .intro: ("Opsætningens trin som formularer: vælg, gennemgå og aktivér. Valgene hentes fra e-conomic.",
                      "The set-up wizard's steps as forms: choose, review and activate. The choices are fetched from e-conomic.")
        case .saved: ("Indstillingerne er gemt", "The settings are saved")
        case .notReachable: ("e-conomic kan ikke nås, så valgene kan ikke hentes. De nuværende værdier vises som tekstfelter.",
                             "e-conomic cannot be reached, so its choices cannot be fetched. The current values are shown as text fields.")
        case .notConnected: ("Ikke forbundet til e-conomic, så valgene kan ikke hentes. De nuværende værdier vises som tekstfelter.",
                             "Not connected to e-conomic, so its choices cannot be fetched. The current values are shown as text fields.")
        case .yes: ("ja", "yes")
        case .no: ("nej", "no")
        case .none: ("(ingen)", "(none)")
        case .notInEconomic: ("ikke i e-conomic", "not in e-conomic")
        case .step: ("Trin", "Step")
        case .activityMapping: ("Aktivitetsmapping", "Activity mapping")
        case .activityFor: ("Aktivitet for timetypen", "Activity for hour type")
        case .noUnmapped: ("Alle timetyper har en e-conomic aktivitet.", "Every hour type has an e-conomic activity.")
        case .review: ("Bekræftelse", "Review and activate")
        case .reviewHelp: ("Gennemgå dine indstillinger og aktivér integrationen. Dette gemmes, med dine ændringer ovenfor:",
                           "Review your settings and activate the integration. This is stored, with your changes above:")
        case .activate: ("Gem og aktivér", "Save and activate")
        case .activatedAt: ("Integrationen blev aktiveret", "The integration was activated")
        case .problemsTitle: ("Intet er gemt. Ret disse felter:", "Nothing was saved. Correct these fields:")
        case .notAChoice: ("er ikke et af e-conomics valg", "is not one of e-conomic's choices")
        case .notAFlag: ("svar ja eller nej", "answer yes or no")
        case .notAnActivity: ("er ikke en af e-conomics aktiviteter", "is not one of e-conomic's activities")
        case .cannotUse: ("kan ikke bruges", "cannot be used")
        }
    }

    /// Step `number`'s title: the brief's Danish, else the wizard's own.
    static func stepTitle(_ step: SetupStep, _ language: PanelLanguage) -> String {
        let danish = [2: "Ordre/faktura-eksport", 3: "Kundesynkronisering", 4: "Projektsynkronisering"][step.number]
        return "\(SettingsText.step.in(language)) \(step.number): " + (language == .da ? danish ?? step.title : step.title)
    }

    /// The question in words: the brief's Danish where it has it, else the wizard's prompt.
    static func question(_ question: SetupStep.Question, _ language: PanelLanguage) -> String {
        guard language == .da else { return question.prompt }
        return danishQuestions[question.key] ?? question.prompt
    }

    /// The Danish questions, by setting (the brief's words for its steps' settings).
    private static let danishQuestions: [String: String] = [
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

    /// Why `value` cannot answer `question`, naming the field: for the form's list of problems.
    static func problem(_ problem: SetupDraft.Problem, question: SetupStep.Question, value: String, _ language: PanelLanguage) -> String {
        let field = "\u{201C}\(Self.question(question, language))\u{201D} (\(question.key))"
        switch problem {
        case .notAChoice: return "\(field): \u{201C}\(value)\u{201D} \(SettingsText.notAChoice.in(language))"
        case .invalid(let reason) where question.isFlag: return "\(field): \(SettingsText.notAFlag.in(language)) (\(reason))"
        case .invalid(let reason): return "\(field): \u{201C}\(value)\u{201D} \(SettingsText.cannotUse.in(language)): \(reason)"
        }
    }
}
