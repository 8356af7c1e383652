import CCurl
import Foundation

/// One request in flight on a ``CurlTransport``: its easy handle, what has
/// arrived so far, and the continuation to resume when it ends.
final class CurlTransfer: @unchecked Sendable {
    // Safety: after ``CurlEngine/enqueue(_:)`` hands it over, only the engine's thread (libcurl's
    // callbacks and the completion) touches the mutable state; before that, only its creator.
    let request: HTTPRequest
    let handle: UnsafeMutableRawPointer
    var headerList: UnsafeMutablePointer<curl_slist>?
    var continuation: CheckedContinuation<HTTPResponse, any Error>?
    var status = 0
    var headers: [String: String] = [:]
    var body: [UInt8] = []
    var cancelled = false

    init(request: HTTPRequest, handle: UnsafeMutableRawPointer, continuation: CheckedContinuation<HTTPResponse, any Error>) {
        self.request = request
        self.handle = handle
        self.continuation = continuation
    }

    /// Sets the easy handle's options for `request` under `configuration`.
    func configure(_ configuration: CurlTransport.Configuration) -> CURLcode {
        let context = Unmanaged.passUnretained(self).toOpaque()
        var code = ccurl_setopt_string(handle, CURLOPT_URL, request.url)
        func set(_ result: CURLcode) { if code == CURLE_OK { code = result } }
        set(ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1))
        set(ccurl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0))
        set(ccurl_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1))
        set(ccurl_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2))
        set(ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(configuration.connectTimeout * 1000)))
        set(ccurl_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, configuration.lowSpeedLimit))
        set(ccurl_setopt_long(handle, CURLOPT_LOW_SPEED_TIME, Int(configuration.lowSpeedTime)))
        set(ccurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, Int(configuration.totalTimeout * 1000)))
        if configuration.acceptCompressed {
            set(ccurl_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, ""))  // every encoding curl can decode
        }
        set(ccurl_setopt_string(handle, CURLOPT_USERAGENT, configuration.userAgent))
        if request.method == "GET" {
            set(ccurl_setopt_long(handle, CURLOPT_HTTPGET, 1))
        } else {
            set(ccurl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, request.method))
        }
        if let body = request.body {
            set(ccurl_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)))
            set(body.withUnsafeBufferPointer { buffer in
                ccurl_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!))
            })
        }
        for (name, value) in request.headers {
            headerList = curl_slist_append(headerList, "\(name): \(value)")
        }
        // curl adds "Expect: 100-continue" to large bodies; e-conomic does not need the round trip.
        headerList = curl_slist_append(headerList, "Expect:")
        set(ccurl_setopt_pointer(handle, CURLOPT_HTTPHEADER, UnsafeMutableRawPointer(headerList)))
        set(ccurl_setopt_pointer(handle, CURLOPT_WRITEDATA, context))
        set(ccurl_setopt_callback(handle, CURLOPT_WRITEFUNCTION) { data, size, count, context in
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue()
            let length = size * count
            if let data, length > 0 {
                data.withMemoryRebound(to: UInt8.self, capacity: length) { transfer.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: length)) }
            }
            return transfer.cancelled ? 0 : length
        })
        set(ccurl_setopt_pointer(handle, CURLOPT_HEADERDATA, context))
        set(ccurl_setopt_callback(handle, CURLOPT_HEADERFUNCTION) { data, size, count, context in
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue()
            let length = size * count
            if let data {
                let line = String(decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self)
                transfer.receiveHeader(line)
            }
            return length
        })
        return code
    }

    /// Takes one header line; a status line starts a new response (after a 100 Continue).
    func receiveHeader(_ line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("HTTP/") {
            headers = [:]
            status = Int(trimmed.split(separator: " ").dropFirst().first ?? "") ?? 0
            return
        }
        guard let colon = trimmed.firstIndex(of: ":") else { return }
        let name = trimmed[..<colon].lowercased()
        let value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        headers[name] = headers[name].map { "\($0), \(value)" } ?? value
    }

    /// The response, once the transfer completed with `code`.
    func result(_ code: CURLcode) -> Result<HTTPResponse, any Error> {
        if cancelled { return .failure(TransportError(.cancelled, "the request was cancelled", url: request.url)) }
        guard code == CURLE_OK else {
            let message = String(cString: curl_easy_strerror(code))
            let kind: TransportError.Code = switch code {
            case CURLE_OPERATION_TIMEDOUT: .timeout
            case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CACERT_BADFILE: .tls
            case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL: .invalidRequest
            default: .connection
            }
            return .failure(TransportError(kind, message, url: request.url))
        }
        var downloaded: curl_off_t = 0
        _ = ccurl_getinfo_off_t(handle, CURLINFO_SIZE_DOWNLOAD_T, &downloaded)
        var code: Int = 0
        _ = ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &code)
        return .success(HTTPResponse(status: code == 0 ? status : code, headers: headers, body: body, bytesOnWire: Int64(downloaded)))
    }

    deinit {
        curl_slist_free_all(headerList)
        curl_easy_cleanup(handle)
    }
}
