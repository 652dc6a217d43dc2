import GatewayCore
import NIOCore

/// Chat Completions wire answers → canonical answers and errors. Pure.
enum OpenAIResponseMapping {
    /// Decodes a `chat.completion` body.
    static func response(from body: ByteBuffer, model: String) throws(UpstreamError) -> ChatResponse {
        // A plain text answer is read in one pass; anything else by `Decodable`.
        let wire: OpenAIWireResponse
        if let plain = OpenAIWireResponse.plain(body, limits: WireJSON.limits) {
            wire = plain
        } else {
            wire = try ProviderHTTP.decodeJSON(OpenAIWireResponse.self, from: body)
        }
        // Choices in index order (`n > 1`); a choice without an index keeps its place.
        let choices = wire.choices.enumerated()
            .sorted { ($0.element.index ?? $0.offset, $0.offset) < ($1.element.index ?? $1.offset, $1.offset) }
            .map { choice($0.element) }
        guard let first = choices.first else {
            throw .malformedResponse("chat.completion without choices")
        }
        return ChatResponse(
            id: wire.id ?? "",
            model: wire.model ?? model,
            text: first.text,
            toolCalls: first.toolCalls,
            finishReason: first.finishReason,
            usage: wire.usage.map(usage),
            systemFingerprint: wire.systemFingerprint,
            otherChoices: Array(choices.dropFirst())
        )
    }

    static func choice(_ wire: OpenAIWireResponse.Choice) -> ChatChoice {
        let toolCalls = (wire.message.toolCalls ?? []).map {
            ToolCall(id: $0.id, name: $0.function.name, arguments: $0.function.arguments)
        }
        return ChatChoice(
            text: wire.message.content ?? wire.message.refusal ?? "", toolCalls: toolCalls,
            finishReason: finishReason(wire.finishReason))
    }

    static func usage(_ wire: OpenAIWireUsage) -> Usage {
        Usage(
            inputTokens: wire.promptTokens, outputTokens: wire.completionTokens,
            cachedInputTokens: wire.promptTokensDetails?.cachedTokens, reasoningTokens: wire.completionTokensDetails?.reasoningTokens)
    }

    /// `stop`, `length`, `tool_calls` (and the legacy `function_call`), `content_filter`;
    /// anything else, or none, is `stop`.
    static func finishReason(_ raw: String?) -> FinishReason {
        switch raw {
        case "length": .length
        case "tool_calls", "function_call": .toolCalls
        case "content_filter": .contentFilter
        default: .stop
        }
    }

    /// An in-stream `{"error": ...}` as an upstream failure, classified by its type.
    static func streamError(_ error: OpenAIWireError) -> UpstreamError {
        let message = error.message ?? "error event in stream"
        let type = error.type ?? ""
        if type.contains("rate_limit") || type.contains("insufficient_quota") {
            return .rateLimited(retryAfter: nil, message: message)
        }
        if type.contains("overloaded") {
            return .overloaded(status: 503, message: message)
        }
        if type.contains("invalid_request") {
            return .rejected(status: 400, message: message)
        }
        return .serverError(status: 500, message: message)
    }
}
