import GatewayCore
import NIOCore

/// Google Gemini: `POST {baseURL}/v1beta/models/{model}:generateContent` (streaming:
/// `:streamGenerateContent?alt=sse`), the key in `x-goog-api-key`, never in the URL.
public struct GeminiProvider: Provider {
    /// The policy's name for this provider.
    public let name: String
    private let base: String
    private let key: APIKey?
    private let transport: any HTTPTransport

    /// A provider for `baseURL` (without `/v1beta`).
    public init(name: String, baseURL: String, key: APIKey?, transport: any HTTPTransport) {
        self.name = name
        self.base = ProviderHTTP.trimmedBase(baseURL)
        self.key = key
        self.transport = transport
    }

    /// Sends `generateContent` and decodes the answer.
    public func complete(_ call: UpstreamCall) async throws -> UpstreamReply {
        let response = try await send(call, stream: false)
        let body = try await ProviderHTTP.readBody(response, key: key)
        let chat = try GeminiResponseMapping.response(from: body, model: call.model)
        return UpstreamReply(response: chat, serviceTime: ProviderHTTP.serviceTime(response.headers))
    }

    /// Sends `streamGenerateContent?alt=sse`; events decode lazily.
    public func stream(_ call: UpstreamCall) async throws -> UpstreamEventStream {
        let response = try await send(call, stream: true)
        return UpstreamEventStream(
            body: response.body,
            decoder: GeminiStreamDecoder(),
            serviceTime: ProviderHTTP.serviceTime(response.headers)
        )
    }

    /// The endpoint for a model id (a `models/` prefix is accepted and dropped).
    static func url(base: String, model: String, stream: Bool) -> String {
        let id = model.hasPrefix("models/") ? String(model.dropFirst("models/".count)) : model
        return base + "/v1beta/models/" + id + (stream ? ":streamGenerateContent?alt=sse" : ":generateContent")
    }

    private func send(_ call: UpstreamCall, stream: Bool) async throws -> TransportResponse {
        let wire = GeminiRequestMapping.wireRequest(call.request)
        let auth = key.map { [("x-goog-api-key", $0.value)] } ?? []
        let request = TransportRequest(
            url: Self.url(base: base, model: call.model, stream: stream),
            headers: ProviderHTTP.headers(forwarded: call.forwardedHeaders, auth: auth, streaming: stream),
            body: try ProviderHTTP.encodeJSON(wire)
        )
        return try await ProviderHTTP.send(request, via: transport, deadline: call.deadline, key: key)
    }
}
