import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The request context the emulator's Hummingbird responder gets: the core
/// context plus the channel (for the peer address and for dropping connections).
struct EmulatorRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }

    /// Bodies up to ``RequestBodyCheck/limit``; larger ones are answered 413.
    var maxUploadSize: Int { RequestBodyCheck.limit }
}

/// Turns Hummingbird requests into ``EmulatorRequest``s and ``EmulatorResponse``s
/// back into Hummingbird responses.
struct HTTPBridge: HTTPResponder {
    typealias Context = EmulatorRequestContext

    let emulator: EconomicEmulator

    func respond(to request: Request, context: EmulatorRequestContext) async throws -> Response {
        let (collected, oversized, drained) = try await Self.readBody(request, limit: context.maxUploadSize)
        var body = collected
        var headers: [String: String] = [:]
        for field in request.headers {
            let name = field.name.canonicalName
            headers[name] = headers[name].map { $0 + ", " + field.value } ?? field.value
        }
        var problem: EmulatorRequest.BodyProblem? = oversized ? .tooLarge : nil
        if headers["content-encoding"]?.lowercased() == "gzip", !body.isEmpty {
            if let inflated = GzipEncoding.decompress(body, limit: RequestBodyCheck.drainLimit) {
                body = inflated
                if inflated.count > context.maxUploadSize { problem = .tooLarge }
            } else {
                problem = .notGzip
            }
        }
        if problem != nil { body = [] }
        let authority = request.head.authority ?? headers["host"] ?? context.channel.localAddress.map { "\($0.ipAddress ?? "127.0.0.1"):\($0.port ?? 0)" } ?? "127.0.0.1"
        let peer = context.channel.remoteAddress?.ipAddress ?? ""
        let loopback = peer.hasPrefix("127.") || peer == "::1" || peer.hasPrefix("::ffff:127.")
        var emulatorRequest = EmulatorRequest(method: request.method.rawValue, target: request.uri.string, headers: headers, body: body,
                                              baseURL: "http://\(authority)", fromLoopback: loopback)
        emulatorRequest.bodyProblem = problem
        let answer = await emulator.respond(emulatorRequest)
        if answer.drop {
            try? await context.channel.close()
            throw CancellationError()
        }
        var fields = HTTPFields()
        for header in answer.headers {
            if let name = HTTPField.Name(header.name) { fields.append(HTTPField(name: name, value: header.value)) }
        }
        fields[.contentLength] = String(answer.body.count)
        if !drained { fields[.connection] = "close" }
        return Response(status: HTTPResponse.Status(code: answer.status), headers: fields,
                        body: .init(byteBuffer: ByteBuffer(bytes: answer.body)))
    }

    /// The body, read up to `limit` bytes. A larger body is read on and discarded up to
    /// ``RequestBodyCheck/drainLimit`` so the client can finish sending and read the 413;
    /// `drained` is false when reading stopped before the body's end.
    static func readBody(_ request: Request, limit: Int) async throws -> (body: [UInt8], oversized: Bool, drained: Bool) {
        var body: [UInt8] = []
        var total = 0
        for try await chunk in request.body {
            total += chunk.readableBytes
            if total <= limit {
                body.append(contentsOf: chunk.readableBytesView)
            } else if total > RequestBodyCheck.drainLimit {
                return ([], true, false)
            }
        }
        return total > limit ? ([], true, true) : (body, false, true)
    }
}
