import Snapshot

/// Reads JSON as e-conomic publishes its schema files: some carry a trailing
/// comma before `}` or `]`, which strict JSON refuses; those commas are dropped
/// (outside strings only) before the text is parsed.
///
/// ```swift
/// try LenientJSON.parse(Array(#"{"a":[1,2,],}"#.utf8))   // {"a":[1,2]}
/// ```
enum LenientJSON {
    static func parse(_ bytes: [UInt8]) throws -> JSONValue {
        try CanonicalJSON.parse(withoutTrailingCommas(bytes))
    }

    /// `bytes` with every comma that is followed (after blanks) by `}` or `]` removed, strings untouched.
    static func withoutTrailingCommas(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var inString = false
        var escaped = false
        var pendingComma: Int?
        for byte in bytes {
            if inString {
                output.append(byte)
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
                output.append(byte)
                continue
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if let comma = pendingComma { output[comma] = UInt8(ascii: " ") }
            case UInt8(ascii: "\""):
                inString = true
            default:
                break
            }
            pendingComma = byte == UInt8(ascii: ",") ? output.count : nil
            output.append(byte)
        }
        return output
    }
}
