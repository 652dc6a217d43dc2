import GatewayCore
import NIOCore

/// OpenAI Chat Completions, and any server that speaks it (`openai_compatible`):
/// `POST {baseURL}/v1/chat/completions` with `Authorization: Bearer KEY` when a key is set.
public struct OpenAIProvider: Provider {
    /// The policy's name for this provider.
    public let name: String
    private let url: String
    private let key: APIKey?
    private let transport: any HTTPTransport
    private let dialect: OpenAIDialect

    /// A provider for `baseURL` (without `/v1`); `dialect` picks the token-limit field.
    public init(name: String, baseURL: String, key: APIKey?, transport: any HTTPTransport, dialect: OpenAIDialect = .openai) {
        self.name = name
        self.url = ProviderHTTP.trimmedBase(baseURL) + "/v1/chat/completions"
        self.key = key
        self.transport = transport
        self.dialect = dialect
    }

    /// Sends the request without streaming and decodes the `chat.completion`.
    public func complete(_ call: UpstreamCall) async throws -> UpstreamReply {
        let response = try await send(call, stream: false)
        let body = try await ProviderHTTP.readBody(response, key: key)
        let chat = try OpenAIResponseMapping.response(from: body, model: call.model)
        return UpstreamReply(response: chat, serviceTime: ProviderHTTP.serviceTime(response.headers))
    }

    /// Sends the request with `stream: true` and usage included; events decode lazily.
    public func stream(_ call: UpstreamCall) async throws -> UpstreamEventStream {
        let response = try await send(call, stream: true)
        return UpstreamEventStream(
            body: response.body,
            decoder: OpenAIStreamDecoder(),
            serviceTime: ProviderHTTP.serviceTime(response.headers)
        )
    }

    private func send(_ call: UpstreamCall, stream: Bool) async throws -> TransportResponse {
        let wire = OpenAIRequestMapping.wireRequest(call.request, model: call.model, dialect: dialect, stream: stream)
        let auth = key.map { [("authorization", "Bearer \($0.value)")] } ?? []
        let request = TransportRequest(
            url: url,
            headers: ProviderHTTP.headers(forwarded: call.forwardedHeaders, auth: auth, streaming: stream),
            body: try ProviderHTTP.encodeJSON(wire)
        )
        return try await ProviderHTTP.send(request, via: transport, deadline: call.deadline, key: key)
    }
}
