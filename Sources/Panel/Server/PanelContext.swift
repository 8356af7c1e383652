import Hummingbird
import NIOCore

/// What the panel knows of a request besides the request itself: the
/// address it came from, so that failed logins are slowed down per client.
public struct PanelContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The client's address (`127.0.0.1`, `::1`, …), or "unknown".
    public let client: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        client = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }
}
