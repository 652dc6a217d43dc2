import GatewayCore
import NIOCore

/// One vendor's I/O specifics: where to send, how to authenticate, and how its wire format
/// maps to and from the canonical model. ``HTTPProvider`` does the sending and reading.
public protocol VendorAPI: Sendable {
    /// Which wire format this is: decides the fields it refuses (``FieldSupport``).
    var vendor: Vendor { get }
    /// The endpoint for `model`, streamed or not.
    func url(model: String, stream: Bool) -> String
    /// The headers that authenticate a request (and any the vendor requires on every one).
    func authHeaders(key: APIKey?) -> [(String, String)]
    /// The vendor's request body for `call`.
    func wireRequest(_ call: UpstreamCall, stream: Bool) -> any Encodable
    /// Maps a whole non-streamed answer; a body it cannot read is ``UpstreamError/malformedResponse(_:)``.
    func response(from body: ByteBuffer, call: UpstreamCall) throws(UpstreamError) -> ChatResponse
    /// A fresh decoder for one streamed answer's events.
    func streamDecoder(for call: UpstreamCall) -> any StreamEventDecoder
}

/// A provider speaking one vendor's JSON-over-HTTP API: `API` supplies the vendor's pieces,
/// ``ProviderHTTP`` the headers, sending, error classification and body reading.
public struct HTTPProvider<API: VendorAPI>: Provider {
    /// The policy's name for this provider.
    public let name: String
    let api: API
    let key: APIKey?
    let transport: any HTTPTransport

    init(name: String, api: API, key: APIKey?, transport: any HTTPTransport) {
        self.name = name
        self.api = api
        self.key = key
        self.transport = transport
    }

    /// Sends the request without streaming and maps the whole answer.
    public func complete(_ call: UpstreamCall) async throws -> UpstreamReply {
        do {
            let response = try await send(call, stream: false)
            let body = try await ProviderHTTP.readBody(response, key: key)
            let chat = try api.response(from: body, call: call)
            return UpstreamReply(response: chat, serviceTime: ProviderHTTP.serviceTime(response.headers))
        } catch {
            throw ProviderHTTP.sanitize(error, key: key)
        }
    }

    /// Sends the streaming request; events decode lazily as the body is read.
    public func stream(_ call: UpstreamCall) async throws -> UpstreamEventStream {
        let response = try await send(call, stream: true)
        let key = self.key
        return UpstreamEventStream(
            body: response.body,
            decoder: api.streamDecoder(for: call),
            serviceTime: ProviderHTTP.serviceTime(response.headers),
            sanitize: { ProviderHTTP.sanitize($0, key: key) }
        )
    }

    private func send(_ call: UpstreamCall, stream: Bool) async throws -> TransportResponse {
        let refused = FieldSupport.refused(in: call.request, by: api.vendor)
        if !refused.isEmpty {
            let names = refused.map { "'\($0)'" }.joined(separator: ", ")
            throw UpstreamError.rejected(
                status: 400,
                message: "\(names) cannot be honoured by \(api.vendor.rawValue) (provider '\(name)'); the README's field table says why")
        }
        let wire = api.wireRequest(call, stream: stream)
        let auth = api.authHeaders(key: key)
        let request = TransportRequest(
            url: api.url(model: call.model, stream: stream),
            headers: ProviderHTTP.headers(forwarded: call.forwardedHeaders, auth: auth, streaming: stream),
            body: try ProviderHTTP.encodeJSON(wire)
        )
        return try await ProviderHTTP.send(request, via: transport, deadline: call.deadline, key: key)
    }
}
