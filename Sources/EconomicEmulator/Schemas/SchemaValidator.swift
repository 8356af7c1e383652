import Foundation
import Snapshot

/// Checks a JSON value against a ``JSONSchema`` and lists every violation,
/// depth first, properties in name order (so answers are stable).
///
/// It covers the subset of draft-03 and OpenAPI 3.0 that e-conomic's published
/// write schemas use: `type` (unions; `integer` is a number without a
/// fraction), `required`, `minLength`/`maxLength` (in Unicode scalars),
/// `minimum`/`maximum` (± exclusive), e-conomic's `maxDecimal`, `pattern`,
/// `enum`, `format`, nested `properties`, `items`, `uniqueItems`, `$ref` to
/// `#/components/schemas/X`, `allOf` and `nullable`. Properties a schema does not name are not checked:
/// e-conomic ignores unknown properties (REFERENCE §2.5), so the Projects
/// spec's `additionalProperties: false` is deliberately not enforced. On a
/// write, `readOnly` properties are not checked either (e-conomic ignores them).
///
/// ```swift
/// let validator = SchemaValidator(components: [:], ignoresReadOnly: true)
/// validator.violations(of: .object(["name": .int(1)]), against: schema)
/// // [SchemaViolation(path: [.field("name")], rule: .type, message: "Expected String but got Integer.", …)]
/// ```
struct SchemaValidator: Sendable {
    /// Schemas `$ref` can name, by component name.
    var components: [String: JSONSchema]
    /// Whether `readOnly` properties are skipped (true for writes).
    var ignoresReadOnly: Bool

    static let componentPrefix = "#/components/schemas/"

    func violations(of value: JSONValue, against schema: JSONSchema) -> [SchemaViolation] {
        var found: [SchemaViolation] = []
        check(value, schema, path: [], into: &found)
        return found
    }

    private func check(_ value: JSONValue, _ schema: JSONSchema, path: [ValidationErrors.Step], into found: inout [SchemaViolation]) {
        if let reference = schema.reference {
            // OpenAPI 3.0: keywords beside `$ref` are ignored; an unknown reference constrains nothing.
            guard reference.hasPrefix(Self.componentPrefix),
                  let target = components[String(reference.dropFirst(Self.componentPrefix.count))] else { return }
            check(value, target, path: path, into: &found)
            return
        }
        if case .null = value, schema.nullable || schema.types.contains(.null) || schema.types.contains(.any) { return }
        if !schema.types.isEmpty, !schema.types.contains(.any), !schema.types.contains(where: { Self.matches(value, $0) }) {
            found.append(SchemaViolation(path: path, rule: .type, message: "Expected \(Self.names(schema.types)) but got \(value.typeName).", value: value))
            return
        }
        for part in schema.allOf { check(value, part, path: path, into: &found) }
        if let allowed = schema.allowed, !allowed.contains(value) {
            let list = allowed.map(\.description).joined(separator: ", ")
            found.append(SchemaViolation(path: path, rule: .enumeration,
                                         message: "\(value) is not a valid \(Self.label(path)); allowed values are \(list) (case-sensitive).", value: value))
        }
        switch value {
        case .string(let text): checkString(text, schema, path: path, into: &found)
        case .number: checkNumber(value, schema, path: path, into: &found)
        case .object(let fields): checkObject(fields, schema, path: path, into: &found)
        case .array(let items):
            if schema.uniqueItems, Set(items).count != items.count {
                found.append(SchemaViolation(path: path, rule: .uniqueItems, message: "\(Self.label(path)) lists an item more than once.", value: value))
            }
            if let itemSchema = schema.items {
                for (index, item) in items.enumerated() { check(item, itemSchema, path: path + [.index(index)], into: &found) }
            }
        case .null, .bool:
            break
        }
    }

    private func checkString(_ text: String, _ schema: JSONSchema, path: [ValidationErrors.Step], into found: inout [SchemaViolation]) {
        let length = text.unicodeScalars.count
        let name = Self.label(path)
        if let maximum = schema.maxLength, length > maximum {
            found.append(SchemaViolation(path: path, rule: .maxLength,
                                         message: "\(name) is \(length) characters long; at most \(maximum) are allowed.", value: .string(text)))
        }
        if let minimum = schema.minLength, length < minimum {
            found.append(SchemaViolation(path: path, rule: .minLength,
                                         message: "\(name) is \(length) characters long; at least \(minimum) are required.", value: .string(text)))
        }
        if let pattern = schema.pattern,
           pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil {
            found.append(SchemaViolation(path: path, rule: .pattern,
                                         message: "\(name) does not match the pattern \(schema.patternText ?? "").", value: .string(text)))
        }
        if let format = schema.format, !Self.conforms(text, to: format) {
            found.append(SchemaViolation(path: path, rule: .format,
                                         message: "\(name) is not a valid \(format.rawValue).", value: .string(text)))
        }
    }

    private func checkNumber(_ value: JSONValue, _ schema: JSONSchema, path: [ValidationErrors.Step], into found: inout [SchemaViolation]) {
        guard let number = value.decimalValue else { return }
        let kind = value.typeName
        var minimum = schema.minimum
        var maximum = schema.maximum
        switch schema.format {
        case .int32?:
            minimum = max(minimum ?? Decimal(Int32.min), Decimal(Int32.min))
            maximum = min(maximum ?? Decimal(Int32.max), Decimal(Int32.max))
        case .int64?:
            minimum = max(minimum ?? Decimal(Int64.min), Decimal(Int64.min))
            maximum = min(maximum ?? Decimal(Int64.max), Decimal(Int64.max))
        default:
            break
        }
        if let minimum, number < minimum || (schema.exclusiveMinimum && number == minimum) {
            // The wording e-conomic answers for an id of 0 (REFERENCE §2.5).
            let bound = schema.exclusiveMinimum ? "less than or equal to exclusive minimum value" : "less than minimum value"
            found.append(SchemaViolation(path: path, rule: .minimum, message: "\(kind) \(value) is \(bound) of \(minimum).", value: value))
        }
        if let maximum, number > maximum || (schema.exclusiveMaximum && number == maximum) {
            let bound = schema.exclusiveMaximum ? "greater than or equal to exclusive maximum value" : "greater than maximum value"
            found.append(SchemaViolation(path: path, rule: .maximum, message: "\(kind) \(value) is \(bound) of \(maximum).", value: value))
        }
        if let places = schema.maxDecimals, case .number(let text) = value, Self.decimals(text) > places {
            // e-conomic's wording, spelling included (REFERENCE §2.6).
            let spelled = places < Self.numberWords.count ? Self.numberWords[places] : String(places)
            found.append(SchemaViolation(path: path, rule: .maxDecimals,
                                         message: "\(Self.label(path)) scale cannot be greater then \(spelled) decimal places.", value: value))
        }
    }

    private func checkObject(_ fields: [String: JSONValue], _ schema: JSONSchema, path: [ValidationErrors.Step],
                             into found: inout [SchemaViolation]) {
        for name in schema.required.sorted() where fields[name] == nil {
            if ignoresReadOnly, schema.properties[name]?.readOnly == true { continue }
            found.append(SchemaViolation(path: path + [.field(name)], rule: .required, message: "Property \(name) is required.", value: nil))
        }
        for name in fields.keys.sorted() {
            guard let property = schema.properties[name], let value = fields[name] else { continue }
            if ignoresReadOnly, property.readOnly { continue }
            check(value, property, path: path + [.field(name)], into: &found)
        }
    }

    static let numberWords = ["zero", "one", "two", "three", "four", "five", "six"]

    /// The decimals a canonical number is written with (`10.12345` → 5, `1e-3` → 3, `150` → 0).
    static func decimals(_ text: String) -> Int {
        let parts = text.lowercased().split(separator: "e", maxSplits: 1)
        let fraction = parts.first?.split(separator: ".", maxSplits: 1).dropFirst().first?.count ?? 0
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        return max(0, fraction - exponent)
    }

    /// Whether `value` is of JSON Schema type `type`.
    static func matches(_ value: JSONValue, _ type: SchemaType) -> Bool {
        switch (type, value) {
        case (.any, _), (.string, .string), (.boolean, .bool), (.object, .object), (.array, .array), (.null, .null), (.number, .number):
            true
        case (.integer, .number):
            value.typeName == "Integer"
        default:
            false
        }
    }

    /// Types as e-conomic's messages spell them: `String`, `Integer or Null`.
    static func names(_ types: Set<SchemaType>) -> String {
        types.map { $0 == .boolean ? "Boolean" : $0.rawValue.prefix(1).uppercased() + $0.rawValue.dropFirst() }
            .sorted().joined(separator: " or ")
    }

    /// The property a path ends at, for messages (`value` at the root).
    static func label(_ path: [ValidationErrors.Step]) -> String {
        SchemaViolation(path: path, rule: .type, message: "", value: nil).property ?? "value"
    }

    /// Whether `text` is a valid `format`; lenient where e-conomic's own check is unknown
    /// (a URI needs only to be non-empty without blanks or control characters, an
    /// e-mail address an `@` between non-blank parts).
    static func conforms(_ text: String, to format: SchemaFormat) -> Bool {
        switch format {
        case .date, .fullDate:
            guard text.utf8.count == 10, let date = Timestamps.parse(text) else { return false }
            return Timestamps.day(date) == text
        case .dateTime:
            return Timestamps.parse(text) != nil
        case .uri:
            return !text.isEmpty && !text.unicodeScalars.contains { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }
        case .email:
            let parts = text.split(separator: "@", omittingEmptySubsequences: false)
            return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty && !text.contains(where: \.isWhitespace)
        case .int32, .int64:
            return true
        }
    }
}
