import ArgumentParser

/// A number as a Danish office types it: a decimal comma (`7,5`, with dots
/// grouping thousands: `1.234,50`) or a decimal point (`7.5`). With a comma
/// in it, the comma is the decimal separator and every dot must group three
/// digits; without one, a dot is the decimal point.
///
/// ```swift
/// @Option var hours: Amount?     // --hours 7,5  →  hours?.value == 7.5
/// ```
struct Amount: ExpressibleByArgument, Equatable {
    var value: Double

    init?(argument: String) {
        guard let value = Self.parse(argument) else { return nil }
        self.value = value
    }

    static func parse(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.contains(",") else { return Double(trimmed).flatMap { $0.isFinite ? $0 : nil } }
        let parts = trimmed.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[1].isEmpty, parts[1].allSatisfy(\.isNumber) else { return nil }
        let groups = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        guard let first = groups.first, groups.dropFirst().allSatisfy({ $0.count == 3 && $0.allSatisfy(\.isNumber) }) else { return nil }
        let digits = first.hasPrefix("-") ? first.dropFirst() : first[...]
        guard !digits.isEmpty, digits.allSatisfy(\.isNumber), groups.count == 1 || digits.count <= 3 else { return nil }
        return Double(groups.joined() + "." + parts[1])
    }

    static var defaultCompletionKind: CompletionKind { .default }
}

extension Optional where Wrapped == Amount {
    /// The number, if one was given.
    var value: Double? { self?.value }
}
