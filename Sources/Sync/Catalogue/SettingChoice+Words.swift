import Reconcile

/// The values of the settings with a fixed list in words every front end
/// shares (the panel's "Indstillinger" offers them by these): what each
/// means, in Danish and English; the setting stores the raw value.
///
/// ```swift
/// ProjectSettings.SubProjects.mergeIntoParent.words(.da)   // "lagt sammen med hovedprojektet"
/// ```
extension OrderGrouping: SettingChoice {
    /// How registrations share an order line, in words.
    public func words(_ language: Language) -> String {
        let (da, en): (String, String) = switch self {
        case .none: ("én linje pr. registrering", "one line per registration")
        case .type: ("pr. timetype/vare", "per hour type or product")
        case .typeEmployee: ("pr. timetype/vare og medarbejder", "per hour type or product and employee")
        case .date: ("pr. timetype/vare og dag", "per hour type or product and day")
        case .product: ("pr. e-conomic-vare", "per e-conomic product")
        }
        return language == .da ? da : en
    }
}

extension KindMapping.Direction: SettingChoice {
    /// Which way records flow, in words.
    public func words(_ language: Language) -> String {
        let (da, en): (String, String) = switch self {
        case .both: ("begge veje", "both ways")
        case .importOnly: ("kun fra e-conomic (import)", "from e-conomic only (import)")
        case .exportOnly: ("kun til e-conomic (eksport)", "to e-conomic only (export)")
        }
        return language == .da ? da : en
    }
}

extension ProjectSettings.BookOn: SettingChoice {
    /// The date auto-approved hours are booked on, in words.
    public func words(_ language: Language) -> String {
        let (da, en): (String, String) = switch self {
        case .registration: ("registreringsdatoen", "the registration date")
        case .endOfMonth: ("månedens udgang (i dag for denne måned)", "the end of the month (today for this month's)")
        }
        return language == .da ? da : en
    }
}

extension ProjectSettings.SubProjects: SettingChoice {
    /// How sub-projects reach e-conomic, in words.
    public func words(_ language: Language) -> String {
        let (da, en): (String, String) = switch self {
        case .linked: ("knyttet til hovedprojektet", "linked to the main project")
        case .mergeIntoParent: ("lagt sammen med hovedprojektet", "merged into the main project")
        case .standalone: ("selvstændige projekter", "standalone projects")
        }
        return language == .da ? da : en
    }
}

extension Language: SettingChoice {
    /// The language's name, in words.
    public func words(_ language: Language) -> String {
        let (da, en): (String, String) = switch self {
        case .da: ("dansk", "Danish")
        case .en: ("engelsk", "English")
        }
        return language == .da ? da : en
    }
}
