/// Text from records and from e-conomic made safe to show people: control
/// characters (an ANSI escape sequence, a carriage return, a NUL) and the
/// bidirectional overrides that make a name read backwards are written out,
/// `\u{1B}`, instead of reaching a terminal, where they could recolour,
/// overwrite or hide what is printed, or a page, which would drop them
/// unseen. JSON output escapes them already.
///
/// ```swift
/// VisibleText.escaped("Hansen \u{1B}[31mVVS")   // Hansen \u{1B}[31mVVS, as text
/// VisibleText.escaped("Sørensen\u{0} VVS")       // Sørensen\u{0} VVS
/// ```
public enum VisibleText {
    /// `text` with its control characters escaped; line breaks and tabs are
    /// kept when `keepingLineBreaks` (a message of several lines, a page),
    /// else escaped too (a table cell).
    public static func escaped(_ text: String, keepingLineBreaks: Bool = false) -> String {
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
