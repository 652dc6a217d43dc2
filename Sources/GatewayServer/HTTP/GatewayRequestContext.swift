import Hummingbird
import NIOCore

/// The request context: Hummingbird's core storage plus the client connection, so a
/// handler can learn when its client disconnects.
public struct GatewayRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public let channel: any Channel
    /// The tenant whose key the request carried (nil in open mode).
    var tenant: TenantIdentity?
    /// The request's `x-request-id` (the client's, or one the gateway made).
    var requestID: String?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.channel = source.channel
    }
}
