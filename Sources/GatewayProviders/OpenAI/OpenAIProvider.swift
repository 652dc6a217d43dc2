import GatewayCore
import NIOCore

/// OpenAI Chat Completions, and any server that speaks it (`openai_compatible`):
/// `POST {baseURL}/v1/chat/completions` with `Authorization: Bearer KEY` when a key is set.
public typealias OpenAIProvider = HTTPProvider<OpenAIAPI>

extension HTTPProvider where API == OpenAIAPI {
    /// A provider for `baseURL` (without `/v1`); `dialect` picks the token-limit field.
    public init(name: String, baseURL: String, key: APIKey?, transport: any HTTPTransport, dialect: OpenAIDialect = .openai) {
        self.init(name: name, api: OpenAIAPI(baseURL: baseURL, dialect: dialect), key: key, transport: transport)
    }
}

/// OpenAI's endpoint, headers and wire mappings.
public struct OpenAIAPI: VendorAPI {
    public var vendor: Vendor { .openai }

    let base: String
    private let endpoint: String
    private let dialect: OpenAIDialect

    public init(baseURL: String, dialect: OpenAIDialect = .openai) {
        self.base = ProviderHTTP.trimmedBase(baseURL)
        self.endpoint = base + "/v1/chat/completions"
        self.dialect = dialect
    }

    /// `{baseURL}/v1/chat/completions`, streamed or not.
    public func url(model: String, stream: Bool) -> String { endpoint }

    /// `Authorization: Bearer KEY` when a key is set.
    public func authHeaders(key: APIKey?) -> [(String, String)] {
        key.map { [("authorization", "Bearer \($0.value)")] } ?? []
    }

    /// The Chat Completions request; streaming asks for `stream: true` with usage included.
    public func wireRequest(_ call: UpstreamCall, stream: Bool) -> any Encodable {
        OpenAIRequestMapping.wireRequest(call.request, model: call.model, dialect: dialect, stream: stream)
    }

    /// Decodes the `chat.completion`.
    public func response(from body: ByteBuffer, call: UpstreamCall) throws(UpstreamError) -> ChatResponse {
        try OpenAIResponseMapping.response(from: body, model: call.model)
    }

    /// Decodes `chat.completion.chunk` events.
    public func streamDecoder(for call: UpstreamCall) -> any StreamEventDecoder { OpenAIStreamDecoder() }
}
