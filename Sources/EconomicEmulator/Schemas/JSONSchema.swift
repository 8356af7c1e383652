import Foundation
import Snapshot

/// One node of a JSON schema, parsed from e-conomic's draft-03 files or from
/// an OpenAPI 3.0 component: only the keywords those files use on writes,
/// plus e-conomic's `maxDecimal`.
///
/// Both spellings of "required" are read into ``required``: draft-03's
/// `"required": true` on a property and OpenAPI's `"required": ["name"]` on
/// the object. `readOnly` (and e-conomic's `readonly`) marks properties a
/// write may send but that are ignored.
///
/// ```swift
/// let schema = JSONSchema(try CanonicalJSON.parse(#"{"type":"object","properties":{"name":{"type":"string","maxLength":3,"required":true}}}"#))
/// schema.required          // ["name"]
/// schema.properties["name"]?.maxLength   // 3
/// ```
final class JSONSchema: Sendable {
    /// The JSON types a value may have; empty means any.
    let types: Set<SchemaType>
    let properties: [String: JSONSchema]
    /// Properties an object must carry.
    let required: Set<String>
    /// The schema of every item of an array.
    let items: JSONSchema?
    /// Whether an array's items must differ from each other.
    let uniqueItems: Bool
    let minLength: Int?
    let maxLength: Int?
    let minimum: Decimal?
    let maximum: Decimal?
    let exclusiveMinimum: Bool
    let exclusiveMaximum: Bool
    /// e-conomic's own keyword: the most decimals a number may have (`maxDecimal`, once spelled `maxDecimals`).
    let maxDecimals: Int?
    /// A regular expression a string must contain a match of (ECMA 262, unanchored).
    let pattern: NSRegularExpression?
    /// The pattern's source text, for messages.
    let patternText: String?
    /// The values allowed (compared exactly, so casing is strict).
    let allowed: [JSONValue]?
    let format: SchemaFormat?
    /// OpenAPI `nullable: true`: `null` is a value of the schema.
    let nullable: Bool
    let readOnly: Bool
    /// A local reference (`#/components/schemas/Project`), resolved by the validator.
    let reference: String?
    /// Schemas the value must also satisfy.
    let allOf: [JSONSchema]

    /// Parses a schema node; keywords it does not know are ignored, so are
    /// malformed values of known ones (an e-conomic file is taken as published).
    init(_ node: JSONValue) {
        let fields = node.objectValue ?? [:]
        types = Self.types(fields["type"])
        var properties: [String: JSONSchema] = [:]
        var required = Set((fields["required"]?.arrayItems ?? []).compactMap(\.stringValue))
        for (name, value) in fields["properties"]?.objectValue ?? [:] {
            properties[name] = JSONSchema(value)
            if value["required"]?.boolValue == true { required.insert(name) }
        }
        self.properties = properties
        self.required = required
        items = fields["items"].flatMap { $0.objectValue == nil ? nil : JSONSchema($0) }
        uniqueItems = fields["uniqueItems"]?.boolValue ?? false
        minLength = fields["minLength"]?.intValue.map(Int.init)
        maxLength = fields["maxLength"]?.intValue.map(Int.init)
        minimum = fields["minimum"]?.decimalValue
        maximum = fields["maximum"]?.decimalValue
        exclusiveMinimum = fields["exclusiveMinimum"]?.boolValue ?? false
        exclusiveMaximum = fields["exclusiveMaximum"]?.boolValue ?? false
        maxDecimals = (fields["maxDecimal"] ?? fields["maxDecimals"])?.intValue.map(Int.init)
        patternText = fields["pattern"]?.stringValue
        pattern = patternText.flatMap { try? NSRegularExpression(pattern: $0) }
        allowed = fields["enum"]?.arrayItems
        format = fields["format"]?.stringValue.flatMap(SchemaFormat.init(rawValue:))
        nullable = fields["nullable"]?.boolValue ?? false
        readOnly = fields["readOnly"]?.boolValue ?? fields["readonly"]?.boolValue ?? false
        reference = fields["$ref"]?.stringValue
        allOf = (fields["allOf"]?.arrayItems ?? []).map(JSONSchema.init)
    }

    /// `"string"`, `["string","null"]` or absent.
    private static func types(_ value: JSONValue?) -> Set<SchemaType> {
        switch value {
        case .string(let name)?: Set([SchemaType(rawValue: name)].compactMap { $0 })
        case .array(let names)?: Set(names.compactMap { $0.stringValue.flatMap(SchemaType.init(rawValue:)) })
        default: []
        }
    }
}

/// The primitive types of JSON Schema; `integer` is a number without a fraction.
enum SchemaType: String, Sendable, Hashable {
    case string, integer, number, boolean, object, array, null, any
}

/// The `format`s the published write schemas use; unknown formats are not checked.
enum SchemaFormat: String, Sendable {
    /// `yyyy-MM-dd` (draft-03 `date`, e-conomic's `full-date`).
    case date, fullDate = "full-date"
    /// ISO 8601 date and time (OpenAPI); a bare date is accepted, as e-conomic's Projects API does.
    case dateTime = "date-time"
    case uri, email
    /// OpenAPI numeric formats, checked by range.
    case int32, int64
}

extension JSONValue {
    /// The items, when the value is an array.
    var arrayItems: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }
}
