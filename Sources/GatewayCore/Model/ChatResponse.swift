/// Why the model stopped.
public enum FinishReason: String, Sendable, Hashable, Codable {
    case stop
    case length
    case toolCalls = "tool_calls"
    case contentFilter = "content_filter"
}

/// Token counts as reported by the provider.
public struct Usage: Sendable, Hashable, Codable {
    public var inputTokens: Int
    public var outputTokens: Int
    /// Input tokens the provider served from its own prompt cache (OpenAI `cached_tokens`,
    /// Anthropic `cache_read_input_tokens`, Gemini `cachedContentTokenCount`).
    public var cachedInputTokens: Int?
    /// Output tokens spent on reasoning (OpenAI `reasoning_tokens`, Gemini `thoughtsTokenCount`).
    public var reasoningTokens: Int?

    public init(inputTokens: Int, outputTokens: Int, cachedInputTokens: Int? = nil, reasoningTokens: Int? = nil) {
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.cachedInputTokens = cachedInputTokens
        self.reasoningTokens = reasoningTokens
    }

    public var totalTokens: Int { inputTokens + outputTokens }
}

/// A complete (non-streamed) answer in canonical form.
public struct ChatResponse: Sendable, Hashable {
    public var id: String
    /// The provider's model id that produced the answer.
    public var model: String
    public var text: String
    public var toolCalls: [ToolCall]
    public var finishReason: FinishReason
    public var usage: Usage?
    /// OpenAI's backend configuration fingerprint, when the provider sent one.
    public var systemFingerprint: String?

    public init(
        id: String,
        model: String,
        text: String,
        toolCalls: [ToolCall] = [],
        finishReason: FinishReason,
        usage: Usage?,
        systemFingerprint: String? = nil
    ) {
        self.id = id
        self.model = model
        self.text = text
        self.toolCalls = toolCalls
        self.finishReason = finishReason
        self.usage = usage
        self.systemFingerprint = systemFingerprint
    }
}
