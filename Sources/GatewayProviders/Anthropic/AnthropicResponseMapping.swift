import GatewayCore
import NIOCore

/// Messages wire answers → canonical answers and errors. Pure.
enum AnthropicResponseMapping {
    /// Decodes a `message` body: text blocks joined, `tool_use` blocks as tool calls; a
    /// call of the JSON tool (when JSON was asked for: `jsonAnswer`) is the answer's content.
    static func response(from body: ByteBuffer, model: String, jsonAnswer: Bool = false) throws(UpstreamError) -> ChatResponse {
        let wire = try ProviderHTTP.decodeJSON(AnthropicWireResponse.self, from: body)
        var text = ""
        var toolCalls: [ToolCall] = []
        var answeredInJSON = false
        for block in wire.content {
            switch block.type {
            case "text":
                text += block.text ?? ""
            case "tool_use" where jsonAnswer && block.name == AnthropicRequestMapping.jsonToolName:
                // Text the model wrote before the call is not part of a JSON answer.
                text = JSONText.encode(block.input ?? .object([:]))
                answeredInJSON = true
            case "tool_use":
                toolCalls.append(ToolCall(
                    id: block.id ?? "",
                    name: block.name ?? "",
                    arguments: JSONText.encode(block.input ?? .object([:]))
                ))
            default:
                continue
            }
        }
        return ChatResponse(
            id: wire.id ?? "",
            model: wire.model ?? model,
            text: text,
            toolCalls: answeredInJSON ? [] : toolCalls,
            finishReason: answeredInJSON && wire.stopReason == "tool_use" ? .stop : finishReason(wire.stopReason),
            usage: wire.usage.map(usage)
        )
    }

    static func usage(_ wire: AnthropicWireUsage) -> Usage {
        Usage(inputTokens: wire.totalInput ?? 0, outputTokens: wire.outputTokens ?? 0, cachedInputTokens: wire.cacheReadInputTokens)
    }

    /// `end_turn`/`stop_sequence` → stop, `max_tokens` → length, `tool_use` → toolCalls,
    /// `refusal` → contentFilter; anything else (`pause_turn`, none) → stop.
    static func finishReason(_ raw: String?) -> FinishReason {
        switch raw {
        case "max_tokens", "model_context_window_exceeded": .length
        case "tool_use": .toolCalls
        case "refusal": .contentFilter
        default: .stop
        }
    }

    /// An `event: error` as the failure its HTTP twin would be (`overloaded_error` → 529).
    static func streamError(_ error: AnthropicWireError?) -> UpstreamError {
        let message = error?.message ?? "error event in stream"
        return .fromStatus(status(forErrorType: error?.type), retryAfter: nil, message: message)
    }

    /// The HTTP status Anthropic documents for each error type.
    static func status(forErrorType type: String?) -> Int {
        switch type {
        case "invalid_request_error": 400
        case "authentication_error": 401
        case "billing_error": 402
        case "permission_error": 403
        case "not_found_error": 404
        case "request_too_large": 413
        case "rate_limit_error": 429
        case "timeout_error": 504
        case "overloaded_error": 529
        default: 500
        }
    }
}
