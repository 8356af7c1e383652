import Sync

/// The words for an audit's findings ("Revision").
extension PanelText {
    /// A discrepancy an audit found, as the office reads it.
    static func problem(_ problem: Audit.Finding.Problem, _ language: PanelLanguage) -> String {
        let (da, en): (String, String) = switch problem {
        case .missingInEconomic: ("mangler i e-conomic", "missing in e-conomic")
        case .missingInReplica: ("mangler i Mobilplan", "missing in Mobilplan")
        case .mismatch: ("felter afviger", "fields differ")
        case .approvedNotTransferred: ("godkendt, ikke overført", "approved, not transferred")
        case .withoutKey: ("uden e-conomic-nummer", "no e-conomic number")
        }
        return language == .da ? da : en
    }
}
