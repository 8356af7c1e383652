import Foundation

/// Amounts and quantities as the page's language writes them: a decimal
/// comma in Danish, a point in English.
///
/// ```swift
/// PanelNumber.amount(Decimal(string: "740.125")!, .da)   // "740,13"
/// PanelNumber.quantity(7.5, .da)                          // "7,5"
/// ```
enum PanelNumber {
    /// `value` rounded half away from zero to two decimals.
    static func amount(_ value: Decimal, _ language: PanelLanguage) -> String {
        var value = value, rounded = Decimal()
        NSDecimalRound(&rounded, &value, 2, .plain)
        let formatter = NumberFormatter()
        formatter.locale = Locale(identifier: language == .da ? "da_DK" : "en_GB")
        (formatter.numberStyle, formatter.minimumFractionDigits, formatter.maximumFractionDigits) = (.decimal, 2, 2)
        return formatter.string(from: NSDecimalNumber(decimal: rounded)) ?? "\(rounded)"
    }

    /// `value` as written, without trailing zeros.
    static func quantity(_ value: Double, _ language: PanelLanguage) -> String {
        let text = value == value.rounded() ? String(Int(value)) : "\(value)"
        return language == .da ? text.replacingOccurrences(of: ".", with: ",") : text
    }
}
