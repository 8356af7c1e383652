import CCurl
import Foundation
import Synchronization

/// The production HTTP transport: libcurl's multi interface driven by one
/// background thread, so requests never block Swift's cooperative thread
/// pool. Connections are reused across requests, responses are asked for
/// gzip-compressed and decompressed by curl, TLS is verified, and the usual
/// proxy environment variables (`https_proxy`, `no_proxy`, …) are honoured.
///
/// ```swift
/// let transport = CurlTransport()
/// let response = try await transport.send(HTTPRequest(method: "GET", url: url, headers: headers))
/// ```
public final class CurlTransport: HTTPTransport, @unchecked Sendable {
    // Safety: its stored properties are `let`s: the configuration (a Sendable value) and the
    // engine, which is itself safe to share (see ``CurlEngine``).
    /// Timeouts and limits.
    public struct Configuration: Sendable {
        /// Seconds to wait for a connection.
        public var connectTimeout: Double = 10
        /// A transfer slower than `lowSpeedLimit` bytes/s for `lowSpeedTime` seconds is abandoned.
        public var lowSpeedLimit = 1
        public var lowSpeedTime: Double = 30
        /// Seconds one request may take in all.
        public var totalTimeout: Double = 300
        /// Ask for compressed responses.
        public var acceptCompressed = true
        /// At most this many connections per host.
        public var maxConnectionsPerHost = 8
        public var userAgent = "econsync/1 (libcurl)"

        public init() {}
    }

    public let configuration: Configuration
    private let engine: CurlEngine

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        engine = CurlEngine(maxConnectionsPerHost: configuration.maxConnectionsPerHost)
    }

    deinit {
        engine.stop()
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard let handle = curl_easy_init() else {
            throw TransportError(.invalidRequest, "libcurl could not create a handle", url: request.url)
        }
        let box = Mutex<CurlTransfer?>(nil)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let transfer = CurlTransfer(request: request, handle: handle, continuation: continuation)
                box.withLock { $0 = transfer }
                let code = transfer.configure(configuration)
                guard code == CURLE_OK else {
                    transfer.continuation = nil
                    continuation.resume(throwing: TransportError(.invalidRequest, String(cString: curl_easy_strerror(code)), url: request.url))
                    return
                }
                engine.enqueue(transfer)
            }
        } onCancel: {
            if let transfer = box.withLock({ $0 }) { engine.cancel(transfer) }
        }
    }
}

/// The libcurl multi handle and the thread that drives it. The thread holds
/// the engine until it has stopped, so the handle outlives every transfer.
final class CurlEngine: @unchecked Sendable {
    // Safety: the multi handle is used only by the engine's own thread (and freed in `deinit`,
    // after that thread let go of the engine); other threads reach it only through the `Mutex`es
    // and the `Atomic` below.
    private let multi: UnsafeMutableRawPointer
    private let pending = Mutex<[CurlTransfer]>([])
    private let cancellations = Mutex<Set<ObjectIdentifier>>([])
    private let stopping = Atomic<Bool>(false)

    init(maxConnectionsPerHost: Int) {
        _ = Self.initializeOnce
        multi = curl_multi_init()
        _ = ccurl_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, maxConnectionsPerHost)
        let thread = Thread { [self] in self.loop() }
        thread.name = "econsync.curl"
        thread.start()
    }

    deinit {
        curl_multi_cleanup(multi)
    }

    /// Initialises libcurl once per process; every user of libcurl touches it first.
    static let initializeOnce: Void = {
        curl_global_init(Int(CURL_GLOBAL_DEFAULT))
    }()

    func enqueue(_ transfer: CurlTransfer) {
        pending.withLock { $0.append(transfer) }
        curl_multi_wakeup(multi)
    }

    func cancel(_ transfer: CurlTransfer) {
        cancellations.withLock { _ = $0.insert(ObjectIdentifier(transfer)) }
        curl_multi_wakeup(multi)
    }

    /// Asks the thread to finish; transfers still running fail as cancelled.
    func stop() {
        stopping.store(true, ordering: .sequentiallyConsistent)
        curl_multi_wakeup(multi)
    }

    /// The background loop: adds new transfers, drives curl, and completes finished ones.
    private func loop() {
        var active: [UnsafeMutableRawPointer: CurlTransfer] = [:]
        while !stopping.load(ordering: .sequentiallyConsistent) {
            for transfer in pending.withLock({ queue in defer { queue.removeAll() }; return queue }) {
                active[transfer.handle] = transfer
                curl_multi_add_handle(multi, transfer.handle)
            }
            let cancelled = cancellations.withLock { set in defer { set.removeAll() }; return set }
            for (handle, transfer) in active where cancelled.contains(ObjectIdentifier(transfer)) {
                transfer.cancelled = true
                curl_multi_remove_handle(multi, handle)
                active[handle] = nil
                finish(transfer, CURLE_ABORTED_BY_CALLBACK)
            }
            var running: Int32 = 0
            curl_multi_perform(multi, &running)
            var queued: Int32 = 0
            while let message = curl_multi_info_read(multi, &queued) {
                guard message.pointee.msg == CURLMSG_DONE, let handle = message.pointee.easy_handle else { continue }
                let code = message.pointee.data.result
                curl_multi_remove_handle(multi, handle)
                if let transfer = active.removeValue(forKey: handle) { finish(transfer, code) }
            }
            curl_multi_poll(multi, nil, 0, 1000, nil)
        }
        for (handle, transfer) in active {
            curl_multi_remove_handle(multi, handle)
            transfer.cancelled = true
            finish(transfer, CURLE_ABORTED_BY_CALLBACK)
        }
        for transfer in pending.withLock({ $0 }) {
            transfer.cancelled = true
            finish(transfer, CURLE_ABORTED_BY_CALLBACK)
        }
    }

    private func finish(_ transfer: CurlTransfer, _ code: CURLcode) {
        guard let continuation = transfer.continuation else { return }
        transfer.continuation = nil
        continuation.resume(with: transfer.result(code))
    }
}
