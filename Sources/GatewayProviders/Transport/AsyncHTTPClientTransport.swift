import AsyncHTTPClient
import NIOCore
import NIOHTTP1

/// ``HTTPTransport`` over one shared AsyncHTTPClient (pooled keep-alive connections,
/// HTTP/2 when the upstream negotiates it through TLS ALPN).
public struct AsyncHTTPClientTransport: HTTPTransport {
    public let client: HTTPClient

    public init(client: HTTPClient) {
        self.client = client
    }

    public func execute(_ request: TransportRequest, deadline: NIODeadline) async throws -> TransportResponse {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = request.method
        outgoing.headers = request.headers
        outgoing.body = .bytes(request.body)
        do {
            let response = try await client.execute(outgoing, deadline: deadline)
            return TransportResponse(status: Int(response.status.code), headers: response.headers, body: TransportBody(response.body))
        } catch let error as HTTPClientError {
            throw TransportError(error)
        }
    }
}

/// A transport failure with a description safe to show (no URLs with keys, no headers).
public struct TransportError: Error, Sendable, CustomStringConvertible {
    public let description: String
    /// True when the deadline passed rather than the connection failing.
    public let isTimeout: Bool

    init(_ error: HTTPClientError) {
        self.isTimeout = error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout
        self.description = String(describing: error)
    }
}
