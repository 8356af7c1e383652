/// A Danish CVR number (company registration number): 8 digits, the first
/// never 0, the last a modulus-11 check digit over the weights 2,7,6,5,4,3,2,1.
///
/// ```swift
/// CVR.problem(with: "13748136")  // nil: valid
/// CVR.normalized("DK 1374 8136") // "13748136"
/// ```
public enum CVR {
    static let weights = [2, 7, 6, 5, 4, 3, 2, 1]

    /// The form stored in the replica: spaces and an optional `DK` prefix removed.
    public static func normalized(_ text: String) -> String {
        var value = text.filter { !$0.isWhitespace }
        if value.uppercased().hasPrefix("DK") { value.removeFirst(2) }
        return value
    }

    /// Why `text` is not a valid CVR number, or nil when it is one.
    public static func problem(with text: String) -> ReplicaProblem? {
        let digits = text.compactMap { $0.isASCII ? $0.wholeNumberValue : nil }
        guard digits.count == 8, text.count == 8 else { return .cvrLength(text) }
        guard digits[0] != 0 else { return .cvrLeadingZero(text) }
        let sum = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return sum % 11 == 0 ? nil : .cvrChecksum(text)
    }

    /// Whether `text` is a valid CVR number.
    public static func isValid(_ text: String) -> Bool { problem(with: text) == nil }

    /// The check digit that completes 7 leading digits, or nil when no valid
    /// CVR number starts with them (weighted remainder 1).
    public static func checkDigit(for first7: [Int]) -> Int? {
        precondition(first7.count == 7)
        let sum = zip(first7, weights).reduce(0) { $0 + $1.0 * $1.1 }
        let remainder = sum % 11
        if remainder == 0 { return 0 }
        if remainder == 1 { return nil }
        return 11 - remainder
    }
}
