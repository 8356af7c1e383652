import Vocabulary

/// Parsing and writing of canonical JSON: sorted object keys, no
/// insignificant whitespace, one spelling per number and per string. Two
/// values are equal exactly when their canonical texts are byte-equal.
///
/// ```swift
/// let value = try CanonicalJSON.parse(#"{ "amount": 100.000000, "name": "Kobberr\u00f8r" }"#)
/// CanonicalJSON.string(value)   // {"amount":100,"name":"Kobberrør"}
/// ```
public enum CanonicalJSON {
    /// Parses JSON text (any valid spelling) into a value.
    public static func parse(_ text: String) throws -> JSONValue {
        var text = text
        return try text.withUTF8 { bytes in try parse(bytes) }
    }

    /// Parses UTF-8 JSON bytes into a value; invalid UTF-8, duplicate keys and
    /// trailing data are errors.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws -> JSONValue {
        var parser = JSONParser(bytes)
        let value = try parser.parseValue()
        parser.skipWhitespace()
        if parser.index != bytes.count {
            throw JSONError("unexpected data after the JSON value", offset: parser.index)
        }
        return value
    }

    /// Parses UTF-8 JSON bytes into a value.
    public static func parse(_ bytes: [UInt8]) throws -> JSONValue {
        try bytes.withUnsafeBufferPointer { buffer in try parse(buffer) }
    }

    /// The canonical text of `value`.
    public static func string(_ value: JSONValue) -> String {
        String(decoding: bytes(value), as: UTF8.self)
    }

    /// The canonical UTF-8 bytes of `value`.
    public static func bytes(_ value: JSONValue) -> [UInt8] {
        var output: [UInt8] = []
        write(value, into: &output)
        return output
    }

    /// Appends the canonical UTF-8 bytes of `value` to `output`.
    public static func write(_ value: JSONValue, into output: inout [UInt8]) {
        switch value {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let text): output.append(contentsOf: text.utf8)
        case .string(let text): writeString(text, into: &output)
        case .array(let items):
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                write(item, into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let fields):
            writeObject(fields, into: &output)
        }
    }

    /// Appends an object with its keys sorted by their UTF-8 bytes.
    ///
    /// Every record written or compared goes through here, so the order is
    /// found without copying the fields: their positions in the dictionary
    /// are sorted on the stack, by the first eight bytes of each key as one
    /// integer, the whole keys compared only when those are equal.
    public static func writeObject(_ fields: [String: JSONValue], into output: inout [UInt8]) {
        output.append(UInt8(ascii: "{"))
        withUnsafeTemporaryAllocation(of: KeyPosition.self, capacity: fields.count) { buffer in
            var count = 0
            var index = fields.startIndex
            while index != fields.endIndex {
                buffer.initializeElement(at: count, to: KeyPosition(prefix: keyPrefix(fields[index].key), index: index))
                count += 1
                fields.formIndex(after: &index)
            }
            var order = UnsafeMutableBufferPointer(rebasing: buffer[..<count])
            defer { order.deinitialize() }
            order.sort { $0.prefix != $1.prefix ? $0.prefix < $1.prefix : utf8Precedes(fields[$0.index].key, fields[$1.index].key) }
            for (position, key) in order.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                let field = fields[key.index]
                writeString(field.key, into: &output)
                output.append(UInt8(ascii: ":"))
                write(field.value, into: &output)
            }
        }
        output.append(UInt8(ascii: "}"))
    }

    /// A field's place in its dictionary, with the first bytes of its key to sort by.
    private struct KeyPosition {
        var prefix: UInt64
        var index: Dictionary<String, JSONValue>.Index
    }

    /// The first eight UTF-8 bytes of `key` as a big-endian integer, padded
    /// with zeros: ordered as the bytes are, except that keys sharing those
    /// bytes (or a prefix of them followed by NULs) are equal and must be compared whole.
    @inline(__always)
    static func keyPrefix(_ key: String) -> UInt64 {
        var prefix: UInt64 = 0
        var taken = 0
        for byte in key.utf8 {
            prefix = prefix << 8 | UInt64(byte)
            taken += 1
            if taken == 8 { return prefix }
        }
        return taken == 0 ? 0 : prefix << (8 * UInt64(8 - taken))
    }

    static let hexDigits = Array("0123456789abcdef".utf8)

    /// Appends a string literal: only `"`, `\` and control characters are escaped.
    public static func writeString(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            if !bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
                output.append(contentsOf: bytes)   // the common case: nothing to escape
            } else {
                for byte in bytes { writeEscaping(byte, into: &output) }
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    private static func writeEscaping(_ byte: UInt8, into output: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
        case UInt8(ascii: "\\"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
        case 0x0A: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
        case 0x0D: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
        case 0x09: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
        case 0x08: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
        case 0x0C: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
        case 0..<0x20:
            output.append(contentsOf: Array("\\u00".utf8))
            output.append(hexDigits[Int(byte >> 4)])
            output.append(hexDigits[Int(byte & 0xF)])
        default: output.append(byte)
        }
    }

    /// The canonical spelling of a JSON number, or nil when `text` is not one.
    ///
    /// Trailing fraction zeros and exponents are folded away (`100.000000` →
    /// `100`, `1.5E2` → `150`, `-0.0` → `0`); values with more than 40 digits
    /// of padding are written `d.ddde±N`.
    public static func canonicalNumber(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes in
            var parser = JSONParser(bytes)
            guard let number = try? parser.parseNumber(), parser.index == bytes.count else { return nil }
            return number
        }
    }
}

/// Why JSON text could not be parsed, and where.
public struct JSONError: CodedError, Equatable {
    public static let domain = "json"
    /// Always `invalid`: the message says what is wrong.
    public var code: ErrorCode<JSONError> { "invalid" }
    /// What is wrong.
    public var message: String
    /// The byte offset in the text where it was found.
    public var offset: Int

    public init(_ message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    /// `message (at byte N)`.
    public func describe(_ wording: any RemedyWording) -> String { "\(message) (at byte \(offset))" }
}
