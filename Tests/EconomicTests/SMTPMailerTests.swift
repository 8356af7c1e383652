import Economic
import Foundation
import TestSupport
import Testing

@Suite("SMTP mail: message rendering, settings, and delivery through libcurl to a local sink")
struct SMTPMailerTests {
    static let date = Date(timeIntervalSince1970: 1_793_606_400)   // Mon, 02 Nov 2026 08:00:00 UTC
    static let subject = "Modul kunder fejlede: Kunde ikke fundet (Søren Ærø, Åbenrå)"

    static func settings(_ sink: SMTPSink, to: [String] = ["ops@example.com"], username: String? = nil, password: String? = nil) -> SMTPSettings {
        SMTPSettings(url: "smtp://127.0.0.1:\(sink.port)", username: username, password: password, from: "econsync@example.com", to: to)
    }

    /// The headers (unfolded) and body lines of a received message.
    static func parse(_ data: String) throws -> (headers: [String: String], body: [String]) {
        let parts = data.components(separatedBy: "\r\n\r\n")
        let block = try #require(parts.first).replacingOccurrences(of: "\r\n ", with: " ")
        var headers: [String: String] = [:]
        for line in block.components(separatedBy: "\r\n") {
            let pair = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2 { headers[pair[0]] = pair[1] }
        }
        let body = parts.dropFirst().joined(separator: "\r\n\r\n").components(separatedBy: "\r\n").dropLast()
        return (headers, Array(body))
    }

    /// The text of a header made of RFC 2047 `=?UTF-8?B?…?=` words separated by spaces.
    static func decodeRFC2047(_ header: String) throws -> String {
        try header.split(separator: " ").map { word in
            #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="))
            let data = try #require(Data(base64Encoded: String(word.dropFirst(10).dropLast(2))))
            return String(decoding: data, as: UTF8.self)
        }.joined()
    }

    @Test("a Danish subject and a two-line body reach the sink with envelope, headers and body intact")
    func delivers() async throws {
        let sink = try SMTPSink()
        defer { sink.stop() }
        let settings = Self.settings(sink, to: ["ops@example.com", "bogholder@example.dk"])
        let message = try settings.message(subject: Self.subject, body: "Kunde 1042 blev ikke fundet.\n.Linje to starter med punktum", date: Self.date)
        try await SMTPMailer(settings, timeout: 60).send(message)

        let received = try #require(sink.messages.first)
        #expect(sink.messages.count == 1)
        #expect(received.from == "econsync@example.com")
        #expect(received.recipients == ["ops@example.com", "bogholder@example.dk"])
        #expect(received.user == nil)
        let (headers, body) = try Self.parse(received.data)
        #expect(try Self.decodeRFC2047(try #require(headers["Subject"])) == Self.subject)
        #expect(headers["Date"] == "Mon, 02 Nov 2026 08:00:00 +0000")
        #expect(headers["From"] == "econsync@example.com")
        #expect(headers["To"] == "ops@example.com, bogholder@example.dk")
        #expect(headers["Content-Type"] == "text/plain; charset=utf-8")
        #expect(body == ["Kunde 1042 blev ikke fundet.", ".Linje to starter med punktum"])
        #expect(received.data == message.rendered())
    }

    @Test("AUTH logs in with the right password, and a wrong one is authenticationFailed without the password", arguments: ["PLAIN", "LOGIN"])
    func authentication(mechanism: String) async throws {
        let sink = try SMTPSink(username: "econsync", password: "hemmeligt-XYZZY-42", mechanisms: [mechanism])
        defer { sink.stop() }
        let good = Self.settings(sink, username: "econsync", password: "hemmeligt-XYZZY-42")
        try await SMTPMailer(good, timeout: 60).send(try good.message(subject: "Test", body: "ok", date: Self.date))
        #expect(sink.messages.map(\.user) == ["econsync"])

        let bad = Self.settings(sink, username: "econsync", password: "forkert-PLUGH-7")
        let error = try await #require(throws: MailError.self) {
            try await SMTPMailer(bad, timeout: 60).send(try bad.message(subject: "Test", body: "ok", date: Self.date))
        }
        #expect(error.code == .authenticationFailed)
        #expect(error.description.contains("check the SMTP username and password"))
        #expect(!error.description.contains("PLUGH") && !error.description.contains("XYZZY"))
        #expect(!String(describing: bad).contains("PLUGH"))

        let anonymous = Self.settings(sink)
        let refused = try await #require(throws: MailError.self) {
            try await SMTPMailer(anonymous, timeout: 60).send(try anonymous.message(subject: "Test", body: "ok", date: Self.date))
        }
        #expect(refused.code == .authenticationFailed && refused.responseCode == 530)
        #expect(sink.messages.count == 1)
    }

    @Test("a recipient refused with 550 is MailError.rejected naming the 550 and the recipients")
    func rejectedRecipient() async throws {
        let sink = try SMTPSink(rejecting: ["nobody@example.com"])
        defer { sink.stop() }
        let settings = Self.settings(sink, to: ["ops@example.com", "nobody@example.com"])
        let error = try await #require(throws: MailError.self) {
            try await SMTPMailer(settings, timeout: 60).send(try settings.message(subject: "Test", body: "ok", date: Self.date))
        }
        #expect(error.code == .rejected && error.responseCode == 550)
        #expect(error.description.contains("550") && error.description.contains("nobody@example.com"))
        #expect(sink.messages.isEmpty)
    }

    @Test("nothing listening is connectionFailed; a silent server is timedOut; requireTLS without STARTTLS fails")
    func connectionFailures() async throws {
        let port = try SMTPSink.closedPort()
        let closed = SMTPSettings(url: "smtp://127.0.0.1:\(port)", from: "econsync@example.com", to: ["ops@example.com"])
        let refused = try await #require(throws: MailError.self) {
            try await SMTPMailer(closed, timeout: 60).send(try closed.message(subject: "Test", body: "ok"))
        }
        #expect(refused.code == .connectionFailed && refused.description.contains("127.0.0.1:\(port)"))

        let silent = try SMTPSink(silent: true)
        defer { silent.stop() }
        let waiting = Self.settings(silent)
        let late = try await #require(throws: MailError.self) {
            try await SMTPMailer(waiting, timeout: 1).send(try waiting.message(subject: "Test", body: "ok"))
        }
        // The 1-second timeout ended it (the silent server never answers nor closes): no wall-clock
        // bound, which a loaded two-core machine running the whole suite broke once (64 s).
        #expect(late.code == .timedOut)

        let sink = try SMTPSink()
        defer { sink.stop() }
        var strict = Self.settings(sink)
        strict.requireTLS = true
        let plain = try await #require(throws: MailError.self) {
            try await SMTPMailer(strict, timeout: 60).send(try strict.message(subject: "Test", body: "ok"))
        }
        #expect(plain.code == .connectionFailed && plain.description.contains("STARTTLS"))
        #expect(sink.messages.isEmpty)
    }

    @Test("cancelling the sending task ends the transfer with CancellationError")
    func cancellation() async throws {
        let silent = try SMTPSink(silent: true)
        defer { silent.stop() }
        let settings = Self.settings(silent)
        // A timeout far beyond the test's life: only the cancellation can end the send
        // (a timeout would end it with MailError.timedOut, not CancellationError).
        let mailer = try SMTPMailer(settings, timeout: 600)
        let message = try settings.message(subject: "Test", body: "ok")
        let task = Task { try await mailer.send(message) }
        try await Task.sleep(for: .milliseconds(300))
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
    }

    @Test("rendered() is RFC 5322 with CRLF lines, an RFC 2047 subject in whole-character words, and 8bit UTF-8 text")
    func rendered() throws {
        let message = try MailMessage(from: "econsync@example.com", to: ["a@example.com", "b@example.com"],
                                      subject: "Modul kunder fejlede: Kunde ikke fundet (æøå)",
                                      body: "første linje\r\nanden linje\rtredje\n.fjerde", date: Self.date)
        let golden = [
            "Date: Mon, 02 Nov 2026 08:00:00 +0000",
            "From: econsync@example.com",
            "To: a@example.com, b@example.com",
            "Subject: =?UTF-8?B?TW9kdWwga3VuZGVyIGZlamxlZGU6IEt1bmRlIGlra2UgZnVuZGV0ICg=?=",
            " =?UTF-8?B?w6bDuMOlKQ==?=",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: 8bit",
            "",
            "første linje",
            "anden linje",
            "tredje",
            ".fjerde",
            "",
        ].joined(separator: "\r\n")
        #expect(message.rendered() == golden)
        #expect(message.rendered().utf8.split(separator: UInt8(ascii: "\n")).allSatisfy { $0.last == UInt8(ascii: "\r") })

        let plain = try MailMessage(from: "a@example.com", to: ["b@example.com"], subject: "Sync done\r\nBcc: x@example.com", body: "", date: Self.date)
        #expect(plain.rendered().contains("\r\nSubject: Sync done Bcc: x@example.com\r\n"))
        #expect(plain.rendered().hasSuffix("8bit\r\n\r\n"))

        let injected = try #require(throws: MailError.self) {
            try MailMessage(from: "a@example.com", to: ["b@example.com\r\nBcc: evil@example.com"], subject: "x", body: "")
        }
        #expect(injected.code == .invalidAddress && injected.message.contains("recipient"))
        #expect(try #require(throws: MailError.self) { try MailMessage(from: "no-at-sign", to: ["b@example.com"], subject: "x", body: "") }
            .code == .invalidAddress)
        #expect(throws: MailError.self) { try MailMessage(from: "a@example.com", to: [], subject: "x", body: "") }
    }

    @Test("settings print without the password and refuse what cannot work, saying why")
    func settings() throws {
        let settings = SMTPSettings(url: "smtps://mail.example.com:465", username: "econsync", password: "hemmeligt-XYZZY-42",
                                    from: "econsync@example.com", to: ["ops@example.com"], requireTLS: true)
        try settings.validate()
        #expect(settings.description.contains("password: (set)") && !settings.description.contains("XYZZY"))
        #expect(!"\(settings)".contains("XYZZY"))

        func problem(_ change: (inout SMTPSettings) -> Void) throws -> MailError {
            var copy = settings
            change(&copy)
            return try #require(throws: MailError.self) { try copy.validate() }
        }
        let scheme = try problem { $0.url = "https://mail.example.com" }
        #expect(scheme.code == .invalidSettings && scheme.message.contains("smtp://host:port or smtps://host:port"))
        #expect(try problem { $0.url = "smtp://" }.message.contains("has no host"))
        #expect(try problem { $0.to = [] }.message.contains("no recipient"))
        #expect(try problem { $0.from = "econsync" }.code == .invalidAddress)
        #expect(try problem { $0.username = nil }.message.contains("password is set without a username"))
        let embedded = try problem { $0.url = "smtp://econsync:s3cr3t-PLUGH@mail.example.com:587" }
        #expect(embedded.code == .invalidSettings && !embedded.description.contains("PLUGH"))
        var leaky = settings
        leaky.url = "smtp://econsync:s3cr3t-PLUGH@mail.example.com:587"
        #expect(!leaky.description.contains("PLUGH"))
        #expect(throws: MailError.self) { try SMTPMailer(leaky) }
        #expect(try #require(throws: MailError.self) { try SMTPMailer(settings, timeout: 0) }.message.contains("timeout"))
    }
}
