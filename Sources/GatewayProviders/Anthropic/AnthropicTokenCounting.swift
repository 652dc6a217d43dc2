import GatewayCore
import NIOCore
import NIOHTTP1

/// A provider that counts a request's input tokens without generating (Anthropic's
/// `POST /v1/messages/count_tokens`).
public protocol TokenCountingProvider: Provider {
    /// Sends a count_tokens body (already naming the provider's model) and returns the count.
    func countTokens(_ body: ByteBuffer, forwardedHeaders: HTTPHeaders, deadline: NIODeadline) async throws -> Int
}

extension HTTPProvider: TokenCountingProvider where API == AnthropicAPI {
    public func countTokens(_ body: ByteBuffer, forwardedHeaders: HTTPHeaders, deadline: NIODeadline) async throws -> Int {
        do {
            let request = TransportRequest(
                url: api.countTokensURL,
                headers: ProviderHTTP.headers(forwarded: forwardedHeaders, auth: api.authHeaders(key: key), streaming: false),
                body: body)
            let response = try await ProviderHTTP.send(request, via: transport, deadline: deadline, key: key)
            let answer = try await ProviderHTTP.readBody(response, key: key)
            return try ProviderHTTP.decodeJSON(AnthropicWireTokenCount.self, from: answer).inputTokens
        } catch {
            throw ProviderHTTP.sanitize(error, key: key)
        }
    }
}

/// `{"input_tokens": N}`.
struct AnthropicWireTokenCount: Decodable {
    var inputTokens: Int

    enum CodingKeys: String, CodingKey {
        case inputTokens = "input_tokens"
    }
}
