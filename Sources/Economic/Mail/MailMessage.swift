import Foundation

/// A plain-text e-mail: envelope addresses, subject, body and date.
///
/// ```swift
/// let message = try MailMessage(from: "econsync@example.com", to: ["ops@example.com"],
///                               subject: "Modul kunder fejlede", body: "Kunde ikke fundet")
/// print(message.rendered())   // Date: …\r\nFrom: …\r\n…
/// ```
public struct MailMessage: Sendable, Equatable {
    /// The sender's address (`name@example.com`), used for `From:` and `MAIL FROM`.
    public let from: String
    /// The recipients' addresses, used for `To:` and `RCPT TO`.
    public let to: [String]
    /// The subject; any line breaks in it become spaces.
    public let subject: String
    /// The text; its line endings may be LF, CR or CRLF.
    public let body: String
    /// When the message was written, for the `Date:` header.
    public let date: Date

    /// Creates a message, throwing ``MailError/Code/invalidAddress`` for an
    /// address that is empty, lacks an `@` or holds spaces, line breaks or `<>,;"()`.
    public init(from: String, to: [String], subject: String, body: String, date: Date = Date()) throws {
        try Self.checkAddress(from, role: "sender")
        guard !to.isEmpty else { throw MailError(.invalidAddress, "the message has no recipient") }
        for address in to { try Self.checkAddress(address, role: "recipient") }
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
        self.date = date
    }

    /// The message in RFC 5322 form with CRLF line endings, as it goes after SMTP's `DATA`.
    ///
    /// The subject is RFC 2047-encoded when it is not plain ASCII; the body is
    /// UTF-8 sent as 8bit. It is not dot-stuffed: libcurl does that while sending.
    public func rendered() -> String {
        let headers = [
            "Date: \(Self.rfc5322Date(date))",
            "From: \(from)",
            Self.folded("To:", to),
            "Subject: \(Self.encodedSubject(subject))",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: 8bit",
        ]
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + Self.crlfLines(body)
    }

    /// Throws ``MailError/Code/invalidAddress`` unless `address` is a plain `local@domain`.
    static func checkAddress(_ address: String, role: String) throws {
        let forbidden = Set("<>,;\"()".unicodeScalars)
        let bad = address.unicodeScalars.contains { $0.value <= 0x20 || $0.value == 0x7F || forbidden.contains($0) }
        guard let at = address.lastIndex(of: "@"), at != address.startIndex, address.index(after: at) != address.endIndex, !bad else {
            throw MailError(.invalidAddress, "the \(role) address \(String(reflecting: address)) is not a plain address")
        }
    }

    /// `date` as RFC 5322 writes it, in UTC: `Mon, 02 Nov 2026 08:00:00 +0000`.
    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }

    /// `name addresses`, comma-separated, folded onto continuation lines before 78 characters.
    static func folded(_ name: String, _ addresses: [String]) -> String {
        var result = name
        var lineLength = name.count
        for (index, address) in addresses.enumerated() {
            let piece = address + (index < addresses.count - 1 ? "," : "")
            if index > 0 && lineLength + 1 + piece.count > 78 {
                result += "\r\n"
                lineLength = 0
            }
            result += " " + piece
            lineLength += 1 + piece.count
        }
        return result
    }

    /// The subject with line breaks made spaces, as is when plain printable
    /// ASCII, otherwise as RFC 2047 `=?UTF-8?B?…?=` words of whole characters
    /// on folded lines.
    static func encodedSubject(_ subject: String) -> String {
        let flat = subject.split(whereSeparator: { $0.isNewline }).joined(separator: " ")
        let plain = flat.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) } && !flat.contains("=?")
        if plain { return flat }
        var words: [String] = []
        var chunk: [UInt8] = []
        func flush() {
            if !chunk.isEmpty { words.append("=?UTF-8?B?\(Data(chunk).base64EncodedString())?=") }
            chunk = []
        }
        for character in flat {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 42 { flush() }   // 42 bytes: 56 base64 characters, 68 with the markers
            chunk += bytes
        }
        flush()
        return words.joined(separator: "\r\n ")
    }

    /// `text` with every line ending made CRLF and a CRLF after the last line.
    static func crlfLines(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var afterCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\r": out.append(contentsOf: "\r\n".unicodeScalars)
            case "\n" where afterCR: break
            case "\n": out.append(contentsOf: "\r\n".unicodeScalars)
            default: out.append(scalar)
            }
            afterCR = scalar == "\r"
        }
        let result = String(out)
        return result.isEmpty || result.hasSuffix("\r\n") ? result : result + "\r\n"
    }
}
