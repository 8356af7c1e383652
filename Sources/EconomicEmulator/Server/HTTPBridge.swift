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

    /// Bodies up to 32 MiB (big draft orders, bulk time entries).
    var maxUploadSize: Int { 32 << 20 }
}

/// Turns Hummingbird requests into ``EmulatorRequest``s and ``EmulatorResponse``s
/// back into Hummingbird responses.
struct HTTPBridge: HTTPResponder {
    typealias Context = EmulatorRequestContext

    let emulator: EconomicEmulator

    func respond(to request: Request, context: EmulatorRequestContext) async throws -> Response {
        var request = request
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        var body = Array(buffer.readableBytesView)
        var headers: [String: String] = [:]
        for field in request.headers {
            let name = field.name.canonicalName
            headers[name] = headers[name].map { $0 + ", " + field.value } ?? field.value
        }
        if headers["content-encoding"]?.lowercased() == "gzip", !body.isEmpty {
            guard let inflated = GzipEncoding.decompress(body) else {
                return Response(status: .badRequest, body: .init(byteBuffer: ByteBuffer(string: "The gzip request body cannot be decompressed.")))
            }
            body = inflated
        }
        let authority = request.head.authority ?? headers["host"] ?? context.channel.localAddress.map { "\($0.ipAddress ?? "127.0.0.1"):\($0.port ?? 0)" } ?? "127.0.0.1"
        let peer = context.channel.remoteAddress?.ipAddress ?? ""
        let loopback = peer.hasPrefix("127.") || peer == "::1" || peer.hasPrefix("::ffff:127.")
        let emulatorRequest = EmulatorRequest(method: request.method.rawValue, target: request.uri.string, headers: headers, body: body,
                                              baseURL: "http://\(authority)", fromLoopback: loopback)
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
        return Response(status: HTTPResponse.Status(code: answer.status), headers: fields,
                        body: .init(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}
