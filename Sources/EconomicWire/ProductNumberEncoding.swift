/// e-conomic's own escaping of a product number in a legacy REST path and in
/// `self` links (REFERENCE §2.9 "Self-link encoding"): fourteen characters are
/// written `_N_`, then the rest is percent-encoded. Product numbers are free
/// text, so `/products/{number}` must be addressed this way; every other key
/// in a path is a number or is plainly percent-encoded.
///
/// ```swift
/// ProductNumberEncoding.encode("My Awesome Product_Discount5%")   // "My_9_Awesome_9_Product_8_Discount5_3_"
/// ProductNumberEncoding.decode("M%C3%B8t_11_1")                    // "Møt.1"
/// ProductNumberEncoding.decode("A.1")                              // nil: `.` must be `_11_`
/// ```
public enum ProductNumberEncoding {
    /// A character e-conomic writes as `_N_`, N being the raw value.
    public enum Escape: Int, CaseIterable, Sendable {
        case lessThan = 0, greaterThan, asterisk, percent, colon, ampersand, slash, backslash, underscore, space,
             questionMark, period, numberSign, plus

        static let characters: [Unicode.Scalar] = ["<", ">", "*", "%", ":", "&", "/", "\\", "_", " ", "?", ".", "#", "+"]

        /// The character escaped.
        public var character: Unicode.Scalar { Self.characters[rawValue] }

        /// How the character is written: `_8_` for `_`.
        public var code: String { "_\(rawValue)_" }

        /// The escape for `character`, or nil when it is written as it is (or percent-encoded).
        public init?(_ character: Unicode.Scalar) {
            guard let index = Self.characters.firstIndex(of: character) else { return nil }
            self.init(rawValue: index)
        }
    }

    /// The path segment for `productNumber`: escapes first, then percent-encoding (upper-case hex).
    public static func encode(_ productNumber: String) -> String {
        var escaped = ""
        for scalar in productNumber.unicodeScalars {
            if let escape = Escape(scalar) {
                escaped += escape.code
            } else {
                escaped.unicodeScalars.append(scalar)
            }
        }
        return PercentEncoding.encode(escaped)
    }

    /// The product number a path segment names, as it stands in the URL
    /// (percent-decoding, then ``unescape(_:)``); nil when it names none.
    public static func decode(_ segment: some StringProtocol) -> String? {
        PercentEncoding.decode(segment).flatMap(unescape)
    }

    /// The product number from a segment already percent-decoded (as an HTTP
    /// server hands it over). Strict: nil for an `_N_` with N outside 0–13 or
    /// not written plainly (`_08_`), a `_` that starts no escape, and any of the
    /// fourteen characters standing unescaped.
    public static func unescape(_ text: some StringProtocol) -> String? {
        var result = ""
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "_" else {
                if Escape(scalar) != nil { return nil }
                result.unicodeScalars.append(scalar)
                continue
            }
            var digits = ""
            var closed = false
            while let next = scalars.next() {
                if next == "_" {
                    closed = true
                    break
                }
                guard ("0"..."9").contains(next), digits.count < 2 else { return nil }
                digits.unicodeScalars.append(next)
            }
            guard closed, let value = Int(digits), String(value) == digits, let escape = Escape(rawValue: value) else { return nil }
            result.unicodeScalars.append(escape.character)
        }
        return result
    }
}
