/// RFC 3986 percent-encoding, byte by byte over UTF-8: everything but the
/// unreserved ASCII characters (`A–Z a–z 0–9 - . _ ~`) becomes `%XX`, so
/// Danish letters and every delimiter are encoded.
///
/// ```swift
/// PercentEncoding.encode("Æble/5%")            // "%C3%86ble%2F5%25"
/// PercentEncoding.decode("%C3%86ble%2F5%25")   // "Æble/5%"
/// PercentEncoding.decode("5%2")                 // nil: a broken escape
/// ```
public enum PercentEncoding {
    /// The case of the hex digits written: e-conomic writes upper case in
    /// `self` links and lower case where it echoes a filter.
    public enum HexCase: Sendable {
        case upper, lower
    }

    static let unreserved: Set<UInt8> = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)

    /// `text` with every byte that is not unreserved ASCII written as `%XX`.
    public static func encode(_ text: String, hex: HexCase = .upper) -> String {
        let digits = Array((hex == .upper ? "0123456789ABCDEF" : "0123456789abcdef").utf8)
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if unreserved.contains(byte) {
                output.append(byte)
            } else {
                output += [UInt8(ascii: "%"), digits[Int(byte >> 4)], digits[Int(byte & 0xF)]]
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// `text` with its `%XX` escapes decoded; nil when a `%` is not followed
    /// by two hex digits or the bytes are not UTF-8. `+` stays a plus.
    public static func decode(_ text: some StringProtocol) -> String? {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "%") else {
                output.append(bytes[index])
                index += 1
                continue
            }
            guard index + 2 < bytes.count, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) else { return nil }
            output.append(high << 4 | low)
            index += 3
        }
        let text = String(decoding: output, as: UTF8.self)
        return Array(text.utf8) == output ? text : nil
    }

    /// The value of one hex digit, either case.
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
