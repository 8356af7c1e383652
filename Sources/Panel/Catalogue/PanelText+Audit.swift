import Sync

/// The words for an audit's findings ("Revision").
extension PanelText {
    /// A discrepancy an audit found, as the office reads it.
    static func problem(_ problem: Audit.Finding.Problem, _ language: PanelLanguage) -> String {
        // The shared catalogue's Danish; in English the panel says Mobilplan and number, as the office does.
        switch (problem, language) {
        case (_, .da): problem.words(.da)
        case (.missingInReplica, .en): "missing in Mobilplan"
        case (.withoutKey, .en): "no e-conomic number"
        case (_, .en): problem.rawValue
        }
    }
}
