import CCurl
import Foundation
import Synchronization

/// One message's SMTP transfer on a libcurl easy handle: the bytes still to
/// upload, the cancellation flag the progress callback reads, and the
/// mapping of libcurl's outcome to ``MailError``.
final class SMTPSession: @unchecked Sendable {
    // Safety: `uploaded` is touched only by the thread running `perform` (libcurl's read
    // callback runs on it); the cancellation flag is an `Atomic`; everything else is a `let`.
    let settings: SMTPSettings
    let message: MailMessage
    let timeout: Double
    private let payload: [UInt8]
    private var uploaded = 0   // touched only by the thread running `perform`
    private let cancelled = Atomic<Bool>(false)

    init(settings: SMTPSettings, message: MailMessage, timeout: Double) {
        self.settings = settings
        self.message = message
        self.timeout = timeout
        payload = Array(message.rendered().utf8)
    }

    /// Makes `perform` stop at libcurl's next progress call (at least once a second).
    func cancel() {
        cancelled.store(true, ordering: .relaxed)
    }

    /// Connects, sends the message and disconnects; blocks the calling thread throughout.
    func perform() -> Result<Void, any Error> {
        if cancelled.load(ordering: .relaxed) { return .failure(CancellationError()) }
        _ = CurlEngine.initializeOnce
        guard let handle = curl_easy_init() else {
            return .failure(MailError(.connectionFailed, "libcurl could not create a handle"))
        }
        var recipients: UnsafeMutablePointer<curl_slist>?
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        defer {
            curl_easy_cleanup(handle)   // first: it may still say QUIT, using the list
            curl_slist_free_all(recipients)
            errorBuffer.deallocate()
        }
        for address in message.to { recipients = curl_slist_append(recipients, "<\(address)>") }
        var code = configure(handle, recipients: recipients, errorBuffer: errorBuffer)
        if code == CURLE_OK { code = curl_easy_perform(handle) }
        guard code != CURLE_OK else { return .success(()) }
        var reply = 0
        _ = ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &reply)
        return .failure(error(for: code, reply: reply, detail: String(cString: errorBuffer)))
    }

    /// Sets the easy handle's options; the first failure's code, or `CURLE_OK`.
    private func configure(_ handle: UnsafeMutableRawPointer, recipients: UnsafeMutablePointer<curl_slist>?,
                           errorBuffer: UnsafeMutablePointer<CChar>) -> CURLcode {
        let context = Unmanaged.passUnretained(self).toOpaque()
        var code = ccurl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer)
        func set(_ result: CURLcode) { if code == CURLE_OK { code = result } }
        set(ccurl_setopt_string(handle, CURLOPT_URL, settings.url))
        set(ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1))
        set(ccurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, Int((timeout * 1000).rounded(.up))))
        set(ccurl_setopt_string(handle, CURLOPT_MAIL_FROM, "<\(message.from)>"))
        set(ccurl_setopt_pointer(handle, CURLOPT_MAIL_RCPT, UnsafeMutableRawPointer(recipients)))
        if let username = settings.username {
            set(ccurl_setopt_string(handle, CURLOPT_USERNAME, username))
            set(ccurl_setopt_string(handle, CURLOPT_PASSWORD, settings.password ?? ""))
        }
        if settings.requireTLS {
            set(ccurl_setopt_long(handle, CURLOPT_USE_SSL, Int(CURLUSESSL_ALL.rawValue)))
        }
        set(ccurl_setopt_long(handle, CURLOPT_UPLOAD, 1))
        set(ccurl_setopt_pointer(handle, CURLOPT_READDATA, context))
        set(ccurl_setopt_callback(handle, CURLOPT_READFUNCTION) { buffer, size, count, context in
            Unmanaged<SMTPSession>.fromOpaque(context!).takeUnretainedValue().read(into: buffer, capacity: size * count)
        })
        set(ccurl_setopt_long(handle, CURLOPT_NOPROGRESS, 0))
        set(ccurl_setopt_pointer(handle, CURLOPT_XFERINFODATA, context))
        set(ccurl_setopt_xferinfo(handle) { context, _, _, _, _ in
            Unmanaged<SMTPSession>.fromOpaque(context!).takeUnretainedValue().cancelled.load(ordering: .relaxed) ? 1 : 0
        })
        return code
    }

    /// Copies the next bytes of the message into libcurl's buffer; 0 at the end.
    private func read(into buffer: UnsafeMutablePointer<CChar>?, capacity: Int) -> Int {
        let count = min(capacity, payload.count - uploaded)
        guard let buffer, count > 0 else { return 0 }
        payload.withUnsafeBytes { UnsafeMutableRawPointer(buffer).copyMemory(from: $0.baseAddress! + uploaded, byteCount: count) }
        uploaded += count
        return count
    }

    /// The error for libcurl's `code`, the server's last `reply` code (0 for
    /// none) and libcurl's error text `detail`, with the password taken out.
    func error(for code: CURLcode, reply: Int, detail: String) -> any Error {
        if code == CURLE_ABORTED_BY_CALLBACK && cancelled.load(ordering: .relaxed) { return CancellationError() }
        let server = settings.url
        let text = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
        let reason = redacted(text.trimmingCharacters(in: CharacterSet(charactersIn: ". \n")))
        let reply = reply >= 200 ? reply : Self.replyCode(in: reason)
        let replyNote = reply.map { reason.contains(String($0)) ? "" : " (reply \($0))" } ?? ""
        switch code {
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return MailError(.connectionFailed, "cannot connect to the SMTP server \(server): \(reason)")
        case CURLE_OPERATION_TIMEDOUT:
            return MailError(.timedOut, "the SMTP server \(server) did not finish within \(String(format: "%g", timeout)) s: \(reason)",
                             responseCode: reply)
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL:
            return MailError(.invalidSettings, "libcurl cannot use the SMTP URL \(server): \(reason)")
        case CURLE_USE_SSL_FAILED:
            return MailError(.connectionFailed, "the SMTP server \(server) offers no STARTTLS, and requireTLS is set: \(reason)")
        case CURLE_LOGIN_DENIED:
            return MailError(.authenticationFailed, "the SMTP server \(server) refused the login of \(settings.username ?? "(no username)"): "
                             + "\(reason)\(replyNote)", responseCode: reply)
        default:
            if reply == 530 {
                return MailError(.authenticationFailed, "the SMTP server \(server) requires a login: \(reason)\(replyNote)", responseCode: reply)
            }
            if let reply, reply >= 400 {
                return MailError(.rejected, "the SMTP server \(server) refused the mail from \(message.from) to "
                                 + "\(message.to.joined(separator: ", ")): \(reason)\(replyNote)", responseCode: reply)
            }
            return MailError(.connectionFailed, "the SMTP conversation with \(server) failed: \(reason)", responseCode: reply)
        }
    }

    /// `text` without the password.
    private func redacted(_ text: String) -> String {
        guard let password = settings.password, !password.isEmpty else { return text }
        return text.replacingOccurrences(of: password, with: "(password)")
    }

    /// The first SMTP reply code (`550`) in `text`, if any.
    static func replyCode(in text: String) -> Int? {
        let digits = Array(text.utf8)
        for start in digits.indices where start + 3 <= digits.count {
            let run = digits[start..<start + 3]
            let bounded = (start == 0 || !(48...57).contains(digits[start - 1]))
                && (start + 3 == digits.count || !(48...57).contains(digits[start + 3]))
            if bounded, (50...53).contains(run.first!), run.allSatisfy({ (48...57).contains($0) }) {
                return Int(String(decoding: run, as: UTF8.self))
            }
        }
        return nil
    }
}
