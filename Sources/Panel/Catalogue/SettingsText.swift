import Sync

/// The words of "Indstillinger" (the setup wizard's steps as forms), in
/// Danish and English. The step titles, the questions and the words the
/// command line's wizard says too come from the shared catalogue
/// (``SetupStep/name(_:)``, ``SetupStep/Question/words(_:)``, ``SetupWords``):
/// the brief's Danish ("Eksporter timer", "Standard debitorgruppe", …).
///
/// ```swift
/// SettingsText.title.in(.da)                                   // "Indstillinger"
/// SettingsText.question(SetupStep.steps[0].questions[0], .da)  // "Eksporter timer"
/// ```
enum SettingsText: CaseIterable, Sendable {
    case title, intro, saved, notReachable, notConnected, yes, no, none, notInEconomic
    case step, activityMapping, activityFor, noUnmapped, reviewHelp, activate, activatedAt
    case problemsTitle, notAChoice, notAFlag, notAnActivity, cannotUse

    /// The text in `language`.
    func `in`(_ language: PanelLanguage) -> String {
        let (da, en) = words
        return language == .da ? da : en
    }

    private var words: (da: String, en: String) {
        switch self {
        case .title: ("Indstillinger", "Settings")
        case .intro: ("Opsætningens trin som formularer: vælg, gennemgå og aktivér. Valgene hentes fra e-conomic.",
                      "The set-up wizard's steps as forms: choose, review and activate. The choices are fetched from e-conomic.")
        case .saved: ("Indstillingerne er gemt", "The settings are saved")
        case .notReachable: ("e-conomic kan ikke nås, så valgene kan ikke hentes. De nuværende værdier vises som tekstfelter.",
                             "e-conomic cannot be reached, so its choices cannot be fetched. The current values are shown as text fields.")
        case .notConnected: ("Ikke forbundet til e-conomic, så valgene kan ikke hentes. De nuværende værdier vises som tekstfelter.",
                             "Not connected to e-conomic, so its choices cannot be fetched. The current values are shown as text fields.")
        case .yes: SetupWords.yes.words
        case .no: SetupWords.no.words
        case .none: ("(ingen)", "(none)")
        case .notInEconomic: ("ikke i e-conomic", "not in e-conomic")
        case .step: SetupWords.step.words
        case .activityMapping: SetupWords.activityMapping.words
        case .activityFor: SetupWords.activityFor.words
        case .noUnmapped: ("Alle timetyper har en e-conomic aktivitet.", "Every hour type has an e-conomic activity.")
        case .reviewHelp: ("Gennemgå dine indstillinger og aktivér integrationen. Dette gemmes, med dine ændringer ovenfor:",
                           "Review your settings and activate the integration. This is stored, with your changes above:")
        case .activate: ("Gem og aktivér", "Save and activate")
        case .activatedAt: ("Integrationen blev aktiveret", "The integration was activated")
        case .problemsTitle: ("Intet er gemt. Ret disse felter:", "Nothing was saved. Correct these fields:")
        case .notAChoice: SetupWords.notAChoice.words
        case .notAFlag: ("svar ja eller nej", "answer yes or no")
        case .notAnActivity: SetupWords.notAnActivity.words
        case .cannotUse: ("kan ikke bruges", "cannot be used")
        }
    }

    /// The step's title: "Trin 3: Kundesynkronisering", in the shared catalogue's words.
    static func stepTitle(_ step: SetupStep, _ language: PanelLanguage) -> String {
        stepTitle(ofStep: step.number, language)
    }

    /// The title of step `number`, named as `econsync setup` names it: "Trin 5: Bekræftelse" ("Step 5: Review").
    static func stepTitle(ofStep number: Int, _ language: PanelLanguage) -> String {
        "\(SettingsText.step.in(language)) \(number): " + SetupStep.name(ofStep: number, language)
    }

    /// The question in the shared catalogue's words: the brief's Danish where it has it, else the wizard's prompt.
    static func question(_ question: SetupStep.Question, _ language: PanelLanguage) -> String {
        question.words(language)
    }

    /// Why `value` cannot answer `question`, naming the field: for the form's list of problems.
    static func problem(_ problem: SetupDraft.Problem, question: SetupStep.Question, value: String, _ language: PanelLanguage) -> String {
        let field = "\u{201C}\(Self.question(question, language))\u{201D} (\(question.key))"
        switch problem {
        case .notAChoice: return "\(field): \u{201C}\(value)\u{201D} \(SettingsText.notAChoice.in(language))"
        case .invalid(let reason) where question.isFlag: return "\(field): \(SettingsText.notAFlag.in(language)) (\(reason.words(language)))"
        case .invalid(let reason): return "\(field): \u{201C}\(value)\u{201D} \(SettingsText.cannotUse.in(language)): \(reason.words(language))"
        }
    }
}
