import GatewayCore
import NIOCore

/// Google Gemini: `POST {baseURL}/v1beta/models/{model}:generateContent` (streaming:
/// `:streamGenerateContent?alt=sse`), the key in `x-goog-api-key`, never in the URL.
public typealias GeminiProvider = HTTPProvider<GeminiAPI>

extension HTTPProvider where API == GeminiAPI {
    /// A provider for `baseURL` (without `/v1beta`).
    public init(name: String, baseURL: String, key: APIKey?, transport: any HTTPTransport) {
        self.init(name: name, api: GeminiAPI(baseURL: baseURL), key: key, transport: transport)
    }

    /// The endpoint for a model id (a `models/` prefix is accepted and dropped).
    static func url(base: String, model: String, stream: Bool) -> String {
        let id = model.hasPrefix("models/") ? String(model.dropFirst("models/".count)) : model
        return base + "/v1beta/models/" + id + (stream ? ":streamGenerateContent?alt=sse" : ":generateContent")
    }
}

/// Gemini's endpoints, headers and wire mappings.
public struct GeminiAPI: VendorAPI {
    public var vendor: Vendor { .gemini }

    let base: String

    init(baseURL: String) {
        self.base = ProviderHTTP.trimmedBase(baseURL)
    }

    /// `generateContent`, or `streamGenerateContent?alt=sse` when streaming, for `model`.
    public func url(model: String, stream: Bool) -> String {
        GeminiProvider.url(base: base, model: model, stream: stream)
    }

    /// `x-goog-api-key` when a key is set.
    public func authHeaders(key: APIKey?) -> [(String, String)] {
        key.map { [("x-goog-api-key", $0.value)] } ?? []
    }

    /// The `generateContent` request (the model is in the URL, streaming in the endpoint).
    public func wireRequest(_ call: UpstreamCall, stream: Bool) -> any Encodable {
        GeminiRequestMapping.wireRequest(call.request)
    }

    /// Decodes the `generateContent` answer.
    public func response(from body: ByteBuffer, call: UpstreamCall) throws(UpstreamError) -> ChatResponse {
        try GeminiResponseMapping.response(from: body, model: call.model)
    }

    /// Decodes `streamGenerateContent` events.
    public func streamDecoder(for call: UpstreamCall) -> any StreamEventDecoder { GeminiStreamDecoder() }
}
