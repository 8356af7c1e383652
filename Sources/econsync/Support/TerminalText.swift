/// Text from records and from e-conomic made safe to print for people:
/// control characters (an ANSI escape sequence, a carriage return, a NUL) are
/// shown escaped, `\u{1B}`, instead of being sent raw to the terminal, where
/// they could recolour, overwrite or hide what is printed. JSON output escapes
/// them already.
///
/// ```swift
/// TerminalText.safe("Hansen \u{1B}[31mVVS")   // Hansen \u{1B}[31mVVS, as text
/// ```
enum TerminalText {
    /// `text` with its control characters escaped; line breaks and tabs are
    /// kept when `keepingLineBreaks` (a message of several lines), else escaped
    /// too (a table cell).
    static func safe(_ text: String, keepingLineBreaks: Bool = false) -> String {
        let kept: Set<Unicode.Scalar> = keepingLineBreaks ? ["\n", "\t"] : []
        func escaped(_ scalar: Unicode.Scalar) -> Bool {
            // Controls, and the bidirectional overrides that make a name read backwards.
            (scalar.properties.generalCategory == .control || (0x202A...0x202E).contains(scalar.value)
                || (0x2066...0x2069).contains(scalar.value)) && !kept.contains(scalar)
        }
        guard text.unicodeScalars.contains(where: escaped) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if escaped(scalar) {
                result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}
