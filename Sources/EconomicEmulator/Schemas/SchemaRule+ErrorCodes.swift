/// The error codes a broken schema keyword answers with, in both API families.
///
/// e-conomic documents only some legacy codes (REFERENCE §2.6); the rest are
/// the emulator's choice, kept beside the codes `RESTWrites` already uses:
/// - `E04300` type (documented by example: "Expected String but got Null"),
///   also for `pattern`, `format` and `uniqueItems`, which are about the data's form;
/// - `E04100` required (the emulator's code for a missing property);
/// - `E04200` minLength/maxLength (not documented; chosen next to E04100/E04300);
/// - `E04800` minimum (the emulator's code for "Integer 0 is less than minimum value of 1");
/// - `E04810` maximum (documented for a `pagesize` above its range);
/// - `E04450` enum (the emulator's code for an enum value in the wrong casing);
/// - `E04740` maxDecimal (documented: "unitNetPrice scale cannot be greater then two decimal places").
///
/// The Projects API documents no codes for schema errors (its `x-error-codes`
/// are all domain rules), so these spell what broke in its PascalCase style;
/// `PropertyIsRequired` is the one the emulator already answers.
extension SchemaRule {
    var legacyCode: String {
        switch self {
        case .type, .pattern, .format, .uniqueItems: "E04300"
        case .required: "E04100"
        case .minLength, .maxLength: "E04200"
        case .minimum: "E04800"
        case .maximum: "E04810"
        case .maxDecimals: "E04740"
        case .enumeration: "E04450"
        }
    }

    var projectsCode: String {
        switch self {
        case .type: "PropertyTypeIsInvalid"
        case .required: "PropertyIsRequired"
        case .minLength, .maxLength: "PropertyLengthIsInvalid"
        case .minimum, .maximum, .maxDecimals: "PropertyValueIsOutOfRange"
        case .pattern, .format: "PropertyFormatIsInvalid"
        case .enumeration, .uniqueItems: "PropertyValueIsNotAllowed"
        }
    }
}
