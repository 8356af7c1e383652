import EconomicWire
import Foundation
import Snapshot

/// Small helpers over ``JSONValue`` used throughout the emulator.
extension JSONValue {
    /// A JSON number for a decimal amount, in canonical spelling.
    static func decimal(_ value: Decimal) -> JSONValue {
        let text = NSDecimalNumber(decimal: value).stringValue
        return .number(CanonicalJSON.canonicalNumber(text) ?? text)
    }

    /// The value as a `Decimal`, when it is a number.
    var decimalValue: Decimal? {
        if case .number(let text) = self { return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) }
        return nil
    }

    /// The value as a boolean, when it is one.
    var boolValue: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    /// The value at a dotted path (`customerGroup.customerGroupNumber`) of an object.
    func value(at path: [Substring]) -> JSONValue? {
        var current: JSONValue? = self
        for name in path {
            current = current?[String(name)]
        }
        return current
    }

    /// A name for the JSON type, as e-conomic's validation messages spell it.
    var typeName: String {
        switch self {
        case .null: "Null"
        case .bool: "Boolean"
        case .number(let text): text.contains(".") || text.contains("e") ? "Number" : "Integer"
        case .string: "String"
        case .array: "Array"
        case .object: "Object"
        }
    }
}

/// Percent-encoding as e-conomic writes it in links (lowercase hex).
enum URLText {
    /// Encodes everything but unreserved characters, with lowercase hex
    /// digits (as e-conomic echoes a filter).
    static func encode(_ text: String) -> String {
        PercentEncoding.encode(text, hex: .lower)
    }

    /// Decodes `%XX` escapes (and `+` as a space when `plusIsSpace`); invalid escapes stay as they are.
    static func decode(_ text: Substring, plusIsSpace: Bool) -> String {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        func hexValue(_ byte: UInt8) -> UInt8? {
            switch byte {
            case 48...57: byte - 48
            case 65...70: byte - 55
            case 97...102: byte - 87
            default: nil
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%"), index + 2 < bytes.count, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                output.append(high << 4 | low)
                index += 3
            } else if byte == UInt8(ascii: "+"), plusIsSpace {
                output.append(UInt8(ascii: " "))
                index += 1
            } else {
                output.append(byte)
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
