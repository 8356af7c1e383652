/// The values a setting with a fixed list may take (``ConfigKey/choices``),
/// each stored as its raw value and worded for people in the shared catalogue.
///
/// ```swift
/// OrderGrouping.date.rawValue     // "date": what `orders.grouping` stores
/// OrderGrouping.date.words(.da)   // "pr. timetype/vare og dag"
/// ```
public protocol SettingChoice: CaseIterable, RawRepresentable, Sendable where RawValue == String {
    /// The value as the office reads it, in `language`.
    func words(_ language: Language) -> String
}
