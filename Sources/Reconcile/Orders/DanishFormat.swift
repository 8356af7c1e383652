import Foundation

/// Danish formatting of the values order line templates show.
enum DanishFormat {
    /// `2026-11-27` as `27-11-2026`; any other text is returned as it is.
    static func date(_ day: String) -> String {
        let parts = day.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return day }
        return "\(parts[2])-\(parts[1])-\(parts[0])"
    }

    /// One day, or `first–last` (en dash) when `first` and `last` differ.
    static func dateRange(_ first: String, _ last: String) -> String {
        first == last ? date(first) : "\(date(first))–\(date(last))"
    }

    /// A quantity with a decimal comma and no trailing zeros: `7,5`, `2`, `0,25`.
    static func quantity(_ value: Decimal) -> String {
        value.description.replacingOccurrences(of: ".", with: ",")
    }

    /// A `Double` as the decimal number it is written as (`0.1` is 0.1, not 0.1000000000000000055…).
    static func decimal(_ value: Double) -> Decimal {
        Decimal(string: "\(value)", locale: Locale(identifier: "en_US_POSIX")) ?? Decimal(value)
    }

    /// `text` cut at a character boundary to at most `limit` UTF-16 units, which also bounds its characters and scalars.
    static func truncated(_ text: String, to limit: Int) -> String {
        guard text.utf16.count > limit else { return text }
        var result = ""
        var used = 0
        for character in text {
            let size = character.utf16.count
            if used + size > limit { break }
            result.append(character)
            used += size
        }
        return result
    }
}
