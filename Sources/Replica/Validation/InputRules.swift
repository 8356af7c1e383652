import Foundation

/// The rules for what a person types or imports, over every text and number
/// field of a record, for the fields a local write sets or changes:
///
/// - text holds no control characters: a NUL would cut it short in the
///   replica, an escape sequence would reach every terminal that lists it
///   (multi-line fields, ``multiLineFields``, may hold line breaks and tabs);
/// - numbers are finite and no larger than ``largestNumber`` (prices, rates,
///   quantities and hours that e-conomic could not hold, or no one meant).
///
/// Values pulled from e-conomic (``WriteOrigin/economic``) are not held to
/// them, and neither are values a change leaves as they were.
struct InputRules {
    let check: Validation

    init(_ check: Validation) {
        self.check = check
    }

    /// The largest amount, rate or quantity accepted.
    static let largestNumber = 999_999_999.99

    /// The fields that may hold several lines.
    static let multiLineFields: Set<String> = ["note", "description", "address"]

    /// Checks the text and number fields of `record` that differ from `previous`.
    func check<R: ReplicaRecord>(_ record: R, previous: R?) throws {
        guard check.origin == .local else { return }
        let old = previous.map(FieldCollector.fields) ?? [:]
        for (field, value) in FieldCollector.fields(of: record).sorted(by: { $0.key < $1.key }) where !Self.same(old[field], value) {
            switch value {
            case .text(let text): try self.text(text, field)
            case .number(let number): try self.number(number, field)
            }
        }
    }

    /// Requires text without control characters (line breaks and tabs allowed in multi-line fields).
    func text(_ value: String, _ field: String) throws {
        let multiLine = Self.multiLineFields.contains(field)
        let allowed: Set<Unicode.Scalar> = multiLine ? ["\n", "\r", "\t"] : []
        guard let bad = value.unicodeScalars.first(where: { $0.properties.generalCategory == .control && !allowed.contains($0) }) else {
            return
        }
        if bad == "\0" {
            throw check.error(field: field, .nul)
        }
        let code = String(bad.value, radix: 16, uppercase: true)
        throw check.error(field: field, .controlCharacter(code: String(repeating: "0", count: max(0, 4 - code.count)) + code, multiLine: multiLine))
    }

    /// Requires a finite number no larger than ``largestNumber``.
    func number(_ value: Double, _ field: String) throws {
        guard value.isFinite else {
            throw check.error(field: field, .notNumber("\(value)"))
        }
        if abs(value) > Self.largestNumber {
            throw check.error(field: field, .tooLarge(Validation.format(value)))
        }
    }

    /// Whether a field keeps its value (NaN keeps NaN).
    private static func same(_ old: FieldCollector.Value?, _ new: FieldCollector.Value) -> Bool {
        if case .number(let before)? = old, case .number(let after) = new { return before == after || (before.isNaN && after.isNaN) }
        return old == new
    }
}
