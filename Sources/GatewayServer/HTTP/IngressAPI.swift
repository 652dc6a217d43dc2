import GatewayCore
import GatewayProviders
import JSONCore
import NIOCore

/// The client-facing API a request came in on: OpenAI Chat Completions, Anthropic
/// Messages or OpenAI Responses. Both run through the same handler (aliases, strategies, caches, tenants);
/// only decoding, encoding, ids and error shapes differ.
enum IngressAPI: Sendable {
    case chatCompletions
    case messages
    case responses

    /// The API whose error shape a path's errors take.
    static func forPath(_ path: String) -> IngressAPI {
        path.hasPrefix("/v1/messages") ? .messages : .chatCompletions
    }

    func decode(_ body: ByteBuffer, limits: JSONLimits) throws(GatewayError) -> IngressRequest {
        switch self {
        case .chatCompletions: try OpenAIIngress.decode(body, limits: limits)
        case .messages: try AnthropicIngress.decode(body, limits: limits)
        case .responses: try ResponsesIngress.decode(body, limits: limits)
        }
    }

    func encodeResponse(_ response: ChatResponse, model: String, created: Int) -> ByteBuffer {
        switch self {
        case .chatCompletions: OpenAIIngress.encodeResponse(response, model: model, created: created)
        case .messages: AnthropicIngress.encodeResponse(response, model: model)
        case .responses: ResponsesIngress.encodeResponse(response, model: model, created: created)
        }
    }

    func streamEncoder(model: String, created: Int, choices: Int = 1) -> any IngressStreamEncoder {
        switch self {
        case .chatCompletions: OpenAIChunkEncoder(id: newID(), model: model, created: created, choices: choices)
        case .messages: AnthropicEventEncoder(id: newID(), model: model)
        case .responses: ResponsesEventEncoder(id: newID(), model: model, created: created)
        }
    }

    func encodeError(_ error: GatewayError) -> ByteBuffer {
        switch self {
        case .chatCompletions: OpenAIIngress.encodeError(error)
        case .messages: AnthropicIngress.encodeError(error)
        case .responses: ResponsesIngress.encodeError(error)
        }
    }

    /// An id for an answer the gateway gives.
    func newID() -> String {
        let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        switch self {
        case .chatCompletions: return "chatcmpl-" + suffix
        case .messages: return "msg_gw" + suffix
        case .responses: return "resp_gw" + suffix
        }
    }
}
