import GatewayCore
import NIOCore

/// Anthropic Messages: `POST {baseURL}/v1/messages` with `x-api-key` and
/// `anthropic-version: 2023-06-01`.
public typealias AnthropicProvider = HTTPProvider<AnthropicAPI>

extension HTTPProvider where API == AnthropicAPI {
    /// A provider for `baseURL` (without `/v1`).
    public init(name: String, baseURL: String, key: APIKey?, transport: any HTTPTransport) {
        self.init(name: name, api: AnthropicAPI(baseURL: baseURL), key: key, transport: transport)
    }
}

/// Anthropic's endpoint, headers and wire mappings.
public struct AnthropicAPI: VendorAPI {
    public var vendor: Vendor { .anthropic }

    /// The API version every request names.
    static let apiVersion = "2023-06-01"

    private let endpoint: String

    init(baseURL: String) {
        self.endpoint = ProviderHTTP.trimmedBase(baseURL) + "/v1/messages"
    }

    /// `{baseURL}/v1/messages/count_tokens`.
    var countTokensURL: String { endpoint + "/count_tokens" }

    /// `{baseURL}/v1/messages`, streamed or not.
    public func url(model: String, stream: Bool) -> String { endpoint }

    /// `anthropic-version`, then `x-api-key` when a key is set.
    public func authHeaders(key: APIKey?) -> [(String, String)] {
        var auth = [("anthropic-version", Self.apiVersion)]
        if let key { auth.append(("x-api-key", key.value)) }
        return auth
    }

    /// The Messages request, with `stream: true` when streaming.
    public func wireRequest(_ call: UpstreamCall, stream: Bool) -> any Encodable {
        AnthropicRequestMapping.wireRequest(call.request, model: call.model, stream: stream)
    }

    /// Decodes the `message`.
    public func response(from body: ByteBuffer, call: UpstreamCall) throws(UpstreamError) -> ChatResponse {
        try AnthropicResponseMapping.response(from: body, model: call.model, jsonAnswer: AnthropicRequestMapping.answersThroughJSONTool(call.request))
    }

    /// Decodes Messages stream events.
    public func streamDecoder(for call: UpstreamCall) -> any StreamEventDecoder {
        AnthropicStreamDecoder(jsonAnswer: AnthropicRequestMapping.answersThroughJSONTool(call.request))
    }
}
