import Vocabulary

/// What every front end says about the records waiting (the panel's
/// "Venter", `econsync pending`), in Danish and English.
///
/// ```swift
/// PendingRecords.nothingWaits(.da)   // "Alt er i e-conomic, som Mobilplan har det."
/// pending.shown(.en)                 // "Showing the first 500 of 1204" (nil when every one is shown)
/// ```
extension PendingRecords {
    /// No record waits.
    public static func nothingWaits(_ language: Language) -> String {
        language == .da ? "Alt er i e-conomic, som Mobilplan har det." : "Everything is in e-conomic as Mobilplan has it."
    }

    /// How many are shown of how many wait, when the limit left some out; nil when every waiting record is shown.
    public func shown(_ language: Language) -> String? {
        guard records.count < total else { return nil }
        return language == .da ? "Viser de første \(records.count) af \(total)" : "Showing the first \(records.count) of \(total)"
    }
}
