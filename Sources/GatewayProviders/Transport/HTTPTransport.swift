import NIOCore
import NIOHTTP1

/// One outgoing HTTP request to a provider.
public struct TransportRequest: Sendable {
    public var url: String
    public var method: HTTPMethod
    public var headers: HTTPHeaders
    public var body: ByteBuffer

    public init(url: String, method: HTTPMethod = .POST, headers: HTTPHeaders, body: ByteBuffer) {
        self.url = url
        self.method = method
        self.headers = headers
        self.body = body
    }
}

/// A provider's answer: status and headers at once, the body as it streams in.
public struct TransportResponse: Sendable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: TransportBody

    public init(status: Int, headers: HTTPHeaders, body: TransportBody) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// The seam between providers and the HTTP client, so the client can be swapped (and
/// faked in tests). Cancelling the task that iterates a response body must abort the
/// upstream request so the provider sees the connection close.
public protocol HTTPTransport: Sendable {
    func execute(_ request: TransportRequest, deadline: NIODeadline) async throws -> TransportResponse
}
