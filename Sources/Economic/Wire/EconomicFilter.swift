/// A `filter=` expression in e-conomic's syntax (REFERENCE §2.3), built from
/// clauses whose values are escaped: `$`→`$$`, `(`→`$(`, `)`→`$)`, `*`→`$*`,
/// `,`→`$,`. Brackets are left as they are: e-conomic matches nothing for `$[`.
/// The same syntax serves legacy REST and the OpenAPI services.
///
/// ```swift
/// EconomicFilter.equals("name", "Byg (Nord) $2").text                 // "name$eq:Byg $(Nord$) $$2"
/// EconomicFilter.equals("customer.customerNumber", "7").and(.equals("date", "2026-11-02"))
/// ```
public struct EconomicFilter: Sendable, Hashable, CustomStringConvertible {
    /// A comparison of a property with one value.
    public enum Operator: String, Sendable, CaseIterable {
        case equals = "$eq:", notEquals = "$ne:", greaterThan = "$gt:", greaterThanOrEqual = "$gte:",
             lessThan = "$lt:", lessThanOrEqual = "$lte:"
    }

    /// The expression as e-conomic reads it (the client percent-encodes it into the query).
    public let text: String

    public var description: String { text }

    /// `property` compared with `value` by `op`; the value is escaped.
    public init(_ property: String, _ op: Operator, _ value: String) {
        text = property + op.rawValue + Self.escape(value)
    }

    private init(text: String) {
        self.text = text
    }

    /// `property$eq:value`, the value escaped.
    public static func equals(_ property: String, _ value: String) -> EconomicFilter {
        EconomicFilter(property, .equals, value)
    }

    /// The most values one `$in:` list may hold: e-conomic refuses 201 (REFERENCE §2.3).
    public static let maxListValues = 200

    /// `property$in:[1,2,3]`: the property is one of `values` (numbers; 1 to
    /// ``maxListValues`` of them, more is a programming error).
    ///
    /// ```swift
    /// EconomicFilter.isIn("orderNumber", [7, 9]).text   // "orderNumber$in:[7,9]"
    /// ```
    public static func isIn(_ property: String, _ values: [Int64]) -> EconomicFilter {
        precondition((1...maxListValues).contains(values.count), "an $in: list holds 1 to \(maxListValues) values")
        return EconomicFilter(text: property + "$in:[" + values.map(String.init).joined(separator: ",") + "]")
    }

    /// Both this filter and `other` (`$and:`). `$and:` binds tighter than
    /// `$or:`, so clauses chained this way never need parentheses.
    public func and(_ other: EconomicFilter) -> EconomicFilter {
        EconomicFilter(text: text + "$and:" + other.text)
    }

    /// The characters a filter value escapes with a `$` before them.
    static let escaped: Set<Unicode.Scalar> = ["$", "(", ")", "*", ","]

    /// `value` with e-conomic's filter escapes.
    public static func escape(_ value: String) -> String {
        var result = ""
        for scalar in value.unicodeScalars {
            if escaped.contains(scalar) { result.unicodeScalars.append("$") }
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}
