import Foundation
import Snapshot

extension FilterExpression {
    /// Whether `record` (an entity's JSON) satisfies the expression.
    func matches(_ record: JSONValue) -> Bool {
        matcher()(record)
    }

    /// The expression ready to test many records: each property path split
    /// and each value's text (and the time it names) worked out once, not
    /// once per record (a `lastUpdated` filter over 100,000 customers).
    func matcher() -> @Sendable (JSONValue) -> Bool {
        switch self {
        case .and(let parts):
            let tests = parts.map { $0.matcher() }
            return { record in tests.allSatisfy { $0(record) } }
        case .or(let parts):
            let tests = parts.map { $0.matcher() }
            return { record in tests.contains { $0(record) } }
        case .condition(let property, let op, let value):
            let path = property.split(separator: ".")
            let comparands = Comparand.all(in: value)
            return { record in
                var field = record.value(at: path)
                if case .null? = field { field = nil }
                return Self.holds(field, op, value, comparands)
            }
        }
    }

    /// A value's text as compared (a `*` for a wildcard), and the time it names, if any: worked out once per filter.
    struct Comparand: Sendable {
        var text: String
        var time: Date?

        init(_ text: String) {
            self.text = text
            time = Timestamps.parse(text)
        }

        /// The texts `value` compares with: its text, or each item of its list.
        static func all(in value: Value) -> [Comparand] {
            switch value {
            case .text(let units):
                [Comparand(String(units.map { unit -> Character in
                    if case .char(let character) = unit { return character }
                    return "*"
                }))]
            case .list(let items): items.map(Comparand.init)
            case .null, .unmatchable: []
            }
        }
    }

    /// Whether a record whose property is `field` (nil when absent or null)
    /// meets `op value`; `comparands` are `value`'s (``Comparand/all(in:)``).
    private static func holds(_ field: JSONValue?, _ op: Operator, _ value: Value, _ comparands: [Comparand]) -> Bool {
        switch value {
        case .unmatchable:
            return false
        case .null:
            switch op {
            case .eq: return field == nil
            case .ne: return field != nil
            default: return false
            }
        case .list:
            let found = field.map { field in comparands.contains { Self.compare(field, $0) == .orderedSame } } ?? false
            return op == .in ? found : (op == .nin ? !found : false)
        case .text(let units):
            guard let field else { return op == .ne }
            if op == .like { return Self.like(field, units) }
            guard let comparand = comparands.first, let order = Self.compare(field, comparand) else { return op == .ne }
            switch op {
            case .eq: return order == .orderedSame
            case .ne: return order != .orderedSame
            case .gt: return order == .orderedDescending
            case .gte: return order != .orderedAscending
            case .lt: return order == .orderedAscending
            case .lte: return order != .orderedDescending
            default: return false
            }
        }
    }

    /// How `field` compares to the filter value: numbers numerically,
    /// timestamps and dates by time, strings case-insensitively; nil when they
    /// cannot be compared.
    static func compare(_ field: JSONValue, _ comparand: Comparand) -> ComparisonResult? {
        let text = comparand.text
        switch field {
        case .number:
            guard let left = field.decimalValue, let right = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")),
                  CanonicalJSON.canonicalNumber(text) != nil else { return nil }
            return left == right ? .orderedSame : (left < right ? .orderedAscending : .orderedDescending)
        case .bool(let flag):
            switch text.lowercased() {
            case "true": return flag ? .orderedSame : .orderedDescending
            case "false": return flag ? .orderedDescending : .orderedSame
            default: return nil
            }
        case .string(let value):
            if let right = comparand.time, let left = Timestamps.parse(value) {
                return left == right ? .orderedSame : (left < right ? .orderedAscending : .orderedDescending)
            }
            return compareText(value, text)
        default:
            return nil
        }
    }

    static func compareText(_ left: String, _ right: String) -> ComparisonResult {
        let a = left.lowercased(), b = right.lowercased()
        return a == b ? .orderedSame : (a < b ? .orderedAscending : .orderedDescending)
    }

    /// `$like:`: `*` matches any run of characters; without a wildcard the value
    /// need only occur somewhere (contains); case-insensitive.
    static func like(_ field: JSONValue, _ units: [Unit]) -> Bool {
        let subject: String
        switch field {
        case .string(let text): subject = text
        case .number(let text): subject = text
        default: return false
        }
        var pattern = units.map { unit -> Unit in
            if case .char(let character) = unit { return .char(Character(character.lowercased())) }
            return unit
        }
        if !pattern.contains(.star) { pattern = [.star] + pattern + [.star] }
        let characters = Array(subject.lowercased())
        // Classic wildcard matching with backtracking to the last star.
        var s = 0, p = 0
        var starAt: Int?
        var matchAt = 0
        while s < characters.count {
            if p < pattern.count, case .char(let character) = pattern[p], character == characters[s] {
                s += 1
                p += 1
            } else if p < pattern.count, pattern[p] == .star {
                starAt = p
                matchAt = s
                p += 1
            } else if let star = starAt {
                p = star + 1
                matchAt += 1
                s = matchAt
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == .star { p += 1 }
        return p == pattern.count
    }
}
