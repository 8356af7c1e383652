/// Text from users, files or e-conomic made safe for a terminal: control
/// characters (an ANSI escape that repaints the screen, a bell, a carriage
/// return that hides what came before) are shown as `\u{1B}` instead of
/// being obeyed. Newlines and tabs are kept.
///
/// ```swift
/// TerminalText.safe("\u{1B}[31mrød")   // "\\u{1B}[31mrød"
/// ```
enum TerminalText {
    static func safe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// C0 and C1 controls and DEL, but newline and tab; and the bidirectional
    /// overrides that make a name read backwards.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: false
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
