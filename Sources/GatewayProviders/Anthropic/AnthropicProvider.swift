import GatewayCore
import NIOCore

/// Anthropic Messages: `POST {baseURL}/v1/messages` with `x-api-key` and
/// `anthropic-version: 2023-06-01`.
public struct AnthropicProvider: Provider {
    /// The API version every request names.
    static let apiVersion = "2023-06-01"

    /// The policy's name for this provider.
    public let name: String
    private let url: String
    private let key: APIKey?
    private let transport: any HTTPTransport

    /// A provider for `baseURL` (without `/v1`).
    public init(name: String, baseURL: String, key: APIKey?, transport: any HTTPTransport) {
        self.name = name
        self.url = ProviderHTTP.trimmedBase(baseURL) + "/v1/messages"
        self.key = key
        self.transport = transport
    }

    /// Sends the request without streaming and decodes the `message`.
    public func complete(_ call: UpstreamCall) async throws -> UpstreamReply {
        let response = try await send(call, stream: false)
        let body = try await ProviderHTTP.readBody(response, key: key)
        let chat = try AnthropicResponseMapping.response(from: body, model: call.model)
        return UpstreamReply(response: chat, serviceTime: ProviderHTTP.serviceTime(response.headers))
    }

    /// Sends the request with `stream: true`; events decode lazily.
    public func stream(_ call: UpstreamCall) async throws -> UpstreamEventStream {
        let response = try await send(call, stream: true)
        return UpstreamEventStream(
            body: response.body,
            decoder: AnthropicStreamDecoder(),
            serviceTime: ProviderHTTP.serviceTime(response.headers)
        )
    }

    private func send(_ call: UpstreamCall, stream: Bool) async throws -> TransportResponse {
        let wire = AnthropicRequestMapping.wireRequest(call.request, model: call.model, stream: stream)
        var auth = [("anthropic-version", Self.apiVersion)]
        if let key { auth.append(("x-api-key", key.value)) }
        let request = TransportRequest(
            url: url,
            headers: ProviderHTTP.headers(forwarded: call.forwardedHeaders, auth: auth, streaming: stream),
            body: try ProviderHTTP.encodeJSON(wire)
        )
        return try await ProviderHTTP.send(request, via: transport, deadline: call.deadline, key: key)
    }
}
