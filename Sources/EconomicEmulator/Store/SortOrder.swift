import Foundation
import Snapshot

/// A parsed `sort=` parameter: `name`, `-name` (descending), `name,-customerNumber`,
/// `~name` (alphabetical even for numbers). Strings sort case-insensitively;
/// missing values first; ties keep key order.
struct SortOrder: Sendable {
    struct Key: Sendable {
        var path: [Substring]
        var descending: Bool
        var alphabetical: Bool
    }

    var keys: [Key]

    /// Parses `text`; every property must be in `allowed`.
    static func parse(_ text: String, allowed: Set<String>) throws(FilterExpression.Failure) -> SortOrder {
        var keys: [Key] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            var name = part.trimmingCharacters(in: .whitespaces)[...]
            var descending = false, alphabetical = false
            while let first = name.first, first == "-" || first == "~" || first == "+" {
                if first == "-" { descending = true }
                if first == "~" { alphabetical = true }
                name = name.dropFirst()
            }
            guard !name.isEmpty, allowed.contains(String(name)) else {
                throw FilterExpression.Failure(message: "Sorting is not allowed on property '\(name)'.", property: String(name))
            }
            keys.append(Key(path: name.split(separator: "."), descending: descending, alphabetical: alphabetical))
        }
        return SortOrder(keys: keys)
    }

    /// `items` sorted; `items` come in key order and equal items keep it.
    func sorted<T>(_ items: [T], value: (T) -> JSONValue) -> [T] {
        guard !keys.isEmpty else { return items }
        let indexed = items.enumerated().map { ($0.offset, $0.element, value($0.element)) }
        return indexed.sorted { left, right in
            for key in keys {
                let order = Self.compare(left.2.value(at: key.path), right.2.value(at: key.path), alphabetical: key.alphabetical)
                if order != .orderedSame {
                    return key.descending ? order == .orderedDescending : order == .orderedAscending
                }
            }
            return left.0 < right.0
        }.map(\.1)
    }

    static func compare(_ left: JSONValue?, _ right: JSONValue?, alphabetical: Bool) -> ComparisonResult {
        switch (left, right) {
        case (nil, nil), (.null?, .null?): return .orderedSame
        case (nil, _), (.null?, _): return .orderedAscending
        case (_, nil), (_, .null?): return .orderedDescending
        case (.number(let a)?, .number(let b)?) where !alphabetical:
            let x = Decimal(string: a) ?? 0, y = Decimal(string: b) ?? 0
            return x == y ? .orderedSame : (x < y ? .orderedAscending : .orderedDescending)
        case (.bool(let a)?, .bool(let b)?):
            return a == b ? .orderedSame : (!a ? .orderedAscending : .orderedDescending)
        case (let a?, let b?):
            return FilterExpression.compareText(text(a), text(b))
        }
    }

    static func text(_ value: JSONValue) -> String {
        switch value {
        case .string(let text), .number(let text): text
        default: CanonicalJSON.string(value)
        }
    }
}
